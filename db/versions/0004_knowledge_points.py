"""knowledge points and their terms (issue #18, spec/rule-templates.md)

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'knowledge_points',
        sa.Column('rule_id', sa.String(length=40), nullable=False),
        sa.Column('template', sa.String(length=32), nullable=False),
        sa.Column('rule_name', sa.Text(), nullable=False),
        sa.Column('item_codes', sa.Text(), nullable=False),
        sa.Column('other_codes', sa.Text(), nullable=False),
        sa.Column('med_class_lmt', sa.Text(), nullable=False),
        sa.Column('hosp_lv_lmt', sa.Text(), nullable=False),
        sa.Column('insutype_lmt', sa.Text(), nullable=False),
        sa.Column('dise_lmt', sa.Text(), nullable=False),
        sa.Column('exclude_dx', sa.Text(), nullable=False),
        sa.Column('window_token', sa.String(length=16), nullable=True),
        sa.Column('window_kind', sa.String(length=16), nullable=True),
        sa.Column('window_n', sa.Integer(), nullable=True),
        sa.Column('limit_text', sa.String(length=32), nullable=True),
        sa.Column('limit_scaled', sa.BigInteger(), nullable=True),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('effective_from', sa.String(length=10), nullable=True),
        sa.Column('effective_to', sa.String(length=10), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('batch_id', sa.Integer(), nullable=True),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['batch_id'], ['import_batches.id'],
                                name=op.f('fk_knowledge_points_batch_id_import_batches')),
        sa.PrimaryKeyConstraint('rule_id', name=op.f('pk_knowledge_points')),
    )
    op.create_index(op.f('ix_knowledge_points_template'), 'knowledge_points', ['template'], unique=False)
    op.create_table(
        'knowledge_terms',
        sa.Column('rule_id', sa.String(length=40), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('value', sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(['rule_id'], ['knowledge_points.rule_id'],
                                name=op.f('fk_knowledge_terms_rule_id_knowledge_points')),
        sa.PrimaryKeyConstraint('rule_id', 'kind', 'value', name=op.f('pk_knowledge_terms')),
    )
    op.create_index('ix_knowledge_terms_kind_value', 'knowledge_terms', ['kind', 'value'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_knowledge_terms_kind_value', table_name='knowledge_terms')
    op.drop_table('knowledge_terms')
    op.drop_index(op.f('ix_knowledge_points_template'), table_name='knowledge_points')
    op.drop_table('knowledge_points')
