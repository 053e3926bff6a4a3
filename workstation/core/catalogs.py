"""The rule catalog and the violation catalog (data files in resources/catalogs).

Pure data access: the caller passes the folder (paths are wired in services),
so core stays free of I/O policy. Adding a rule = code for its check plus an
entry in rules.json, nothing else.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .i18n import normalize_lang


@dataclass(frozen=True)
class RuleInfo:
    id: str
    zh: str
    en: str
    level: str  # line | settlement
    params: tuple[str, ...]
    category: str  # default violation category code
    description_zh: str
    description_en: str
    explain_zh: str
    explain_en: str
    # Stored flag params hold codes ("1", "catalog"); "values" names them per language.
    values: dict = field(default_factory=dict, hash=False, compare=False)

    def name(self, lang: str) -> str:
        return self.en if normalize_lang(lang) == "en" else self.zh

    def description(self, lang: str) -> str:
        return self.description_en if normalize_lang(lang) == "en" else self.description_zh

    def explain(self, lang: str, params: dict[str, Any]) -> str:
        lang = normalize_lang(lang)
        template = self.explain_en if lang == "en" else self.explain_zh
        if self.values:
            params = dict(params)
            for key, names in self.values.items():
                named = names.get(str(params.get(key)))
                if named:
                    params[key] = named.get("en" if lang == "en" else "zh", params[key])
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template  # a flag stored by an older rule version still shows its rule's text


@dataclass(frozen=True)
class ParamInfo:
    name: str
    type: str  # amount | decimal | integer
    default: Any
    zh: str
    en: str


@dataclass(frozen=True)
class Violation:
    code: str
    zh: str
    en: str

    def name(self, lang: str) -> str:
        return self.en if normalize_lang(lang) == "en" else self.zh


@dataclass(frozen=True)
class RuleCatalog:
    rules: tuple[RuleInfo, ...]
    parameters: tuple[ParamInfo, ...]

    def get(self, rule_id: str) -> RuleInfo:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.parameters}


@lru_cache(maxsize=8)
def load_rule_catalog(folder: Path) -> RuleCatalog:
    data = json.loads((Path(folder) / "rules.json").read_text(encoding="utf-8"))
    rules = tuple(
        RuleInfo(id=r["id"], zh=r["zh"], en=r["en"], level=r["level"], params=tuple(r.get("params", ())),
                 category=r["category"], description_zh=r["description_zh"], description_en=r["description_en"],
                 explain_zh=r["explain_zh"], explain_en=r["explain_en"], values=r.get("values") or {})
        for r in data["rules"]
    )
    params = tuple(ParamInfo(name=k, type=v["type"], default=v["default"], zh=v["zh"], en=v["en"])
                   for k, v in data["parameters"].items())
    return RuleCatalog(rules, params)


@lru_cache(maxsize=8)
def load_violations(folder: Path) -> tuple[Violation, ...]:
    data = json.loads((Path(folder) / "violations.json").read_text(encoding="utf-8"))
    return tuple(Violation(c["code"], c["zh"], c["en"]) for c in data["categories"])
