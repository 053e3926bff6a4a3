"""report deductions / monthly / quarterly / halfyear / annual (operations.md)."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import UsageError
from ..core.i18n import T
from .runtime import Result, Runtime


def register(rsub, common) -> None:
    rd = rsub.add_parser("deductions", parents=[common], help="扣款清单 / deductions to Party A")
    rd.add_argument("--month", required=True, help="结算月份 / settlement month YYYY-MM")
    rd.add_argument("file", nargs="?", default=None, help="FILE.xlsx (omit with --json)")
    rd.set_defaults(handler=cmd_deductions)
    for kind, help_ in (("monthly", "月度报告 / monthly report"), ("quarterly", "季度报告 / quarterly report"),
                        ("halfyear", "半年度报告 / half-yearly report"), ("annual", "年度报告 / annual report")):
        rk = rsub.add_parser(kind, parents=[common], help=help_)
        rk.add_argument("--period", required=True, help="2025-03 | 2025Q1 | 2025H1 | 2025")
        rk.add_argument("--format", choices=["pdf", "docx", "xlsx"], default=None)
        rk.add_argument("--contract", default=None)
        rk.add_argument("file", nargs="?", default=None)
        rk.set_defaults(handler=cmd_report, report_kind=kind)
    rt_ = rsub.add_parser("template", parents=[common], help="替换或恢复报告模板 / replace or reset a DOCX template")
    rt_.add_argument("kind", choices=["monthly", "quarterly", "halfyear", "annual"])
    rt_.add_argument("file", nargs="?", default=None, help="FILE.docx (omit with --reset)")
    rt_.add_argument("--contract", default=None)
    rt_.add_argument("--reset", action="store_true")
    rt_.set_defaults(handler=cmd_template)


def cmd_deductions(args, rt: Runtime) -> Result:
    from ..services.operations import deductions

    ws = rt.workspace()
    if args.file:
        if Path(args.file).suffix.lower() != ".xlsx":
            raise UsageError(detail=T("文件须为 .xlsx", "the file must be .xlsx").render(rt.lang))
        out = deductions.export_xlsx(ws, args.month, args.file)
        rt.say(T("已导出 {file}", "Wrote {file}"), file=out["file"])
        return Result(out)
    if not rt.json:
        raise UsageError(detail=T("请给出 FILE.xlsx 或 --json", "give FILE.xlsx or --json").render(rt.lang))
    return Result(deductions.to_json(deductions.deduction_list(ws, args.month)))


def cmd_report(args, rt: Runtime) -> Result:
    from ..services.operations import report_data, reports

    ws = rt.workspace()
    if args.file is None:
        if not rt.json:
            raise UsageError(detail=T("请给出输出文件，或用 --json 输出数据", "give FILE, or --json for the figures")
                             .render(rt.lang))
        return Result(report_data.figures(ws, args.report_kind, args.period, args.contract).to_json())
    fmt = args.format or Path(args.file).suffix.lower().lstrip(".")
    out = reports.export(ws, args.report_kind, args.period, args.file, fmt, args.contract)
    rt.say(T("已导出 {file}", "Wrote {file}"), file=out["file"])
    return Result(out)


def cmd_template(args, rt: Runtime) -> Result:
    from ..services import profile_service
    from ..services.operations import reports

    ws = rt.workspace()
    contract = args.contract or profile_service.active_profile_id(ws)
    if not args.reset and not args.file:
        raise UsageError(detail="FILE.docx | --reset")
    reports.set_template(ws, contract, args.kind, None if args.reset else Path(args.file))
    return Result({"contract": contract, "kind": args.kind, "template": "shipped" if args.reset else "store"})
