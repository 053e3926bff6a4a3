"""Demo step (issue 21): the counter's day and an on-site visit.

demo-reviewer takes a batch of manual reimbursements and checks part of it
(receipts that match, one short by a few yuan, one presented twice); an
inspection at the institution the demo dossier is built for holds a sealed
interview transcript (signed on the pad) and a draft site record, so the
dossier shows the transcript as an exhibit.
"""
from __future__ import annotations

import io
import random

from ...core.receipts import ReceiptEntry
from .. import dossier_service, inspection_service as ins, receipt_service as rs
from ..workspace import Workspace

CHECK = {"small": 12, "medium": 30, "large": 40}


def _signature(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    x, pts = 18, []
    while x < 330:
        pts.append((x, 60 + rng.randrange(-30, 30)))
        x += rng.randrange(8, 20)
    d.line(pts, fill=(11, 31, 77, 255), width=4)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


def _receipts(item: rs.CheckItem, rng: random.Random, parts: int) -> list[ReceiptEntry]:
    first = item.medfee_sumamt // parts
    amounts = [first] * (parts - 1) + [item.medfee_sumamt - first * (parts - 1)]
    day = item.begndate or item.setl_date
    return [ReceiptEntry(f"{rng.randrange(10**9, 10**10)}", day, item.institution_name, a, "41060125",
                         f"{rng.randrange(16**6):06x}", "scanned" if k % 2 == 0 else "keyed")
            for k, a in enumerate(amounts)]


def build(ws: Workspace, rng: random.Random, size: str) -> dict:
    from . import demo_workspace_for

    counts: dict[str, int] = {}
    rev = demo_workspace_for(ws, "demo-reviewer")
    try:
        try:
            rs.assign_batch(rev, CHECK.get(size, 12) + 10)
        except Exception:  # noqa: BLE001 - a demo without manual reimbursements has no counter work
            rev.close()
            return counts
        first = None
        for i in range(CHECK.get(size, 12)):
            item = rs.next_item(rev)
            if item is None:
                break
            receipts = _receipts(item, rng, 1 + i % 3)
            if i == 4:  # one receipt short by a few yuan
                r = receipts[-1]
                receipts[-1] = ReceiptEntry(r.bill_no, r.bill_date, r.institution, r.total - 1250, r.bill_code,
                                            r.check_code, r.source)
            if i == 9 and first is not None:  # the first settlement's receipt presented again
                receipts = receipts[:-1] + [first]
            rs.save_check(rev, item.setl_id, receipts, batch_id=item.batch_id)
            first = first or receipts[0]
            counts["receipts_checked"] = counts.get("receipts_checked", 0) + len(receipts)
        institution = dossier_service.best_institution(ws)
        if institution:
            iid = ins.create_inspection(rev, institution_code=institution, date="2025-06-18", kind="flying",
                                        team=["demo-reviewer", "demo-supervisor"], note="演示：飞行检查")
            rid = ins.create_record(rev, iid, "interview", ins.RecordContent(
                place="医保办公室", started_at="2025-06-18 10:05", ended_at="2025-06-18 10:48",
                interviewer="李审核、王组长", recorder="李审核", interviewee_name="陈某某",
                interviewee_id="410702197812123456", interviewee_unit="医保办 主任",
                qa=(ins.QA("请说明你的职务和职责。", "我是医保办主任，负责医保结算与内部审核。"),
                    ins.QA("6月抽查的住院病例中，一次性耗材计费数量为何多于领用记录？",
                           "经核对，系病区护士重复录入，共4笔，医院同意退回。"))))
            ins.sign_and_seal(rev, rid, signatures=[("interviewee", _signature(rng)),
                                                    ("interviewer", _signature(rng)),
                                                    ("recorder", _signature(rng))])
            ins.create_record(rev, iid, "site", ins.RecordContent(
                place="住院部收费处", started_at="2025-06-18 09:00", interviewer="李审核、王组长", recorder="李审核",
                text="调取6月住院收费明细与耗材出入库台账，核对中。"))
            counts["inspections"] = 1
    finally:
        rev.close()
    return counts
