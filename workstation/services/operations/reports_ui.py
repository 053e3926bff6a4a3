"""What the reports view needs, as frozen dataclasses (the UI never sees dicts or ORM rows)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from .. import profile_service
from ..workspace import Workspace
from . import report_data, reports, volumes


@dataclass(frozen=True)
class ContractChoice:
    id: str
    name: str
    kinds: tuple[str, ...]
    default_periods: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Choices:
    active: str
    contracts: tuple[ContractChoice, ...]


@dataclass(frozen=True)
class Preview:
    png: bytes
    pages: int


@dataclass(frozen=True)
class Exported:
    file: str
    sha256: str


PERIOD_TO_KIND = {"month": "monthly", "quarter": "quarterly", "half_year": "halfyear", "year": "annual"}


def kinds_of(p: dict) -> tuple[str, ...]:
    """The report kinds a contract asks for (its profile's reports), or all four for a profile without any."""
    got = []
    for r in p.get("reports") or []:
        k = PERIOD_TO_KIND.get(r.get("period"))
        if k == "annual" and int(r.get("count", 1)) == 2:
            got.append("halfyear")
        if k and k not in got:
            got.append(k)
    return tuple(k for k in report_data.KINDS if k in got) or report_data.KINDS


def default_periods(ws: Workspace, p: dict) -> dict[str, str]:
    """Periods that follow the data: the month, quarter, half and year of the latest settlement, kept in the contract."""
    import datetime as dt

    year = volumes.default_year(ws)
    from .source import latest_settlement_day

    with ws.store.read() as s:
        day = latest_settlement_day(s) or dt.date(year, 12, 31)
    period = p.get("period") or {}
    if period.get("to"):
        day = min(day, dt.date.fromisoformat(period["to"]))
    if period.get("from"):
        day = max(day, dt.date.fromisoformat(period["from"]))
    return {"monthly": f"{day:%Y-%m}", "quarterly": f"{day.year}Q{(day.month - 1) // 3 + 1}",
            "halfyear": f"{day.year}H{1 if day.month <= 6 else 2}", "annual": str(day.year)}


def choices(ws: Workspace, lang: str) -> Choices:
    out = []
    for p in profile_service.list_profiles(ws):
        out.append(ContractChoice(p["id"], p.get("name_en" if lang == "en" else "name_zh", p["id"]), kinds_of(p),
                                  default_periods(ws, p)))
    return Choices(profile_service.active_profile_id(ws), tuple(out))


def preview(ws: Workspace, kind: str, period: str, contract: str, scale: float = 1.1) -> Preview:
    _fig, pdf = reports.render(ws, kind, period, "pdf", contract)
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    n = len(doc)
    doc.close()
    return Preview(reports.preview_pages(pdf, scale=scale, pages=1)[0], n)


def export(ws: Workspace, kind: str, period: str, path: str, fmt: str, contract: str) -> Exported:
    out = reports.export(ws, kind, period, Path(path), fmt, contract)
    return Exported(out["file"], out["sha256"])
