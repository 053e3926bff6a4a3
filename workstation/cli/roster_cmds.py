"""roster check/list/expiring/change, attendance export, training check, profile list/show/use.

``roster check --contract ID [--date D]`` prints
``{"contract", "ok", "shortfalls": [{"term", "required", "actual"}]}`` and
exits 1 when a term is not met (cli.md). Without ``--contract`` the store's
active profile is checked; without ``--date``, today.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from ..core.errors import EXIT_CHECK_FAILED, UsageError
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
    p = sub.add_parser("roster", parents=[common], help="人员 / team roster and staffing checks")
    rsub = p.add_subparsers(dest="roster_cmd", required=True)
    pc = rsub.add_parser("check", parents=[common], help="按合同人员配备条款检查 / check the staffing terms")
    pc.add_argument("--contract", default=None, help="合同配置 ID / profile id (default: the active one)")
    pc.add_argument("--date", default=None, help="检查日期 / check date YYYY-MM-DD (default: today)")
    pc.set_defaults(handler=cmd_check)
    pl = rsub.add_parser("list", parents=[common], help="人员名单（身份证号已遮蔽） / staff, ID numbers masked")
    pl.add_argument("--date", default=None)
    pl.add_argument("--active", action="store_true")
    pl.set_defaults(handler=cmd_list)
    pe = rsub.add_parser("expiring", parents=[common], help="30 日内到期的证书 / certificates expiring soon")
    pe.add_argument("--date", default=None)
    pe.add_argument("--days", type=int, default=30)
    pe.set_defaults(handler=cmd_expiring)
    pch = rsub.add_parser("change", parents=[common], help="人员变更 / staff changes")
    csub = pch.add_subparsers(dest="change_cmd", required=True)
    c_list = csub.add_parser("list", parents=[common])
    c_list.set_defaults(handler=cmd_change_list)
    c_ok = csub.add_parser("approve", parents=[common])
    c_ok.add_argument("change_id", type=int)
    c_ok.add_argument("--ref", default="", help="甲方同意文号 / Party A's approval reference")
    c_ok.set_defaults(handler=cmd_change_approve)
    c_apply = csub.add_parser("apply", parents=[common])
    c_apply.add_argument("change_id", type=int)
    c_apply.add_argument("--date", required=True, help="生效日期 / effective date")
    c_apply.set_defaults(handler=cmd_change_apply)

    pa = sub.add_parser("attendance", parents=[common], help="考勤 / attendance")
    asub = pa.add_subparsers(dest="attendance_cmd", required=True)
    ae = asub.add_parser("export", parents=[common], help="导出月度考勤表 / export the monthly sheet")
    ae.add_argument("--month", required=True, help="YYYY-MM")
    ae.add_argument("file", help="FILE.pdf | FILE.xlsx")
    ae.set_defaults(handler=cmd_attendance_export)

    pt = sub.add_parser("training", parents=[common], help="培训 / training")
    tsub = pt.add_subparsers(dest="training_cmd", required=True)
    tc = tsub.add_parser("check", parents=[common], help="季度培训检查 / quarterly check")
    tc.add_argument("--quarter", required=True, help="2025Q1")
    tc.set_defaults(handler=cmd_training_check)

    pp = sub.add_parser("profile", parents=[common], help="合同配置 / contract profiles")
    psub = pp.add_subparsers(dest="profile_cmd", required=True)
    p_list = psub.add_parser("list", parents=[common])
    p_list.set_defaults(handler=cmd_profile_list)
    p_show = psub.add_parser("show", parents=[common])
    p_show.add_argument("profile_id")
    p_show.set_defaults(handler=cmd_profile_show)
    p_use = psub.add_parser("use", parents=[common])
    p_use.add_argument("profile_id")
    p_use.set_defaults(handler=cmd_profile_use)
    p_save = psub.add_parser("save", parents=[common], help="从 JSON 文件保存/新建 / save or create from a JSON file")
    p_save.add_argument("file")
    p_save.set_defaults(handler=cmd_profile_save)


def cmd_check(args, rt: Runtime) -> Result:
    from ..services import roster_service

    ws = rt.workspace()
    profile, res = roster_service.check(ws, args.contract, _date(args.date, "--date"))
    data = {"contract": profile["id"], "ok": res.ok, "shortfalls": res.shortfalls}
    if not res.ok:
        for t in res.terms:
            if not t.ok:
                rt.say(T("未达标：{label}（要求 {req}，实际 {act}）", "Not met: {label} (required {req}, actual {act})"),
                       label=t.label(rt.lang), req=t.required, act=t.actual)
    return Result(data, 0 if res.ok else EXIT_CHECK_FAILED)


def cmd_list(args, rt: Runtime) -> Result:
    from ..services import roster_service

    staff = roster_service.list_staff(rt.workspace(), day=_date(args.date, "--date"), active_only=args.active)
    return Result({"staff": staff})


def cmd_expiring(args, rt: Runtime) -> Result:
    from ..services import roster_service

    items = roster_service.expiring_certificates(rt.workspace(), _date(args.date, "--date"), args.days)
    return Result({"certificates": [{"staff_no": c.staff_no, "name": c.name, "certificate": c.certificate,
                                     "expiry": c.expiry.isoformat(), "days_left": c.days_left} for c in items]})


def cmd_change_list(args, rt: Runtime) -> Result:
    from ..services import staff_change_service

    return Result({"changes": staff_change_service.list_changes(rt.workspace())})


def cmd_change_approve(args, rt: Runtime) -> Result:
    from ..services import staff_change_service

    staff_change_service.approve(rt.workspace(), args.change_id, args.ref)
    return Result({"change_id": args.change_id, "status": "approved"})


def cmd_change_apply(args, rt: Runtime) -> Result:
    from ..services import staff_change_service

    return Result(staff_change_service.apply_change(rt.workspace(), args.change_id, _date(args.date, "--date")))


def cmd_attendance_export(args, rt: Runtime) -> Result:
    from ..services import attendance_service

    out = attendance_service.export(rt.workspace(), args.month, Path(args.file))
    rt.say(T("已导出 {file}", "Wrote {file}"), file=out["file"])
    return Result(out)


def cmd_training_check(args, rt: Runtime) -> Result:
    from ..services import training_service

    m = re.fullmatch(r"(\d{4})Q([1-4])", args.quarter.strip().upper())
    if not m:
        raise UsageError(detail="--quarter 2025Q1")
    res = training_service.quarterly_check(rt.workspace(), int(m.group(1)), int(m.group(2)))
    data = {k: res[k] for k in ("year", "quarter", "required", "sessions", "ok")}
    data["missing"] = [{"staff_no": p["staff_no"], "name": p["name"], "sessions": p["sessions"]} for p in res["missing"]]
    return Result(data, 0 if res["ok"] else EXIT_CHECK_FAILED)


def cmd_profile_list(args, rt: Runtime) -> Result:
    from ..services import profile_service

    ws = rt.workspace()
    active = profile_service.active_profile_id(ws)
    return Result({"active": active, "profiles": [
        {"id": p["id"], "name": p["name_en" if rt.lang == "en" else "name_zh"], "seed": p.get("seed", ""),
         "active": p["id"] == active} for p in profile_service.list_profiles(ws)]})


def cmd_profile_show(args, rt: Runtime) -> Result:
    from ..services import profile_service

    return Result(profile_service.get_profile(rt.workspace(), args.profile_id))


def cmd_profile_use(args, rt: Runtime) -> Result:
    from ..services import profile_service

    ws = rt.workspace()
    profile_service.set_active_profile(ws, args.profile_id)
    return Result({"active": args.profile_id})


def cmd_profile_save(args, rt: Runtime) -> Result:
    from ..core.errors import BadInput
    from ..services import profile_service

    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BadInput(T("无法读取 JSON：{why}", "cannot read the JSON: {why}"), file=args.file, why=str(exc)) from None
    ws = rt.workspace()
    exists = any(p["id"] == data.get("id") for p in profile_service.list_profiles(ws)) if isinstance(data, dict) else False
    saved = profile_service.save_profile(ws, data, create=not exists)
    return Result({"profile": saved["id"], "created": not exists})
