"""Monthly attendance (考勤): people × days, statuses, totals, and the sheet for Party A.

Day kinds (working day, weekend, public holiday, make-up working day) come from
the store's working-day calendar (workdays_service: chinese_calendar, then the
holiday table, then Monday–Friday marked as assumed). The sheet is written atomically to the path
the user chose, as PDF (landscape A4, signature lines) or XLSX.
"""
from __future__ import annotations

import datetime as dt
import io
from calendar import monthrange
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import bindparam, delete, insert, select, update

from ..core.errors import BadInput, UsageError
from ..core.i18n import T
from ..core.workdays import DayKind, WorkCalendar, default_calendar
from ..store.atomic import atomic_write_bytes
from ..store.models.base import utcnow
from ..store.models.roster import AttendanceRow, StaffRow
from . import profile_service, workdays_service
from .workspace import Workspace


@dataclass(frozen=True)
class Status:
    code: str
    label: T
    symbol: str  # one character for the grid and the sheet
    keys: tuple[str, ...]  # what the keyboard accepts


STATUSES: tuple[Status, ...] = (
    Status("present", T("出勤", "present"), "√", ("1", "p")),
    Status("leave", T("请假", "leave"), "假", ("2", "l")),
    Status("trip", T("出差", "business trip"), "差", ("3", "t")),
    Status("inspection", T("外出检查", "on inspection"), "检", ("4", "i")),
    Status("absent", T("缺勤", "absent"), "×", ("5", "a")),
    Status("rest", T("休息", "rest"), "休", ("6", "r")),
)
BY_CODE = {s.code: s for s in STATUSES}
BY_KEY = {k: s.code for s in STATUSES for k in s.keys}
KIND_LABELS = {DayKind.WORKDAY: T("工作日", "working day"), DayKind.WEEKEND: T("周末", "weekend"),
               DayKind.HOLIDAY: T("节假日", "public holiday"), DayKind.MAKEUP_WORKDAY: T("调休上班", "make-up working day")}
WEEKDAYS = (T("一", "Mo"), T("二", "Tu"), T("三", "We"), T("四", "Th"), T("五", "Fr"), T("六", "Sa"), T("日", "Su"))


def parse_month(month: str) -> tuple[int, int]:
    try:
        y, m = str(month).strip().split("-")
        year, mon = int(y), int(m)
        dt.date(year, mon, 1)
    except ValueError:
        raise UsageError(detail=T("月份格式应为 YYYY-MM", "a month is YYYY-MM").render("zh_CN")) from None
    return year, mon


def month_days(month: str, cal: WorkCalendar | None = None) -> list[tuple[dt.date, DayKind]]:
    year, mon = parse_month(month)
    cal = cal or default_calendar()
    return [(d, cal.day_kind(d)) for d in (dt.date(year, mon, i) for i in range(1, monthrange(year, mon)[1] + 1))]


def is_off(kind: DayKind) -> bool:
    return kind in (DayKind.WEEKEND, DayKind.HOLIDAY)


def _active_in(row: StaffRow, first: dt.date, last: dt.date) -> bool:
    return (row.start_date is None or row.start_date <= last) and (row.end_date is None or row.end_date > first)


def _on_duty(row: StaffRow, day: dt.date) -> bool:
    return (row.start_date is None or row.start_date <= day) and (row.end_date is None or row.end_date > day)


def grid(ws: Workspace, month: str) -> dict[str, Any]:
    """The month: days with their kind, and each person on the team that month with statuses and totals."""
    with ws.store.read() as s:
        cal = workdays_service.calendar_in(s)
        days = month_days(month, cal)
        first, last = days[0][0], days[-1][0]
        staff = [r for r in s.execute(select(StaffRow).order_by(StaffRow.staff_no)).scalars() if _active_in(r, first, last)]
        ids = [r.id for r in staff]
        marks: dict[int, dict[str, str]] = {i: {} for i in ids}
        if ids:
            # plain tuples, not ORM objects: a month of a large team is tens of thousands of cells
            for sid, day, status in s.execute(select(AttendanceRow.staff_id, AttendanceRow.day, AttendanceRow.status)
                                              .where(AttendanceRow.day >= first, AttendanceRow.day <= last)):
                got = marks.get(sid)
                if got is not None:
                    got[day.isoformat()] = status
        people = []
        for r in staff:
            statuses = marks[r.id]
            on_duty = [d for d, _k in days if _on_duty(r, d)]
            people.append({
                "id": r.id, "staff_no": r.staff_no, "name": r.name, "post": r.post, "centre": r.centre,
                "statuses": statuses, "totals": totals(statuses),
                "duty_days": [d.isoformat() for d in on_duty],
                "workdays": sum(1 for d, k in days if _on_duty(r, d) and not is_off(k)),
            })
    # "assumed": the day's kind is the Monday–Friday guess (no calendar data, no holiday-table row)
    return {"month": month, "days": [{"date": d.isoformat(), "kind": k.value, "weekday": d.weekday(),
                                      "assumed": cal.is_assumed(d)} for d, k in days],
            "people": people, "assumed": any(cal.is_assumed(d) for d, _k in days)}


