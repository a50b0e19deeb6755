"""introduction problem reports

A problem report is about a mentorship or a partner introduction (an approved partner match):
exactly one of the two.

Revision ID: f3a9c6e1b274
Revises: d5e2b7a40c18
Create Date: 2026-11-27 22:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f3a9c6e1b274'
down_revision = 'd5e2b7a40c18'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('mentorship_problem_reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('match_id', sa.Integer(), nullable=True))
        batch_op.alter_column('mentorship_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(batch_op.f('ix_mentorship_problem_reports_match_id'), ['match_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_mentorship_problem_reports_match_id_matches'), 'matches', ['match_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint(batch_op.f('ck_mentorship_problem_reports_one_subject'), '(mentorship_id IS NULL) <> (match_id IS NULL)')


def downgrade():
    op.execute('DELETE FROM mentorship_problem_reports WHERE mentorship_id IS NULL')
    with op.batch_alter_table('mentorship_problem_reports', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_mentorship_problem_reports_one_subject'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_mentorship_problem_reports_match_id_matches'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_mentorship_problem_reports_match_id'))
        batch_op.alter_column('mentorship_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('match_id')
