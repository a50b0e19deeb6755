"""cluster members

A cluster's member companies (one a line, with what each does): matching reads them with the
cluster's description, and the directory shows them.

Revision ID: d7f1c2a8e4b6
Revises: c1e5a7d3b920
Create Date: 2026-11-29 03:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd7f1c2a8e4b6'
down_revision = 'c1e5a7d3b920'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('clusters', schema=None) as batch_op:
        batch_op.add_column(sa.Column('members', sa.Text(), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('clusters', schema=None) as batch_op:
        batch_op.drop_column('members')
