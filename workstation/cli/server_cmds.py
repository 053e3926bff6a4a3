"""server init, store copy (office.md)."""
from __future__ import annotations

import os

from ..core.errors import UsageError
from ..core.i18n import T
from .runtime import Result, Runtime

NEEDS_URL = T("--db 必须是 postgresql:// 地址", "--db must be a postgresql:// URL")


def register(sub, common) -> None:
    ps = sub.add_parser("server", parents=[common], help="办公室服务器 / office server")
    ssub = ps.add_subparsers(dest="server_cmd", required=True)
    pi = ssub.add_parser("init", parents=[common], help="初始化服务器上的项目数据库 / set up the project database")
    pi.add_argument("--admin", required=True, help="管理员用户名 / administrator's user name")
    pi.add_argument("--display-name", default=None)
    pi.set_defaults(handler=cmd_server_init)

    pc = sub.add_parser("store", parents=[common], help="数据库 / stores")
    csub = pc.add_subparsers(dest="store_cmd", required=True)
    cp = csub.add_parser("copy", parents=[common], help="在本地数据库与服务器之间复制整个项目 / copy a whole project")
    cp.add_argument("--from", dest="src", required=True)
    cp.add_argument("--to", dest="dst", required=True)
    cp.set_defaults(handler=cmd_store_copy)


def cmd_server_init(args, rt: Runtime) -> Result:
    from ..services import server_service

    if not getattr(rt.db, "is_server_address", False):
        raise UsageError(NEEDS_URL)
    server_user = os.environ.get("WORKSTATION_SERVER_USER", "")
    if not server_user:
        raise UsageError(detail=T("未指定服务器角色（WORKSTATION_SERVER_USER）",
                                  "no server role given (WORKSTATION_SERVER_USER)").render(rt.lang))
    server_password = os.environ.get("WORKSTATION_SERVER_PASSWORD", "")
    passphrase = rt.passphrase(confirm=True)
    ws = server_service.init_server(rt.db, args.admin, passphrase, server_user=server_user,  # type: ignore[arg-type]
                                    server_password=server_password, display_name=args.display_name,
                                    lang=rt.lang)
    ws.close()
    rt.say(T("已初始化服务器上的项目数据库 {db}", "Set up the project database {db}"), db=str(rt.db))
    return Result({"db": str(rt.db), "user": args.admin})


def cmd_store_copy(args, rt: Runtime) -> Result:
    from ..services import store_copy_service
    from ..services.auth_service import store_location

    src, dst = store_location(args.src), store_location(args.dst)
    user = rt.user_name()
    passphrase = rt.passphrase()
    out = store_copy_service.copy_store(src, dst, user, passphrase, lang=rt.lang,
                                        server_user=os.environ.get("WORKSTATION_SERVER_USER", ""),
                                        server_password=os.environ.get("WORKSTATION_SERVER_PASSWORD", ""))
    data = {"from": str(src), "to": str(dst), "tables": out.tables, "events": out.events}
    if out.users_to_reissue:  # their login roles wait for a passphrase from the admin (user add)
        data["users_to_reissue"] = out.users_to_reissue
    return Result(data)
