"""session ratings and the inactivity warning of mentorships

Each member rates a held session 1-5 with one click (one row per member and session). An active
mentorship without activity for a while is warned once (inactivity_warned_at, with the day it
will close) and closed as ended early if nothing happens by then.

Revision ID: b7e2c91d4f10
Revises: e0ea965663d1
Create Date: 2026-11-27 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e2c91d4f10'
down_revision = 'e0ea965663d1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mentorship_session_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('rating >= 1 AND rating <= 5', name=op.f('ck_mentorship_session_ratings_rating_range')),
    sa.ForeignKeyConstraint(['session_id'], ['mentorship_sessions.id'], name=op.f('fk_mentorship_session_ratings_session_id_mentorship_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_mentorship_session_ratings_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentorship_session_ratings')),
    sa.UniqueConstraint('session_id', 'user_id', name='uq_session_rating_member')
    )
    with op.batch_alter_table('mentorship_session_ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentorship_session_ratings_session_id'), ['session_id'], unique=False)
    with op.batch_alter_table('mentorships', schema=None) as batch_op:
        batch_op.add_column(sa.Column('inactivity_warned_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('inactive_close_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('mentorships', schema=None) as batch_op:
        batch_op.drop_column('inactive_close_on')
        batch_op.drop_column('inactivity_warned_at')
    with op.batch_alter_table('mentorship_session_ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentorship_session_ratings_session_id'))
    op.drop_table('mentorship_session_ratings')
