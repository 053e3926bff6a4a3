"""The same files give the same figures on a local store and on the office server (office.md,
"Same results on both backends"): import, screening, sampling (frame, fingerprint, selection),
appraisal and the dossier's figures."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from sqlalchemy import select

from tests.support.stores import login, new_server_store, new_store
from workstation.services import appraisal_service, dossier_service as ds, import_service
from workstation.services import review_service as rs, sampling_service as svc, screening_service as ss
from workstation.services.catalog_service import violations
from workstation.store.models.review import ReviewUnitRow

CATALOG = [("001102000010000", "床位费（三人间）", "01", "01", "35.00", "", "", "", "1"),
           ("002203000010000", "前列腺特异性抗原测定", "04", "01", "80.00", "男", "", "", "1"),
           ("XJ01DDA0060101", "注射用头孢曲松钠", "09", "01", "12.80", "", "", "", "3"),
           ("003101000010000", "静脉输液", "05", "01", "8.00", "", "", "12", "2"),
           ("002201000010000", "血常规", "04", "01", "20.00", "", "", "", "")]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


def write_files(folder: Path, n: int = 240, seed: int = 11) -> list[Path]:
    """Settlements and fee lines on which every screening rule finds something."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    cat = folder / "catalog.csv"
    with open(cat, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["med_list_codg", "hilist_name", "med_chrgitm_type", "chrgitm_lv", "pric_uplmt_amt", "gend_lmt",
                    "age_min", "age_max", "max_daily_cnt"])
        w.writerows(CATALOG)
    setl, lines = folder / "settlements.csv", folder / "fee_lines.csv"
    with open(setl, "w", newline="", encoding="utf-8") as fs, open(lines, "w", newline="", encoding="utf-8") as fl:
        ws_, wl = csv.writer(fs), csv.writer(fl)
        ws_.writerow(["setl_id", "psn_no", "psn_name", "gend", "brdy", "certno", "med_type", "setl_type",
                      "offsite_flag", "fixmedins_code", "fixmedins_name", "begndate", "enddate", "setl_time",
                      "medfee_sumamt", "inscp_scp_amt", "hifp_pay", "hifob_pay"])
        wl.writerow(["feedetl_sn", "setl_id", "med_list_codg", "medins_list_codg", "hilist_name", "med_chrgitm_type",
                     "chrgitm_lv", "fee_ocur_time", "cnt", "pric", "det_item_fee_sumamt", "pric_uplmt_amt",
                     "bilg_dept_name", "bilg_dr_name"])
        for i in range(n):
            person = i % 60
            begin = dt.date(2025, 1, 1) + dt.timedelta(days=(i * 7) % 300 + rng.randrange(3))
            end = begin + dt.timedelta(days=rng.randrange(1, 9))
            total = 0
            rows = []
            for k in range(rng.randrange(2, 9)):
                code, name, typ, lv, cap, *_ = rng.choice(CATALOG)
                cnt = rng.randrange(1, 4)
                cap_fen = int(cap.replace(".", ""))
                pric = cap_fen + (rng.choice([0, 0, 0, 150]))  # some over the cap
                day = begin + dt.timedelta(days=min(k, (end - begin).days))
                rows.append([f"{k + 1:04d}", f"S{i:06d}", code, code[-6:], name, typ, lv, f"{day} 0{8 + k % 2}:00:00",
                             str(cnt), f"{pric // 100}.{pric % 100:02d}", f"{pric * cnt // 100}.{pric * cnt % 100:02d}",
                             "", "内科", "医生甲"])
                total += pric * cnt
            if i % 17 == 0:  # a duplicate charge
                rows.append([f"{len(rows) + 1:04d}", *rows[0][1:]])
                total += int(rows[0][10].replace(".", ""))
            for r in rows:
                wl.writerow(r)
            hifp = total * 7 // 10
            hifob = total // 10 if i % 5 == 0 else 0
            ws_.writerow([f"S{i:06d}", f"P{person:05d}", rng.choice(SURNAMES) + "某" + str(person), "1" if person % 2 else "2",
                          f"{1950 + person % 60}-0{1 + person % 9}-1{person % 9}", f"41070219{50 + person % 40}0101{1000 + person:04d}",
                          "21" if i % 3 else "11", "1", "0", f"H{i % 4:03d}", f"医院{i % 4}", str(begin), str(end),
                          f"{end} 1{i % 10}:00:00", f"{total // 100}.{total % 100:02d}", f"{total // 100}.{total % 100:02d}",
                          f"{hifp // 100}.{hifp % 100:02d}", f"{hifob // 100}.{hifob % 100:02d}"])
    return [cat, setl, lines]


def figures(ws, files: list[Path]) -> dict:
    out = {}
    res = import_service.import_files(ws, files)
    out["import"] = [(r.kind, r.rows, r.inserted, r.updated, r.unchanged, r.rejected) for r in res]
    doc = ss.screen_json(ws, ss.run_screen(ws))
    doc.pop("run_id")
    out["screen"] = doc
    samples = {}
    for method, extra in (("srs", {"rate": "0.2"}), ("stratified", {"size": 40, "strata": ["fixmedins_code"]}),
                          ("pps", {"size": 30})):
        plan = svc.Plan(method=method, seed="2026", date_from="2025-01-01", date_to="2025-12-31", **extra)
        d = svc.draw_and_store(ws, plan)
        samples[method] = d
        out[f"sample_{method}"] = {k: d[k] for k in ("frame_size", "frame_sha256", "strata", "selected")}
        out[f"verify_{method}"] = svc.verify(ws, d["sample_id"])
    out["verify_srs"].pop("sample_id", None)
    # review the srs sample the same way on both: a finding on every third unit
    svc.assign(ws, samples["srs"]["sample_id"], ["reviewer"])
    rv = login(ws.store.path, "reviewer")
    try:
        cat = violations()[0].code
        with ws.store.read() as s:
            unit_ids = s.execute(select(ReviewUnitRow.id).where(ReviewUnitRow.sample_id == samples["srs"]["sample_id"])
                                 .order_by(ReviewUnitRow.setl_id)).scalars().all()
        for k, uid in enumerate(unit_ids):
            if k % 3 == 0:
                rs.create_finding(rv, uid, [], cat, amount=100 * (k + 1), amount_reason="测试")
                rs.decide_unit(rv, uid, "violation")
            else:
                rs.decide_unit(rv, uid, "compliant")
        ap = appraisal_service.appraise_sample(ws, samples["srs"]["sample_id"])
        ap.pop("sample_id", None)
        out["appraisal"] = ap
        did = ds.build(rv, sample_id=samples["srs"]["sample_id"])
        snap = ds.snapshot(rv, did)
        out["dossier"] = {k: snap[k] for k in ("frame", "violations", "violations_total") if k in snap}
    finally:
        rv.close()
    for v in ("verify_stratified", "verify_pps"):
        out[v].pop("sample_id", None)
    return out


def test_same_figures_on_a_local_store_and_on_the_server(tmp_path, pg_cluster, pg_database):
    files = write_files(tmp_path / "files")
    local = new_store(tmp_path / "local")
    server = new_server_store(pg_cluster, pg_database)
    try:
        a, b = figures(local, files), figures(server, files)
    finally:
        local.close()
        server.close()
    assert a["screen"]["flags"] and len(a["screen"]["summary"]) >= 8  # the data exercises the rules
    assert sum(1 for r in a["screen"]["summary"].values() if r["count"]) >= 5
    for key in a:
        assert a[key] == b[key], key
