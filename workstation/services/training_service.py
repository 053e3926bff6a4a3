"""Training sessions (seed 000: quarterly policy training) and the quarterly check.

The check: every person on the team on the quarter's last day (or on the check
date, for the quarter in progress) attended at least ``min_per_person``
sessions (1 by default, from the profile's ``training``) held in that quarter.
People who left before that day are not asked; people who joined during the
quarter are.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from sqlalchemy import select

from ..core.errors import BadInput, NotFound, UsageError
from ..core.i18n import T
from ..store.models.roster import StaffRow, TrainingAttendanceRow, TrainingSessionRow
from . import profile_service
from .workspace import Workspace


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    if quarter not in (1, 2, 3, 4):
        raise UsageError(detail="quarter must be 1..4")
    first = dt.date(year, 3 * quarter - 2, 1)
    nxt = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise BadInput(T("日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD"), column="day") from None


def add_session(ws: Workspace, day: dt.date | str, topic: str, attendee_ids: Iterable[int] = (), notes: str = "") -> int:
    ws.require_supervisor()
    d = _as_date(day)
    if not (topic or "").strip():
        raise BadInput(T("须填写培训主题", "a topic is required"), column="topic")
    ids = sorted(set(int(i) for i in attendee_ids))
    with ws.store.session() as s:
        row = TrainingSessionRow(day=d, topic=topic.strip(), notes=notes or "", created_by=ws.user.name)
        s.add(row)
        s.flush()
        _check_staff(s, ids)
        for sid in ids:
            s.add(TrainingAttendanceRow(session_id=row.id, staff_id=sid, present=True))
        ws.log(s, "training.add", "training_session", row.id,
               after={"day": d.isoformat(), "topic": row.topic, "attendees": ids},
               details={"day": d.isoformat(), "topic": row.topic, "attendees": len(ids)})
        return row.id


def _check_staff(s, ids: list[int]) -> None:
    if ids:
        known = set(s.execute(select(StaffRow.id).where(StaffRow.id.in_(ids))).scalars())
        missing = [i for i in ids if i not in known]
        if missing:
            raise BadInput(T("人员不存在：{id}", "no such staff member: {id}"), id=missing[0])


def set_attendees(ws: Workspace, session_id: int, attendee_ids: Iterable[int]) -> None:
    ws.require_supervisor()
    ids = sorted(set(int(i) for i in attendee_ids))
    with ws.store.session() as s:
        row = s.get(TrainingSessionRow, session_id)
        if row is None:
            raise NotFound(what=f"training {session_id}")
        _check_staff(s, ids)
        old = sorted(s.execute(select(TrainingAttendanceRow.staff_id)
                               .where(TrainingAttendanceRow.session_id == session_id)).scalars())
        if old == ids:
            return
        s.query(TrainingAttendanceRow).filter_by(session_id=session_id).delete()
        for sid in ids:
            s.add(TrainingAttendanceRow(session_id=session_id, staff_id=sid, present=True))
        ws.log(s, "training.attendees", "training_session", session_id, before=old, after=ids,
               details={"before": len(old), "after": len(ids)})


def list_sessions(ws: Workspace, year: int | None = None) -> list[dict[str, Any]]:
    with ws.store.read() as s:
        q = select(TrainingSessionRow).order_by(TrainingSessionRow.day.desc(), TrainingSessionRow.id.desc())
        rows = s.execute(q).scalars().all()
        att: dict[int, list[int]] = {}
        for a in s.execute(select(TrainingAttendanceRow).where(TrainingAttendanceRow.present.is_(True))).scalars():
            att.setdefault(a.session_id, []).append(a.staff_id)
        return [{"id": r.id, "day": r.day.isoformat(), "topic": r.topic, "notes": r.notes,
                 "attendees": sorted(att.get(r.id, []))} for r in rows if year is None or r.day.year == year]


def quarterly_check(ws: Workspace, year: int, quarter: int, today: dt.date | None = None) -> dict[str, Any]:
    """Who attended how many sessions in the quarter; ``missing`` lists who is short."""
    first, last = quarter_bounds(year, quarter)
    today = today or dt.date.today()
    on = min(last, today) if first <= today else last
    profile = profile_service.active_profile(ws)
    need = int((profile.get("training") or {}).get("min_per_person", 1))
    with ws.store.read() as s:
        sessions = s.execute(select(TrainingSessionRow.id).where(TrainingSessionRow.day >= first,
                                                                 TrainingSessionRow.day <= last)).scalars().all()
        counts: dict[int, int] = {}
        if sessions:
            for sid in s.execute(select(TrainingAttendanceRow.staff_id).where(
                    TrainingAttendanceRow.session_id.in_(sessions), TrainingAttendanceRow.present.is_(True))).scalars():
                counts[sid] = counts.get(sid, 0) + 1
        people = []
        for r in s.execute(select(StaffRow).order_by(StaffRow.staff_no)).scalars():
            if (r.start_date is None or r.start_date <= on) and (r.end_date is None or r.end_date > on):
                people.append({"id": r.id, "staff_no": r.staff_no, "name": r.name, "sessions": counts.get(r.id, 0)})
    missing = [p for p in people if p["sessions"] < need]
    return {"year": year, "quarter": quarter, "from": first.isoformat(), "to": last.isoformat(),
            "checked_on": on.isoformat(), "required": need, "sessions": len(sessions), "people": people,
            "missing": missing, "ok": not missing,
            "contract_requires": bool(profile.get("training"))}
