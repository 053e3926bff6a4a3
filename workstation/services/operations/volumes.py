"""Yearly volumes and coverage ratios against the contract (operations.md, "Volumes and coverage")."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select

from ...core import contract_terms as terms
from ...core.i18n import T
from ...store.models.claims import SettlementRow
from ...store.models.operations import DataCheckRow
from ...store.models.review import ReviewUnitRow
from ...store.models.sampling import SampleRow, SampleUnitRow
from ..review_service import DECIDED
from .. import workdays_service
from ..workspace import Workspace
from . import common, source

# (item id, profile key under "volumes", count or share, label)
TERMS: tuple[tuple[str, str, str, T], ...] = (
    ("records_reviewed", "records_reviewed_min", "count", T("审核病历数", "Records reviewed")),
    ("receipts_checked", "receipts_checked_min", "count", T("手工报销票据核查数", "Receipts checked")),
    ("data_checks", "data_checks", "count", T("数据核查次数", "Data checks")),
    ("first_review_coverage", "first_review_rate", "share", T("即时结算初审覆盖率", "First-review coverage")),
    ("inpatient_recheck_share", "inpatient_rereview_rate_min", "share", T("住院费用复审比例", "Inpatient re-review share")),
    ("cross_province_record_share", "cross_province_inpatient_rate_min", "share",
     T("跨省住院病历审核比例", "Cross-province inpatient records reviewed")),
)


@dataclass(frozen=True)
class VolumeItem:
    id: str
    label: T
    kind: str  # count | share
    target: Fraction | int
    actual: Fraction | int | None  # None: a share of nothing (no such settlements in the year)
    pace_target: Fraction | int
    on_track: bool | None


@dataclass(frozen=True)
class Volumes:
    year: int
    contract: str
    as_of: dt.date
    elapsed_workdays: int
    year_workdays: int
    assumed: bool
    items: tuple[VolumeItem, ...]


def _reviewed_setl_ids():
    return select(ReviewUnitRow.setl_id).where(ReviewUnitRow.status.in_(DECIDED))


def _count(s, *where) -> int:
    return int(s.execute(select(func.count()).select_from(SettlementRow).where(source.live_settlements(), *where))
               .scalar() or 0)


def actual(s, item_id: str, first: dt.date, last: dt.date) -> tuple[int, int | None]:
    """(numerator, denominator) of one figure; denominator None for counts."""
    in_year = source.setl_time_between(first, last)
    if item_id == "records_reviewed":
        n = s.execute(select(func.count()).select_from(ReviewUnitRow)
                      .join(SettlementRow, SettlementRow.setl_id == ReviewUnitRow.setl_id)
                      .where(source.live_settlements(), ReviewUnitRow.status.in_(DECIDED),
                             ReviewUnitRow.decided_at >= dt.datetime.combine(first, dt.time()),
                             ReviewUnitRow.decided_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time())))
        return int(n.scalar() or 0), None
    if item_id == "receipts_checked":
        return source.receipts_checked(s, first, last), None
    if item_id == "data_checks":
        return int(s.execute(select(func.count()).select_from(DataCheckRow)
                             .where(DataCheckRow.done_on >= first, DataCheckRow.done_on <= last)).scalar() or 0), None
    if item_id == "first_review_coverage":
        base = (in_year, SettlementRow.setl_type == "1", SettlementRow.hifob_pay > 0)
        census = (select(SampleUnitRow.setl_id).join(SampleRow, SampleRow.id == SampleUnitRow.sample_id)
                  .where(SampleRow.method == "census"))
        return _count(s, *base, SettlementRow.setl_id.in_(census)), _count(s, *base)
    if item_id == "inpatient_recheck_share":
        base = (in_year, SettlementRow.setl_type == "1", source.is_inpatient())
        return _count(s, *base, SettlementRow.setl_id.in_(_reviewed_setl_ids())), _count(s, *base)
    if item_id == "cross_province_record_share":
        base = (in_year, SettlementRow.offsite_flag == "2", source.is_inpatient())
        return _count(s, *base, SettlementRow.setl_id.in_(_reviewed_setl_ids())), _count(s, *base)
    raise KeyError(item_id)


def default_year(ws: Workspace) -> int:
    """The year of the latest imported settlement (the data, not the clock); this year when there is none."""
    with ws.store.read() as s:
        day = source.latest_settlement_day(s)
    return (day or dt.date.today()).year


def volumes(ws: Workspace, year: int, contract: str | None = None, as_of: dt.date | None = None) -> Volumes:
    profile = common.profile(ws, contract)
    targets = profile.get("volumes") or {}
    first, last = common.year_bounds(year)
    if as_of is None:  # a year that is over is measured whole; the current one up to today
        as_of = min(last, dt.date.today())
    with ws.store.read() as s:
        cal = workdays_service.calendar_in(s)
        total = cal.workdays_in(first, last)
        elapsed = cal.workdays_in(first, min(as_of, last))  # zero when as_of is before the year
        items = []
        for item_id, key, kind, label in TERMS:
            if key not in targets or targets[key] is None:
                continue
            target = int(targets[key]) if kind == "count" else terms.frac(targets[key])
            pace = terms.pace_target(target, elapsed.count, total.count, count=kind == "count")
            num, den = actual(s, item_id, first, last)
            value = num if den is None else terms.share(num, den)
            on_track = None if value is None else value >= pace
            items.append(VolumeItem(item_id, label, kind, target, value, pace, on_track))
    return Volumes(year, profile["id"], as_of, elapsed.count, total.count, total.assumed or elapsed.assumed,
                   tuple(items))


def _num(value: Fraction | int | None, kind: str) -> Any:
    if value is None:
        return None
    return int(value) if kind == "count" else terms.as_number(Fraction(value))


def to_json(v: Volumes, lang: str = "zh_CN") -> dict[str, Any]:
    return {"year": v.year, "contract": v.contract,
            "items": [{"id": i.id, "label": i.label.render(lang), "target": _num(i.target, i.kind),
                       "actual": _num(i.actual, i.kind), "pace_target": _num(i.pace_target, i.kind),
                       "on_track": i.on_track} for i in v.items],
            "as_of": v.as_of.isoformat(), "assumed": v.assumed}


def record_data_check(ws: Workspace, done_on: dt.date, title: str, run_id: int | None = None) -> int:
    """Record a completed full screening run as one of the contract's data checks (supervisors; logged)."""
    from ...core.errors import BadInput, NotFound
    from ...store.models.screening import ScreenRunRow

    ws.require_supervisor()
    if not title.strip():
        raise BadInput(T("请填写数据核查的名称", "give the data check a title"))
    with ws.store.session() as s:
        if run_id is not None and s.get(ScreenRunRow, run_id) is None:
            raise NotFound(what=f"screen run {run_id}")
        row = DataCheckRow(run_id=run_id, done_on=done_on, title=title.strip(), created_by=ws.user.name)
        s.add(row)
        s.flush()
        ws.log(s, "datacheck.add", "data_check", row.id,
               after={"done_on": done_on.isoformat(), "title": row.title, "run_id": run_id})
        return row.id
