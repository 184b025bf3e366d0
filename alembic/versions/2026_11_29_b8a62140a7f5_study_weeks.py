"""周周讲进家庭: study weeks, their versions, members' study records

Revision ID: b8a62140a7f5
Revises: c2f58c1d51f4
Create Date: 2026-11-29 00:23:23.105794
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = 'b8a62140a7f5'
down_revision: str | None = 'c2f58c1d51f4'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('study_week',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('week_of', sa.Date(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('publish_on', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('week_of')
    )
    with op.batch_alter_table('study_week', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_week_publish_on'), ['publish_on'], unique=False)

    op.create_table('study_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('week_id', sa.Integer(), nullable=False),
    sa.Column('studied_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('how', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('version_seen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['week_id'], ['study_week.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('member_id', 'week_id')
    )
    with op.batch_alter_table('study_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_record_week_id'), ['week_id'], unique=False)

    op.create_table('study_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('week_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('body_markdown', sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
    sa.Column('key_points', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
    sa.Column('questions', sqlmodel.sql.sqltypes.AutoString(length=600), nullable=False),
    sa.Column('edited_by_id', sa.Integer(), nullable=False),
    sa.Column('edited_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['edited_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['week_id'], ['study_week.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('week_id', 'version')
    )


def downgrade() -> None:
    op.drop_table('study_version')
    with op.batch_alter_table('study_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_study_record_week_id'))

    op.drop_table('study_record')
    with op.batch_alter_table('study_week', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_study_week_publish_on'))

    op.drop_table('study_week')
