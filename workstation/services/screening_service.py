"""Screening (智能审核): run the rules of spec/rules.md over the store and keep their flags.

A run replaces the flags of the rules it ran, in one transaction (a cancelled
or failed run leaves the previous flags as they were). The checks are in
``services/rules`` (one set-based SQL query per rule); the names, texts and
default parameters are in ``resources/catalogs/rules.json``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from sqlalchemy import select

from ..core.catalogs import RuleInfo
from ..core.errors import BadInput, Cancelled, NotFound, UsageError
from ..core.progress import Progress
from ..core.i18n import T, normalize_lang
from ..core.money import fen_to_str, yuan_to_fen
from ..core.rules import RuleParams
from ..store import dialect
from ..store.models.identity import ProfileRow
from ..store.models.screening import ScreenRunRow
from . import profile_service
from .catalog_service import rule_catalog
from .rules import LINE_RULES, registry
from .import_reversals import reversed_ids
from .workspace import Workspace

FLAG_COLS = ("rule_id", "setl_id", "fee_line_id", "feedetl_sn", "amount", "params", "run_id")
_CANCEL_EVERY = 20_000  # SQLite VM steps between cancel checks during a long query
_LINE_COPY_COLS = ("id, setl_id, feedetl_sn, med_list_codg, fee_ocur_time, cnt, pric, det_item_fee_sumamt, "
                   "pric_uplmt_amt, med_chrgitm_type")


@dataclass(frozen=True)
class RuleSummary:
    rule_id: str
    count: int
    amount: int  # fen (sum of the flags' amounts; may include negative ones)
    seconds: float = 0.0


@dataclass(frozen=True)
class ScreenResult:
    run_id: int
    rules: tuple[str, ...]
    summary: tuple[RuleSummary, ...]
    params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class FlagInfo:
    """One flag for display (never an ORM row)."""

    id: int
    rule_id: str
    setl_id: str
    fee_line_id: int | None
    feedetl_sn: str | None
    amount: int
    params: dict
    fixmedins_code: str | None = None
    fixmedins_name: str | None = None
    psn_no: str | None = None
    setl_time: str | None = None


@dataclass(frozen=True)
class Group:
    key: str  # rule id or institution code ("" when unknown)
    name: str  # in the interface language
    count: int
    amount: int
    settlements: int


# -- rules and parameters ---------------------------------------------------------
def rule_ids() -> tuple[str, ...]:
    """Every rule that has both a catalog entry and a check, in catalog order."""
    checks = registry()
    return tuple(r for r in rule_catalog().ids if r in checks)


def rule_info(rule_id: str) -> RuleInfo:
    return rule_catalog().get(rule_id)


def current_params(ws: Workspace, profile_id: str | None = None) -> RuleParams:
    return RuleParams.from_mapping(profile_service.rule_params(ws, profile_id))


def explain(flag: FlagInfo, lang: str) -> str:
    """The flag's one-line explanation in ``lang``, from the numbers it stored."""
    try:
        return rule_info(flag.rule_id).explain(lang, flag.params)
    except KeyError:
        if "template" in flag.params:  # a knowledge point's flag (rule-templates.md)
            from ..core.knowledge_text import explain as explain_point

            return explain_point(flag.params, lang)
        return flag.rule_id


def rule_name(rule_id: str, lang: str) -> str:
    try:
        return rule_info(rule_id).name(lang)
    except KeyError:
        return rule_id


