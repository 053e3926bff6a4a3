"""Entry point of the ``workstation`` command.

No command opens the GUI. Errors become one line on stderr and an exit status
(0 done, 1 a check found a problem, 2 bad usage or input, 3 wrong passphrase
or no permission, 4 an internal error, logged with its traceback).
"""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys

from .. import __version__
from ..core.errors import EXIT_BAD_INPUT, WorkstationError
from ..core.i18n import T, normalize_lang
from .runtime import Result, Runtime

EXIT_INTERNAL = 4

# Each module registers its sub-commands: register(subparsers, common_parent).
COMMAND_MODULES = (
    "store_cmds",
    "import_cmds",
    "screen_cmds",
    "rules_cmds",
    "sample_cmds",
    "review_cmds",
    "roster_cmds",
    "dossier_cmds",
    "fieldwork_cmds",
    "demo_cmds",
    "counter_cmds",  # issue 21: receipts
    "inspection_cmds",  # issue 21: on-site inspections
    "risk_cmds",
    "operations_cmds",
    "server_cmds",
)

log = logging.getLogger("workstation.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # bad usage is exit 2, as argparse does, one line
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: an option given before the sub-command is not reset by the sub-parser.
    common.add_argument("--db", default=argparse.SUPPRESS, help="加密数据库路径 / path of the encrypted store")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="只在标准输出打印一个 JSON 文档")
    common.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS)
    common.add_argument("--passphrase-file", default=argparse.SUPPRESS)
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(prog="workstation", parents=[common], description="医保审核工作站 / audit review workstation")
    parser.add_argument("--version", action="version", version=f"workstation {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        module.register(sub, common)
    return parser


def _emit(rt: Runtime, result: Result) -> None:
    if rt.json:
        sys.stdout.write(json.dumps(result.data, ensure_ascii=False) + "\n")
    elif result.human is not None:
        sys.stdout.write(result.human.rstrip("\n") + "\n")
    else:
        sys.stdout.write(json.dumps(result.data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    from ..logging_setup import configure_logging

    parser = build_parser()
    args = parser.parse_args(argv)
    for name, default in (("db", None), ("json", False), ("lang", None), ("passphrase_file", None)):
        if not hasattr(args, name):
            setattr(args, name, default)
    configure_logging()
    if not getattr(args, "command", None):
        from ..app import run_gui

        return run_gui(db=args.db, lang=args.lang)
    try:
        rt = Runtime.from_args(args)
    except WorkstationError as exc:  # e.g. a --db URL holding credentials: refused before any connection
        print(f"workstation: {exc.message(normalize_lang(args.lang or 'zh_CN'))}", file=sys.stderr)
        return exc.exit_code
    try:
        result = args.handler(args, rt)
        _emit(rt, result)
        return result.exit_code
    except WorkstationError as exc:
        print(f"workstation: {exc.message(rt.lang)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("workstation: " + T("已中断", "interrupted").render(rt.lang), file=sys.stderr)
        return 130
    except Exception as exc:  # the store may be damaged in a page only now read
        from sqlalchemy.exc import DatabaseError

        if isinstance(exc, DatabaseError) or type(exc).__module__.startswith("sqlcipher3"):
            msg = T(
                "数据库文件已损坏或被篡改，无法读取（{kind}）",
                "The store file is damaged or has been tampered with ({kind})",
            ).render(rt.lang, kind=type(getattr(exc, "orig", exc)).__name__)
            print(f"workstation: {msg}", file=sys.stderr)
            return EXIT_BAD_INPUT
        log.exception("internal error in command %s", args.command)
        print(
            "workstation: "
            + T("内部错误（{kind}），详情已写入日志 {log}", "internal error ({kind}); details are in the log {log}").render(
                rt.lang, kind=type(exc).__name__, log=str(_log_path())
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        rt.close()


def _log_path():
    from ..logging_setup import log_file

    return log_file()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
