"""Review outcomes and precision per rule (spec/rule-templates.md, last section).

For every current flag: its *verdict unit* is the most recently decided of the
submitted review units of its settlement; a finding of that unit *covers* a
line-level flag when it has no lines or its lines include the flagged line, a
settlement-level flag only when it has no lines; deleted and withdrawn
findings cover nothing; a finding's status already is its status after any
appeal (the appeal service writes the outcome into it). Then:
confirmed / open / rejected as the spec says, and precision = confirmed ÷
(confirmed + rejected), half up to 4 decimals, None when nothing was judged.

Reads the review tables directly (read-only), not through the review services.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable

from sqlalchemy import bindparam, text

from ..core import knowledge as kn
from .workspace import Workspace

DECIDED = ("compliant", "violation", "doubtful")
OUTCOMES = ("confirmed", "rejected", "open")
THRESHOLD_KEY = "rules.precision_threshold"
DEFAULT_THRESHOLD = "0.50"


@dataclass(frozen=True)
class RuleStats:
    rule_id: str
    flags: int
    confirmed: int
    rejected: int
    open: int

    @property
    def precision(self) -> Decimal | None:
        judged = self.confirmed + self.rejected
        if judged == 0:
            return None
        return (Decimal(self.confirmed) / Decimal(judged)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)

    def to_json(self) -> dict[str, Any]:
        p = self.precision
        return {"rule": self.rule_id, "flags": self.flags, "confirmed": self.confirmed, "rejected": self.rejected,
                "open": self.open, "precision": None if p is None else float(p)}


def _verdicts(cur_exec) -> tuple[dict[str, tuple[int, str]], dict[int, list[tuple[str, set[int]]]]]:
    """setl_id -> (verdict unit id, its decision); unit id -> [(finding status, its line ids)]."""
    units: dict[str, tuple[int, str]] = {}
    rows = cur_exec(text(
        "SELECT id, setl_id, status, decided_at FROM review_units WHERE submitted = :t AND status IN :decided"
    ).bindparams(bindparam("decided", expanding=True)), {"t": True, "decided": list(DECIDED)})
    best: dict[str, tuple] = {}
    for uid, setl_id, status, decided_at in rows:
        key = (str(decided_at or ""), uid)
        if setl_id not in best or key > best[setl_id][0]:
            best[setl_id] = (key, uid, status)
    for setl_id, (_k, uid, status) in best.items():
        units[setl_id] = (uid, status)
    findings: dict[int, list[tuple[str, set[int]]]] = defaultdict(list)
    wanted = {uid for uid, _ in units.values()}
    if wanted:
        lines: dict[int, set[int]] = defaultdict(set)
        frows = list(cur_exec(text("SELECT id, unit_id, status FROM findings WHERE deleted = :f AND status <> 'withdrawn'"),
                              {"f": False}))
        frows = [r for r in frows if r[1] in wanted]
        fids = {r[0] for r in frows}
        if fids:
            for fid, line_id in cur_exec(text("SELECT finding_id, fee_line_id FROM finding_lines"), {}):
                if fid in fids:
                    lines[fid].add(line_id)
        for fid, uid, status in frows:
            findings[uid].append((status, lines.get(fid, set())))
    return units, findings


def outcome(unit: tuple[int, str] | None, findings: list[tuple[str, set[int]]], fee_line_id: int | None) -> str:
    """confirmed | open | rejected for one flag (see the module docstring)."""
    if unit is None:
        return "open"

    def covers(lines: set[int]) -> bool:
        return not lines or (fee_line_id is not None and fee_line_id in lines)

    if any(st == "confirmed" and covers(ls) for st, ls in findings):
        return "confirmed"
    if unit[1] == "doubtful" or any(st == "doubtful" and covers(ls) for st, ls in findings):
        return "open"
    return "rejected"


def _rule_order(ws: Workspace, extra: Iterable[str]) -> list[str]:
    from . import knowledge_service

    return list(kn.FIXED_RULE_IDS) + sorted(knowledge_service.all_rule_ids(ws) | set(extra) - set(kn.FIXED_RULE_IDS))


def rule_stats(ws: Workspace) -> list[RuleStats]:
    """The counts per rule, in the order of ``rules list`` (fixed, then points by rule_id)."""
    with ws.store.read() as s:
        conn = s.connection()
        totals = {r: n for r, n in conn.execute(text("SELECT rule_id, count(*) FROM flags GROUP BY rule_id"))}
        units, findings = _verdicts(conn.execute)
        counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
        if units:
            rows = conn.execute(text(
                "SELECT f.rule_id, f.setl_id, f.fee_line_id FROM flags f "
                "WHERE f.setl_id IN (SELECT u.setl_id FROM review_units u WHERE u.submitted = :t)"), {"t": True})
            for rule_id, setl_id, line_id in rows:
                counts[rule_id][outcome(units.get(setl_id), findings.get(units[setl_id][0], []) if setl_id in units
                                        else [], line_id)] += 1
    out = []
    for rid in _rule_order(ws, totals):
        total = totals.get(rid, 0)
        c = counts.get(rid, dict.fromkeys(OUTCOMES, 0))
        out.append(RuleStats(rid, total, c["confirmed"], c["rejected"], total - c["confirmed"] - c["rejected"]))
    return out


def flags_with_outcome(ws: Workspace, rule_id: str, wanted: str, limit: int = 500) -> list[int]:
    """Ids of the flags of ``rule_id`` whose outcome is ``wanted`` (the flags behind a count)."""
    with ws.store.read() as s:
        conn = s.connection()
        units, findings = _verdicts(conn.execute)
        out = []
        for fid, setl_id, line_id in conn.execute(text(
                "SELECT id, setl_id, fee_line_id FROM flags WHERE rule_id = :r ORDER BY setl_id, feedetl_sn, id"),
                {"r": rule_id}):
            unit = units.get(setl_id)
            if outcome(unit, findings.get(unit[0], []) if unit else [], line_id) == wanted:
                out.append(fid)
                if len(out) >= limit:
                    break
        return out


def stats_json(ws: Workspace) -> dict[str, Any]:
    return {"rules": [x.to_json() for x in rule_stats(ws)]}


def threshold(ws: Workspace) -> Decimal:
    from . import settings_service

    return Decimal(str(settings_service.get(ws, THRESHOLD_KEY, DEFAULT_THRESHOLD)))


def set_threshold(ws: Workspace, value: Any) -> Decimal:
    """The supervisor's precision threshold (0–1, up to 4 decimals); logged as a setting change."""
    from ..core.errors import BadInput
    from ..core.i18n import T
    from . import settings_service

    ws.require_supervisor()
    try:
        d = Decimal(str(value).strip())
    except ArithmeticError:
        d = None
    if d is None or not d.is_finite() or d < 0 or d > 1 or -d.as_tuple().exponent > 4:
        raise BadInput(T("精确率阈值无效：{value}（0 至 1，最多四位小数）",
                         "invalid precision threshold: {value} (0 to 1, at most 4 decimals)"), value=value)
    settings_service.put(ws, THRESHOLD_KEY, str(d))
    return d


def is_low(stats: RuleStats, limit: Decimal) -> bool:
    p = stats.precision
    return p is not None and p < limit


@dataclass(frozen=True)
class FlagBehind:
    setl_id: str
    feedetl_sn: str | None
    amount: int
    explanation: str


def flags_behind(ws: Workspace, rule_id: str, wanted: str, lang: str, limit: int = 200) -> list[FlagBehind]:
    """The flags behind one count of ``rules stats`` (confirmed, rejected or open), with explanations."""
    from . import screening_service as ss

    ids = set(flags_with_outcome(ws, rule_id, wanted, limit))
    if not ids:
        return []
    flags = [f for f in ss.list_flags(ws, rule_id=rule_id) if f.id in ids]
    return [FlagBehind(f.setl_id, f.feedetl_sn, f.amount, ss.explain(f, lang)) for f in flags]


def stats_by_rule(ws: Workspace) -> dict[str, RuleStats]:
    return {s.rule_id: s for s in rule_stats(ws)}
