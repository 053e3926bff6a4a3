"""contract operations: holiday table, data checks, monthly work plans, breaches (issue #19)

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holiday_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holiday_days")),
    )
    op.create_table(
        "data_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=256), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["screen_runs.id"], name=op.f("fk_data_checks_run_id_screen_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_checks")),
    )
    op.create_table(
        "work_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract", sa.String(length=64), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_plans")),
        sa.UniqueConstraint("contract", "month", name=op.f("uq_work_plans_contract")),
    )
    op.create_table(
        "work_plan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("link_kind", sa.String(length=16), nullable=False),
        sa.Column("link_ref", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["work_plans.id"], name=op.f("fk_work_plan_items_plan_id_work_plans")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_plan_items")),
    )
    op.create_index(op.f("ix_work_plan_items_plan_id"), "work_plan_items", ["plan_id"], unique=False)
    op.create_table(
        "contract_breaches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_breaches")),
    )


def downgrade() -> None:
    op.drop_table("contract_breaches")
    op.drop_index(op.f("ix_work_plan_items_plan_id"), table_name="work_plan_items")
    op.drop_table("work_plan_items")
    op.drop_table("work_plans")
    op.drop_table("data_checks")
    op.drop_table("holiday_days")
