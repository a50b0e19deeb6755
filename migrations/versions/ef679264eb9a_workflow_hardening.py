"""workflow hardening (workflow branch): where an idea's business is

Ideas get an optional `city` (empty: the owner's profile city, as before).

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


def upgrade():
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('city', sa.String(length=120), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_column('city')
