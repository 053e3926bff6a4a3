"""The store's working-day calendar: chinese_calendar, then the holiday table, then Monday–Friday.

Every deadline in the program asks ``calendar(ws)`` (or ``calendar_in(session)``
inside a transaction) and counts with ``WorkCalendar.due``. The holiday table is
kept by the administrator (import a CSV ``date,kind`` or edit single days); each
change is logged.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..core.errors import BadInput
from ..core.i18n import T
from ..core.workdays import PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR, TABLE_KINDS, DaySource, Due, WorkCalendar
from ..store.models.base import utcnow
from ..store.models.operations import HolidayDayRow
from .workspace import Workspace

# What people write in the kind column besides the spec's words.
KIND_ALIASES = {"holiday": "holiday", "假": "holiday", "休": "holiday", "节假日": "holiday", "放假": "holiday",
                "workday": "workday", "班": "workday", "上班": "workday", "调休上班": "workday", "工作日": "workday"}


@dataclass(frozen=True)
class HolidayDay:
    day: dt.date
    kind: str
    note: str
    updated_by: str


@dataclass(frozen=True)
class Coverage:
    """How far the calendar is known: the package's years and the table's years."""

    package_first_year: int
    package_last_year: int
    table_years: tuple[int, ...]
    first_assumed_year: int  # the first year from the package's range on that nobody covers

    def source(self, year: int) -> DaySource:
        if self.package_first_year <= year <= self.package_last_year:
            return DaySource.PACKAGE
        return DaySource.TABLE if year in self.table_years else DaySource.ASSUMED


def _table(session) -> dict[dt.date, str]:
    return dict(session.execute(select(HolidayDayRow.day, HolidayDayRow.kind)).all())


def calendar_in(session) -> WorkCalendar:
    """The calendar as seen inside an open session (for deadlines computed in a write)."""
    return WorkCalendar(_table(session))


def calendar(ws: Workspace) -> WorkCalendar:
    with ws.store.read() as s:
        return calendar_in(s)


def add_workdays(ws: Workspace, start: dt.date, n: int) -> Due:
    """``workdays add``: the n-th working day after start, and whether it relied on a guess."""
    if n < 0:
        raise BadInput(T("工作日数不能为负", "the number of working days cannot be negative"))
    return calendar(ws).add_workdays(start, n)


def list_days(ws: Workspace, year: int | None = None) -> list[HolidayDay]:
    with ws.store.read() as s:
        q = select(HolidayDayRow).order_by(HolidayDayRow.day)
        if year is not None:
            q = q.where(HolidayDayRow.day >= dt.date(year, 1, 1), HolidayDayRow.day <= dt.date(year, 12, 31))
        return [HolidayDay(r.day, r.kind, r.note, r.updated_by) for r in s.execute(q).scalars()]


def coverage(ws: Workspace) -> Coverage:
    with ws.store.read() as s:
        years = sorted({d.year for d in s.execute(select(HolidayDayRow.day)).scalars()})
    first = PACKAGE_LAST_YEAR + 1
    while first in years:
        first += 1
    return Coverage(PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR, tuple(years), first)


def _kind(text: str) -> str | None:
    return KIND_ALIASES.get(text.strip().lower()) or KIND_ALIASES.get(text.strip())


def parse_csv(data: bytes, file_name: str = "") -> list[tuple[dt.date, str, str]]:
    """Rows of a ``date,kind[,note]`` CSV (a header row is optional); bad rows name file, row and column."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BadInput(T("无法识别文件编码", "cannot tell the file's encoding"), file=file_name)
    out: list[tuple[dt.date, str, str]] = []
    seen: dict[dt.date, int] = {}
    for no, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip():
            continue
        if no == 1 and row[0].strip().lower() in ("date", "日期"):
            continue
        if len(row) < 2:
            raise BadInput(T("缺少 kind 列", "the kind column is missing"), file=file_name, row=no, column="kind")
        raw = row[0].strip().replace("/", "-")
        try:
            if "-" in raw:
                y, m, d = (int(x) for x in raw.split("-"))
                day = dt.date(y, m, d)
            else:
                day = dt.datetime.strptime(raw, "%Y%m%d").date()
        except ValueError:
            raise BadInput(T("日期无效：{v}", "not a date: {v}"), file=file_name, row=no, column="date", v=row[0]) from None
        kind = _kind(row[1])
        if kind is None:
            raise BadInput(T("类型应为 holiday 或 workday：{v}", "kind must be holiday or workday: {v}"),
                           file=file_name, row=no, column="kind", v=row[1])
        if day in seen:
            raise BadInput(T("日期重复（第 {first} 行已有）", "the date is listed twice (also row {first})"),
                           file=file_name, row=no, column="date", first=seen[day])
        seen[day] = no
        out.append((day, kind, row[2].strip() if len(row) > 2 else ""))
    return out