def totals(statuses: dict[str, str]) -> dict[str, int]:
    out = {s.code: 0 for s in STATUSES}
    for v in statuses.values():
        if v in out:
            out[v] += 1
    return out


def set_statuses(ws: Workspace, entries: Iterable[tuple[int, dt.date | str, str | None]]) -> int:
    """Set (or clear, with None) statuses in one transaction with one event; returns cells changed."""
    ws.require_supervisor()
    clean: dict[tuple[int, dt.date], str | None] = {}
    for staff_id, day, status in entries:
        d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        if status is not None and status not in BY_CODE:
            raise BadInput(T("考勤状态无效：{status}", "not an attendance status: {status}"), status=status)
        clean[(int(staff_id), d)] = status
    if not clean:
        return 0
    changes = []
    with ws.store.session() as s:
        staff = {r.id: r for r in s.execute(select(StaffRow).where(StaffRow.id.in_({k[0] for k in clean}))).scalars()}
        days = [k[1] for k in clean]
        existing = {(sid, d): st for sid, d, st in s.execute(
            select(AttendanceRow.staff_id, AttendanceRow.day, AttendanceRow.status)
            .where(AttendanceRow.staff_id.in_(set(staff)), AttendanceRow.day >= min(days),
                   AttendanceRow.day <= max(days)))}
        inserts, updates, deletes = [], [], []
        now = utcnow()
        for (sid, d), status in sorted(clean.items()):
            person = staff.get(sid)
            if person is None:
                raise BadInput(T("人员不存在：{id}", "no such staff member: {id}"), id=sid)
            if status is not None and not _on_duty(person, d):
                raise BadInput(T("{name} 在 {day} 不在岗，不能记考勤", "{name} is not on the team on {day}"),
                               name=person.name, day=d.isoformat())
            old = existing.get((sid, d))
            if old == status:
                continue
            if status is None:
                deletes.append({"s": sid, "d": d})
            elif old is None:
                inserts.append({"staff_id": sid, "day": d, "status": status, "updated_by": ws.user.name,
                                "updated_at": now})
            else:
                updates.append({"s": sid, "d": d, "st": status, "by": ws.user.name, "at": now})
            changes.append([sid, d.isoformat(), old, status])
        table = AttendanceRow.__table__
        if inserts:
            s.execute(insert(table), inserts)
        if updates:
            s.execute(update(table).where(table.c.staff_id == bindparam("s"), table.c.day == bindparam("d"))
                      .values(status=bindparam("st"), updated_by=bindparam("by"), updated_at=bindparam("at")),
                      updates)
        if deletes:
            s.execute(delete(table).where(table.c.staff_id == bindparam("s"), table.c.day == bindparam("d")), deletes)
        if changes:
            ws.log(s, "attendance.set", "attendance", changes[0][1][:7], before=[c[2] for c in changes],
                   after=[c[3] for c in changes], details={"cells": len(changes), "changes": changes[:2000]})
    return len(changes)


def fill_by_calendar(ws: Workspace, month: str, staff_ids: Iterable[int] | None = None) -> int:
    """Fill the empty cells: present on working days (make-up ones included), rest on other days."""
    g = grid(ws, month)
    want = set(staff_ids) if staff_ids is not None else None
    kinds = {d["date"]: DayKind(d["kind"]) for d in g["days"]}
    entries = []
    for p in g["people"]:
        if want is not None and p["id"] not in want:
            continue
        for day in p["duty_days"]:
            if day not in p["statuses"]:
                entries.append((p["id"], day, "rest" if is_off(kinds[day]) else "present"))
    return set_statuses(ws, entries)


# -- the sheet ---------------------------------------------------------------------------------
def _title(ws: Workspace, month: str) -> tuple[str, str]:
    profile = profile_service.active_profile(ws)
    year, mon = parse_month(month)
    name = profile.get("name_en" if ws.lang == "en" else "name_zh", "")
    title = (f"Attendance sheet {year}-{mon:02d}" if ws.lang == "en" else f"{year}年{mon}月 人员考勤表")
    return name, title


