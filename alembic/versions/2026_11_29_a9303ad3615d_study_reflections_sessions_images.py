"""周周讲进家庭: picture uploads, reflections, study sessions and their attendance

Revision ID: a9303ad3615d
Revises: b8a62140a7f5
Create Date: 2026-11-29 01:25:34.349008
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = 'a9303ad3615d'
down_revision: str | None = 'b8a62140a7f5'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('study_image',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_type', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('study_image', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_image_sha256'), ['sha256'], unique=False)

    op.create_table('study_reflection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('week_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('reply', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('replied_by_id', sa.Integer(), nullable=True),
    sa.Column('replied_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['replied_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['week_id'], ['study_week.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('member_id', 'week_id')
    )
    with op.batch_alter_table('study_reflection', schema=None) as batch_op:
        batch_op.create_index('ix_reflection_grid_status', ['grid_id', 'status', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_study_reflection_week_id'), ['week_id'], unique=False)

    op.create_table('study_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('week_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('part', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('starts_at', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('token', sqlmodel.sql.sqltypes.AutoString(length=43), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], ),
    sa.ForeignKeyConstraint(['week_id'], ['study_week.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token')
    )
    with op.batch_alter_table('study_session', schema=None) as batch_op:
        batch_op.create_index('ix_study_session_grid_day', ['grid_id', 'held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_study_session_week_id'), ['week_id'], unique=False)

    op.create_table('study_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('via', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('checked_in_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['account.id'], ),
    sa.ForeignKeyConstraint(['session_id'], ['study_session.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'member_id')
    )
    with op.batch_alter_table('study_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_attendance_session_id'), ['session_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('study_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_study_attendance_session_id'))

    op.drop_table('study_attendance')
    with op.batch_alter_table('study_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_study_session_week_id'))
        batch_op.drop_index('ix_study_session_grid_day')

    op.drop_table('study_session')
    with op.batch_alter_table('study_reflection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_study_reflection_week_id'))
        batch_op.drop_index('ix_reflection_grid_status')

    op.drop_table('study_reflection')
    with op.batch_alter_table('study_image', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_study_image_sha256'))

    op.drop_table('study_image')
