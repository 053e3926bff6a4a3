"""Bilingual text for code below the UI layer.

Qt's translation files serve the widgets; code in core/, store/ and services/
must not import Qt, so the messages it produces carry both languages and are
rendered at the boundary (a dialog or the CLI) in the interface language.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULT_LANG = "zh_CN"


def normalize_lang(lang: str | None) -> str:
    if not lang:
        return DEFAULT_LANG
    low = lang.lower().replace("-", "_")
    if low.startswith("en"):
        return "en"
    return "zh_CN"


@dataclass(frozen=True)
class T:
    """A message in Chinese and English, with ``str.format`` placeholders."""

    zh: str
    en: str

    def render(self, lang: str, **params: Any) -> str:
        text = self.en if normalize_lang(lang) == "en" else self.zh
        return text.format(**params) if params else text

    def __call__(self, lang: str, **params: Any) -> str:
        return self.render(lang, **params)