def import_csv(ws: Workspace, path: Path) -> dict[str, int]:
    """Import the holiday table from a CSV (admins only); one transaction, one event."""
    ws.require_admin()
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(T("无法读取文件：{why}", "cannot read the file: {why}"), file=path.name, why=exc.strerror) from None
    rows = parse_csv(data, path.name)
    if not rows:
        raise BadInput(T("文件中没有日期", "the file lists no dates"), file=path.name)
    inserted = updated = unchanged = 0
    changed: list[dict[str, str]] = []
    with ws.store.session() as s:
        have = {r.day: r for r in s.execute(select(HolidayDayRow).where(
            HolidayDayRow.day.in_([d for d, _k, _n in rows]))).scalars()}
        now = utcnow()
        for day, kind, note in rows:
            old = have.get(day)
            if old is None:
                s.add(HolidayDayRow(day=day, kind=kind, note=note, updated_by=ws.user.name, updated_at=now))
                inserted += 1
                changed.append({"day": day.isoformat(), "before": None, "after": kind})
            elif old.kind != kind or old.note != note:
                changed.append({"day": day.isoformat(), "before": old.kind, "after": kind})
                old.kind, old.note, old.updated_by, old.updated_at = kind, note, ws.user.name, now
                updated += 1
            else:
                unchanged += 1
        if changed:
            ws.log(s, "calendar.import", "holiday_table", path.name,
                   details={"file": path.name, "inserted": inserted, "updated": updated, "changes": changed[:2000]})
    # Rows inside the package's years are kept but not used: the published calendar wins there.
    ignored = sum(1 for d, _k, _n in rows if PACKAGE_FIRST_YEAR <= d.year <= PACKAGE_LAST_YEAR)
    return {"rows": len(rows), "inserted": inserted, "updated": updated, "unchanged": unchanged, "ignored": ignored}


def set_day(ws: Workspace, day: dt.date, kind: str | None, note: str = "") -> None:
    """Set one day of the table (kind holiday/workday) or remove it (kind None); admins only, logged."""
    ws.require_admin()
    if kind is not None and kind not in TABLE_KINDS:
        raise BadInput(T("类型应为 holiday 或 workday：{v}", "kind must be holiday or workday: {v}"), v=kind)
    with ws.store.session() as s:
        row = s.get(HolidayDayRow, day)
        before = None if row is None else {"kind": row.kind, "note": row.note}
        if kind is None:
            if row is None:
                return
            s.delete(row)
            after = None
        else:
            if row is None:
                s.add(HolidayDayRow(day=day, kind=kind, note=note, updated_by=ws.user.name, updated_at=utcnow()))
            else:
                if row.kind == kind and row.note == note:
                    return
                row.kind, row.note, row.updated_by, row.updated_at = kind, note, ws.user.name, utcnow()
            after = {"kind": kind, "note": note}
        ws.log(s, "calendar.set", "holiday_day", day.isoformat(), before=before, after=after)
