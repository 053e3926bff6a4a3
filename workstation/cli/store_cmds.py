"""init, user add/list/remove, audit verify."""
from __future__ import annotations

from ..core.errors import EXIT_CHECK_FAILED
from ..core.i18n import T
from ..core.identity import Role
from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("init", parents=[common], help="创建新的加密数据库 / create a new encrypted store")
    p.add_argument("--user", required=True, help="管理员用户名 / administrator's user name")
    p.add_argument("--display-name", default=None)
    p.set_defaults(handler=cmd_init)

    pu = sub.add_parser("user", parents=[common], help="用户管理 / users")
    usub = pu.add_subparsers(dest="user_cmd", required=True)
    pa = usub.add_parser("add", parents=[common])
    pa.add_argument("name")
    pa.add_argument("--role", required=True, choices=[r.value for r in Role])
    pa.add_argument("--display-name", default=None)
    pa.set_defaults(handler=cmd_user_add)
    pl = usub.add_parser("list", parents=[common])
    pl.set_defaults(handler=cmd_user_list)
    pr = usub.add_parser("remove", parents=[common])
    pr.add_argument("name")
    pr.set_defaults(handler=cmd_user_remove)

    pv = sub.add_parser("audit", parents=[common], help="事件日志 / event log")
    asub = pv.add_subparsers(dest="audit_cmd", required=True)
    av = asub.add_parser("verify", parents=[common])
    av.set_defaults(handler=cmd_audit_verify)


def cmd_init(args, rt: Runtime) -> Result:
    from ..services import auth_service

    passphrase = rt.passphrase(confirm=True)
    ws = auth_service.create_store(
        rt.db, args.user, passphrase, display_name=args.display_name, lang=rt.lang
    )
    ws.close()
    rt.say(T("已创建加密数据库 {db}", "Created encrypted store {db}"), db=str(rt.db))
    return Result({"db": str(rt.db), "user": args.user})


def cmd_user_add(args, rt: Runtime) -> Result:
    from ..services import auth_service

    ws = rt.workspace()
    ws.require_admin()
    new_pass = rt.passphrase(
        env="WORKSTATION_NEW_PASSPHRASE", prompt=T("新用户的口令：", "New user's passphrase: "), confirm=True
    )
    user = auth_service.add_user(ws, args.name, args.role, new_pass, display_name=args.display_name)
    return Result({"user": user.name, "role": user.role.value})


def cmd_user_list(args, rt: Runtime) -> Result:
    from ..services import auth_service

    users = auth_service.list_users(rt.workspace())
    return Result({"users": [{"user": u.name, "role": u.role.value, "active": u.active} for u in users]})


def cmd_user_remove(args, rt: Runtime) -> Result:
    from ..services import auth_service

    auth_service.remove_user(rt.workspace(), args.name)
    return Result({"user": args.name, "removed": True})


def cmd_audit_verify(args, rt: Runtime) -> Result:
    from ..services import audit_service

    check = audit_service.verify(rt.workspace())
    data = {"valid": check.valid, "events": check.events, "first_bad_event": check.first_bad_event}
    if not check.valid:
        rt.say(
            T("事件日志校验失败：第 {n} 条事件不符", "Event log check failed at event {n}"), n=check.first_bad_event
        )
    return Result(data, 0 if check.valid else EXIT_CHECK_FAILED)
