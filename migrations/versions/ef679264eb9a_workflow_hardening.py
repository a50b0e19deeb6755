"""workflow hardening (workflow branch): idea city, why a proposal was withdrawn

Ideas get an optional `city` (empty: the owner's profile city, as before). A withdrawn proposal
and the mentor's notice record why it was withdrawn: a re-match (every existing row), another
mentor approved for the idea, or the idea withdrawn by its owner.

Revision ID: ef679264eb9a
Revises: 73943fdcdf37
Create Date: 2026-11-27 09:36:06.667575

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ef679264eb9a'
down_revision = '73943fdcdf37'
branch_labels = None
depends_on = None

REASONS = "'rematch', 'mentor_approved', 'idea_withdrawn'"


def upgrade():
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('city', sa.String(length=120), server_default='', nullable=False))

    with op.batch_alter_table('proposal_notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawal_reason', sa.String(length=20), nullable=True))
        batch_op.create_check_constraint(
            batch_op.f('ck_proposal_notices_withdrawal_reason_allowed'),
            f"withdrawal_reason IS NULL OR withdrawal_reason IN ({REASONS})",
        )
    op.execute("UPDATE proposal_notices SET withdrawal_reason = 'rematch' WHERE withdrawn_at IS NOT NULL")

    with op.batch_alter_table('withdrawn_proposals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.String(length=20), server_default='rematch', nullable=False))
        batch_op.create_check_constraint(
            batch_op.f('ck_withdrawn_proposals_reason_allowed'), f"reason IN ({REASONS})"
        )


def downgrade():
    with op.batch_alter_table('withdrawn_proposals', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_withdrawn_proposals_reason_allowed'), type_='check')
        batch_op.drop_column('reason')

    with op.batch_alter_table('proposal_notices', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_proposal_notices_withdrawal_reason_allowed'), type_='check')
        batch_op.drop_column('withdrawal_reason')

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_column('city')
