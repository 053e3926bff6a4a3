"""Review data for dossier tests and the dossier benchmark, written through the models.

Settlements with fee lines at one institution, review units (some reviewed),
findings with lines, optional image evidence, and an appeal. Deterministic for
a given ``random.Random``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
import uuid

from workstation.services.catalog_service import violations
from workstation.services.workspace import Workspace
from workstation.store.models.claims import FeeLineRow, SettlementRow
from workstation.store.models.review import AppealRow, EvidenceRow, FindingLineRow, FindingRow, ReviewUnitRow

SURNAMES = "王李张刘陈杨赵黄周吴"


def png_bytes(rng: random.Random, w: int = 160, h: int = 120) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (w, h), (rng.randrange(200, 255), rng.randrange(200, 255), rng.randrange(200, 255)))
    d = ImageDraw.Draw(im)
    for _ in range(6):
        x, y = rng.randrange(w), rng.randrange(h)
        d.rectangle([x, y, x + 30, y + 12], outline=(30, 60, 90), width=2)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


def seed(ws: Workspace, rng: random.Random, *, institution: str = "H41070001", name: str = "新乡市第一人民医院",
         settlements: int = 40, reviewed: int = 20, findings: int = 8, images: bool = True,
         appeal: bool = True, reviewer: str = "reviewer") -> dict:
    """Create the data; returns ids of what was made."""
    cats = [v.code for v in violations()]
    made = {"settlements": [], "units": [], "findings": []}
    with ws.store.session() as s:
        for i in range(settlements):
            setl = f"S{institution[-4:]}{i:06d}"
            day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(180))
            s.add(SettlementRow(
                setl_id=setl, psn_no=f"P{i:08d}", psn_name=rng.choice(SURNAMES) + "某某",
                certno=f"41070219{rng.randrange(60, 99)}0101{rng.randrange(1000, 9999)}", med_type="21",
                fixmedins_code=institution, fixmedins_name=name, begndate=day.isoformat(),
                enddate=(day + dt.timedelta(days=5)).isoformat(), setl_time=f"{day + dt.timedelta(days=5)} 10:00:00",
                medfee_sumamt=rng.randrange(100_00, 50_000_00)))
            made["settlements"].append(setl)
        s.flush()
        fee_ids: dict[str, list[int]] = {}
        for setl in made["settlements"][:max(reviewed, 1)]:
            for k in range(3):
                fl = FeeLineRow(setl_id=setl, feedetl_sn=f"{setl}-{k + 1:03d}", med_list_codg=f"XA{rng.randrange(10**6):06d}",
                                hilist_name=rng.choice(["注射用头孢曲松钠", "血细胞分析（五分类）", "一次性使用输液器",
                                                        "CT 平扫（胸部）", "住院诊查费"]),
                                cnt=rng.randrange(1, 6) * 10_000, pric=rng.randrange(5_00, 300_00))
                fl.det_item_fee_sumamt = fl.cnt * fl.pric // 10_000
                s.add(fl)
                s.flush()
                fee_ids.setdefault(setl, []).append(fl.id)
        units = []
        for i, setl in enumerate(made["settlements"][:reviewed]):
            u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=setl, source="sample", assigned_to=reviewer,
                              status="done", submitted=True, decided_by=reviewer,
                              decided_at=dt.datetime(2025, 7, 1, 9, 0) + dt.timedelta(minutes=i))
            s.add(u)
            units.append(u)
        s.flush()
        made["units"] = [u.id for u in units]
        for i in range(findings):
            u = units[i % len(units)]
            lines = fee_ids[u.setl_id][: 1 + i % 3]
            f = FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category=cats[i % len(cats)], amount=0,
                           basis="《医疗保障基金使用监督管理条例》第三十八条",
                           note=f"第 {i + 1} 项：病历记载与收费项目不符，超出限定支付范围。",
                           status="confirmed" if i % 5 else "doubtful", created_by=reviewer, updated_by=reviewer)
            s.add(f)
            s.flush()
            total = 0
            for lid in lines:
                s.add(FindingLineRow(finding_id=f.id, fee_line_id=lid))
                total += s.get(FeeLineRow, lid).det_item_fee_sumamt
            f.amount = f.amount_auto = total
            if images and i < 3:
                data = png_bytes(rng)
                s.add(EvidenceRow(uuid=str(uuid.uuid4()), finding_id=f.id, file_name=f"病历第{i + 1}页.png",
                                  mime="image/png", size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                                  content=data, added_by=reviewer))
            if appeal and i == 0:
                s.add(AppealRow(uuid=str(uuid.uuid4()), finding_id=f.id, institution_code=institution,
                                sent_on=dt.date(2025, 7, 2), working_days=10, deadline=dt.date(2025, 7, 16),
                                status="answered", answer="医院认为该项目已备案，申请复核。", outcome="upheld",
                                created_by=reviewer))
            made["findings"].append(f.id)
        ws.log(s, "test.seed", "review", institution, after={"findings": len(made["findings"])})
    return made
