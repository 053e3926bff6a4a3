"""Imported claim data: settlements, fee lines, the catalog, import batches.

Money is integer fen (``*_fen`` columns are not used: every amount column of
the data-format spec keeps its field code and holds fen). Quantities (cnt,
max_daily_cnt) are integer ten-thousandths (``CNT_SCALE``) so that rules can
compute exactly in SQL. Dates are ISO text ('2025-03-01'); times are ISO text
'2025-03-01 08:30:00', which sorts and compares correctly in SQLite.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from ..personal import Personal
from .base import Base, utcnow

CNT_SCALE = 10_000


class ImportBatchRow(Base):
    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(512))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    inserted: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    user: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    report: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of rejections


class CatalogItemRow(Base):
    __tablename__ = "catalog_items"
    med_list_codg: Mapped[str] = mapped_column(String(64), primary_key=True)
    hilist_name: Mapped[str] = mapped_column(String(256), default="")
    med_chrgitm_type: Mapped[str | None] = mapped_column(String(4), nullable=True)
    chrgitm_lv: Mapped[str | None] = mapped_column(String(4), nullable=True)
    pric_uplmt_amt: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    gend_lmt: Mapped[str | None] = mapped_column(String(2), nullable=True)
    age_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    age_max: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_daily_cnt: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    pric_uplmt_micro: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # exact, millionths of a yuan
    extra: Mapped[str | None] = mapped_column(Text, nullable=True)
    row_digest: Mapped[str] = mapped_column(String(64), default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), nullable=True)


class SettlementRow(Base):
    __tablename__ = "settlements"
    setl_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mdtrt_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    psn_no: Mapped[str] = mapped_column(String(64), index=True)
    psn_name: Mapped[str | None] = mapped_column(Personal(128), nullable=True)  # sealed on the server
    gend: Mapped[str | None] = mapped_column(String(2), nullable=True)
    brdy: Mapped[str | None] = mapped_column(String(10), nullable=True)
    certno: Mapped[str | None] = mapped_column(Personal(32, deterministic=True), nullable=True)
    insutype: Mapped[str | None] = mapped_column(String(8), nullable=True)
    med_type: Mapped[str | None] = mapped_column(String(8), nullable=True, index=True)
    setl_type: Mapped[str | None] = mapped_column(String(2), nullable=True)
    offsite_flag: Mapped[str | None] = mapped_column(String(2), nullable=True)
    fixmedins_code: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    fixmedins_name: Mapped[str | None] = mapped_column(String(256), nullable=True)
    hosp_lv: Mapped[str | None] = mapped_column(String(2), nullable=True)
    begndate: Mapped[str | None] = mapped_column(String(10), nullable=True)
    enddate: Mapped[str | None] = mapped_column(String(10), nullable=True)
    setl_time: Mapped[str | None] = mapped_column(String(19), nullable=True, index=True)
    dise_codg: Mapped[str | None] = mapped_column(String(32), nullable=True)
    dise_name: Mapped[str | None] = mapped_column(String(256), nullable=True)
    medfee_sumamt: Mapped[int] = mapped_column(BigInteger, default=0)
    inscp_scp_amt: Mapped[int] = mapped_column(BigInteger, default=0)
    hifp_pay: Mapped[int] = mapped_column(BigInteger, default=0)
    hifob_pay: Mapped[int] = mapped_column(BigInteger, default=0)
    cvlserv_pay: Mapped[int] = mapped_column(BigInteger, default=0)
    acct_pay: Mapped[int] = mapped_column(BigInteger, default=0)
    psn_cash_pay: Mapped[int] = mapped_column(BigInteger, default=0)
    refd_setl_flag: Mapped[str | None] = mapped_column(String(2), nullable=True)  # 1: reverses init_setl_id
    init_setl_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # a reversal, the original it reverses, or an orphan reversal: in no rule, frame, volume or report
    reversed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    extra: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON of unknown columns
    row_digest: Mapped[str] = mapped_column(String(64), default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), nullable=True)


class FeeLineRow(Base):
    __tablename__ = "fee_lines"
    __table_args__ = (UniqueConstraint("setl_id", "feedetl_sn", name="uq_fee_lines_setl_sn"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    setl_id: Mapped[str] = mapped_column(ForeignKey("settlements.setl_id"))
    feedetl_sn: Mapped[str] = mapped_column(String(64))
    med_list_codg: Mapped[str | None] = mapped_column(String(64), nullable=True)
    medins_list_codg: Mapped[str | None] = mapped_column(String(64), nullable=True)
    hilist_name: Mapped[str | None] = mapped_column(String(256), nullable=True)
    med_chrgitm_type: Mapped[str | None] = mapped_column(String(4), nullable=True)
    chrgitm_lv: Mapped[str | None] = mapped_column(String(4), nullable=True)
    fee_ocur_time: Mapped[str | None] = mapped_column(String(19), nullable=True)
    cnt: Mapped[int] = mapped_column(BigInteger, default=0)  # × CNT_SCALE
    pric: Mapped[int] = mapped_column(BigInteger, default=0)
    det_item_fee_sumamt: Mapped[int] = mapped_column(BigInteger, default=0)
    pric_uplmt_amt: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    bilg_dept_name: Mapped[str | None] = mapped_column(String(128), nullable=True)
    bilg_dr_name: Mapped[str | None] = mapped_column(String(128), nullable=True)
    # optional columns of the national fee detail (sampling.md, "Amount basis"); fen, None when not given
    fulamt_ownpay_amt: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    overlmt_amt: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    preselfpay_amt: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    inscp_scp_amt: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # exact prices in millionths of a yuan (up to 6 decimals); pric / pric_uplmt_amt hold them rounded to fen
    pric_micro: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    pric_uplmt_micro: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    extra: Mapped[str | None] = mapped_column(Text, nullable=True)
    row_digest: Mapped[str] = mapped_column(String(64), default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), nullable=True)