def export(ws: Workspace, month: str, path: Path | str) -> dict[str, Any]:
    """Write the month's sheet to ``path`` (.pdf or .xlsx), atomically; logged."""
    path = Path(path)
    suffix = path.suffix.lower()
    g = grid(ws, month)
    if suffix == ".pdf":
        data = render_pdf(ws, g)
    elif suffix == ".xlsx":
        data = render_xlsx(ws, g)
    else:
        raise UsageError(detail=T("文件须为 .pdf 或 .xlsx", "the file must be .pdf or .xlsx").render(ws.lang))
    atomic_write_bytes(path, data)
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    with ws.store.session() as s:
        ws.log(s, "attendance.export", "attendance", month, details={"file": path.name, "sha256": sha,
                                                                    "people": len(g["people"])})
    return {"month": month, "file": str(path), "people": len(g["people"]), "sha256": sha}


def day_header(lang: str, d: dict[str, Any]) -> tuple[str, str]:
    """A day column's header in ``lang``: the day of the month, and the weekday with a holiday/make-up mark."""
    day = dt.date.fromisoformat(d["date"])
    kind = DayKind(d["kind"])
    mark = ""
    if kind is DayKind.HOLIDAY:
        mark = "H" if lang == "en" else "节"
    elif kind is DayKind.MAKEUP_WORKDAY:
        mark = "M" if lang == "en" else "班"
    return str(day.day), WEEKDAYS[day.weekday()].render(lang) + (mark and f"\n{mark}")


def render_pdf(ws: Workspace, g: dict[str, Any]) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from .pdf_common import build_pdf, esc, styles

    st = styles()
    lang = ws.lang
    contract, title = _title(ws, g["month"])
    party_a = profile_service.active_profile(ws).get("party_a", "")
    days = g["days"]
    n = len(days)
    from reportlab.lib.styles import ParagraphStyle

    tiny = ParagraphStyle("att-tiny", parent=st.cell, fontSize=6.5, leading=7.5, alignment=1)
    name_style = ParagraphStyle("att-name", parent=st.cell, fontSize=7.5, leading=9)
    head = [Paragraph(esc(T("姓名", "Name").render(lang)), name_style)]
    for d in days:
        num, sub = day_header(ws.lang, d)
        head.append(Paragraph(esc(num) + "<br/>" + esc(sub).replace("\n", "<br/>"), tiny))
    for s in STATUSES:
        head.append(Paragraph(esc(s.label.render(lang)), tiny))
    rows = [head]
    for p in g["people"]:
        duty = set(p["duty_days"])
        line = [Paragraph(esc(p["name"]), name_style)]
        for d in days:
            code = p["statuses"].get(d["date"])
            line.append(BY_CODE[code].symbol if code else ("" if d["date"] in duty else "—"))
        line += [str(p["totals"][s.code]) for s in STATUSES]
        rows.append(line)
    page_w = landscape(A4)[0] - 36 * mm - 1  # build_pdf's 18 mm margins
    name_w, total_w = 16 * mm, 8.6 * mm
    day_w = (page_w - name_w - total_w * len(STATUSES)) / n
    t = Table(rows, colWidths=[name_w] + [day_w] * n + [total_w] * len(STATUSES), repeatRows=1)
    cmds = [
        ("FONT", (0, 0), (-1, -1), st.cell.fontName, 7.5),
        ("GRID", (0, 0), (-1, -1), 0.35, colors.HexColor("#7b8794")),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e9f0")),
        ("BACKGROUND", (n + 1, 0), (-1, -1), colors.HexColor("#f2f5f9")),
    ]
    for i, d in enumerate(days, start=1):
        kind = DayKind(d["kind"])
        if kind is DayKind.HOLIDAY:
            cmds.append(("BACKGROUND", (i, 0), (i, -1), colors.HexColor("#f9d9d6")))
        elif kind is DayKind.WEEKEND:
            cmds.append(("BACKGROUND", (i, 0), (i, -1), colors.HexColor("#dfe3e8")))
        elif kind is DayKind.MAKEUP_WORKDAY:
            cmds.append(("BACKGROUND", (i, 0), (i, 0), colors.HexColor("#fdf0c2")))
    t.setStyle(TableStyle(cmds))
    legend = "　".join(f"{s.symbol} {s.label.render(lang)}" for s in STATUSES)
    if lang == "en":
        legend += "　Grey: weekend; red: public holiday (H); yellow: make-up working day (M); —: not on the team"
    else:
        legend += "　灰色：周末；红色：法定节假日（节）；黄色：调休上班（班）；—：不在岗"
    if g.get("assumed"):
        legend += T("。注意：本月节假日安排尚无日历数据，按周一至周五推定。",
                    ". Note: no holiday calendar for this month yet; Monday–Friday assumed.").render(lang)
    story = [Paragraph(esc(title), st.h1),
             Paragraph(esc(contract) + ("　" + esc(T("甲方：", "Party A: ").render(lang) + party_a) if party_a else ""),
                       st.body),
             Spacer(1, 3 * mm), t, Spacer(1, 2 * mm), Paragraph(esc(legend), st.small), Spacer(1, 8 * mm)]
    sig = Table([[T("乙方项目负责人（签字）：", "Party B project lead (signature):").render(lang), "",
                  T("日期：", "Date:").render(lang), ""],
                 [T("甲方确认（签字/盖章）：", "Party A confirmation (signature/seal):").render(lang), "",
                  T("日期：", "Date:").render(lang), ""]],
                colWidths=[60 * mm, 70 * mm, 14 * mm, 40 * mm], rowHeights=[12 * mm, 12 * mm])
    sig.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), st.body.fontName, 9.5),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black), ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    story.append(sig)
    return build_pdf(story, title=title, header=contract, lang=lang, pagesize=landscape(A4),
                     subject="attendance")


