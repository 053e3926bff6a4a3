"""backup, restore, package export/import/merge/conflicts/resolve, purge (cli.md)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.errors import UsageError
from ..core.i18n import T
from .runtime import Result, Runtime

PKG_PROMPT = T("工作包口令：", "Package passphrase: ")


def register(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common], help="完整加密备份 / encrypted full backup")
    p.add_argument("file", nargs="?", default=None, help="备份文件（默认：数据库旁的备份文件夹）")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="恢复到 --db 指定的新数据库 / restore into the new store --db")
    p.add_argument("file")
    p.set_defaults(handler=cmd_restore)

    pk = sub.add_parser("package", parents=[common], help="外勤工作包 / work packages")
    psub = pk.add_subparsers(dest="package_cmd", required=True)
    pe = psub.add_parser("export", parents=[common])
    pe.add_argument("--user", action="append", default=[], help="接收人（可重复） / recipient (repeatable)")
    pe.add_argument("--sample", type=int, default=None, help="只导出该样本的单元 / only this sample's units")
    pe.add_argument("--results", action="store_true", help="在外勤电脑上导出审核结果包 / export a results package")
    pe.add_argument("--expires", default=None, help="有效期至 YYYY-MM-DD（默认 30 天） / expiry date")
    pe.add_argument("file")
    pe.set_defaults(handler=cmd_package_export)
    pi = psub.add_parser("import", parents=[common])
    pi.add_argument("file")
    pi.set_defaults(handler=cmd_package_import)
    pm = psub.add_parser("merge", parents=[common])
    pm.add_argument("file")
    pm.set_defaults(handler=cmd_package_merge)
    pc = psub.add_parser("conflicts", parents=[common])
    pc.add_argument("--all", action="store_true")
    pc.set_defaults(handler=cmd_package_conflicts)
    pr = psub.add_parser("resolve", parents=[common])
    pr.add_argument("conflict_id", type=int)
    pr.add_argument("choice", choices=["local", "remote"])
    pr.set_defaults(handler=cmd_package_resolve)

    pp = sub.add_parser("purge", parents=[common], help="项目结束时删除全部数据 / delete everything at project end")
    pp.add_argument("--confirm", required=True, help="数据库文件名（不含扩展名） / the store file's name without extension")
    pp.add_argument("--certificate", default=None, help="删除证明 PDF 的保存位置 / where to save the certificate PDF")
    pp.set_defaults(handler=cmd_purge)

    ps = sub.add_parser("selfcheck", parents=[common],
                        help="检查安装：资源、迁移、加密库、密钥环、Qt / check the installation")
    ps.set_defaults(handler=cmd_selfcheck)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(detail=f"--expires {text!r}: YYYY-MM-DD") from None


def cmd_backup(args, rt: Runtime) -> Result:
    from ..services import backup_service

    res = backup_service.backup(rt.workspace(), Path(args.file) if args.file else None)
    rt.say(T("已写入备份 {f}", "Backup written to {f}"), f=res.file)
    return Result(res.as_json())


def cmd_restore(args, rt: Runtime) -> Result:
    from ..services import backup_service

    if rt.db.exists():
        raise UsageError(detail=T("--db 指定的数据库已存在；恢复只写入新的数据库", "the store named by --db exists; "
                                  "restore only writes a new store").render(rt.lang))
    out = backup_service.restore_and_verify(Path(args.file), rt.db, rt.user_name(), rt.passphrase(), lang=rt.lang)
    rt.say(T("已恢复到 {db}，事件日志校验通过（{n} 条）", "Restored into {db}; the event log verifies ({n} events)"),
           db=str(rt.db), n=out["events"])
    return Result(out)


def cmd_package_export(args, rt: Runtime) -> Result:
    from ..services import package_service

    ws = rt.workspace()
    if args.results:
        passphrase = rt.passphrase(env="WORKSTATION_PACKAGE_PASSPHRASE", prompt=PKG_PROMPT, confirm=True)
        res = package_service.export_results(ws, Path(args.file), passphrase, expires=_date(args.expires))
    else:
        if not args.user:
            raise UsageError(detail="--user NAME")
        passphrase = rt.passphrase(env="WORKSTATION_PACKAGE_PASSPHRASE", prompt=PKG_PROMPT, confirm=True)
        res = package_service.export_work(ws, Path(args.file), passphrase, users=args.user, sample_id=args.sample,
                                          expires=_date(args.expires))
    return Result(res.as_json())


def cmd_package_import(args, rt: Runtime) -> Result:
    """Import a work package; creates the laptop's store first when --db does not exist yet."""
    from ..services import auth_service, package_format, package_service

    path = Path(args.file)
    package_format.read_manifest(path)  # a clear "not a package" before anything is created
    if not rt.db.exists():
        user, passphrase = rt.user_name(), rt.passphrase(confirm=True)
        auth_service.create_store(rt.db, user, passphrase, lang=rt.lang).close()
        rt.say(T("已创建加密数据库 {db}", "Created encrypted store {db}"), db=str(rt.db))
    ws = rt.workspace()
    res = package_service.import_package(ws, path, rt.passphrase(env="WORKSTATION_PACKAGE_PASSPHRASE",
                                                                 prompt=PKG_PROMPT))
    if res.extra.get("catalog_mismatch"):
        rt.say(T("注意：工作包的规则/违规目录版本与本机不同：{f}", "Note: the package's catalogs differ from this "
                 "installation's: {f}"), f=", ".join(res.extra["catalog_mismatch"]))
    return Result(res.as_json())


