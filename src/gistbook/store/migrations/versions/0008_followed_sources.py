"""followed sources: feeds and listing pages polled on a schedule, the entries they brought, job reports

Revision ID: 0008
Revises: 0007

A followed source keeps its conditional-GET validators (ETag, Last-Modified), its schedule and the outcome of
its last poll; `source_items` remembers which entries reached the store, so they are never fetched twice.
Background jobs leave their report in `job_reports`, and uploads wait for a worker in `job_uploads`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('followed_sources',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('url', sa.String(length=2000), nullable=False),
                    sa.Column('name', sa.String(length=300), nullable=False),
                    sa.Column('named', sa.Boolean(), nullable=False),
                    sa.Column('kind', sa.String(length=10), nullable=True),
                    sa.Column('category', sa.String(length=200), nullable=True),
                    sa.Column('every_s', sa.Integer(), nullable=False),
                    sa.Column('paused', sa.Boolean(), nullable=False),
                    sa.Column('etag', sa.String(length=500), nullable=True),
                    sa.Column('last_modified', sa.String(length=100), nullable=True),
                    sa.Column('last_fetch', sa.DateTime(timezone=True), nullable=True),
                    sa.Column('last_status', sa.String(length=40), nullable=True),
                    sa.Column('last_error', sa.Text(), nullable=True),
                    sa.Column('next_due', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('id'),
                    sa.UniqueConstraint('url'))
    op.create_index('ix_followed_sources_next_due', 'followed_sources', ['next_due'])
    op.create_table('source_items',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('source_id', sa.Integer(), nullable=False),
                    sa.Column('url', sa.String(length=2000), nullable=False),
                    sa.Column('article_id', sa.Integer(), nullable=True),
                    sa.Column('seen', sa.DateTime(timezone=True), nullable=False),
                    sa.ForeignKeyConstraint(['source_id'], ['followed_sources.id'], ondelete='CASCADE'),
                    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='SET NULL'),
                    sa.PrimaryKeyConstraint('id'),
                    sa.UniqueConstraint('source_id', 'url'))
    op.create_index('ix_source_items_source_id', 'source_items', ['source_id'])
    op.create_index('ix_source_items_article_id', 'source_items', ['article_id'])
    op.create_table('job_reports',
                    sa.Column('job_id', sa.BigInteger(), autoincrement=False, nullable=False),
                    sa.Column('report', sa.JSON(), nullable=False),
                    sa.Column('finished', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('job_id'))
    op.create_table('job_uploads',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('name', sa.String(length=200), nullable=False),
                    sa.Column('data', sa.LargeBinary(), nullable=False),
                    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('job_uploads')
    op.drop_table('job_reports')
    op.drop_table('source_items')
    op.drop_table('followed_sources')
