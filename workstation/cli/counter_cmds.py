"""``workstation receipts import FILE``: receipts keyed elsewhere (issue 21)."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import EXIT_BAD_INPUT
from ..core.i18n import T
from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("receipts", parents=[common], help="手工报销票据 / manual-reimbursement receipts")
    rsub = p.add_subparsers(dest="receipts_command", required=True)
    imp = rsub.add_parser("import", parents=[common], help="导入已录入的票据（CSV）/ import receipts keyed elsewhere")
    imp.add_argument("file")
    imp.set_defaults(handler=cmd_import)


def cmd_import(args, rt: Runtime) -> Result:
    from ..services.receipt_import import ReceiptsRejected, import_receipts

    ws = rt.workspace()
    try:
        res = import_receipts(ws, Path(args.file))
    except ReceiptsRejected as exc:
        for r in exc.rejections:
            rt.say(r.message(rt.lang))
        rt.say(T("未导入任何票据（共 {n} 行不合格）。", "Nothing was imported ({n} rows rejected)."),
               n=len({r.row for r in exc.rejections}))
        data = {"files": [{"file": Path(args.file).name, "kind": "receipts", "rows": exc.rows, "inserted": 0,
                           "unchanged": 0, "rejected": len({r.row for r in exc.rejections})}]}
        return Result(data, EXIT_BAD_INPUT)
    rt.say(T("{file}：票据 {rows} 行，新增 {inserted}，未变 {unchanged}",
             "{file}: {rows} receipt rows, {inserted} inserted, {unchanged} unchanged"), **res.to_json())
    return Result({"files": [res.to_json()]})
