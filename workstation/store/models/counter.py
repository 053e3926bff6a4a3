"""Counter work (票据核对): receipts of manual reimbursements, the checks made on
them, and the batches of settlements assigned to the people at the counter.

Times are local wall-clock text 'YYYY-MM-DD HH:MM:SS' (the counter's working
day is the local day; they compare as text on every backend).
"""
from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class ReceiptBatchRow(Base):
    __tablename__ = "receipt_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assigned_to: Mapped[str] = mapped_column(String(64), index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(19))
    size: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | done


class ReceiptBatchItemRow(Base):
    __tablename__ = "receipt_batch_items"
    batch_id: Mapped[int] = mapped_column(ForeignKey("receipt_batches.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    setl_id: Mapped[str] = mapped_column(ForeignKey("settlements.setl_id"), index=True)


class ReceiptCheckRow(Base):
    """One settlement checked against its receipts (once; a re-check is refused)."""

    __tablename__ = "receipt_checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    setl_id: Mapped[str] = mapped_column(ForeignKey("settlements.setl_id"), unique=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("receipt_batches.id"), nullable=True)
    result: Mapped[str] = mapped_column(String(16))  # match | difference
    receipts: Mapped[int] = mapped_column(Integer, default=0)
    receipts_sum: Mapped[int] = mapped_column(BigInteger, default=0)  # fen
    medfee_sumamt: Mapped[int] = mapped_column(BigInteger, default=0)  # fen, as read at the check
    difference: Mapped[int] = mapped_column(BigInteger, default=0)  # medfee_sumamt - receipts_sum, fen
    problems: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    finding_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of review finding ids
    checked_by: Mapped[str] = mapped_column(String(64), index=True)
    checked_at: Mapped[str] = mapped_column(String(19), index=True)


class ReceiptRow(Base):
    """A receipt (医疗收费票据) presented for a manual reimbursement."""

    __tablename__ = "receipts"
    __table_args__ = (UniqueConstraint("setl_id", "bill_no", name="uq_receipts_setl_bill"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    setl_id: Mapped[str] = mapped_column(ForeignKey("settlements.setl_id"), index=True)
    bill_code: Mapped[str] = mapped_column(String(32), default="")  # 票据代码 (e-receipts)
    bill_no: Mapped[str] = mapped_column(String(64), index=True)  # 票据号码
    check_code: Mapped[str] = mapped_column(String(32), default="")  # 校验码 (e-receipts)
    bill_date: Mapped[str] = mapped_column(String(10))
    institution: Mapped[str] = mapped_column(String(256), default="")
    total: Mapped[int] = mapped_column(BigInteger)  # fen
    source: Mapped[str] = mapped_column(String(16))  # keyed | scanned | imported
    entered_by: Mapped[str] = mapped_column(String(64))
    entered_at: Mapped[str] = mapped_column(String(19))
    check_id: Mapped[int | None] = mapped_column(ForeignKey("receipt_checks.id"), nullable=True, index=True)
    checked_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    checked_at: Mapped[str | None] = mapped_column(String(19), nullable=True, index=True)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), nullable=True)
