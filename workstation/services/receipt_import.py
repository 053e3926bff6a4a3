"""``workstation receipts import FILE``: receipts keyed elsewhere, as CSV (or XLSX).

Validated like any import (docs/import.md): every bad cell is reported with its
row and column, and one bad row means nothing lands. Importing the same file
again changes nothing. Imported receipts are *keyed*, not yet *checked*: they
come up pre-filled when their settlement is checked at the counter.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..core import import_format as fmt
from ..core.errors import BadInput
from ..core.i18n import T
from ..store.models.claims import ImportBatchRow, SettlementRow
from ..store.models.counter import ReceiptCheckRow, ReceiptRow
from . import import_readers
from .receipt_service import MANUAL, now_text
from .workspace import Workspace

COLUMNS = {  # field → (accepted headers, required)
    "bill_no": (("bill_no", "票据号码", "票据号", "发票号码"), True),
    "setl_id": (("setl_id", "结算ID", "结算id"), True),
    "bill_date": (("bill_date", "开票日期", "票据日期", "日期"), True),
    "institution": (("institution", "开票单位", "收费单位", "医疗机构", "机构名称"), True),
    "total": (("total", "金额", "票据金额", "合计金额"), True),
    "bill_code": (("bill_code", "票据代码"), False),
    "check_code": (("check_code", "校验码"), False),
}
LABELS = {"bill_no": "票据号码", "setl_id": "结算ID", "bill_date": "开票日期", "institution": "开票单位",
          "total": "金额", "bill_code": "票据代码", "check_code": "校验码"}
_LOOKUP = {h.lower(): f for f, (names, _) in COLUMNS.items() for h in names}


@dataclass(frozen=True)
class Rejection:
    file: str
    row: int
    column: str
    reason: T
    params: tuple[tuple[str, str], ...] = ()

    def message(self, lang: str) -> str:
        return BadInput(self.reason, file=self.file, row=self.row, column=self.column or None,
                        **dict(self.params)).message(lang)


@dataclass(frozen=True)
class ReceiptImport:
    file: str
    rows: int
    inserted: int
    unchanged: int
    rejected: int

    def to_json(self) -> dict:
        return {"file": self.file, "kind": "receipts", "rows": self.rows, "inserted": self.inserted,
                "unchanged": self.unchanged, "rejected": self.rejected}


class ReceiptsRejected(BadInput):
    """Rows were rejected; nothing was imported. ``rejections`` lists them all."""

    def __init__(self, rejections: list[Rejection], rows: int) -> None:
        self.rejections = rejections
        self.rows = rows
        first = rejections[0]
        super().__init__(first.reason, file=first.file, row=first.row, column=first.column or None,
                         **dict(first.params))


def _col(field: str) -> str:
    return f"{field}（{LABELS[field]}）"


def import_receipts(ws: Workspace, path: Path) -> ReceiptImport:
    path = Path(path)
    facts = import_readers.inspect_file(path)
    rows = import_readers.iter_rows(path, facts)
    try:
        _, header = next(rows)
    except StopIteration:
        raise BadInput(import_readers.EMPTY_FILE, file=path.name, row=1) from None
    pos: dict[str, int] = {}
    for i, h in enumerate(header):
        f = _LOOKUP.get(str(h).strip().lstrip("\ufeff").strip().lower())
        if f and f not in pos:
            pos[f] = i
    missing = [f for f, (_, req) in COLUMNS.items() if req and f not in pos]
    if missing:
        raise BadInput(T("缺少必需的列：{cols}（应为票据文件：票据号码、结算ID、开票日期、开票单位、金额）",
                         "required columns missing: {cols} (a receipts file has bill_no, setl_id, bill_date, "
                         "institution, total)"), file=path.name, row=1, cols=", ".join(_col(f) for f in missing))
    rejections: list[Rejection] = []
    parsed: list[tuple[int, dict]] = []
    seen: dict[tuple[str, str], int] = {}
    n = 0
    for number, cells in rows:
        if not any(str(c).strip() for c in cells):
            continue
        n += 1
        rec: dict = {}
        bad = False
        for f, i in pos.items():
            raw = cells[i] if i < len(cells) else ""
            try:
                if f == "bill_date":
                    val = fmt.parse_date(raw)
                elif f == "total":
                    val = fmt.parse_amount(raw)
                else:
                    val = fmt.parse_text(raw)
            except fmt.ValueProblem as exc:
                rejections.append(Rejection(path.name, number, _col(f), exc.reason,
                                            tuple((k, str(v)) for k, v in exc.params.items())))
                bad = True
                continue
            if val is None and COLUMNS[f][1]:
                rejections.append(Rejection(path.name, number, _col(f), fmt.EMPTY))
                bad = True
                continue
            rec[f] = val if val is not None else ""
        if bad:
            continue
        if rec["total"] < 0:
            rejections.append(Rejection(path.name, number, _col("total"),
                                        T("票据金额不能为负", "a receipt total cannot be negative")))
            continue
        key = (rec["setl_id"], rec["bill_no"])
        if key in seen:
            rejections.append(Rejection(path.name, number, _col("bill_no"),
                                        T("与第 {other} 行重复（同一结算的同一票据）",
                                          "same receipt of the same settlement as row {other}"),
                                        (("other", str(seen[key])),)))
            continue
        seen[key] = number
        parsed.append((number, rec))
    with ws.store.session() as s:
        setl_ids = sorted({r["setl_id"] for _, r in parsed})
        types: dict[str, str | None] = {}
        checked: set[str] = set()
        for i in range(0, len(setl_ids), 500):
            chunk = setl_ids[i:i + 500]
            types.update(dict(s.execute(select(SettlementRow.setl_id, SettlementRow.setl_type)
                                        .where(SettlementRow.setl_id.in_(chunk))).all()))
            checked.update(s.execute(select(ReceiptCheckRow.setl_id).where(ReceiptCheckRow.setl_id.in_(chunk)))
                           .scalars())
        existing: dict[tuple[str, str], ReceiptRow] = {}
        for i in range(0, len(setl_ids), 500):
            for r in s.execute(select(ReceiptRow).where(ReceiptRow.setl_id.in_(setl_ids[i:i + 500]))).scalars():
                existing[(r.setl_id, r.bill_no)] = r
        new: list[dict] = []
        unchanged = 0
        for number, rec in parsed:
            sid = rec["setl_id"]
            if sid not in types:
                rejections.append(Rejection(path.name, number, _col("setl_id"),
                                            T("结算“{id}”不在库中", "settlement \"{id}\" is not in the store"),
                                            (("id", sid),)))
                continue
            if types[sid] != MANUAL:
                rejections.append(Rejection(path.name, number, _col("setl_id"),
                                            T("结算“{id}”不是手工报销（结算方式应为 2）",
                                              "settlement \"{id}\" is not a manual reimbursement (setl_type 2)"),
                                            (("id", sid),)))
                continue
            old = existing.get((sid, rec["bill_no"]))
            if old is not None:
                same = (old.bill_date, old.institution, old.total) == (rec["bill_date"], rec["institution"],
                                                                       rec["total"])
                if same:
                    unchanged += 1
                    continue
                rejections.append(Rejection(path.name, number, _col("bill_no"),
                                            T("该票据已在库中且内容不同", "this receipt is already stored with "
                                              "other values")))
                continue
            if sid in checked:
                rejections.append(Rejection(path.name, number, _col("setl_id"),
                                            T("结算“{id}”已核对，不能再导入票据",
                                              "settlement \"{id}\" has been checked; no more receipts can be "
                                              "imported for it"), (("id", sid),)))
                continue
            new.append(rec)
        if rejections:
            rejections.sort(key=lambda r: (r.row, r.column))
            raise ReceiptsRejected(rejections, n)
        result = ReceiptImport(path.name, n, len(new), unchanged, 0)
        if not new:
            return result
        at = now_text()
        batch = ImportBatchRow(file_name=path.name, file_sha256=facts.sha256, kind="receipts", rows=n,
                               inserted=len(new), updated=0, unchanged=unchanged, rejected=0, user=ws.user.name,
                               report="[]")
        s.add(batch)
        s.flush()
        s.add_all([ReceiptRow(setl_id=r["setl_id"], bill_code=r.get("bill_code", "") or "", bill_no=r["bill_no"],
                              check_code=r.get("check_code", "") or "", bill_date=r["bill_date"],
                              institution=r["institution"], total=r["total"], source="imported",
                              entered_by=ws.user.name, entered_at=at, import_batch_id=batch.id) for r in new])
        ws.log(s, "receipt.import", "import_batch", batch.id, after=result.to_json(),
               details={"file": path.name, "sha256": facts.sha256})
        return result
