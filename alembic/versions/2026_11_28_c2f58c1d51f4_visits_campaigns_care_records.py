"""visits, holiday campaigns, health and help records

Revision ID: c2f58c1d51f4
Revises: 0d2ffd8089ef
Create Date: 2026-11-28 22:52:13.017683
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = 'c2f58c1d51f4'
down_revision: str | None = '0d2ffd8089ef'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_REQUEST = sa.text("source = 'request' AND status IN ('received', 'scheduled')")


def upgrade() -> None:
    op.create_table('campaign',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('audience', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('audience_grid_id', sa.Integer(), nullable=True),
    sa.Column('task_count', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['audience_grid_id'], ['grid.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('health_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('has_record', sa.Boolean(), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['updated_by_id'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('member_id')
    )
    op.create_table('help_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('what', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('given_by', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('help_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_help_record_member_id'), ['member_id'], unique=False)

    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('wish_day', sa.Date(), nullable=True),
    sa.Column('wish_part', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('visit_day', sa.Date(), nullable=True),
    sa.Column('visit_part', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('visitor_id', sa.Integer(), nullable=True),
    sa.Column('decline_reason', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('help_need', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('health_concern', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('study_at_home', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('handled_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], ),
    sa.ForeignKeyConstraint(['handled_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['visitor_id'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index('ix_visit_grid_open', ['grid_id', 'status', 'source', 'created_at'], unique=False)
        batch_op.create_index('ix_visit_member_visited', ['member_id', 'visited_on'], unique=False)
        batch_op.create_index('uq_visit_open_request', ['member_id', 'reason'], unique=True, sqlite_where=OPEN_REQUEST, postgresql_where=OPEN_REQUEST)



def downgrade() -> None:
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('uq_visit_open_request')
        batch_op.drop_index('ix_visit_member_visited')
        batch_op.drop_index('ix_visit_grid_open')
        batch_op.drop_index(batch_op.f('ix_visit_campaign_id'))

    op.drop_table('visit')
    with op.batch_alter_table('help_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_help_record_member_id'))

    op.drop_table('help_record')
    op.drop_table('health_record')
    op.drop_table('campaign')
