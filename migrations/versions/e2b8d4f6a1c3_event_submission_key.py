"""event submission key

The new-event form's one-time token (or the API's Idempotency-Key): a doubled "create"
finds the event the first one made instead of making a second.

Revision ID: e2b8d4f6a1c3
Revises: d7f1c2a8e4b6
Create Date: 2026-11-29 07:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e2b8d4f6a1c3'
down_revision = 'd7f1c2a8e4b6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('submission_key', sa.String(length=255), nullable=True))
        batch_op.create_unique_constraint(
            'uq_events_creator_key', ['created_by_id', 'submission_key']
        )


def downgrade():
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_constraint('uq_events_creator_key', type_='unique')
        batch_op.drop_column('submission_key')
