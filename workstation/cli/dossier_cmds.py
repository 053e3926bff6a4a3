"""``dossier build/submit/approve/return/revise/export/verify/ca-export`` (cli.md)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..core.errors import EXIT_CHECK_FAILED, UsageError
from ..core.i18n import T
from .runtime import Result, Runtime


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(detail=f"not a date (YYYY-MM-DD): {text}") from None


def register(sub, common) -> None:
    p = sub.add_parser("dossier", parents=[common], help="稽核卷宗 / signed audit dossiers")
    dsub = p.add_subparsers(dest="dossier_cmd", required=True)

    b = dsub.add_parser("build", parents=[common], help="编制卷宗草稿 / compile a draft")
    b.add_argument("--institution", default=None)
    b.add_argument("--from", dest="date_from", default=None)
    b.add_argument("--to", dest="date_to", default=None)
    b.add_argument("--sample", type=int, default=None)
    b.add_argument("--confidence", default="0.90")
    b.set_defaults(handler=cmd_build)

    for name, handler, helptext in (("submit", cmd_submit, "编制人签名提交 / the preparer signs and submits"),
                                    ("approve", cmd_approve, "审批并签名 / a supervisor signs and approves"),
                                    ("revise", cmd_revise, "开启更正版本 / open a correction revision")):
        q = dsub.add_parser(name, parents=[common], help=helptext)
        q.add_argument("id", type=int)
        q.set_defaults(handler=handler)

    r = dsub.add_parser("return", parents=[common], help="退回草稿 / return to draft with a comment")
    r.add_argument("id", type=int)
    r.add_argument("--comment", required=True)
    r.set_defaults(handler=cmd_return)

    e = dsub.add_parser("export", parents=[common], help="导出 PDF / write the (signed) PDF")
    e.add_argument("id", type=int)
    e.add_argument("file")
    e.set_defaults(handler=cmd_export)

    v = dsub.add_parser("verify", parents=[common], help="离线校验签名 / check signatures offline")
    v.add_argument("file")
    v.add_argument("--ca", default=None, help="项目 CA 证书 PEM；缺省时用本数据库的 CA / project CA certificate")
    v.set_defaults(handler=cmd_verify)

    c = dsub.add_parser("ca-export", parents=[common], help="导出项目 CA 证书 / export the project CA certificate")
    c.add_argument("file")
    c.set_defaults(handler=cmd_ca_export)

    ls = dsub.add_parser("list", parents=[common], help="卷宗列表 / list dossiers")
    ls.set_defaults(handler=cmd_list)


def _svc():
    from ..services import dossier_service

    return dossier_service


def cmd_build(args, rt: Runtime) -> Result:
    ws = rt.workspace()
    did = _svc().build(ws, institution=args.institution,
                       period_from=_date(args.date_from) if args.date_from else None,
                       period_to=_date(args.date_to) if args.date_to else None, sample_id=args.sample,
                       confidence=args.confidence)
    info = _svc().get(ws, did)
    return Result({"dossier_id": did, "findings": info.findings, "pages": info.pages,
                   "appraisal": _svc().snapshot(ws, did)["appraisal"]})


def _status(info) -> Result:
    return Result({"dossier_id": info.id, "status": info.status})


def cmd_submit(args, rt: Runtime) -> Result:
    ws = rt.workspace()
    return _status(_svc().submit(ws, args.id, rt.passphrase(prompt=T("签名口令：", "Signing passphrase: "))))


def cmd_approve(args, rt: Runtime) -> Result:
    ws = rt.workspace()
    svc = _svc()
    # refuse before asking for a passphrase (exit 3); the check reads the service's DossierInfo, no ORM row
    svc.check_approver(ws, svc.get(ws, args.id))
    return _status(svc.approve(ws, args.id, rt.passphrase(prompt=T("签名口令：", "Signing passphrase: "))))


def cmd_return(args, rt: Runtime) -> Result:
    return _status(_svc().return_(rt.workspace(), args.id, args.comment))


def cmd_revise(args, rt: Runtime) -> Result:
    ws = rt.workspace()
    new_id = _svc().revise(ws, args.id)
    info = _svc().get(ws, new_id)
    return Result({"dossier_id": new_id, "status": info.status, "revision": info.revision,
                   "supersedes": args.id})


def cmd_export(args, rt: Runtime) -> Result:
    return Result(_svc().export(rt.workspace(), args.id, Path(args.file)))


def cmd_ca_export(args, rt: Runtime) -> Result:
    return Result(_svc().export_ca(rt.workspace(), Path(args.file)))


def cmd_list(args, rt: Runtime) -> Result:
    items = _svc().list_dossiers(rt.workspace())
    return Result({"dossiers": [{"dossier_id": d.id, "number": d.number, "revision": d.revision, "status": d.status,
                                 "title": d.title, "preparer": d.preparer, "approver": d.approver,
                                 "findings": d.findings, "pages": d.pages} for d in items]})


def cmd_verify(args, rt: Runtime) -> Result:
    """Offline check. Trust root: --ca FILE, else the CA of the store named by --db."""
    from ..services import signing

    path = Path(args.file)
    try:
        pdf = path.read_bytes()
    except OSError as exc:
        raise UsageError(detail=f"{path.name}: {exc.strerror}") from None
    if args.ca:
        try:
            ca_pem = Path(args.ca).read_bytes()
        except OSError as exc:
            raise UsageError(detail=f"{Path(args.ca).name}: {exc.strerror}") from None
    elif rt.db.exists() and os.environ.get("WORKSTATION_USER"):
        ca_pem = signing.ca_certificate_pem(rt.workspace())
    else:
        raise UsageError(detail=T("需要 --ca 项目CA证书.pem（或可打开的数据库）",
                                  "--ca PROJECT_CA.pem is needed (or a store to open)").render(rt.lang))
    result = signing.verify_pdf(pdf, ca_pem, rt.lang)
    data = result.as_dict()
    if not result.valid:
        for p in result.problems:
            rt.say(p)
    human = None
    if not rt.json:
        lines = [T("签名有效", "signatures valid").render(rt.lang) if result.valid
                 else T("校验未通过", "NOT valid").render(rt.lang)]
        lines += [f"  {s['name']} ({s['role']}) {s['signed_at']}" for s in result.signers]
        lines += [f"  ! {p}" for p in result.problems]
        human = "\n".join(lines)
    return Result(data, 0 if result.valid else EXIT_CHECK_FAILED, human=human)
