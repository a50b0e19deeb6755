"""read state of introduction threads

Each participant of an approved introduction has her own read mark (the newest message she had
when she last opened the thread), since one side may be several people.

Revision ID: c4d8a1f29e63
Revises: b7e2c91d4f10
Create Date: 2026-11-27 19:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4d8a1f29e63'
down_revision = 'b7e2c91d4f10'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('introduction_read_marks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('match_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('last_read_message_id', sa.Integer(), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['match_id'], ['matches.id'], name=op.f('fk_introduction_read_marks_match_id_matches'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_introduction_read_marks_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_introduction_read_marks')),
    sa.UniqueConstraint('match_id', 'user_id', name='uq_introduction_read_mark')
    )
    with op.batch_alter_table('introduction_read_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_introduction_read_marks_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('introduction_read_marks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_introduction_read_marks_user_id'))
    op.drop_table('introduction_read_marks')
