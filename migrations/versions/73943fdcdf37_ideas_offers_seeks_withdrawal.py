"""ideas: offers, seeks, withdrawal, submission keys (offers branch)

What an idea offers and seeks (free text, empty for existing ideas), the `withdrawn` status and
its time, and the per-account submission keys that make a retried submission find its idea.

Revision ID: 73943fdcdf37
Revises: 52a352c48aa1
Create Date: 2026-11-27 08:17:05.843880

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '73943fdcdf37'
down_revision = '52a352c48aa1'
branch_labels = None
depends_on = None

OLD_STATUSES = "status IN ('submitted', 'matching', 'matched', 'failed')"
NEW_STATUSES = "status IN ('submitted', 'matching', 'matched', 'failed', 'withdrawn')"


def upgrade():
    op.create_table('idea_submissions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('request_hash', sa.String(length=64), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_submissions_idea_id_ideas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_idea_submissions_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea_submissions')),
    sa.UniqueConstraint('owner_id', 'key', name='uq_idea_submissions_owner_key')
    )
    with op.batch_alter_table('idea_submissions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_submissions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_idea_submissions_idea_id'), ['idea_id'], unique=False)

    # Existing ideas (and rows written without them) offer and seek nothing in particular.
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('offers', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('seeks', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_ideas_status_allowed'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_ideas_status_allowed'), NEW_STATUSES)


def downgrade():
    # A withdrawn idea has no older status to go back to; it was last matched or failed.
    op.execute("UPDATE ideas SET status = 'matched' WHERE status = 'withdrawn'")
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_ideas_status_allowed'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_ideas_status_allowed'), OLD_STATUSES)
        batch_op.drop_column('withdrawn_at')
        batch_op.drop_column('seeks')
        batch_op.drop_column('offers')

    with op.batch_alter_table('idea_submissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_submissions_idea_id'))
        batch_op.drop_index(batch_op.f('ix_idea_submissions_created_at'))

    op.drop_table('idea_submissions')
