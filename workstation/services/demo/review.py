"""Demo step: a sample reviewed in part — decisions, findings with lines, evidence, appeals.

Acts as demo-reviewer and demo-reviewer2 so the event log names them. When no
review units exist yet (no sampling step ran), units are opened from flagged
settlements so the demo works either way.
"""
from __future__ import annotations

import datetime as dt
import io
import random
import struct
import zlib

from sqlalchemy import func, select

from ...store.models.claims import FeeLineRow
from ...store.models.review import ReviewUnitRow
from ...store.models.screening import FlagRow
from ..workspace import Workspace

REVIEWERS = ("demo-reviewer", "demo-reviewer2")
UNITS_IF_NONE = {"small": 24, "medium": 40, "large": 60}


def tiny_png(w: int, h: int, rgb: tuple[int, int, int], stripes: bool = True) -> bytes:
    """A small PNG made with zlib and struct only (services do not import Qt)."""
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for x in range(w):
            dark = stripes and ((x // 6 + y // 6) % 2 == 0)
            raw += bytes(c // 2 if dark else c for c in rgb)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def scan_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page 'scanned record' PDF (reportlab, CJK font)."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    from ..pdf_common import register_font

    font = register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, invariant=1)
    c.setFont(font, 14)
    c.drawString(40, 540, title)
    c.setFont(font, 10)
    for i, line in enumerate(lines):
        c.drawString(40, 510 - 16 * i, line)
    c.rect(30, 300, 360, 270)
    c.showPage()
    c.save()
    return buf.getvalue()


def _units_by_reviewer(ws: Workspace) -> dict[str, list[tuple[int, str]]]:
    with ws.store.read() as s:
        rows = s.execute(select(ReviewUnitRow.id, ReviewUnitRow.setl_id, ReviewUnitRow.assigned_to)
                         .where(ReviewUnitRow.assigned_to.in_(REVIEWERS)).order_by(ReviewUnitRow.id)).all()
    out: dict[str, list[tuple[int, str]]] = {r: [] for r in REVIEWERS}
    for uid, sid, who in rows:
        out[who].append((uid, sid))
    return out


def _open_units(ws: Workspace, actors: dict[str, Workspace], size: str) -> None:
    from .. import review as rs
    from ...store.models.claims import SettlementRow

    n = UNITS_IF_NONE.get(size, 24)
    with ws.store.read() as s:
        ids = s.execute(select(FlagRow.setl_id).group_by(FlagRow.setl_id).order_by(FlagRow.setl_id).limit(n)).scalars().all()
        if len(ids) < n:
            more = s.execute(select(SettlementRow.setl_id).order_by(SettlementRow.setl_id).limit(n * 2)).scalars().all()
            ids += [i for i in more if i not in set(ids)][: n - len(ids)]
    for k, sid in enumerate(ids):
        who = REVIEWERS[k % 2]
        rs.open_unit_for_settlement(actors[who], sid, source="flag" if k < n else "sample", assigned_to=who)


def _flagged_lines(ws: Workspace, setl_id: str) -> tuple[list[int], str | None]:
    with ws.store.read() as s:
        rows = s.execute(select(FlagRow.fee_line_id, FlagRow.rule_id).where(
            FlagRow.setl_id == setl_id, FlagRow.fee_line_id.is_not(None)).order_by(FlagRow.fee_line_id)).all()
        lines = list(dict.fromkeys(r[0] for r in rows))
        rule = rows[0][1] if rows else None
        if len(lines) < 2:
            extra = s.execute(select(FeeLineRow.id).where(FeeLineRow.setl_id == setl_id)
                              .order_by(func.abs(FeeLineRow.det_item_fee_sumamt).desc()).limit(3)).scalars().all()
            lines += [i for i in extra if i not in lines]
    return lines[:2], rule


def _category(rule: str | None, rng: random.Random) -> str:
    from ..catalog_service import rule_catalog

    if rule:
        try:
            return rule_catalog().get(rule).category
        except KeyError:
            pass
    return rng.choice(["over_standard", "duplicate_charge", "outside_coverage", "over_examination"])


BASES = ["《河南省医疗服务价格项目规范》第 3.2 条", "《医疗保障基金使用监督管理条例》第十五条",
         "《基本医疗保险药品目录》限定支付范围", "服务协议第 22 条：重复收费不予支付"]


def build(ws: Workspace, rng: random.Random, size: str) -> dict:
    from .. import appeals_service as ap
    from .. import evidence_service as ev
    from .. import review as rs
    from . import demo_workspace_for

    actors = {who: demo_workspace_for(ws, who) for who in REVIEWERS}
    try:
        units = _units_by_reviewer(ws)
        if not any(units.values()):
            _open_units(ws, actors, size)
            units = _units_by_reviewer(ws)
        if not any(units.values()):
            return {}
        counts = {"review_decided": 0, "review_findings": 0, "review_evidence": 0, "review_appeals_open": 0}
        today = dt.date.today()
        for who, mine in units.items():
            rws = actors[who]
            plan = ["compliant", "violation", "doubtful", "violation", "compliant", "silence", "in_progress"]
            for k, (uid, sid) in enumerate(mine[: len(plan)]):
                step = plan[k]
                if step == "compliant":
                    rs.decide_unit(rws, uid, "compliant", note="费用明细与病历相符")
                    rs.submit_unit(rws, uid)
                    counts["review_decided"] += 1
                    continue
                lines, rule = _flagged_lines(rws, sid)
                status = "doubtful" if step in ("doubtful", "silence") else "confirmed"
                fid = rs.create_finding(rws, uid, lines, _category(rule, rng), basis=rng.choice(BASES),
                                        note="经查病历，收费依据不足" if status == "confirmed" else "需机构说明",
                                        status=status)
                counts["review_findings"] += 1
                if step == "in_progress":
                    continue
                if step in ("violation", "doubtful"):
                    ev.attach(rws, fid, "病历首页.png", tiny_png(96, 64, (rng.randrange(150, 240), 200, 220)))
                    counts["review_evidence"] += 1
                if step == "violation" and k == 1:
                    ev.attach(rws, fid, "收费清单扫描件.pdf",
                              scan_pdf("收费清单（扫描件）", [f"结算号 {sid}", "项目：见明细", "复印件与原件一致"]))
                    counts["review_evidence"] += 1
                rs.decide_unit(rws, uid, "doubtful" if status == "doubtful" else "violation")
                rs.submit_unit(rws, uid)
                counts["review_decided"] += 1
                if step == "doubtful" and who == REVIEWERS[0]:
                    ap.send(rws, fid, working_days=10, sent_on=today)
                    counts["review_appeals_open"] += 1
                elif step == "silence" and who == REVIEWERS[0]:
                    ap.send(rws, fid, working_days=5, sent_on=today - dt.timedelta(days=30))
        ap.settle_expired_appeals(actors[REVIEWERS[0]], today)
        return counts
    finally:
        for a in actors.values():
            a.close()
