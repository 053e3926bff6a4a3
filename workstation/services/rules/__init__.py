"""The registry of screening checks, keyed by rule id.

Adding a rule = a function decorated with ``@check("RULE_ID")`` in a module of
this package (listed in ``_MODULES``) plus its entry in
``resources/catalogs/rules.json``; ``screening_service`` finds both by id.
Each check is set-based SQL over the whole store (plus a little Python over the
rows it returns, which are candidates, never every fee line).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ...core.rules import RuleParams


@dataclass(frozen=True)
class Hit:
    """One flag a check found: settlement, fee line (None = settlement level), amount in fen."""

    setl_id: str
    fee_line_id: int | None
    feedetl_sn: str | None
    amount: int
    params: dict = field(default_factory=dict, hash=False, compare=False)


# check(cursor, params) -> Hits; cursor is a DB-API cursor on the store (sqlite3 paramstyle "?").
Check = Callable[[object, RuleParams], Iterable[Hit]]
CHECKS: dict[str, Check] = {}
LINE_RULES: set[str] = set()  # checks that scan fee_lines (see screening_service: the narrow copy)

_MODULES = ("line_rules", "stay_rules", "supp_rules")

INPATIENT_SQL = "({t}.med_type = '21' OR (length({t}.med_type) = 4 AND substr({t}.med_type, 1, 2) = '21'))"


def check(rule_id: str, *, scans_lines: bool = False) -> Callable[[Check], Check]:
    """Register a check. ``scans_lines``: it reads the whole fee_lines table.

    Such checks write ``fee_lines`` unqualified for their scans (during a run of
    several of them that name is a narrow in-memory copy, see
    screening_service) and ``main.fee_lines`` where they look lines up by index.
    """
    def deco(fn: Check) -> Check:
        if rule_id in CHECKS:
            raise ValueError(f"rule {rule_id} registered twice")
        CHECKS[rule_id] = fn
        if scans_lines:
            LINE_RULES.add(rule_id)
        return fn

    return deco


def registry() -> dict[str, Check]:
    for name in _MODULES:
        importlib.import_module(f"{__name__}.{name}")
    return CHECKS
