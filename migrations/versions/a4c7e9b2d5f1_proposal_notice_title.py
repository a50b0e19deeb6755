"""proposal notice title

The title an idea had when a mentor was told of it: a notice of its withdrawal names the
idea she knows, even if its owner renamed it since.

Revision ID: a4c7e9b2d5f1
Revises: e2b8d4f6a1c3
Create Date: 2026-11-29 14:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a4c7e9b2d5f1'
down_revision = 'e2b8d4f6a1c3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('proposal_notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idea_title', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('proposal_notices', schema=None) as batch_op:
        batch_op.drop_column('idea_title')
