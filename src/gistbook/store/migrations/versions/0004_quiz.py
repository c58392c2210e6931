"""quiz: index to pick the next review card by state and due date

Revision ID: 0004
Revises: 0003

Picking the next card asks, per FSRS state, for the earliest due card of one learner; with only
(user_id, due) indexed that scans every new card first. This index makes each pick one seek.
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_cards_user_state_due', 'cards', ['user_id', 'state', 'due'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_cards_user_state_due', table_name='cards')
