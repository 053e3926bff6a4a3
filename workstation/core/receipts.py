"""Receipt checking for manual reimbursements (票据核对): pure logic, no I/O.

Two things live here: reading what a USB scanner types when it reads the QR
code of a receipt (``parse_qr``), and comparing a settlement with the receipts
presented for it (``check``).

QR payloads recognised (see docs/counter.md for the sources and limits):

* ``vat`` — the tax-invoice layout, comma separated:
  ``01,<kind>,<invoice code>,<invoice number>,<amount>,<YYYYMMDD>,<check code>,<crc>``
  (medical institutions that issue tax invoices; the 全电 form leaves the code empty);
* ``named`` — a link or ``key=value`` list as printed by fiscal e-receipt
  (财政电子票据) platforms, with the platform's field names
  (billBatchCode / billNo / random / totalAmt / ivcDateTime and common variants);
* ``json`` — the same names in a JSON object;
* ``fields`` — five values in the order the 医疗收费电子票据 prints them:
  bill code, bill number, check code, date, total (separated by commas,
  vertical bars or tabs).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qsl, urlsplit

from .i18n import T

PROBLEM_KINDS = ("sum", "duplicate", "date", "institution")


@dataclass(frozen=True)
class ReceiptEntry:
    """One receipt as keyed, scanned or imported. ``total`` in fen."""

    bill_no: str
    bill_date: str  # ISO YYYY-MM-DD
    institution: str
    total: int
    bill_code: str = ""
    check_code: str = ""
    source: str = "keyed"  # keyed | scanned | imported


@dataclass(frozen=True)
class ScannedReceipt:
    bill_code: str
    bill_no: str
    check_code: str
    bill_date: str
    total: int
    layout: str


@dataclass(frozen=True)
class SettlementFacts:
    setl_id: str
    begndate: str
    enddate: str
    setl_date: str
    institution_code: str
    institution_name: str
    medfee_sumamt: int


@dataclass(frozen=True)
class Problem:
    kind: str  # sum | duplicate | date | institution
    amount: int  # the amount in question, fen (never negative)
    bill_no: str = ""  # the receipt concerned ("" for the sum)
    other_setl_id: str = ""  # duplicate: the other settlement that holds the receipt
    detail: str = ""  # sum: "+" receipts exceed the settlement, "-" they fall short; date: the date

    def message(self, lang: str) -> str:
        yuan = f"{Decimal(self.amount) / 100:.2f}"
        if self.kind == "sum":
            t = (T("票据合计比结算医疗费总额少 {a} 元", "receipts total {a} yuan less than the settlement")
                 if self.detail == "-" else
                 T("票据合计比结算医疗费总额多 {a} 元", "receipts total {a} yuan more than the settlement"))
            return t.render(lang, a=yuan)
        if self.kind == "duplicate":
            where = self.other_setl_id or T("本结算", "this settlement").render(lang)
            return T("票据 {b} 已在 {o} 报销过（{a} 元）", "receipt {b} was already reimbursed in {o} ({a} yuan)").render(
                lang, b=self.bill_no, o=where, a=yuan)
        if self.kind == "date":
            return T("票据 {b} 的日期 {d} 不在就诊期间内", "receipt {b} is dated {d}, outside the stay").render(
                lang, b=self.bill_no, d=self.detail)
        return T("票据 {b} 的开票机构与结算机构不符", "receipt {b} names another institution than the settlement"
                 ).render(lang, b=self.bill_no)

    def to_json(self) -> dict:
        return {"kind": self.kind, "amount": self.amount, "bill_no": self.bill_no,
                "other_setl_id": self.other_setl_id, "detail": self.detail}

    @classmethod
    def from_json(cls, d: dict) -> "Problem":
        return cls(d["kind"], int(d["amount"]), d.get("bill_no", ""), d.get("other_setl_id", ""), d.get("detail", ""))


# -- scanning ---------------------------------------------------------------------------------
_NAMES = {
    "bill_code": ("billbatchcode", "billcode", "bill_code", "ebillcode", "elec_bill_code", "pjdm", "fpdm", "code"),
    "bill_no": ("billno", "bill_no", "billnum", "elec_billno_code", "pjhm", "fphm", "no", "number"),
    "check_code": ("random", "checkcode", "check_code", "chkcode", "elec_bill_chkcode", "jym", "verifycode"),
    "bill_date": ("ivcdatetime", "issuedate", "billdate", "bill_date", "date", "kprq", "ivcdate"),
    "total": ("totalamt", "total", "totalamount", "amt", "amount", "je", "money"),
}
_KEY_OF = {alias: field for field, aliases in _NAMES.items() for alias in aliases}
_DATE8 = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{6})?$", re.ASCII)
_DATE_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$", re.ASCII)
_MONEY = re.compile(r"^\d+(?:\.\d{1,2})?$", re.ASCII)
_BILL_NO = re.compile(r"^[0-9A-Za-z-]{4,32}$")


def scan_date(text: str) -> str | None:
    """A date as printed in a payload (20250301, 2025-03-01, 2025-03-01 10:00:00) → ISO, else None."""
    import datetime as dt

    text = (text or "").strip()
    m = _DATE8.match(text) or _DATE_ISO.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def scan_money(text: str) -> int | None:
    """Yuan with at most two decimals → fen, else None (never a float)."""
    text = (text or "").strip().replace(",", "")
    if not _MONEY.match(text):
        return None
    try:
        return int(Decimal(text) * 100)
    except InvalidOperation:  # pragma: no cover - the pattern already excludes it
        return None


def _from_named(pairs: dict[str, str], layout: str) -> ScannedReceipt | None:
    got: dict[str, str] = {}
    for k, v in pairs.items():
        field = _KEY_OF.get(k.strip().lower())
        if field and field not in got:
            got[field] = str(v).strip()
    if "bill_no" not in got or "total" not in got:
        return None
    total = scan_money(got["total"])
    date = scan_date(got.get("bill_date", ""))
    if total is None or date is None or not _BILL_NO.match(got["bill_no"]):
        return None
    return ScannedReceipt(got.get("bill_code", ""), got["bill_no"], got.get("check_code", ""), date, total, layout)


def parse_qr(payload: str) -> ScannedReceipt | None:
    """What a scanner typed → the receipt's fields, or None when it is not a receipt payload.

    A plain bill number (what a person types) is *not* a payload: None.
    """
    text = (payload or "").strip()
    if not text or len(text) > 2000:
        return None
    if text.startswith("{"):
        try:
            obj = json.loads(text)
        except ValueError:
            return None
        return _from_named({str(k): str(v) for k, v in obj.items()}, "json") if isinstance(obj, dict) else None
    if "=" in text:
        query = urlsplit(text).query if "://" in text else text
        if "://" in text and not query:
            return None
        pairs = dict(parse_qsl(query.replace(";", "&"), keep_blank_values=True))
        return _from_named(pairs, "named")
    parts = [p.strip() for p in re.split(r"[,|\t，]", text)]
    if len(parts) >= 7 and parts[0] == "01":  # tax invoice: 01,kind,code,number,amount,date,check,crc
        total, date = scan_money(parts[4]), scan_date(parts[5])
        if total is None or date is None or not _BILL_NO.match(parts[3]):
            return None
        return ScannedReceipt(parts[2], parts[3], parts[6], date, total, "vat")
    if len(parts) == 5:  # code, number, check code, date, total
        code, no, chk, date_s, total_s = parts
        total, date = scan_money(total_s), scan_date(date_s)
        if total is None or date is None or not _BILL_NO.match(no) or not re.match(r"^[0-9]{0,20}$", code):
            return None
        return ScannedReceipt(code, no, chk, date, total, "fields")
    return None


def format_fields_payload(r: ScannedReceipt | ReceiptEntry) -> str:
    """The ``fields`` layout for a receipt (used by the demo and tests to stand in for a scanner)."""
    return f"{r.bill_code},{r.bill_no},{r.check_code},{r.bill_date.replace('-', '')},{Decimal(r.total) / 100:.2f}"


# -- checking ---------------------------------------------------------------------------------
def norm_institution(text: str) -> str:
    """Full-width and half-width forms, spaces and brackets do not make two names differ."""
    t = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"[\s()（）·\-]", "", t).lower()


def bill_key(bill_code: str, bill_no: str) -> str:
    """How receipts are told apart: the bill number, upper-cased, without spaces."""
    return re.sub(r"\s", "", bill_no or "").upper()


def check(facts: SettlementFacts, receipts: list[ReceiptEntry], elsewhere: dict[str, str]) -> list[Problem]:
    """Every problem of a settlement's receipts.

    ``elsewhere`` maps a receipt's bill key to another settlement that already holds it.
    """
    problems: list[Problem] = []
    total = sum(r.total for r in receipts)
    diff = facts.medfee_sumamt - total
    if diff:
        problems.append(Problem("sum", abs(diff), detail="+" if diff < 0 else "-"))
    seen: set[str] = set()
    last = max(d for d in (facts.enddate, facts.setl_date, facts.begndate) if d) if (
        facts.enddate or facts.setl_date or facts.begndate) else ""
    name, code = norm_institution(facts.institution_name), norm_institution(facts.institution_code)
    for r in receipts:
        key = bill_key(r.bill_code, r.bill_no)
        if key in seen:
            problems.append(Problem("duplicate", r.total, r.bill_no, ""))
        elif key in elsewhere:
            problems.append(Problem("duplicate", r.total, r.bill_no, elsewhere[key]))
        seen.add(key)
        if facts.begndate and (r.bill_date < facts.begndate or (last and r.bill_date > last)):
            problems.append(Problem("date", r.total, r.bill_no, detail=r.bill_date))
        inst = norm_institution(r.institution)
        if inst and inst not in (name, code):
            problems.append(Problem("institution", r.total, r.bill_no))
    return problems
