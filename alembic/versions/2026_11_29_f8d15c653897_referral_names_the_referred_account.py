"""A referral names the account of the person pointed out, when they have one (a team
leader's 以老带新 from the roster), so the same person is not referred twice.

Revision ID: f8d15c653897
Revises: 64a136d8c4a9
Create Date: 2026-11-29 05:17:24.731175
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'f8d15c653897'
down_revision: str | None = '64a136d8c4a9'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('account_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_referral_account_id'), ['account_id'], unique=False)
        batch_op.create_foreign_key(
            'fk_referral_account_id_account', 'account', ['account_id'], ['id']
        )


def downgrade() -> None:
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_constraint('fk_referral_account_id_account', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_referral_account_id'))
        batch_op.drop_column('account_id')
