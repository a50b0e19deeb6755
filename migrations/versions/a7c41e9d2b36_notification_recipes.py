"""notification recipes

A notification keeps the message ids and values of its subject and body, so that it is shown
in the language its reader uses now, not the one it was written in.

Revision ID: a7c41e9d2b36
Revises: f3a9c6e1b274
Create Date: 2026-11-28 01:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7c41e9d2b36'
down_revision = 'f3a9c6e1b274'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_recipe', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('body_recipe', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_column('body_recipe')
        batch_op.drop_column('subject_recipe')