def set_rule_params(ws: Workspace, profile_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Change screening parameters of a contract profile; logged with who, when, before and after.

    Values: amounts as yuan text ("100000.00"), the rate as a decimal in (0, 1],
    the readmission window as whole days. Returns the profile's new rule_params.
    """
    ws.require_supervisor()
    catalog = rule_catalog()
    kinds = {p.name: p.type for p in catalog.parameters}
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in kinds:
            raise BadInput(T("未知参数：{name}", "Unknown parameter: {name}"), name=name)
        clean[name] = _clean_param(name, kinds[name], value)
    profile_service.ensure_profiles(ws)
    with ws.store.session() as s:
        row = s.get(ProfileRow, profile_id)
        if row is None:
            raise NotFound(what=profile_id)
        data = json.loads(row.data)
        before = dict(data.get("rule_params") or {})
        after = {**before, **clean}
        if after == before:
            return after
        data["rule_params"] = after
        row.data = json.dumps(data, ensure_ascii=False)
        row.updated_by = ws.user.name
        from ..store.models.base import utcnow

        row.updated_at = utcnow()
        # The values are no personal data: kept readable in the details, not only as digests.
        ws.log(s, "profile.rule_params", "profile", profile_id, before=before, after=after,
               details={"before": before, "after": after})
    return after


def _clean_param(name: str, kind: str, value: Any) -> Any:
    bad = BadInput(T("参数 {name} 的值无效：{value}", "Invalid value for {name}: {value}"), name=name, value=value)
    try:
        if kind == "amount":
            fen = yuan_to_fen(str(value))
            if fen < 0:
                raise bad
            return fen_to_str(fen)
        if kind == "decimal":
            from decimal import Decimal

            dec = Decimal(str(value).strip())
            if not dec.is_finite() or dec <= 0 or dec > 1:
                raise bad
            return str(dec)
        if kind == "prefix_list":
            from ..core.rules import prefix_list

            return ";".join(prefix_list(value))
        if kind == "integer":
            number = int(str(value).strip())
            if number < 0 or number > 3650:
                raise bad
            return number
    except (ValueError, ArithmeticError):
        raise bad from None
    raise bad


# -- running ----------------------------------------------------------------------
def run_screen(ws: Workspace, rules: Sequence[str] | None = None,
               progress: Progress | None = None, on_rule: Callable[[str, int], None] | None = None) -> ScreenResult:
    """Run the given rules (all by default), replacing their flags, in one transaction.

    ``progress`` follows core.progress.Progress (the UI's also has ``cancelled``, which lets
    SQLite stop a long statement); cancelling rolls everything back.
    """
    import time

    from . import knowledge_screen, knowledge_service

    available = rule_ids()
    points = {p.point.rule_id: p.point for p in knowledge_service.list_points(ws, active_only=True)}
    wanted = tuple(available) + tuple(points) if not rules else tuple(dict.fromkeys(rules))
    unknown = [r for r in wanted if r not in available and r not in points]
    if unknown:
        raise UsageError(detail=T("未知规则：{ids}", "unknown rule: {ids}").render(ws.lang, ids=", ".join(unknown)))
    params = current_params(ws)
    checks = registry()
    summaries: list[RuleSummary] = []
    with ws.store.session() as s:
        run = ScreenRunRow(user=ws.user.name, rules=json.dumps(list(wanted)), params=json.dumps(params.as_json()))
        s.add(run)
        s.flush()
        d = dialect.of(s)
        cancelled = (lambda: bool(progress is not None and getattr(progress, "cancelled", False)))
        d.set_progress_handler(s, lambda: 1 if cancelled() else 0, _CANCEL_EVERY)
        # Several rules scan fee_lines: they read a narrow in-memory copy (TEMP
        # shadows main for unqualified names), so only its making reads and
        # decrypts the table; it holds codes, times and amounts, no personal data,
        # and is dropped at the end.
        run_points = [points[r] for r in wanted if r in points]
        wanted_fixed = [r for r in wanted if r not in points]
        # (On the server the table is read where it lies: pages are not decrypted there.)
        copy = d.name == "sqlite" and sum(1 for r in wanted if r in LINE_RULES) + (1 if run_points else 0) >= 2
        excluded = set(reversed_ids(s))  # reversed settlements take part in no rule (data-format.md)
        try:
            cur = d.cursor(s)
            if excluded:  # a TEMP view shadows the table for the rules' unqualified names
                _hide_reversed(cur, d)
            if copy:
                cur.execute(f"CREATE TEMP TABLE fee_lines AS SELECT {_LINE_COPY_COLS} FROM main.fee_lines")
            for i, rule_id in enumerate(wanted_fixed):
                if progress is not None:
                    progress.report(i, len(wanted), rule_id)
                started = time.perf_counter()
                cur.execute("DELETE FROM flags WHERE rule_id = ?", (rule_id,))
                hits = [h for h in checks[rule_id](d.cursor(s), params) if h.setl_id not in excluded]
                d.bulk_insert(cur, "flags", FLAG_COLS, [(rule_id, h.setl_id, h.fee_line_id, h.feedetl_sn, int(h.amount),
                                               json.dumps(h.params, ensure_ascii=False, sort_keys=True), run.id)
                                              for h in hits])
                summaries.append(RuleSummary(rule_id, len(hits), sum(int(h.amount) for h in hits),
                                             time.perf_counter() - started))
                if on_rule:
                    on_rule(rule_id, len(hits))
            summaries += [RuleSummary(*x) for x in knowledge_screen.screen_points(
                s.connection(), run_points, run.id, remove_others=not rules, fixed=available, exclude=excluded)]
            if progress is not None:
                progress.report(len(wanted), len(wanted), "")
        except Exception as exc:
            if cancelled():
                raise Cancelled() from None
            if type(exc).__name__ == "OperationalError" and "interrupt" in str(exc).lower():
                raise Cancelled() from None
            raise
        finally:
            d.set_progress_handler(s, None, 0)
            if excluded:
                _show_reversed(cur, d)
            if copy:
                cur.execute("DROP TABLE IF EXISTS temp.fee_lines")
                cur.execute("PRAGMA shrink_memory")
        summary = {x.rule_id: {"count": x.count, "amount": fen_to_str(x.amount)} for x in summaries}
        run.summary = json.dumps(summary, ensure_ascii=False)
        record = {"rules": list(wanted), "params": params.as_json(), "summary": summary}
        ws.log(s, "screen.run", "screen_run", run.id, after=record, details=record)
        run_id = run.id
    return ScreenResult(run_id, wanted, tuple(summaries), params.as_json())


def _hide_reversed(cur, d) -> None:
    """Shadow ``settlements`` with a TEMP view without reversed settlements: TEMP names come first
    for unqualified names on both backends (SQLite's temp database, PostgreSQL's pg_temp)."""
    if d.name == "sqlite":
        cur.execute("CREATE TEMP VIEW settlements AS SELECT * FROM main.settlements WHERE NOT reversed")
    else:
        cur.execute("SELECT current_schema()")
        schema = cur.fetchone()[0]
        cur.execute(f'CREATE TEMP VIEW settlements AS SELECT * FROM "{schema}".settlements WHERE NOT reversed')


def _show_reversed(cur, d) -> None:
    cur.execute("DROP VIEW IF EXISTS temp.settlements" if d.name == "sqlite" else "DROP VIEW IF EXISTS pg_temp.settlements")


# -- reading ------------------------------------------------------------------------
_FLAG_COLS = ("f.id, f.rule_id, f.setl_id, f.fee_line_id, f.feedetl_sn, f.amount, f.params, "
              "s.fixmedins_code, s.fixmedins_name, s.psn_no, s.setl_time")


def _flag(row) -> FlagInfo:
    try:
        params = json.loads(row[6] or "{}")
    except ValueError:
        params = {}
    return FlagInfo(row[0], row[1], row[2], row[3], row[4], int(row[5]), params, row[7], row[8], row[9], row[10])


def list_flags(ws: Workspace, *, rule_id: str | None = None, fixmedins_code: str | None = None,
               rules: Iterable[str] | None = None, limit: int | None = None, offset: int = 0) -> list[FlagInfo]:
    """Flags, optionally of one rule and/or one institution ("" = institution unknown).

    Order: rule (catalog order), then settlement id, then line sn as text
    (settlement-level flags first).
    """
    where, args = [], []
    if rule_id:
        where.append("f.rule_id = ?")
        args.append(rule_id)
    if rules is not None:
        ids = list(rules)
        where.append(f"f.rule_id IN ({','.join('?' * len(ids)) or 'NULL'})")
        args.extend(ids)
    if fixmedins_code is not None:
        where.append("coalesce(s.fixmedins_code, '') = ?")
        args.append(fixmedins_code)
    order = {r: i for i, r in enumerate(rule_catalog().ids)}
    case = " ".join(f"WHEN '{r}' THEN {i}" for r, i in order.items())
    sql = (f"SELECT {_FLAG_COLS} FROM flags f JOIN settlements s ON s.setl_id = f.setl_id "
           + (f"WHERE {' AND '.join(where)} " if where else "")
           + f"ORDER BY CASE f.rule_id {case} ELSE 999 END, f.rule_id, f.setl_id, f.feedetl_sn IS NOT NULL, "
             "f.feedetl_sn, f.id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [int(limit), int(offset)]
    with ws.store.read() as s:
        cur = dialect.of(s).cursor(s)
        return [_flag(r) for r in cur.execute(sql, args)]


def flags_of_settlement(ws: Workspace, setl_id: str) -> list[FlagInfo]:
    with ws.store.read() as s:
        cur = dialect.of(s).cursor(s)
        rows = cur.execute(f"SELECT {_FLAG_COLS} FROM flags f JOIN settlements s ON s.setl_id = f.setl_id "
                           "WHERE f.setl_id = ? ORDER BY f.feedetl_sn IS NOT NULL, f.feedetl_sn, f.rule_id, f.id",
                           (setl_id,))
        return [_flag(r) for r in rows]


def groups_by_rule(ws: Workspace, lang: str | None = None) -> list[Group]:
    lang = normalize_lang(lang or ws.lang)
    with ws.store.read() as s:
        cur = dialect.of(s).cursor(s)
        rows = {r[0]: r for r in cur.execute(
            "SELECT rule_id, count(*), coalesce(sum(amount), 0), count(DISTINCT setl_id) FROM flags GROUP BY rule_id")}
    out = []
    for rid in rule_catalog().ids:
        r = rows.pop(rid, (rid, 0, 0, 0))
        out.append(Group(rid, rule_name(rid, lang), r[1], int(r[2]), r[3]))
    from .knowledge_service import point_names

    names = point_names(ws)
    for rid, r in sorted(rows.items()):  # flags of knowledge points (by rule_id), or of a rule no longer there
        out.append(Group(rid, f"{rid} {names[rid]}" if rid in names else rid, r[1], int(r[2]), r[3]))
    return out


def groups_by_institution(ws: Workspace, rule_id: str | None = None) -> list[Group]:
    """Flag counts and amounts per institution (largest amount first)."""
    sql = ("SELECT coalesce(s.fixmedins_code, ''), max(s.fixmedins_name), count(*), coalesce(sum(f.amount), 0), "
           "count(DISTINCT f.setl_id) FROM flags f JOIN settlements s ON s.setl_id = f.setl_id "
           + ("WHERE f.rule_id = ? " if rule_id else "")
           + "GROUP BY coalesce(s.fixmedins_code, '') ORDER BY 4 DESC, 1")
    with ws.store.read() as s:
        cur = dialect.of(s).cursor(s)
        return [Group(r[0], r[1] or r[0], r[2], int(r[3]), r[4])
                for r in cur.execute(sql, (rule_id,) if rule_id else ())]


def total_at_risk(ws: Workspace, rules: Iterable[str] | None = None) -> dict[str, Any]:
    """Flags and the money at risk counting each line's money once (see docs/screening.md).

    Per fee line the largest positive amount of its flags; per settlement the
    largest positive amount of its settlement-level flags; summed.
    """
    where, args = "", []
    if rules is not None:
        ids = list(rules)
        where = f" AND rule_id IN ({','.join('?' * len(ids)) or 'NULL'})"
        args = ids + ids
    sql = (f"SELECT coalesce(sum(m), 0) FROM ("
           f"SELECT max(amount) AS m FROM flags WHERE fee_line_id IS NOT NULL{where} GROUP BY fee_line_id "
           f"UNION ALL SELECT max(amount) FROM flags WHERE fee_line_id IS NULL{where} GROUP BY setl_id) AS q WHERE m > 0")
    count_sql = "SELECT count(*) FROM flags WHERE 1=1" + where
    with ws.store.read() as s:
        cur = dialect.of(s).cursor(s)
        amount = cur.execute(sql, args).fetchone()[0]
        count = cur.execute(count_sql, args[:len(args) // 2]).fetchone()[0]
    return {"count": int(count), "amount": fen_to_str(int(amount))}


def screen_json(ws: Workspace, result: ScreenResult) -> dict[str, Any]:
    """The ``screen`` command's document (spec/cli.md) for the rules of ``result``."""
    flags = [{"rule": f.rule_id, "setl_id": f.setl_id, "feedetl_sn": f.feedetl_sn, "amount": fen_to_str(f.amount)}
             for f in list_flags(ws, rules=result.rules)]
    summary = {x.rule_id: {"count": x.count, "amount": fen_to_str(x.amount)} for x in result.summary}
    return {"flags": flags, "summary": summary, "total": total_at_risk(ws, result.rules), "run_id": result.run_id}


def last_run(ws: Workspace) -> dict[str, Any] | None:
    with ws.store.read() as s:
        row = s.execute(select(ScreenRunRow).order_by(ScreenRunRow.id.desc()).limit(1)).scalars().first()
        if row is None:
            return None
        return {"id": row.id, "at": row.at, "user": row.user, "rules": json.loads(row.rules),
                "params": json.loads(row.params or "{}"), "summary": json.loads(row.summary or "{}")}
