"""Gather a sample's review results from the store and appraise them (spec/sampling.md).

``appraise_sample`` is what ``sample appraise``, the sampling view's appraisal
tab and ``dossier build --sample`` call; ``appraise_review_units`` is the
dossier without a sample (design none). Both return ``core.sample_appraisal.Appraisal``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import sample_appraisal as sa
from ..core import sampling as smp
from ..core.errors import UsageError
from ..core.i18n import T
from ..store.models.claims import SettlementRow
from ..store.models.review import FindingRow, ReviewUnitRow
from ..store.models.sampling import SampleRow, SampleStratumRow, SampleUnitRow
from .amount_basis import unit_amounts
from .sampling_frame import FrameAggregate, frame_aggregate
from .sampling_plan import DECIDED, Plan

DEFAULT_CONFIDENCE = Fraction(9, 10)
CHUNK = 500


@dataclass(frozen=True)
class Domain:
    """An institution and/or a period (both days included) of a sample's frame."""

    institution: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def given(self) -> bool:
        return bool(self.institution) or self.date_from is not None

    def contains(self, fixmedins_code: str | None, setl_time: str | None) -> bool:
        if self.institution and fixmedins_code != self.institution:
            return False
        if self.date_from is not None:
            t = setl_time or ""
            if not (f"{self.date_from.isoformat()} 00:00:00" <= t <= f"{self.date_to.isoformat()} 23:59:59"):
                return False
        return True


def domain(institution: str | None = None, date_from: dt.date | None = None,
           date_to: dt.date | None = None) -> Domain:
    """Both dates together or none (sampling.md, "Domains")."""
    if (date_from is None) != (date_to is None):
        raise UsageError(detail=T("--from 与 --to 须同时给出", "--from and --to go together").render("zh_CN"))
    if date_from is not None and date_from > date_to:
        raise UsageError(detail=T("起始日期晚于截止日期", "the period starts after it ends").render("zh_CN"))
    return Domain(institution or None, date_from, date_to)


def confidence_of(text) -> Fraction:
    try:
        c = Fraction(str(text if text is not None else "0.90").strip())
    except (ValueError, ZeroDivisionError):
        raise UsageError(detail=f"--confidence {text}") from None
    if not 0 < c < 1:
        raise UsageError(detail=f"--confidence {text}")
    return c


