"""recovery: background jobs with leases; the import dry run runs in the worker (recovery branch)

`background_jobs` remembers each piece of background work, so a broker outage or a dead worker
loses none of it; imports get the `checking` status while their dry run waits for a worker.

Revision ID: 453a477f80ac
Revises: 67c448732ae6
Create Date: 2026-11-27 09:36:02.253032

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '453a477f80ac'
down_revision = '67c448732ae6'
branch_labels = None
depends_on = None

OLD_IMPORT_STATUSES = "status IN ('checked', 'queued', 'running', 'done', 'failed')"
NEW_IMPORT_STATUSES = "status IN ('checking', 'checked', 'queued', 'running', 'done', 'failed')"


def upgrade():
    op.create_table('background_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task', sa.String(length=100), nullable=False),
    sa.Column('args', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('progress_done', sa.Integer(), nullable=False),
    sa.Column('progress_total', sa.Integer(), nullable=True),
    sa.Column('cursor', sa.Integer(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_background_jobs_status_allowed')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_background_jobs_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_background_jobs'))
    )
    with op.batch_alter_table('background_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_background_jobs_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_background_jobs_status_expires_at', ['status', 'expires_at'], unique=False)

    with op.batch_alter_table('import_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_import_jobs_status_allowed'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_import_jobs_status_allowed'), NEW_IMPORT_STATUSES)


def downgrade():
    # A dry run that never finished has nothing to import: it is recorded as failed.
    op.execute("UPDATE import_jobs SET status = 'failed' WHERE status = 'checking'")
    with op.batch_alter_table('import_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_import_jobs_status_allowed'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_import_jobs_status_allowed'), OLD_IMPORT_STATUSES)
    with op.batch_alter_table('background_jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_background_jobs_status_expires_at')
        batch_op.drop_index(batch_op.f('ix_background_jobs_created_at'))

    op.drop_table('background_jobs')
