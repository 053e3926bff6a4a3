"""``workstation inspection list|export|verify`` (issue 21)."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import EXIT_CHECK_FAILED
from ..core.i18n import T
from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("inspection", parents=[common], help="现场检查及笔录 / on-site inspections and their records")
    isub = p.add_subparsers(dest="inspection_command", required=True)
    ls = isub.add_parser("list", parents=[common], help="检查及笔录清单 / inspections and their records")
    ls.set_defaults(handler=cmd_list)
    ex = isub.add_parser("export", parents=[common], help="把检查的笔录写成 PDF / write an inspection's records as PDF")
    ex.add_argument("id", type=int)
    ex.add_argument("file")
    ex.add_argument("--record", type=int, default=None, help="只导出这份笔录 / only this record")
    ex.set_defaults(handler=cmd_export)
    vf = isub.add_parser("verify", parents=[common], help="核验已封存笔录的哈希 / check the sealed records' hashes")
    vf.set_defaults(handler=cmd_verify)


def cmd_list(args, rt: Runtime) -> Result:
    from ..services import inspection_service as ins

    ws = rt.workspace()
    out = []
    for i in ins.list_inspections(ws):
        out.append({"id": i.id, "uuid": i.uuid, "institution": i.institution_code,
                    "institution_name": i.institution_name, "date": i.date, "type": i.kind, "team": list(i.team),
                    "leads": [x.setl_id for x in i.leads],
                    "records": [{"id": r.id, "number": r.number, "kind": r.kind, "status": r.status,
                                 "seal_hash": r.seal_hash, "sealed_at": r.sealed_at, "corrects": r.corrects_id,
                                 "attachments": len(r.attachments)} for r in i.records]})
    human = "\n".join(f"#{x['id']} {x['date']} {x['institution']} {x['type']}: "
                      f"{len(x['records'])} " + T("份笔录", "records").render(rt.lang) for x in out)
    return Result({"inspections": out}, human=human or T("没有检查", "no inspections").render(rt.lang))


def cmd_export(args, rt: Runtime) -> Result:
    from ..services import inspection_pdf

    ws = rt.workspace()
    return Result(inspection_pdf.export(ws, args.id, Path(args.file), record_id=args.record))


def cmd_verify(args, rt: Runtime) -> Result:
    from ..services import inspection_service as ins

    ws = rt.workspace()
    problems = ins.verify_seals(ws)
    data = {"valid": not problems, "problems": [{"record_id": p.record_id, "number": p.number, "reason": p.reason}
                                                for p in problems]}
    return Result(data, EXIT_CHECK_FAILED if problems else 0)