def cmd_package_merge(args, rt: Runtime) -> Result:
    from ..services import package_merge

    res = package_merge.merge_results(rt.workspace(), Path(args.file),
                                      rt.passphrase(env="WORKSTATION_PACKAGE_PASSPHRASE", prompt=PKG_PROMPT))
    if res.conflicts:
        rt.say(T("有 {n} 处两边都修改过，已保留两个版本，请处理（package conflicts / resolve）",
                 "{n} items were changed on both sides; both versions are kept for you to resolve "
                 "(package conflicts / resolve)"), n=res.conflicts)
    return Result(res.as_json())


def cmd_package_conflicts(args, rt: Runtime) -> Result:
    from ..services import package_merge

    items = package_merge.list_conflicts(rt.workspace(), open_only=not args.all)
    return Result({"conflicts": [{"id": c.id, "entity": c.entity, "uuid": c.entity_uuid, "package_id": c.package_id,
                                  "local": c.local, "remote": c.remote, "resolved": c.resolved,
                                  "resolution": c.resolution} for c in items]})


def cmd_package_resolve(args, rt: Runtime) -> Result:
    from ..services import package_merge

    package_merge.resolve_conflict(rt.workspace(), args.conflict_id, args.choice)
    return Result({"id": args.conflict_id, "resolution": args.choice})


def cmd_purge(args, rt: Runtime) -> Result:
    from ..services import purge_service

    ws = rt.workspace()
    rt._workspace = None  # purge closes it
    try:
        report = purge_service.purge(ws, args.confirm, Path(args.certificate) if args.certificate else None)
    except BaseException:
        rt._workspace = ws if ws.key else None
        raise
    rt.say(T("已删除 {n} 个文件，删除证明：{c}", "Deleted {n} files; certificate: {c}"),
           n=len(report.as_json()["deleted"]), c=report.certificate)
    return Result(report.as_json(), 0 if not report.as_json()["failed"] else 1)


def cmd_selfcheck(args, rt: Runtime) -> Result:
    """What the packaged application found at run time (no store needed); exit 1 if something is missing."""
    import sys

    import keyring
    import sqlcipher3

    from .. import __version__, paths
    from ..services import secrets_keyring

    res = paths.resources_dir()
    checks = {
        "resources": (res / "catalogs" / "rules.json").is_file() and (res / "contracts").is_dir(),
        "font": paths.cjk_font_path().is_file(),
        "translations": any((res / "i18n").rglob("*.ts")) or any((res / "i18n").rglob("*.qm")),
        "migrations": (paths.migrations_dir() / "versions").is_dir(),
    }
    conn = sqlcipher3.dbapi2.connect(":memory:")
    try:
        cipher = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    checks["sqlcipher"] = bool(cipher and cipher[0])
    try:
        from PySide6 import QtCore  # noqa: F401 - the GUI's base library loads

        checks["qt"] = True
    except ImportError:
        checks["qt"] = False
    backend = keyring.get_keyring()
    import importlib

    bundled = []
    for name in ("SecretService", "libsecret", "kwallet", "Windows", "macOS", "fail"):
        try:
            importlib.import_module(f"keyring.backends.{name}")
            bundled.append(name)
        except ImportError:
            pass
    data = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "resources_dir": str(res),
        "cipher_version": cipher[0] if cipher else None,
        "keyring_backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "keyring_available": secrets_keyring.available(),
        "keyring_backends_bundled": bundled,
        "checks": checks,
    }
    return Result(data, 0 if all(checks.values()) else 1)
