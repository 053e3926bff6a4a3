"""What every command gets: options, the interface language, unlocking."""
from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import UsageError
from ..core.i18n import T, normalize_lang
from ..paths import default_store_path


@dataclass
class Result:
    """A command's outcome: the JSON document and the exit status."""

    data: dict[str, Any]
    exit_code: int = 0
    human: str | None = None  # what to print without --json; None = the JSON, indented


@dataclass
class Runtime:
    db: Path
    json: bool
    lang: str
    passphrase_file: Path | None = None
    _workspace: Any = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args) -> "Runtime":
        lang = normalize_lang(args.lang or os.environ.get("WORKSTATION_LANG") or "zh_CN")
        from ..services.auth_service import store_location

        db = store_location(args.db) if args.db else default_store_path()  # a path or a postgresql:// URL (exit 2 if it holds credentials)
        pf = Path(args.passphrase_file) if args.passphrase_file else None
        return cls(db=db, json=args.json, lang=lang, passphrase_file=pf)

    # -- prompts -----------------------------------------------------------------
    def say(self, text: T | str, **params: Any) -> None:
        """A message for the person: always stderr, so stdout stays pure JSON."""
        msg = text.render(self.lang, **params) if isinstance(text, T) else text
        print(msg, file=sys.stderr)

    def user_name(self) -> str:
        name = os.environ.get("WORKSTATION_USER")
        if name:
            return name
        if sys.stdin.isatty():
            return input(T("用户名：", "User name: ").render(self.lang)).strip()
        raise UsageError(detail=T("未指定用户（WORKSTATION_USER）", "no user given (WORKSTATION_USER)").render(self.lang))

    def passphrase(self, *, env: str = "WORKSTATION_PASSPHRASE", prompt: T | None = None, confirm: bool = False) -> str:
        if env == "WORKSTATION_PASSPHRASE" and self.passphrase_file is not None:
            try:
                return self.passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
            except OSError as exc:
                raise UsageError(detail=f"--passphrase-file: {exc.strerror}") from None
        value = os.environ.get(env)
        if value is not None:
            return value
        if not sys.stdin.isatty():
            raise UsageError(detail=T("未提供口令（{env}）", "no passphrase given ({env})").render(self.lang, env=env))
        prompt = prompt or T("口令：", "Passphrase: ")
        first = getpass.getpass(prompt.render(self.lang))
        if confirm:
            again = getpass.getpass(T("再次输入口令：", "Passphrase again: ").render(self.lang))
            if again != first:
                raise UsageError(detail=T("两次输入的口令不一致", "the passphrases differ").render(self.lang))
        return first

    # -- the store ---------------------------------------------------------------
    def workspace(self):
        """Unlock the store named by --db as WORKSTATION_USER (once per command)."""
        if self._workspace is None:
            from ..services import auth_service

            user = self.user_name()
            given = self.passphrase_file is not None or "WORKSTATION_PASSPHRASE" in os.environ
            ws = None if given else auth_service.unlock_remembered(self.db, user, lang=self.lang)
            if ws is None:
                ws = auth_service.unlock(self.db, user, self.passphrase(), lang=self.lang)
            upgrade = auth_service.schema_upgrade(ws)
            if upgrade is not None:
                self.say(upgrade.message(), **upgrade.params())
            self._workspace = ws
        return self._workspace

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()
            self._workspace = None
