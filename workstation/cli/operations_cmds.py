"""Contract operations (operations.md): workdays, deadlines, volumes, fees, deductions, periodic reports."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.errors import UsageError
from ..core.i18n import T
from .runtime import Result, Runtime


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(detail=f"{option} YYYY-MM-DD") from None


def register(sub, common) -> None:
    pw = sub.add_parser("workdays", parents=[common], help="工作日 / working days and the holiday table")
    wsub = pw.add_subparsers(dest="workdays_cmd", required=True)
    wa = wsub.add_parser("add", parents=[common], help="DATE 之后第 N 个工作日 / the N-th working day after DATE")
    wa.add_argument("date")
    wa.add_argument("n", type=int)
    wa.set_defaults(handler=cmd_workdays_add)
    wi = wsub.add_parser("import", parents=[common], help="导入节假日表 CSV（date,kind）/ import the holiday table")
    wi.add_argument("file")
    wi.set_defaults(handler=cmd_workdays_import)
    ws_ = wsub.add_parser("set", parents=[common], help="设置或删除一天 / set or remove one day")
    ws_.add_argument("date")
    ws_.add_argument("kind", choices=["holiday", "workday", "remove"])
    ws_.add_argument("--note", default="")
    ws_.set_defaults(handler=cmd_workdays_set)
    wl = wsub.add_parser("list", parents=[common], help="节假日表与日历覆盖 / the table and the calendar's coverage")
    wl.add_argument("--year", type=int, default=None)
    wl.set_defaults(handler=cmd_workdays_list)


def cmd_workdays_add(args, rt: Runtime) -> Result:
    from ..services import workdays_service

    start = _date(args.date, "DATE")
    due = workdays_service.add_workdays(rt.workspace(), start, args.n)
    if due.assumed:
        rt.say(T("注意：期间部分日期没有节假日数据，按周一至周五推定",
                 "note: part of the span has no holiday data; Monday–Friday assumed"))
    return Result({"from": start.isoformat(), "workdays": args.n, "due": due.due.isoformat(), "assumed": due.assumed})


def cmd_workdays_import(args, rt: Runtime) -> Result:
    from ..services import workdays_service

    out = workdays_service.import_csv(rt.workspace(), Path(args.file))
    if out["ignored"]:
        rt.say(T("{n} 行属于已发布日历覆盖的年份，不会使用", "{n} rows fall in years the published calendar covers and are not used"),
               n=out["ignored"])
    return Result({"file": args.file, **out})


def cmd_workdays_set(args, rt: Runtime) -> Result:
    from ..services import workdays_service

    day = _date(args.date, "DATE")
    kind = None if args.kind == "remove" else args.kind
    workdays_service.set_day(rt.workspace(), day, kind, args.note)
    return Result({"date": day.isoformat(), "kind": kind})


def cmd_workdays_list(args, rt: Runtime) -> Result:
    from ..services import workdays_service

    ws = rt.workspace()
    cov = workdays_service.coverage(ws)
    return Result({"package_years": [cov.package_first_year, cov.package_last_year],
                   "table_years": list(cov.table_years), "first_assumed_year": cov.first_assumed_year,
                   "days": [{"date": d.day.isoformat(), "kind": d.kind, "note": d.note}
                            for d in workdays_service.list_days(ws, args.year)]})
