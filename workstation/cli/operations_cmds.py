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

    pd = sub.add_parser("deadlines", parents=[common], help="合同期限（工作日）/ contractual deadlines")
    pd.add_argument("--as-of", default=None, help="YYYY-MM-DD (default: today)")
    pd.add_argument("--contract", default=None)
    pd.set_defaults(handler=cmd_deadlines)

    pf = sub.add_parser("fees", parents=[common], help="服务费、扣款、利润返还 / fees, deductions, returns")
    pf.add_argument("--contract", default=None)
    pf.add_argument("--quarter", default=None, help="2025Q1")
    pf.add_argument("--year", type=int, default=None)
    pf.add_argument("--score", default=None)
    pf.add_argument("--profit", default=None)
    pf.add_argument("--headcount", type=int, default=None)
    pf.add_argument("--as-of", default=None)
    pf.set_defaults(handler=cmd_fees)

    pb = sub.add_parser("breach", parents=[common], help="记录违约或考核不合格 / record a breach or failed assessment")
    pb.add_argument("--contract", default=None)
    pb.add_argument("--date", required=True)
    pb.add_argument("--kind", required=True, choices=["staff_change", "other", "assessment_failed"])
    pb.add_argument("--note", default="")
    pb.set_defaults(handler=cmd_breach)

    pc = sub.add_parser("datacheck", parents=[common], help="记录数据核查 / record a data check")
    pc.add_argument("--date", required=True)
    pc.add_argument("--title", required=True)
    pc.add_argument("--run", type=int, default=None, help="筛查运行 ID / the screening run")
    pc.set_defaults(handler=cmd_datacheck)

    pp = sub.add_parser("workplan", parents=[common], help="月度工作计划与总结 / monthly work plan and summary")
    psub = pp.add_subparsers(dest="workplan_cmd", required=True)
    ps = psub.add_parser("show", parents=[common])
    ps.add_argument("--month", required=True)
    ps.add_argument("--contract", default=None)
    ps.set_defaults(handler=cmd_workplan_show)
    pv = psub.add_parser("save", parents=[common], help="从 JSON 保存 / save from a JSON file")
    pv.add_argument("file")
    pv.add_argument("--month", required=True)
    pv.add_argument("--contract", default=None)
    pv.set_defaults(handler=cmd_workplan_save)

    pr = sub.add_parser("report", parents=[common], help="报表 / contract reports")
    rsub = pr.add_subparsers(dest="report_cmd", required=True)
    rv = rsub.add_parser("volumes", parents=[common], help="年度工作量与覆盖率 / yearly volumes and coverage")
    rv.add_argument("--year", type=int, default=None)
    rv.add_argument("--contract", default=None)
    rv.add_argument("--as-of", default=None)
    rv.set_defaults(handler=cmd_volumes)
    register_reports(rsub, common)


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


def register_reports(rsub, common) -> None:
    """Report sub-commands beyond volumes (deductions, periodic reports): see report_cmds."""
    from . import report_cmds

    report_cmds.register(rsub, common)


def cmd_deadlines(args, rt: Runtime) -> Result:
    from ..services.operations import deadlines

    as_of = _date(args.as_of, "--as-of") or dt.date.today()
    items = deadlines.deadlines(rt.workspace(), as_of, args.contract)
    return Result(deadlines.to_json(as_of, items))


def cmd_fees(args, rt: Runtime) -> Result:
    from ..services.operations import fees

    ws = rt.workspace()
    contract = args.contract
    if contract is None:
        from ..services import profile_service

        contract = profile_service.active_profile_id(ws)
    return Result(fees.fees(ws, contract, quarter=args.quarter, year=args.year, score=args.score,
                            profit_amount=args.profit, headcount=args.headcount, as_of=_date(args.as_of, "--as-of")))


def cmd_breach(args, rt: Runtime) -> Result:
    from ..services import profile_service
    from ..services.operations import fees

    ws = rt.workspace()
    contract = args.contract or profile_service.active_profile_id(ws)
    bid = fees.record_breach(ws, contract, _date(args.date, "--date"), args.kind, args.note)
    return Result({"breach_id": bid, "contract": contract, "kind": args.kind})


def cmd_volumes(args, rt: Runtime) -> Result:
    from ..services.operations import volumes

    ws = rt.workspace()
    year = args.year or volumes.default_year(ws)
    v = volumes.volumes(ws, year, args.contract, _date(args.as_of, "--as-of"))
    if v.assumed:
        rt.say(T("注意：该年度部分日期没有节假日数据，按周一至周五推定", "note: part of the year has no holiday data; "
                 "Monday–Friday assumed"))
    return Result(volumes.to_json(v, rt.lang))


def cmd_datacheck(args, rt: Runtime) -> Result:
    from ..services.operations import volumes

    day = _date(args.date, "--date")
    cid = volumes.record_data_check(rt.workspace(), day, args.title, args.run)
    return Result({"data_check_id": cid, "date": day.isoformat(), "run_id": args.run})


def _plan_json(plan) -> dict:
    return {"contract": plan.contract, "month": plan.month, "intro": plan.intro, "summary": plan.summary,
            "items": [{"text": i.text, "done": i.done, "result": i.result, "link_kind": i.link_kind,
                       "link_ref": i.link_ref} for i in plan.items]}


def cmd_workplan_show(args, rt: Runtime) -> Result:
    from ..services.operations import work_plans

    return Result(_plan_json(work_plans.get_plan(rt.workspace(), args.month, args.contract)))


def cmd_workplan_save(args, rt: Runtime) -> Result:
    import json

    from ..core.errors import BadInput
    from ..services import profile_service
    from ..services.operations import work_plans

    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
        items = tuple(work_plans.PlanItem(str(i["text"]), bool(i.get("done", False)), str(i.get("result", "")),
                                          str(i.get("link_kind", "")), str(i.get("link_ref", "")))
                      for i in data.get("items", []))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BadInput(T("无法读取 JSON：{why}", "cannot read the JSON: {why}"), file=args.file,
                       why=type(exc).__name__) from None
    ws = rt.workspace()
    contract = args.contract or profile_service.active_profile_id(ws)
    plan = work_plans.save_plan(ws, work_plans.WorkPlan(contract, args.month, str(data.get("intro", "")),
                                                        str(data.get("summary", "")), items))
    return Result(_plan_json(plan))
