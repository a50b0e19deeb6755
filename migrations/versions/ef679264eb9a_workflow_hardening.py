"""workflow hardening (workflow branch): idea city, withdrawal reasons, ended pairings, digests

Ideas get an optional `city` (empty: the owner's profile city, as before). A withdrawn proposal
and the mentor's notice record why it was withdrawn: a re-match (every existing row), another
mentor approved for the idea, or the idea withdrawn by its owner. Approved pairings outlive
their mentor, partner or cluster: the target foreign keys become ON DELETE SET NULL, and an
ended pairing keeps when and why it ended and the target's name. Mentors get a daily digest
of proposal e-mails unless they choose instant e-mails (`users.instant_emails`, false for all).

Revision ID: ef679264eb9a
Revises: 453a477f80ac
Create Date: 2026-11-27 09:36:06.667575

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ef679264eb9a'
down_revision = '453a477f80ac'
branch_labels = None
depends_on = None

REASONS = "'rematch', 'mentor_approved', 'idea_withdrawn'"
END_REASONS = "'mentor_deleted', 'partner_deleted', 'cluster_deleted'"
OLD_ONE_TARGET = (
    "(kind = 'mentor' AND mentor_id IS NOT NULL AND partner_id IS NULL AND cluster_id IS NULL)"
    " OR (kind = 'partner' AND partner_id IS NOT NULL AND mentor_id IS NULL AND cluster_id IS NULL)"
    " OR (kind = 'cluster' AND cluster_id IS NOT NULL AND mentor_id IS NULL AND partner_id IS NULL)"
)
NEW_ONE_TARGET = (
    "(kind = 'mentor' AND partner_id IS NULL AND cluster_id IS NULL"
    " AND (mentor_id IS NOT NULL OR ended_at IS NOT NULL))"
    " OR (kind = 'partner' AND mentor_id IS NULL AND cluster_id IS NULL"
    " AND (partner_id IS NOT NULL OR ended_at IS NOT NULL))"
    " OR (kind = 'cluster' AND mentor_id IS NULL AND partner_id IS NULL"
    " AND (cluster_id IS NOT NULL OR ended_at IS NOT NULL))"
)
ENDED = (
    "(ended_at IS NULL AND end_reason IS NULL)"
    f" OR (status = 'approved' AND ended_at IS NOT NULL AND end_reason IN ({END_REASONS}))"
)
TARGETS = (("mentor_id", "users"), ("partner_id", "partners"), ("cluster_id", "clusters"))


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('instant_emails', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('last_digest_at', sa.DateTime(timezone=True), nullable=True))

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

    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('end_reason', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('ended_target_name', sa.String(length=200), nullable=True))
    with op.batch_alter_table('matches', schema=None) as batch_op:
        for column, table in TARGETS:
            name = batch_op.f(f'fk_matches_{column}_{table}')
            batch_op.drop_constraint(name, type_='foreignkey')
            batch_op.create_foreign_key(name, table, [column], ['id'], ondelete='SET NULL')
        batch_op.drop_constraint(batch_op.f('ck_matches_one_target'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_matches_one_target'), NEW_ONE_TARGET)
        batch_op.create_check_constraint(batch_op.f('ck_matches_ended_when_approved'), ENDED)


def downgrade():
    # The old schema cannot hold a pairing without its target: ended pairings whose mentor,
    # partner or cluster is gone are removed (the audit trail keeps that they ended).
    op.execute(
        "DELETE FROM matches WHERE ended_at IS NOT NULL"
        " AND mentor_id IS NULL AND partner_id IS NULL AND cluster_id IS NULL"
    )
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_matches_ended_when_approved'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_matches_one_target'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_matches_one_target'), OLD_ONE_TARGET)
        for column, table in TARGETS:
            name = batch_op.f(f'fk_matches_{column}_{table}')
            batch_op.drop_constraint(name, type_='foreignkey')
            batch_op.create_foreign_key(name, table, [column], ['id'], ondelete='CASCADE')
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.drop_column('ended_target_name')
        batch_op.drop_column('end_reason')
        batch_op.drop_column('ended_at')

    with op.batch_alter_table('withdrawn_proposals', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_withdrawn_proposals_reason_allowed'), type_='check')
        batch_op.drop_column('reason')

    with op.batch_alter_table('proposal_notices', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_proposal_notices_withdrawal_reason_allowed'), type_='check')
        batch_op.drop_column('withdrawal_reason')

    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_column('city')

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('last_digest_at')
        batch_op.drop_column('instant_emails')
