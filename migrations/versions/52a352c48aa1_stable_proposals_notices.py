"""stable proposals: what mentors were told (proposal_notices) and withdrawn proposals

Revision ID: 52a352c48aa1
Revises: a34fda08ec01
Create Date: 2026-11-27 08:20:04.475295

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '52a352c48aa1'
down_revision = 'a34fda08ec01'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('proposal_notices',
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('proposed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_proposal_notices_idea_id_ideas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentor_id'], ['users.id'], name=op.f('fk_proposal_notices_mentor_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mentor_id', 'idea_id', name=op.f('pk_proposal_notices'))
    )
    with op.batch_alter_table('proposal_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_notices_idea_id'), ['idea_id'], unique=False)

    op.create_table('withdrawn_proposals',
    sa.Column('match_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_withdrawn_proposals_idea_id_ideas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentor_id'], ['users.id'], name=op.f('fk_withdrawn_proposals_mentor_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('match_id', name=op.f('pk_withdrawn_proposals'))
    )
    with op.batch_alter_table('withdrawn_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_withdrawn_proposals_idea_id'), ['idea_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_withdrawn_proposals_mentor_id'), ['mentor_id'], unique=False)

    # Every mentor match that exists was announced when it was created: never announce it again.
    op.execute(
        "INSERT INTO proposal_notices (mentor_id, idea_id, proposed_at) "
        "SELECT mentor_id, idea_id, MIN(created_at) FROM matches "
        "WHERE kind = 'mentor' AND mentor_id IS NOT NULL GROUP BY mentor_id, idea_id"
    )


def downgrade():
    with op.batch_alter_table('withdrawn_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_withdrawn_proposals_mentor_id'))
        batch_op.drop_index(batch_op.f('ix_withdrawn_proposals_idea_id'))

    op.drop_table('withdrawn_proposals')
    with op.batch_alter_table('proposal_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_notices_idea_id'))

    op.drop_table('proposal_notices')
