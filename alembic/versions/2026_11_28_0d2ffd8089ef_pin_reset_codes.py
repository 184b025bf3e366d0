"""pin reset codes

Revision ID: 0d2ffd8089ef
Revises: 81f9161a9a0f
Create Date: 2026-11-28 21:22:05.949438
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0d2ffd8089ef'
down_revision: str | None = '81f9161a9a0f'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('pin_reset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('wrong_tries', sa.Integer(), nullable=False),
    sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['issued_by_id'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('pin_reset', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pin_reset_account_id'), ['account_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('pin_reset', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pin_reset_account_id'))

    op.drop_table('pin_reset')
