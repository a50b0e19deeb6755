"""mentorship problem reports

A member of a mentorship may report a problem to the programme lead; while the report is open,
the lead may read the pair's messages.

Revision ID: d5e2b7a40c18
Revises: c4d8a1f29e63
Create Date: 2026-11-27 21:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd5e2b7a40c18'
down_revision = 'c4d8a1f29e63'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mentorship_problem_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mentorship_id', sa.Integer(), nullable=False),
    sa.Column('reporter_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('resolution_note', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('open', 'resolved')", name=op.f('ck_mentorship_problem_reports_status_allowed')),
    sa.CheckConstraint('length(reason) <= 1000', name=op.f('ck_mentorship_problem_reports_reason_length')),
    sa.CheckConstraint('length(resolution_note) <= 1000', name=op.f('ck_mentorship_problem_reports_resolution_note_length')),
    sa.ForeignKeyConstraint(['mentorship_id'], ['mentorships.id'], name=op.f('fk_mentorship_problem_reports_mentorship_id_mentorships'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reporter_id'], ['users.id'], name=op.f('fk_mentorship_problem_reports_reporter_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_mentorship_problem_reports_resolved_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentorship_problem_reports'))
    )
    with op.batch_alter_table('mentorship_problem_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentorship_problem_reports_mentorship_id'), ['mentorship_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentorship_problem_reports_reporter_id'), ['reporter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentorship_problem_reports_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('mentorship_problem_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentorship_problem_reports_status'))
        batch_op.drop_index(batch_op.f('ix_mentorship_problem_reports_reporter_id'))
        batch_op.drop_index(batch_op.f('ix_mentorship_problem_reports_mentorship_id'))
    op.drop_table('mentorship_problem_reports')
