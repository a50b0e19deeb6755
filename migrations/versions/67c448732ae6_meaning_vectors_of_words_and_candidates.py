"""meaning vectors of words and candidates

The sentence model embeds each word and each candidate text once; these tables keep the results
for every worker process, across refits and restarts.

Revision ID: 67c448732ae6
Revises: 73943fdcdf37
Create Date: 2026-11-27 09:33:11.003871

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '67c448732ae6'
down_revision = '73943fdcdf37'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('candidate_vectors',
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('model', sa.String(length=80), nullable=False),
    sa.Column('text_hash', sa.String(length=40), nullable=False),
    sa.Column('vector', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'candidate_id', 'field', name=op.f('pk_candidate_vectors'))
    )
    op.create_table('word_vectors',
    sa.Column('model', sa.String(length=80), nullable=False),
    sa.Column('word', sa.String(length=40), nullable=False),
    sa.Column('vector', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('model', 'word', name=op.f('pk_word_vectors'))
    )


def downgrade():
    op.drop_table('word_vectors')
    op.drop_table('candidate_vectors')
