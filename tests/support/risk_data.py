"""A small store for risk profiles: peer groups with a known outlier, lines, flags."""
from __future__ import annotations

import datetime as dt

from workstation.store.models.claims import FeeLineRow
from workstation.store.models.screening import FlagRow, ScreenRunRow

from .screen_data import add, line, settlement

S = 10_000


def stay(setl_id, code, psn, begn, end, *, lv="1", fee=5000_00, med_type="21", name=None, **kw):
    return settlement(setl_id, fixmedins_code=code, fixmedins_name=name or f"医院{code}", hosp_lv=lv, psn_no=psn,
                      med_type=med_type, begndate=begn, enddate=end, setl_time=f"{end} 10:00:00",
                      medfee_sumamt=fee, inscp_scp_amt=fee, **kw)


def peer_store(ws, *, hospitals: int = 6, per: int = 24, outlier: str = "H6") -> dict:
    """Hospitals H1..Hn (hosp_lv 1): ``per`` inpatient and ``per`` outpatient settlements each in 2025,
    two lines per settlement; the outlier charges ten times as much per stay. Pharmacies P1..P5 (hosp_lv 9)."""
    rows, ids = [], {}
    day0 = dt.date(2025, 1, 1)
    for h in range(1, hospitals + 1):
        code = f"H{h}"
        ids[code] = []
        for k in range(per):
            begn = day0 + dt.timedelta(days=(k * 13 + h) % 360)
            end = begn + dt.timedelta(days=2 + (k + h) % 5)
            fee = (3000_00 + 100_00 * h + 10_00 * k) * (10 if code == outlier else 1)
            sid = f"{code}-I{k:03d}"
            rows.append(stay(sid, code, f"P{h}-{k}", begn.isoformat(), end.isoformat(), fee=fee))
            rows.append(line(sid, "1", med_chrgitm_type="09", cnt=S, pric=fee // 2, det_item_fee_sumamt=fee // 2,
                             bilg_dept_name="内科", bilg_dr_name=f"医生{h}"))
            rows.append(line(sid, "2", med_chrgitm_type="03", cnt=S, pric=fee - fee // 2,
                             det_item_fee_sumamt=fee - fee // 2, bilg_dept_name="内科", bilg_dr_name=f"医生{h}"))
            ids[code].append(sid)
            sid = f"{code}-O{k:03d}"
            ofee = 200_00 + 10_00 * h + k * 100
            rows.append(stay(sid, code, f"P{h}-{k}", end.isoformat(), end.isoformat(), fee=ofee, med_type="11"))
            rows.append(line(sid, "1", med_chrgitm_type="09", cnt=S, pric=ofee, det_item_fee_sumamt=ofee,
                             bilg_dept_name="门诊", bilg_dr_name=f"医生{h}"))
            ids[code].append(sid)
    for p in range(1, 6):
        code = f"P{p}"
        ids[code] = []
        for k in range(25):
            d = (day0 + dt.timedelta(days=k * 7 + p)).isoformat()
            sid = f"{code}-{k:03d}"
            rows.append(stay(sid, code, f"Q{p}-{k % 10}", d, d, lv="9", fee=50_00 + k * 100 + p, med_type="41",
                             name=f"药房{p}"))
            rows.append(line(sid, "1", med_chrgitm_type="09", cnt=S, pric=50_00 + k * 100 + p,
                             det_item_fee_sumamt=50_00 + k * 100 + p))
            ids[code].append(sid)
    add(ws, *rows)
    return ids


def add_flags(ws, flags: list[tuple[str, str | None, int]], rule: str = "TEST_RULE") -> None:
    """Flags (setl_id, feedetl_sn or None, amount fen) under one screen run."""
    with ws.store.session() as s:
        run = ScreenRunRow(user="admin", rules='["%s"]' % rule)
        s.add(run)
        s.flush()
        for sid, sn, amount in flags:
            fl_id = None
            if sn is not None:
                fl_id = s.query(FeeLineRow.id).filter(FeeLineRow.setl_id == sid, FeeLineRow.feedetl_sn == sn).scalar()
            s.add(FlagRow(rule_id=rule, setl_id=sid, feedetl_sn=sn, fee_line_id=fl_id, amount=amount, run_id=run.id))


def mark_screened(ws) -> None:
    with ws.store.session() as s:
        s.add(ScreenRunRow(user="admin", rules="[]"))
