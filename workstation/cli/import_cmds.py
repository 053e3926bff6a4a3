"""``workstation import FILE...``: settlements, fee lines, catalog or roster (kind told by headers)."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import EXIT_BAD_INPUT
from ..core.i18n import T
from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="导入结算、明细、目录或人员名册 / import claim exports")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--accept-valid-rows", action="store_true",
                   help="只导入合格的行，不合格行写入报告 / import the valid rows, report the rejected ones")
    p.add_argument("--report", default=None,
                   help="不合格行报告（CSV）的路径；默认在第一个文件旁 / where to write the rejection report")
    p.set_defaults(handler=cmd_import)


def _default_report(first: str) -> Path:
    path = Path(first)
    return path.with_name(path.stem + ".rejected.csv")


def cmd_import(args, rt: Runtime) -> Result:
    from ..services.import_service import ImportRejected, import_files, write_rejection_report

    ws = rt.workspace()
    try:
        results = import_files(ws, args.files, accept_valid_rows=args.accept_valid_rows)
    except ImportRejected as exc:
        # Nothing landed. Every rejected row goes to stderr (file, row, column, reason); no file is written.
        for res in exc.results:
            for r in res.rejections:
                rt.say(_line(r, rt.lang))
        data = {"files": [dict(r.to_json(), inserted=0, updated=0, unchanged=0) for r in exc.results]}
        rt.say(T("未导入任何数据（共 {n} 行不合格）。", "Nothing was imported ({n} rows rejected)."), n=exc.count)
        return Result(data, EXIT_BAD_INPUT)
    data = {"files": [r.to_json() for r in results]}
    rejected = [r for r in results if r.rejected]
    if rejected:
        target = Path(args.report) if args.report else _default_report(args.files[0])
        write_rejection_report(results, target, rt.lang)
        rt.say(T("{n} 行不合格未导入，报告已写入 {path}", "{n} rows were rejected; the report is in {path}"),
               n=sum(r.rejected for r in results), path=str(target))
    for r in results:
        rt.say(T("{file}：{kind}，{rows} 行，新增 {inserted}，更新 {updated}，未变 {unchanged}，不合格 {rejected}",
                 "{file}: {kind}, {rows} rows, {inserted} inserted, {updated} updated, {unchanged} unchanged, "
                 "{rejected} rejected"), **r.to_json())
        for line in r.reversal_lines(rt.lang):
            rt.say(line)
    return Result(data)


def _line(r, lang: str) -> str:
    from ..core.errors import BadInput

    return BadInput(r.reason, file=r.file, row=r.row, column=r.column).message(lang)
