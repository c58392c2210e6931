"""accounts: login sessions, API tokens, invites and failed-login counts for server mode

Revision ID: 0005
Revises: 0004

Everything an app process needs to know about a signed-in user lives in these tables, so several
processes over one PostgreSQL share sessions, tokens and the login rate limit.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('web_sessions',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('token_hash', sa.String(length=64), nullable=False),
                    sa.Column('user_id', sa.Integer(), nullable=False),
                    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('expires', sa.DateTime(timezone=True), nullable=False),
                    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('token_hash'))
    op.create_index('ix_web_sessions_user_id', 'web_sessions', ['user_id'])
    op.create_index('ix_web_sessions_expires', 'web_sessions', ['expires'])
    op.create_table('api_tokens',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('token_hash', sa.String(length=64), nullable=False),
                    sa.Column('user_id', sa.Integer(), nullable=False),
                    sa.Column('label', sa.String(length=100), nullable=False),
                    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
                    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('token_hash'))
    op.create_index('ix_api_tokens_user_id', 'api_tokens', ['user_id'])
    op.create_table('invites',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('token_hash', sa.String(length=64), nullable=False),
                    sa.Column('role', sa.String(length=20), nullable=False),
                    sa.Column('created_by', sa.Integer(), nullable=True),
                    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('expires', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('used_by', sa.Integer(), nullable=True),
                    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ondelete='SET NULL'),
                    sa.ForeignKeyConstraint(['used_by'], ['users.id'], ondelete='SET NULL'),
                    sa.PrimaryKeyConstraint('id'), sa.UniqueConstraint('token_hash'))
    op.create_table('login_attempts',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('name', sa.String(length=100), nullable=False),
                    sa.Column('address', sa.String(length=64), nullable=False),
                    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_login_attempts_name', 'login_attempts', ['name'])
    op.create_index('ix_login_attempts_address', 'login_attempts', ['address'])
    op.create_index('ix_login_attempts_at', 'login_attempts', ['at'])


def downgrade() -> None:
    op.drop_table('login_attempts')
    op.drop_table('invites')
    op.drop_table('api_tokens')
    op.drop_table('web_sessions')