def render_xlsx(ws: Workspace, g: dict[str, Any]) -> bytes:
    """The sheet as XLSX, streamed (write-only workbook: a large team stays fast)."""
    from copy import copy

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    lang = ws.lang
    contract, title = _title(ws, g["month"])
    wb = Workbook(write_only=True)
    sh = wb.create_sheet(g["month"])
    days = g["days"]
    fills = {DayKind.HOLIDAY: PatternFill("solid", fgColor="F9D9D6"), DayKind.WEEKEND: PatternFill("solid", fgColor="DFE3E8"),
             DayKind.MAKEUP_WORKDAY: PatternFill("solid", fgColor="FDF0C2")}
    thin = Side(style="thin", color="9AA5B1")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sh.column_dimensions["A"].width = 10
    sh.column_dimensions["B"].width = 10
    from openpyxl.utils import get_column_letter

    for i in range(len(days)):
        sh.column_dimensions[get_column_letter(3 + i)].width = 4.2
    sh.freeze_panes = "C5"

    protos: dict[int, Any] = {}

    def cell(value, *, fill=None):
        # setting styles hashes them each time; copy the style array of one prototype per fill instead
        key = id(fill)
        proto = protos.get(key)
        if proto is None:
            proto = WriteOnlyCell(sh)
            proto.alignment, proto.border = centre, border
            if fill is not None:
                proto.fill = fill
            protos[key] = proto
        c = WriteOnlyCell(sh, value=value)
        c._style = copy(proto._style)
        return c

    t = WriteOnlyCell(sh, value=title)
    t.font = Font(bold=True, size=13)
    sh.append([t])
    sh.append([contract])
    sh.append([])
    head = [cell(T("工号", "Staff no.").render(lang)), cell(T("姓名", "Name").render(lang))]
    for d in days:
        num, sub = day_header(ws.lang, d)
        head.append(cell(f"{num}\n{sub}", fill=fills.get(DayKind(d["kind"]))))
    head += [cell(s.label.render(lang)) for s in STATUSES]
    sh.row_dimensions[4].height = 42
    sh.append(head)
    off_fill = {d["date"]: fills[DayKind(d["kind"])] for d in days
                if DayKind(d["kind"]) in (DayKind.HOLIDAY, DayKind.WEEKEND)}
    labels = {code: s.label.render(lang) for code, s in BY_CODE.items()}
    for p in g["people"]:
        row = [cell(p["staff_no"]), cell(p["name"])]
        for d in days:
            code = p["statuses"].get(d["date"])
            row.append(cell(labels[code] if code else None, fill=off_fill.get(d["date"])))
        row += [cell(p["totals"][s.code]) for s in STATUSES]
        sh.append(row)
    sh.append([])
    sh.append([T("乙方项目负责人（签字）：", "Party B project lead (signature):").render(lang), None, None, None, None,
               None, None, None, None, None, T("日期：", "Date:").render(lang)])
    sh.append([])
    sh.append([T("甲方确认（签字/盖章）：", "Party A confirmation (signature/seal):").render(lang), None, None, None, None,
               None, None, None, None, None, T("日期：", "Date:").render(lang)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
