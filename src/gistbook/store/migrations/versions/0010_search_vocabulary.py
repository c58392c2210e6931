"""search vocabulary: the indexed words as written, for "did you mean"

Revision ID: 0010
Revises: 0009

`search_words` holds every word of the indexed titles, headings, bullets and entity names with the number of
articles using it (the full-text indexes keep only stems). On PostgreSQL a pg_trgm GIN index finds the words near
a misspelling; where the extension cannot be created (no right to), search falls back to comparing in Python.
The table is filled from the stored articles.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    from gistbook.store.vocabulary import rebuild_vocabulary

    op.create_table('search_words',
                    sa.Column('word', sa.String(length=64), nullable=False),
                    sa.Column('docs', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('word'))
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                op.create_index('ix_search_words_trigram', 'search_words', ['word'], postgresql_using='gin',
                                postgresql_ops={'word': 'gin_trgm_ops'})
        except sa.exc.DBAPIError as exc:
            log.warning("no pg_trgm (%s): 'did you mean' compares words in Python", str(exc).splitlines()[0])
    rebuild_vocabulary(Session(bind=bind))


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_search_words_trigram")
    op.drop_table('search_words')
