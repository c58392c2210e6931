"""page snapshots: finished HTML of dossier pages, kept with the version of the data they show

Revision ID: 0006
Revises: 0005

A dossier is built from hundreds of rows across several tables on every view; a snapshot lets a page view
check a cheap version (the topic's newest items and the entities it names) and reuse the HTML.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('page_snapshots',
                    sa.Column('key', sa.String(length=200), nullable=False),
                    sa.Column('version', sa.String(length=100), nullable=False),
                    sa.Column('entity_ids', sa.JSON(), nullable=False),
                    sa.Column('title', sa.Text(), nullable=False),
                    sa.Column('body', sa.Text(), nullable=False),
                    sa.Column('built', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('key'))


def downgrade() -> None:
    op.drop_table('page_snapshots')
