"""profile and programme updated_at

Entrepreneur profiles and programmes remember when they last changed, as matches, ideas and
mentor profiles do, so that a page kept under a fingerprint of its data (the mentor's review
queue shows business names, cities and programmes) follows their changes.

Revision ID: b8d2f4a61c07
Revises: a7c41e9d2b36
Create Date: 2026-11-28 04:45:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b8d2f4a61c07'
down_revision = 'a7c41e9d2b36'
branch_labels = None
depends_on = None


def upgrade():
    for table in ('entrepreneur_profiles', 'programmes'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE entrepreneur_profiles SET updated_at = CURRENT_TIMESTAMP")
    op.execute("UPDATE programmes SET updated_at = created_at")
    for table in ('entrepreneur_profiles', 'programmes'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('updated_at', existing_type=sa.DateTime(timezone=True), nullable=False)


def downgrade():
    for table in ('programmes', 'entrepreneur_profiles'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('updated_at')
