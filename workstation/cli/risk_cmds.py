"""risk profile / risk export (spec/risk.md)."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import UsageError
from ..core.i18n import T
from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("risk", parents=[common], help="风险画像 / risk profiles of institutions and doctors")
    rsub = p.add_subparsers(dest="risk_cmd", required=True)
    pp = rsub.add_parser("profile", parents=[common])
    _period(pp)
    pp.set_defaults(handler=cmd_profile)
    pe = rsub.add_parser("export", parents=[common])
    pe.add_argument("file")
    _period(pe)
    pe.add_argument("--institution", default=None, help="机构编码 / one institution against its peers")
    pe.set_defaults(handler=cmd_export)


def _period(p) -> None:
    p.add_argument("--from", dest="date_from", default=None)
    p.add_argument("--to", dest="date_to", default=None)
    p.add_argument("--level", choices=["institution", "doctor"], default="institution")


def cmd_profile(args, rt: Runtime) -> Result:
    from ..services import risk_service

    p = risk_service.run(rt.workspace(), args.level, args.date_from, args.date_to)
    if p.profile_id is not None:
        rt.say(T("已保存风险画像 {id}（{a} 至 {b}）；标记是供审核的线索，不是违规的认定",
                 "Stored risk profile {id} ({a} to {b}); a flag is a lead for review, not a finding"),
               id=p.profile_id, a=p.date_from, b=p.date_to)
    return Result(risk_service.to_json(p, rt.lang))


def cmd_export(args, rt: Runtime) -> Result:
    from ..services import risk_export

    path = Path(args.file)
    if path.suffix.lower() not in (".xlsx", ".pdf"):
        raise UsageError(T("导出文件须为 .xlsx 或 .pdf：{f}", "The export file must be .xlsx or .pdf: {f}"),
                         f=path.name)
    out = risk_export.export(rt.workspace(), path, level=args.level, date_from=args.date_from,
                             date_to=args.date_to, institution=args.institution)
    return Result({"file": out.file, "sha256": out.sha256})
