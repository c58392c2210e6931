"""learner settings, mock-test history, the card state before each rating

Revision ID: 0009
Revises: 0008

The exam date and daily card limits move from a browser cookie into `learner_settings`, one row per learner,
so a second browser sees the same plan. `mock_attempts` keeps each finished mock test for the learner's
history. `review_logs.before` holds the card's scheduling state before a rating, so the last rating can be undone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('learner_settings',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('user_id', sa.Integer(), nullable=True),
                    sa.Column('exam_date', sa.Date(), nullable=True),
                    sa.Column('new_per_day', sa.Integer(), nullable=False),
                    sa.Column('reviews_per_day', sa.Integer(), nullable=False),
                    sa.Column('updated', sa.DateTime(timezone=True), nullable=False),
                    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id'),
                    sa.UniqueConstraint('user_id'))
    op.create_table('mock_attempts',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('user_id', sa.Integer(), nullable=True),
                    sa.Column('topic', sa.String(length=300), nullable=True),
                    sa.Column('article_id', sa.Integer(), nullable=True),
                    sa.Column('size', sa.Integer(), nullable=False),
                    sa.Column('time_limit_s', sa.Integer(), nullable=True),
                    sa.Column('elapsed_s', sa.Integer(), nullable=True),
                    sa.Column('right', sa.Integer(), nullable=False),
                    sa.Column('wrong', sa.Integer(), nullable=False),
                    sa.Column('blank', sa.Integer(), nullable=False),
                    sa.Column('mains', sa.Integer(), nullable=False),
                    sa.Column('marks', sa.Float(), nullable=False),
                    sa.Column('max_marks', sa.Float(), nullable=False),
                    sa.Column('answers', sa.JSON(), nullable=False),
                    sa.Column('finished', sa.DateTime(timezone=True), nullable=False),
                    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
                    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='SET NULL'),
                    sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_mock_attempts_user_id', 'mock_attempts', ['user_id'])
    op.create_index('ix_mock_attempts_finished', 'mock_attempts', ['finished'])
    with op.batch_alter_table('review_logs') as batch:
        batch.add_column(sa.Column('before', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('review_logs') as batch:
        batch.drop_column('before')
    op.drop_table('mock_attempts')
    op.drop_table('learner_settings')
