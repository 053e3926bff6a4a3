"""Per-computer preferences (language, last store). Never personal data."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..paths import default_store_path, user_data_dir


class Prefs:
    def __init__(self, path: Path | None = None) -> None:
        path = path or (user_data_dir() / "ui.ini")
        path.parent.mkdir(parents=True, exist_ok=True)
        self._s = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def lang(self) -> str:
        return str(self._s.value("lang", "zh_CN"))

    @lang.setter
    def lang(self, value: str) -> None:
        self._s.setValue("lang", value)
        self._s.sync()

    @property
    def last_db(self) -> Path:
        value = self._s.value("last_db", "")
        return Path(value) if value else default_store_path()

    @last_db.setter
    def last_db(self, value: Path) -> None:
        self._s.setValue("last_db", str(value))
        self._s.sync()

    @property
    def server_url(self) -> str:
        """The office server's URL last used on this computer (never holds a user or password)."""
        return str(self._s.value("server_url", ""))

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._s.setValue("server_url", value)
        self._s.sync()

    @property
    def use_server(self) -> bool:
        return str(self._s.value("use_server", "false")) == "true"

    @use_server.setter
    def use_server(self, value: bool) -> None:
        self._s.setValue("use_server", "true" if value else "false")
        self._s.sync()

    @property
    def keyring_notice_shown(self) -> bool:
        return str(self._s.value("keyring_notice_shown", "false")) == "true"

    @keyring_notice_shown.setter
    def keyring_notice_shown(self, value: bool) -> None:
        self._s.setValue("keyring_notice_shown", "true" if value else "false")
        self._s.sync()
