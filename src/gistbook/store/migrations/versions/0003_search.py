"""search index and fact keys

Full-text search: an FTS5 table on SQLite (removed with its article by a trigger; term counts through an
fts5vocab table), a tsvector table with a GIN index on PostgreSQL. Fact keys: MinHash LSH band keys for near-duplicate fact lookup.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('fact_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('fact_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['fact_id'], ['facts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_fact_keys_key', 'fact_keys', ['key'], unique=False)
    op.create_index('ix_fact_keys_fact_id', 'fact_keys', ['fact_id'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("CREATE TABLE search_docs ("
                   "article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, "
                   "document TSVECTOR NOT NULL)")
        op.execute("CREATE INDEX ix_search_docs_document ON search_docs USING GIN (document)")
    else:
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5("
                   "title, body, entities, tokenize = 'porter unicode61 remove_diacritics 2')")
        op.execute("CREATE TRIGGER search_fts_article_deleted AFTER DELETE ON articles "
                   "BEGIN DELETE FROM search_fts WHERE rowid = old.id; END")
        op.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TABLE IF EXISTS search_docs")
    else:
        op.execute("DROP TABLE IF EXISTS search_vocab")
        op.execute("DROP TRIGGER IF EXISTS search_fts_article_deleted")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_index('ix_fact_keys_fact_id', table_name='fact_keys')
    op.drop_index('ix_fact_keys_key', table_name='fact_keys')
    op.drop_table('fact_keys')
