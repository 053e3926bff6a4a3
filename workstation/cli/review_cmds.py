"""Commands of this area (registered by cli.main): ``review import-results``."""
from __future__ import annotations

from pathlib import Path

from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("review", parents=[common], help="审核 / review work")
    rsub = p.add_subparsers(dest="review_cmd", required=True)
    ir = rsub.add_parser("import-results", parents=[common],
                         help="导入纸面审核结果 / record results written on paper (supervisors)")
    ir.add_argument("file")
    ir.add_argument("--sample", default=None)
    ir.set_defaults(handler=cmd_import_results)


def cmd_import_results(args, rt: Runtime) -> Result:
    from ..services import review_import_results

    out = review_import_results.import_results(rt.workspace(), Path(args.file), args.sample)
    return Result(out.as_json())
