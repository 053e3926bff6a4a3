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
