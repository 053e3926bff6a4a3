"""The one error taxonomy: what the user can be told, and the CLI exit status.

Every error carries a bilingual message (core.i18n.T) with its parameters so
the UI and the CLI can render it in the interface language. Nothing here may
carry a secret (passphrase, key) in its text.
"""
from __future__ import annotations

from typing import Any

from .i18n import T

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_DENIED = 3


class WorkstationError(Exception):
    """Base of every error the user may be shown."""

    exit_code = EXIT_BAD_INPUT
    default = T("操作失败", "The operation failed")

    def __init__(self, message: T | None = None, **params: Any) -> None:
        self.text = message or self.default
        self.params = params
        super().__init__(self.text.render("en", **params))

    def message(self, lang: str) -> str:
        return self.text.render(lang, **self.params)


class UsageError(WorkstationError):
    default = T("用法错误：{detail}", "Bad usage: {detail}")


class BadInput(WorkstationError):
    """Bad input data; names the file, row and column when known."""

    default = T("输入有误", "Bad input")

    def __init__(
        self,
        message: T | None = None,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        **params: Any,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        super().__init__(message, **params)

    def message(self, lang: str) -> str:
        base = super().message(lang)
        where = []
        en = lang == "en"
        if self.file:
            where.append(f"file {self.file}" if en else f"文件 {self.file}")
        if self.row is not None:
            where.append(f"row {self.row}" if en else f"第 {self.row} 行")
        if self.column:
            where.append(f"column {self.column}" if en else f"列 {self.column}")
        if not where:
            return base
        sep = ", " if en else "，"
        return sep.join(where) + (": " if en else "：") + base


class NotFound(WorkstationError):
    default = T("未找到：{what}", "Not found: {what}")


class Conflict(WorkstationError):
    default = T("状态冲突：{detail}", "Conflict: {detail}")


class WrongPassphrase(WorkstationError):
    exit_code = EXIT_DENIED
    default = T("用户名或口令错误", "Wrong user name or passphrase")


class AccountLocked(WorkstationError):
    exit_code = EXIT_DENIED
    default = T(
        "连续登录失败次数过多，该账户已锁定，请 {seconds} 秒后再试",
        "Too many failed logins: this account is locked for {seconds} more seconds",
    )


class NotPermitted(WorkstationError):
    exit_code = EXIT_DENIED
    default = T("无权执行此操作：{detail}", "Not permitted: {detail}")


class Cancelled(WorkstationError):
    default = T("操作已取消", "Cancelled")


class StoreError(WorkstationError):
    """The store file cannot be used: missing, damaged, tampered with or not ours."""

    default = T("数据库无法打开：{detail}", "The store cannot be opened: {detail}")


class CheckFailed(WorkstationError):
    """A check ran and found a problem (exit 1)."""

    exit_code = EXIT_CHECK_FAILED
    default = T("检查未通过：{detail}", "Check failed: {detail}")
