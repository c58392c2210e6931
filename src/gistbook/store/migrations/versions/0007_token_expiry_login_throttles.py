"""token expiry and last use; login throttles replace the log of failed logins

Revision ID: 0007
Revises: 0006

API tokens get an expiry and a last-use time. Tokens made before this revision expire 90 days (the default
lifetime) after they were made. The rate limit keeps one counter row per key (a name at an address, an
address) that a single upsert updates, instead of a row per failure counted before an insert, which let
parallel tries through.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

EXISTING_TOKEN_DAYS = 90


def upgrade() -> None:
    with op.batch_alter_table('api_tokens') as batch:
        batch.add_column(sa.Column('expires', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('last_used', sa.DateTime(timezone=True), nullable=True))
    tokens = sa.table('api_tokens', sa.column('id', sa.Integer()), sa.column('created', sa.DateTime(timezone=True)),
                      sa.column('expires', sa.DateTime(timezone=True)))
    conn = op.get_bind()
    for token_id, created in conn.execute(sa.select(tokens.c.id, tokens.c.created)).all():
        conn.execute(tokens.update().where(tokens.c.id == token_id)
                     .values(expires=created + dt.timedelta(days=EXISTING_TOKEN_DAYS)))
    with op.batch_alter_table('api_tokens') as batch:
        batch.alter_column('expires', existing_type=sa.DateTime(timezone=True), nullable=False)

    op.drop_table('login_attempts')
    op.create_table('login_throttles',
                    sa.Column('key', sa.String(length=200), nullable=False),
                    sa.Column('failures', sa.Integer(), nullable=False),
                    sa.Column('last_try', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('wait_until', sa.DateTime(timezone=True), nullable=True),
                    sa.PrimaryKeyConstraint('key'))
    op.create_index('ix_login_throttles_last_try', 'login_throttles', ['last_try'])


def downgrade() -> None:
    op.drop_table('login_throttles')
    op.create_table('login_attempts',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('name', sa.String(length=100), nullable=False),
                    sa.Column('address', sa.String(length=64), nullable=False),
                    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_login_attempts_name', 'login_attempts', ['name'])
    op.create_index('ix_login_attempts_address', 'login_attempts', ['address'])
    op.create_index('ix_login_attempts_at', 'login_attempts', ['at'])
    with op.batch_alter_table('api_tokens') as batch:
        batch.drop_column('last_used')
        batch.drop_column('expires')
