"""Qt translations: Chinese is the source language, English comes from .ts files.

Each UI module has its own ``resources/i18n/en/<module>.ts`` (so that areas can
be translated independently); they are compiled to .qm with PySide6's
``lrelease`` at install time (tools/i18n.py compile), or on first start if a
.qm is missing or older than its .ts.
"""
from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.i18n import normalize_lang
from ..paths import resource, user_data_dir

log = logging.getLogger(__name__)


def ts_dir(lang: str = "en") -> Path:
    return resource("i18n", lang)


def _qm_dirs() -> list[Path]:
    return [resource("i18n", "qm"), user_data_dir() / "i18n-cache"]


def _lrelease() -> Path:
    return Path(PySide6.__file__).parent / "lrelease"


def compile_translations(lang: str = "en", out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts of ``lang`` whose .qm is missing or stale; return the .qm paths."""
    sources = sorted(ts_dir(lang).glob("*.ts"))
    if not sources:
        return []
    candidates = [out_dir] if out_dir else _qm_dirs()
    for target in candidates:
        try:
            target.mkdir(parents=True, exist_ok=True)
            probe = target / ".w"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError:
            continue
        result = []
        for ts in sources:
            qm = target / f"{ts.stem}_{lang}.qm"
            if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
                subprocess.run([str(_lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
            result.append(qm)
        return result
    return []


class Translations:
    """Installs and swaps the translators of the running application."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self._installed: list[QTranslator] = []
        self.lang = "zh_CN"

    def set_language(self, lang: str) -> None:
        lang = normalize_lang(lang)
        for tr in self._installed:
            self.app.removeTranslator(tr)
        self._installed.clear()
        self.lang = lang
        if lang == "en":
            try:
                files = compile_translations("en")
            except (OSError, subprocess.CalledProcessError):
                log.exception("could not compile translations")
                files = []
            for qm in files:
                tr = QTranslator(self.app)
                if tr.load(str(qm)):
                    self.app.installTranslator(tr)
                    self._installed.append(tr)
        else:
            # Qt's own dialogs (file picker, message box buttons) in Chinese.
            tr = QTranslator(self.app)
            if tr.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self.app.installTranslator(tr)
                self._installed.append(tr)
        QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Chinese))
