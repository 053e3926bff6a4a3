"""The shipped catalogs, located in resources/catalogs."""
from __future__ import annotations

from ..core.catalogs import RuleCatalog, Violation, load_rule_catalog, load_violations
from ..paths import resource


def rule_catalog() -> RuleCatalog:
    return load_rule_catalog(resource("catalogs"))


def violations() -> tuple[Violation, ...]:
    return load_violations(resource("catalogs"))


def violation(code: str) -> Violation:
    for v in violations():
        if v.code == code:
            return v
    raise KeyError(code)
