"""meeting origin

Where an event meeting came from (a request, a match, complementary cooperation profiles), so
its sides are told the truth: a suggestion accepted later is not "you asked".

Revision ID: c1e5a7d3b920
Revises: b8d2f4a61c07
Create Date: 2026-11-28 18:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c1e5a7d3b920'
down_revision = 'b8d2f4a61c07'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('event_meetings', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('origin', sa.String(length=20), server_default='request', nullable=False)
        )
        batch_op.create_check_constraint(
            batch_op.f('ck_event_meetings_origin_allowed'),
            "origin IN ('request', 'match', 'profile')",
        )
    # Meetings suggested before: from a match where one is named; a profile suggestion's
    # reason always starts the same way.
    op.execute("UPDATE event_meetings SET origin = 'match' WHERE match_id IS NOT NULL")
    op.execute(
        "UPDATE event_meetings SET origin = 'profile' "
        "WHERE match_id IS NULL AND reason LIKE 'Complementary profiles:%'"
    )


def downgrade():
    with op.batch_alter_table('event_meetings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_event_meetings_origin_allowed'), type_='check')
        batch_op.drop_column('origin')