def _chunks(ids: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def appraise_sample(s: Session, sample: SampleRow, dom: Domain = Domain(),
                    confidence: Fraction = DEFAULT_CONFIDENCE) -> sa.Appraisal:
    return sa.appraise(sample_input(s, sample, dom, confidence))


def used_values(s: Session, sample: SampleRow, dom: Domain = Domain()) -> list[int]:
    """y (fen) of the units the appraisal uses (the attribute appraisal counts errors among them)."""
    return [u.y for u in sa.used_units(sample_input(s, sample, dom, DEFAULT_CONFIDENCE))]


def sample_input(s: Session, sample: SampleRow, dom: Domain, confidence: Fraction) -> sa.AppraisalInput:
    """The facts of sampling.md gathered from the store: units, cells (rebuilt frame), pps frame, basis."""
    plan = Plan.from_row(sample)
    design = sa.Design(sample.method)
    selected = s.execute(select(SampleUnitRow.setl_id, SampleUnitRow.stratum, SampleUnitRow.hits)
                         .where(SampleUnitRow.sample_id == sample.id)).all()
    reviews = {sid: (uid, status) for uid, sid, status in s.execute(
        select(ReviewUnitRow.id, ReviewUnitRow.setl_id, ReviewUnitRow.status)
        .where(ReviewUnitRow.sample_id == sample.id))}
    ids = [r[0] for r in selected]
    settlements = {}
    for chunk in _chunks(ids):
        for r in s.execute(select(SettlementRow.setl_id, SettlementRow.fixmedins_code, SettlementRow.setl_time,
                                  SettlementRow.medfee_sumamt, SettlementRow.hifp_pay, SettlementRow.hifob_pay,
                                  getattr(SettlementRow, plan.amount_field))
                           .where(SettlementRow.setl_id.in_(chunk))):
            settlements[r[0]] = r
    in_scope = {sid for sid in ids if (sid in settlements and dom.contains(settlements[sid][1], settlements[sid][2]))
                or (sid not in settlements and not dom.given)}
    decided_units = [uid for sid, (uid, status) in reviews.items() if status in DECIDED and sid in in_scope]
    amounts = unit_amounts(s, decided_units)
    basis = amounts.basis
    frame = frame_aggregate(s, plan, dom.contains)
    frame_changed = frame.fingerprint != sample.frame_sha256
    units = []
    for sid, stratum, hits in selected:
        st = settlements.get(sid)
        uid, status = reviews.get(sid, (None, None))
        decided = status in DECIDED
        y, p = amounts.of(uid) if decided else (0, 0)
        if status == "compliant":
            y = 0
        in_dom = sid in in_scope
        book = 0 if st is None else ((st[4] or 0) + (st[5] or 0) if basis is sa.Basis.FUND else (st[3] or 0))
        units.append(sa.UnitFacts(sid, smp.key(sample.seed, sid), stratum, in_dom, decided, y, p, hits,
                                  (st[6] or 0) if st is not None else 0, book))
    cells, pps = _frame_side(sample, s, design, dom, frame, frame_changed, basis)
    return sa.AppraisalInput(design, tuple(units), cells, confidence, basis, frame_changed, dom.given, pps)


def _frame_side(sample: SampleRow, s: Session, design: sa.Design, dom: Domain, frame: FrameAggregate,
                frame_changed: bool, basis: sa.Basis) -> tuple[tuple[sa.CellFrame, ...], sa.PpsFrame | None]:
    """Cell sizes (stored without a domain, else from the rebuilt frame) and book totals; the pps frame."""
    if design is sa.Design.PPS:
        points = sum(s.execute(select(SampleUnitRow.hits).where(SampleUnitRow.sample_id == sample.id)).scalars())
        return (), sa.PpsFrame(frame.pps_total, points, frame.pps_in_domain)
    books = frame.fund if basis is sa.Basis.FUND else frame.charged
    stored = dict(s.execute(select(SampleStratumRow.stratum, SampleStratumRow.frame_size)
                            .where(SampleStratumRow.sample_id == sample.id)).all())
    if not dom.given:
        sizes = stored
    elif not frame_changed:
        sizes = {h: frame.sizes.get(h, 0) for h in stored} | frame.sizes
    else:
        sizes = frame.sizes
    cells = tuple(sa.CellFrame(h, n, None if frame_changed else books.get(h, 0)) for h, n in sorted(sizes.items()))
    return cells, None


def appraise_review_units(s: Session, unit_ids: list[int],
                          confidence: Fraction = DEFAULT_CONFIDENCE) -> sa.Appraisal:
    """A dossier without a sample: found and pending, each settlement once (design none)."""
    rows = []
    for chunk in _chunks(unit_ids):
        rows += s.execute(select(ReviewUnitRow.id, ReviewUnitRow.setl_id, ReviewUnitRow.status,
                                 ReviewUnitRow.decided_at).where(ReviewUnitRow.id.in_(chunk))).all()
    decided = [r for r in rows if r[2] in DECIDED]
    amounts = unit_amounts(s, [r[0] for r in decided])
    decisions = []
    for uid, sid, status, at in decided:
        y, p = amounts.of(uid)
        decisions.append(sa.Decision(uid, sid, at.isoformat(sep=" ") if at else "", 0 if status == "compliant" else y,
                                     p))
    last = sa.last_decisions(decisions)
    settled = {d.setl_id for d in last}
    units = [sa.UnitFacts(d.setl_id, b"", decided=True, y=d.y, pending=d.pending) for d in last]
    undecided = sorted({r[1] for r in rows if r[2] not in DECIDED} - settled)
    units += [sa.UnitFacts(sid, b"") for sid in undecided]
    return sa.appraise(sa.AppraisalInput(sa.Design.NONE, tuple(units), confidence=confidence, basis=amounts.basis))
