"""Knowledge points in the store: import from knowledge files, create, edit,
activate and deactivate, ``rules list`` (spec/rule-templates.md).

Every insert and update appends an event naming the rule_id and every changed
column before and after (points hold no personal data, so the values are kept
readable in the event's details). Importing never deletes a point.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..core import knowledge as kn
from ..core.errors import BadInput, NotFound
from ..core.i18n import T
from ..store.models.base import utcnow
from ..store.models.knowledge import KnowledgePointRow, KnowledgeTermRow
from . import import_readers
from .import_rows import Rejection
from .workspace import Workspace

KIND = "knowledge"
KIND_LABEL = T("规则知识库", "knowledge points")


@dataclass(frozen=True)
class PointInfo:
    """A stored point for display (never an ORM row)."""

    point: kn.Point
    updated_by: str
    updated_at: str


# -- store <-> Point ----------------------------------------------------------------------
def _to_point(row: KnowledgePointRow) -> kn.Point:
    return kn.point_from_stored({
        "rule_id": row.rule_id, "template": row.template, "rule_name": row.rule_name,
        **{k: json.loads(getattr(row, k) or "[]") for k in kn.LIST_COLUMNS + ("exclude_dx",)},
        "window": row.window_token, "limit": row.limit_text, "source": row.source,
        "effective_from": row.effective_from, "effective_to": row.effective_to, "active": row.active})


def _terms(point: kn.Point) -> list[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    out.update(("item", c) for c in point.item_codes)
    out.update(("other", c) for c in point.other_codes)
    out.update(("class", c) for c in point.med_class_lmt)
    out.update(("hosp_lv", c) for c in point.hosp_lv_lmt)
    out.update(("insutype", c) for c in point.insutype_lmt)
    out.update(("dise", kn.dx_key(c)) for c in point.dise_lmt)
    out.update(("exclude", kn.dx_key(c)) for c in point.exclude_dx)
    return sorted(out)


def _write(s: Session, row: KnowledgePointRow | None, point: kn.Point, user: str,
           batch_id: int | None = None) -> KnowledgePointRow:
    if row is None:
        row = KnowledgePointRow(rule_id=point.rule_id, created_by=user, created_at=utcnow())
        s.add(row)
    else:
        s.execute(delete(KnowledgeTermRow).where(KnowledgeTermRow.rule_id == point.rule_id))
    row.template = point.template
    row.rule_name = point.rule_name
    for key in kn.LIST_COLUMNS + ("exclude_dx",):
        setattr(row, key, json.dumps(list(getattr(point, key)), ensure_ascii=False))
    row.window_token = point.window
    row.window_kind = point.window_kind
    row.window_n = point.window_n
    row.limit_text = point.limit_text()
    row.limit_scaled = point.limit_scaled
    row.source = point.source
    row.effective_from = point.effective_from
    row.effective_to = point.effective_to
    row.active = point.active
    row.updated_by = user
    row.updated_at = utcnow()
    if batch_id is not None:
        row.batch_id = batch_id
    s.flush()
    s.add_all([KnowledgeTermRow(rule_id=point.rule_id, kind=k, value=v) for k, v in _terms(point)])
    return row


def _log_change(ws: Workspace, s: Session, action: str, before: kn.Point | None, after: kn.Point,
                details: dict | None = None) -> None:
    if before is None:
        changed = {k: [None, v] for k, v in after.column_values().items()}
    else:
        changed = {k: [a, b] for k, (a, b) in before.changed_columns(after).items()}
    ws.log(s, action, "knowledge_point", after.rule_id,
           before=None if before is None else {k: v[0] for k, v in changed.items()},
           after={k: v[1] for k, v in changed.items()},
           details={"rule_id": after.rule_id, "changed": changed, **(details or {})})


# -- reading --------------------------------------------------------------------------------
def list_points(ws: Workspace, *, active_only: bool = False) -> list[PointInfo]:
    """Every point by rule_id (by code point, 'Z' before 'a')."""
    with ws.store.read() as s:
        q = select(KnowledgePointRow)
        if active_only:
            q = q.where(KnowledgePointRow.active.is_(True))
        rows = s.execute(q).scalars().all()
        out = [PointInfo(_to_point(r), r.updated_by, str(r.updated_at or "")) for r in rows]
    return sorted(out, key=lambda p: p.point.rule_id)


def get_point(ws: Workspace, rule_id: str) -> kn.Point:
    with ws.store.read() as s:
        row = s.get(KnowledgePointRow, rule_id)
        if row is None:
            raise NotFound(what=rule_id)
        return _to_point(row)


def active_rule_ids(ws: Workspace) -> list[str]:
    with ws.store.read() as s:
        ids = s.execute(select(KnowledgePointRow.rule_id).where(KnowledgePointRow.active.is_(True))).scalars().all()
    return sorted(ids)


def all_rule_ids(ws: Workspace) -> set[str]:
    with ws.store.read() as s:
        return set(s.execute(select(KnowledgePointRow.rule_id)).scalars().all())


def rules_list_json(ws: Workspace) -> dict[str, Any]:
    """``rules list``: the eleven fixed rules in the order of rules.md, then the points by rule_id."""
    from .catalog_service import rule_catalog

    out = []
    catalog = rule_catalog()
    for rid in kn.FIXED_RULE_IDS:
        out.append({"rule": rid, "kind": "fixed", "template": None, "name": catalog.get(rid).zh, "active": True,
                    "source": None, "effective_from": None, "effective_to": None, "params": {}})
    for info in list_points(ws):
        p = info.point
        out.append({"rule": p.rule_id, "kind": "knowledge", "template": p.template, "name": p.rule_name,
                    "active": p.active, "source": p.source, "effective_from": p.effective_from,
                    "effective_to": p.effective_to, "params": p.params()})
    return {"rules": out}


# -- editing in the interface ------------------------------------------------------------------
class PointInvalid(BadInput):
    """The editor's validation: every problem with its column, in the user's language."""

    def __init__(self, problems: list[kn.PointProblem]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(first.reason, column=first.column, **first.params)


def validate(values: dict[str, Any]) -> tuple[kn.Point | None, list[kn.PointProblem]]:
    """The same validation as a knowledge-file row (the editor shows every problem)."""
    return kn.parse_point(values)


def save_point(ws: Workspace, values: dict[str, Any], *, create: bool) -> kn.Point:
    """Create (``create``) or replace a point from editor values (field code -> text)."""
    ws.require_supervisor()
    point, problems = kn.parse_point(values)
    if problems:
        raise PointInvalid(problems)
    with ws.store.session() as s:
        row = s.get(KnowledgePointRow, point.rule_id)
        if create and row is not None:
            raise PointInvalid([kn.PointProblem("rule_id", T("规则编号“{value}”已存在", "rule_id \"{value}\" exists already"),
                                                value=point.rule_id)])
        if not create and row is None:
            raise NotFound(what=point.rule_id)
        before = None if row is None else _to_point(row)
        if before is not None and before.comparable() == point.comparable():
            return before
        _write(s, row, point, ws.user.name)
        _log_change(ws, s, "knowledge.create" if before is None else "knowledge.update", before, point)
    return point


def set_active(ws: Workspace, rule_id: str, active: bool) -> kn.Point:
    ws.require_supervisor()
    with ws.store.session() as s:
        row = s.get(KnowledgePointRow, rule_id)
        if row is None:
            raise NotFound(what=rule_id)
        before = _to_point(row)
        if before.active == active:
            return before
        after = kn.with_active(before, active)
        _write(s, row, after, ws.user.name)
        _log_change(ws, s, "knowledge.activate" if active else "knowledge.deactivate", before, after)
    return after


# -- importing a knowledge file ----------------------------------------------------------------
def is_knowledge_file(headers: Iterable[Any]) -> bool:
    return kn.is_knowledge_header(headers)


def header_positions(headers: list[Any], file: str) -> dict[str, int]:
    """Field code -> column index; a missing required column or a repeated one is a file error."""
    positions: dict[str, int] = {}
    for i, h in enumerate(headers):
        code = kn.header_code(h)
        if code is None:
            continue  # an extra column: kept aside, not an error
        if code in positions:
            raise BadInput(T("列重复：与第 {other} 列相同", "duplicate column: same as column {other}"),
                           file=file, row=1, column=str(h), other=positions[code] + 1)
        positions[code] = i
    for code in kn.REQUIRED_HEADERS:
        if code not in positions:
            raise BadInput(T("缺少必需的列“{code}（{zh}）”（规则知识库）", "required column \"{code}\" ({zh}) missing (knowledge points)"),
                           file=file, row=1, column=code, code=code, zh=kn.COLUMN_ZH[code])
    return positions


def _rejection(file: str, row: int, column: str, reason: T, **params: Any) -> Rejection:
    brief = {k: ("…" if k == "value" else v) for k, v in params.items()}
    fill = (lambda t, p: T(t.zh.format(**p), t.en.format(**p)))
    return Rejection(file, row, column, fill(reason, params), fill(reason, brief))


def import_knowledge(ws: Workspace, session: Session, path: Path, facts, batch_id: int, res,
                     tick: Callable[[int], None]) -> None:
    """Import one knowledge file into ``session`` (the import's one transaction); fills ``res``
    (an ImportFileResult: rows, inserted, updated, unchanged, rejected, rejections)."""
    ws.require_supervisor()
    rows = import_readers.iter_rows(path, facts)
    positions: dict[str, int] = {}
    seen: dict[str, int] = {}
    parsed: list[tuple[int, kn.Point]] = []
    try:
        for number, cells in rows:
            if number == 1:
                positions = header_positions(list(cells), path.name)
                continue
            if not any(str(c).strip() for c in cells if c is not None):
                continue
            res.rows += 1
            values = {code: (cells[i] if i < len(cells) else None) for code, i in positions.items()}
            point, problems = kn.parse_point(values)
            rid = kn.cell_text(values.get("rule_id"))
            if rid and rid in seen:  # the later row, naming the first (whatever else is wrong with either)
                problems = [kn.PointProblem("rule_id", kn.M_REPEATED, value=rid, first=seen[rid])] + [
                    p for p in problems if p.column != "rule_id"]
            elif rid:
                seen[rid] = number
            if problems:
                res.rejected += 1
                for p in problems:
                    res.rejections.append(_rejection(path.name, number, p.column, p.reason, **p.params))
                continue
            parsed.append((number, point))
            if res.rows % 500 == 0:
                tick(res.rows)
    finally:
        rows.close()
    existing = {r.rule_id: r for r in session.execute(
        select(KnowledgePointRow).where(KnowledgePointRow.rule_id.in_([p.rule_id for _, p in parsed]))).scalars()} \
        if parsed else {}
    for number, point in parsed:
        row = existing.get(point.rule_id)
        before = None if row is None else _to_point(row)
        if before is not None and before.comparable() == point.comparable():
            res.unchanged += 1
            continue
        _write(session, row, point, ws.user.name, batch_id)
        _log_change(ws, session, "knowledge.import", before, point, {"row": number, "file": path.name})
        if before is None:
            res.inserted += 1
        else:
            res.updated += 1
    tick(res.rows)


def import_file(ws: Workspace, path: Path | str, **kw):
    """Import one knowledge file through the common import (one transaction, rejections)."""
    from . import import_service

    return import_service.import_file(ws, path, **kw)


# -- the rule library and the preview --------------------------------------------------------
@dataclass(frozen=True)
class LibraryRow:
    """One rule of the library view: fixed or a point, with its outcomes and precision."""

    rule_id: str
    kind: str  # fixed | knowledge
    template: str | None
    name: str
    source: str
    active: bool
    effective_from: str | None
    effective_to: str | None
    flags: int
    confirmed: int
    rejected: int
    open: int
    precision: Any  # Decimal | None
    point: kn.Point | None


def library(ws: Workspace, lang: str) -> list[LibraryRow]:
    """Every rule in the order of ``rules list``, with its counts (rules stats)."""
    from . import rule_precision
    from .catalog_service import rule_catalog

    stats = {s.rule_id: s for s in rule_precision.rule_stats(ws)}
    points = {p.point.rule_id: p.point for p in list_points(ws)}
    catalog = rule_catalog()
    out = []
    for rid in list(kn.FIXED_RULE_IDS) + sorted(points):
        st = stats.get(rid) or rule_precision.RuleStats(rid, 0, 0, 0, 0)
        p = points.get(rid)
        if p is None:
            name = catalog.get(rid).name(lang)
            out.append(LibraryRow(rid, "fixed", None, name, "", True, None, None, st.flags, st.confirmed,
                                  st.rejected, st.open, st.precision, None))
        else:
            out.append(LibraryRow(rid, "knowledge", p.template, p.rule_name, p.source, p.active, p.effective_from,
                                  p.effective_to, st.flags, st.confirmed, st.rejected, st.open, st.precision, p))
    return out


@dataclass(frozen=True)
class Preview:
    """What a point alone would record now: count, money, a sample of its flags (nothing recorded)."""

    count: int
    amount: int  # fen
    sample: tuple[tuple[str, str | None, int, str], ...]  # (setl_id, feedetl_sn, fen, explanation)


def preview(ws: Workspace, values: dict[str, Any], lang: str, sample_size: int = 20) -> Preview:
    """Validate like the editor, compute the point's flags in a transaction that is rolled back."""
    from . import knowledge_screen

    point, problems = kn.parse_point(values)
    if problems:
        raise PointInvalid(problems)
    point = kn.with_active(point, True)
    with ws.store.session() as s:
        try:
            row = s.get(KnowledgePointRow, point.rule_id)
            _write(s, row, point, ws.user.name)
            hits = knowledge_screen.run_points(s.connection(), [point])[point.rule_id]
        finally:
            s.rollback()  # recording nothing: the point and the terms written for the query go
    from ..core.knowledge_text import explain

    step = max(1, len(hits) // sample_size)
    sample = tuple((h.setl_id, h.feedetl_sn, int(h.amount), explain(h.params, lang))
                   for h in hits[::step][:sample_size])
    return Preview(len(hits), sum(int(h.amount) for h in hits), sample)


def point_names(ws: Workspace) -> dict[str, str]:
    """rule_id -> rule_name of every point (for group lists and explanations)."""
    with ws.store.read() as s:
        return dict(s.execute(select(KnowledgePointRow.rule_id, KnowledgePointRow.rule_name)).all())
