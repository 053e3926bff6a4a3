"""fund money, reversed settlements, exact prices (issue #15)

Optional fee-line columns of the national interface (全自费金额, 超限价金额,
先行自付金额, 符合范围金额), kept so findings can be put in fund money; the
reversal columns of settlements (退费结算标志, 原结算ID) and the ``reversed``
mark that keeps reversed pairs and orphan reversals out of frames; and the exact
prices (millionths of a yuan) beside the fen columns the rules compute in.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FEE_AMOUNTS = ("fulamt_ownpay_amt", "overlmt_amt", "preselfpay_amt", "inscp_scp_amt")


def upgrade() -> None:
    with op.batch_alter_table("fee_lines") as batch:
        for name in FEE_AMOUNTS:
            batch.add_column(sa.Column(name, sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("pric_micro", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("pric_uplmt_micro", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("catalog_items") as batch:
        batch.add_column(sa.Column("pric_uplmt_micro", sa.BigInteger(), nullable=True))
    # prices imported before were at most 2 decimals: their exact value is the fen value × 10,000
    op.execute("UPDATE fee_lines SET pric_micro = pric * 10000, pric_uplmt_micro = pric_uplmt_amt * 10000")
    op.execute("UPDATE catalog_items SET pric_uplmt_micro = pric_uplmt_amt * 10000")
    with op.batch_alter_table("settlements") as batch:
        batch.add_column(sa.Column("refd_setl_flag", sa.String(length=2), nullable=True))
        batch.add_column(sa.Column("init_setl_id", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("reversed", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("settlements") as batch:
        batch.drop_column("reversed")
        batch.drop_column("init_setl_id")
        batch.drop_column("refd_setl_flag")
    with op.batch_alter_table("catalog_items") as batch:
        batch.drop_column("pric_uplmt_micro")
    with op.batch_alter_table("fee_lines") as batch:
        batch.drop_column("pric_uplmt_micro")
        batch.drop_column("pric_micro")
        for name in reversed(FEE_AMOUNTS):
            batch.drop_column(name)
