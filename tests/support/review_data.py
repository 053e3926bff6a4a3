"""Claims, flags and review units for the review tests, written through the models.

Deterministic for a given seed; independent of the demo pipeline so that the
review tests do not depend on other areas' demo steps.
"""
from __future__ import annotations

import datetime as dt
import random
import uuid

from workstation.services.workspace import Workspace
from workstation.store.models.claims import FeeLineRow, SettlementRow
from workstation.store.models.review import ReviewUnitRow
from workstation.store.models.screening import FlagRow

ITEMS = [("注射用头孢曲松钠", "09"), ("血细胞分析（五分类）", "04"), ("一次性使用输液器", "08"),
         ("CT 平扫（胸部）", "02"), ("住院诊查费", "01"), ("静脉输液", "06")]


def add_settlement(s, setl_id: str, rng: random.Random, lines: int, *, setl_type: str = "1",
                   day: dt.date | None = None) -> list[int]:
    day = day or dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(60))
    total = 0
    rows = []
    for k in range(lines):
        name, typ = ITEMS[k % len(ITEMS)]
        pric = rng.randrange(5_00, 300_00)
        cnt = rng.randrange(1, 4)
        amt = pric * cnt
        total += amt
        rows.append(FeeLineRow(setl_id=setl_id, feedetl_sn=f"{k + 1:05d}", med_list_codg=f"XA{k % 97:06d}",
                               hilist_name=name, med_chrgitm_type=typ, chrgitm_lv="01",
                               fee_ocur_time=f"{day} 09:{k % 60:02d}:00", cnt=cnt * 10_000, pric=pric,
                               det_item_fee_sumamt=amt, bilg_dept_name="内科", bilg_dr_name="张医生"))
    s.add(SettlementRow(setl_id=setl_id, psn_no=f"P{setl_id}", psn_name="张某某", gend="1", brdy="1970-05-01",
                        certno="410702197005011234", insutype="310", med_type="21", setl_type=setl_type,
                        offsite_flag="0", fixmedins_code="H41070001", fixmedins_name="新乡市第一人民医院",
                        hosp_lv="1", begndate=str(day), enddate=str(day + dt.timedelta(days=4)),
                        setl_time=f"{day + dt.timedelta(days=4)} 10:00:00", dise_codg="J18.9", dise_name="肺炎",
                        medfee_sumamt=total, inscp_scp_amt=total, hifp_pay=total * 7 // 10,
                        psn_cash_pay=total - total * 7 // 10))
    s.flush()
    s.add_all(rows)
    s.flush()
    return [r.id for r in rows]


def seed_units(ws: Workspace, *, n: int = 6, lines: int = 5, reviewer: str = "reviewer", seed: int = 1,
               setl_type: str = "1", prefix: str = "T") -> dict:
    """n settlements with ``lines`` fee lines each, a flag on line 1 of each, one unit per settlement."""
    rng = random.Random(seed)
    out = {"units": [], "lines": {}, "setl": []}
    with ws.store.session() as s:
        for i in range(n):
            sid = f"{prefix}{seed:02d}{i:05d}"
            ids = add_settlement(s, sid, rng, lines, setl_type=setl_type)
            s.add(FlagRow(rule_id="PRICE_OVER_LIMIT", setl_id=sid, fee_line_id=ids[0], feedetl_sn="00001", amount=1234,
                          params='{"pric": "22.34", "cap": "10.00", "cap_source": "目录", "cnt": "1"}'))
            u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=sid, source="sample", assigned_to=reviewer,
                              status="pending", submitted=False, note="", version=1)
            s.add(u)
            s.flush()
            out["units"].append(u.id)
            out["lines"][u.id] = ids
            out["setl"].append(sid)
    return out
