"""National-export realities (data-format.md): optional fee-line money columns, reversed settlements,
sex codes 0 and 9, catalog gend_lmt 0; and the fund basis they allow (sampling.md, "Amount basis")."""
from __future__ import annotations

import datetime as dt
import uuid
from fractions import Fraction

from sqlalchemy import select

from workstation.services import appraisal_service, screening_service
from workstation.services import sampling_service as svc
from workstation.services.amount_basis import fund_amount, line_in_scope
from workstation.services.import_service import import_files
from workstation.services.sampling_service import Plan
from workstation.store.models.claims import CatalogItemRow, FeeLineRow, SettlementRow
from workstation.store.models.review import FindingLineRow, FindingRow, ReviewUnitRow

SETTLEMENT_HEAD = ("setl_id,psn_no,gend,med_type,setl_type,fixmedins_code,begndate,enddate,setl_time,medfee_sumamt,"
                   "inscp_scp_amt,hifp_pay,hifob_pay,refd_setl_flag,init_setl_id\n")


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_reversals_pairs_and_orphans_are_marked_listed_and_left_out_of_frames(ws, tmp_path):
    rows = [f"S{i:03d},P1,{'0' if i == 1 else '9' if i == 2 else '1'},21,1,H01,2025-01-02,2025-01-05,"
            f"2025-01-05 10:00:00,1000.00,800.00,600.00,0,," for i in range(10)]
    rows += ["R001,P1,1,21,1,H01,2025-01-02,2025-01-05,2025-01-06 10:00:00,-1000.00,-800.00,-600.00,0,1,S003",
             "R002,P1,1,21,1,H01,2025-01-02,2025-01-05,2025-01-06 11:00:00,-50.00,0,0,0,1,GONE"]
    res, = import_files(ws, [_write(tmp_path, "s.csv", SETTLEMENT_HEAD + "\n".join(rows) + "\n")])
    assert res.reversed_pairs == [("R001", "S003")] and res.orphan_reversals == [("R002", "GONE")]
    assert any("R001→S003" in line for line in res.reversal_lines("zh_CN"))
    assert set(res.to_json()) == {"file", "kind", "rows", "inserted", "updated", "unchanged", "rejected"}
    with ws.store.read() as s:
        marked = set(s.execute(select(SettlementRow.setl_id).where(SettlementRow.reversed.is_(True))).scalars())
        gend = dict(s.execute(select(SettlementRow.setl_id, SettlementRow.gend)).all())
    assert marked == {"R001", "S003", "R002"}
    assert gend["S001"] == "0" and gend["S002"] == "9"
    d = svc.preview(ws, Plan(method="census", seed="x"))
    assert d.frame_size == 9  # S000..S009 without S003; no reversal
    # an orphan's original arriving later is marked then
    res2, = import_files(ws, [_write(tmp_path, "s2.csv", SETTLEMENT_HEAD + "GONE,P1,1,21,1,H01,2025-01-02,"
                                     "2025-01-05,2025-01-04 10:00:00,50.00,0,0,0,,\n")])
    assert ("R002", "GONE") in res2.reversed_pairs and res2.orphan_reversals == []


def test_rules_leave_reversed_settlements_out(ws, tmp_path):
    head = SETTLEMENT_HEAD
    rows = ["A1,P1,1,21,1,H01,2025-01-02,2025-01-05,2025-01-05 10:00:00,1000.00,800.00,600.00,0,,",
            "A2,P1,1,21,1,H01,2025-01-02,2025-01-05,2025-01-05 10:00:00,1000.00,800.00,600.00,0,,",
            "RA,P1,1,21,1,H01,2025-01-02,2025-01-05,2025-01-06 10:00:00,-1000.00,-800.00,-600.00,0,1,A1"]
    import_files(ws, [_write(tmp_path, "s.csv", head + "\n".join(rows) + "\n")])
    result = screening_service.run_screen(ws, ["DUPLICATE_SETTLEMENT"])
    from workstation.store.models.screening import FlagRow

    with ws.store.read() as s:
        flagged = set(s.execute(select(FlagRow.setl_id)).scalars())
    assert result is not None and not flagged & {"A1", "RA"}
    assert "A2" not in flagged  # its twin A1 was reversed: no duplicate left


def test_fee_line_money_columns_and_catalog_gend_lmt_zero(ws, tmp_path):
    import_files(ws, [_write(tmp_path, "s.csv", SETTLEMENT_HEAD + "F1,P1,1,21,1,H01,2025-01-02,2025-01-05,"
                             "2025-01-05 10:00:00,300.00,200.00,150.00,10.00,,\n"),
                      _write(tmp_path, "f.csv", "feedetl_sn,setl_id,med_list_codg,fee_ocur_time,cnt,pric,"
                             "det_item_fee_sumamt,fulamt_ownpay_amt,overlmt_amt,preselfpay_amt,inscp_scp_amt\n"
                             "1,F1,X1,2025-01-03 08:00:00,1,100.00,100.00,,,,80.00\n"
                             "2,F1,X2,2025-01-03 08:00:00,2,100.00,200.00,50.00,10.00,20.00,\n"),
                      _write(tmp_path, "c.csv", "med_list_codg,hilist_name,gend_lmt\nX1,甲,0\nX2,乙,2\n")])
    with ws.store.read() as s:
        lines = {r[0]: r[1:] for r in s.execute(select(
            FeeLineRow.feedetl_sn, FeeLineRow.fulamt_ownpay_amt, FeeLineRow.overlmt_amt, FeeLineRow.preselfpay_amt,
            FeeLineRow.inscp_scp_amt))}
        cat = dict(s.execute(select(CatalogItemRow.med_list_codg, CatalogItemRow.gend_lmt)).all())
    assert lines["1"] == (None, None, None, 80_00)
    assert lines["2"] == (50_00, 10_00, 20_00, None)
    assert line_in_scope(200_00, 50_00, 10_00, 20_00, None) == 120_00
    assert line_in_scope(100_00, None, 10_00, 20_00, None) is None
    assert cat == {"X1": None, "X2": "2"}


def test_fund_amount_by_hand():
    # lines: (det, in scope) = (100, 80) and (200, 120); A = 150 → I = 150 × 200/300 = 100;
    # fund = 100 × (150 + 10) / 200 = 80.00
    assert fund_amount(150_00, [(100_00, 80_00), (200_00, 120_00)], 300_00, 200_00, 160_00) == 80_00
    # without lines: I = A × inscp / medfee = 30 × 200/300 = 20; fund = 20 × 160/200 = 16.00
    assert fund_amount(30_00, None, 300_00, 200_00, 160_00) == 16_00
    # rounded once, half away from zero: 1 fen × 1/2 → 1 fen; −1 fen → −1 fen
    assert fund_amount(1, None, 2, 2, 1) == 1 and fund_amount(-1, None, 2, 2, 1) == -1
    assert fund_amount(5_00, None, 0, 0, 0) == 0


def _unit_with_finding(ws, sample_id, setl_id, amount, line_ids=()):
    with ws.store.session() as s:
        u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=setl_id, sample_id=sample_id, source="sample",
                          assigned_to="reviewer", status="violation" if amount else "compliant",
                          decided_at=dt.datetime(2025, 6, 1))
        s.add(u)
        s.flush()
        if amount:
            f = FindingRow(uuid=str(uuid.uuid4()), unit_id=u.id, category="over_standard", amount=amount,
                           status="confirmed", created_by="reviewer", updated_by="reviewer")
            s.add(f)
            s.flush()
            s.add_all([FindingLineRow(finding_id=f.id, fee_line_id=i) for i in line_ids])


def test_appraisal_in_fund_money_when_every_unit_allows_it_else_charged(ws, tmp_path):
    srows = [f"G{i:02d},P1,1,21,1,H01,2025-01-02,2025-01-05,2025-01-05 10:00:00,300.00,200.00,150.00,10.00,,"
             for i in range(8)]
    flines = [f"{k},G{i:02d},X1,2025-01-03 08:00:00,1,150.00,150.00,,,,100.00" for i in range(8) for k in (1, 2)]
    import_files(ws, [_write(tmp_path, "s.csv", SETTLEMENT_HEAD + "\n".join(srows) + "\n"),
                      _write(tmp_path, "f.csv", "feedetl_sn,setl_id,med_list_codg,fee_ocur_time,cnt,pric,"
                             "det_item_fee_sumamt,fulamt_ownpay_amt,overlmt_amt,preselfpay_amt,inscp_scp_amt\n"
                             + "\n".join(flines) + "\n")])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="f", size=4))
    with ws.store.read() as s:
        line_of = {(r.setl_id, r.feedetl_sn): r.id for r in s.execute(select(FeeLineRow)).scalars()}
    for sid in out["selected"]:
        _unit_with_finding(ws, out["sample_id"], sid, 150_00, [line_of[(sid, "1")]])
    a = appraisal_service.appraise_sample(ws, out["sample_id"])["appraisal"]
    # I = 150 × 100/150 = 100; fund = 100 × 160/200 = 80.00 per unit
    assert a["amount_basis"] == "fund" and a["found"] == "320.00"
    assert a["estimators"][1]["name"] == "ratio"  # book value hifp + hifob = 160.00 per unit
    from workstation.services import dossier_service as ds

    snap = ds.snapshot(ws, ds.build(ws, sample_id=out["sample_id"]))
    assert snap["appraisal"] == a
    assert {(f["amount"], f["fund_amount"]) for f in snap["findings"]} == {("150.00", "80.00")}
    with ws.store.session() as s:  # one line of one unit loses its in-scope amount: all charged
        s.execute(FeeLineRow.__table__.update().where(FeeLineRow.id == line_of[(out["selected"][0], "2")])
                  .values(inscp_scp_amt=None))
    b = appraisal_service.appraise_sample(ws, out["sample_id"])["appraisal"]
    assert b["amount_basis"] == "charged" and b["found"] == "600.00"
    assert Fraction(b["point"]) != Fraction(a["point"])


def test_prices_and_caps_with_six_decimals_are_kept_exactly(ws, tmp_path):
    from workstation.core import import_format as fmt

    import_files(ws, [_write(tmp_path, "s.csv", SETTLEMENT_HEAD + "X1,P1,1,21,1,H01,2025-01-02,2025-01-05,"
                             "2025-01-05 10:00:00,10.00,10.00,5.00,0,,\n"),
                      _write(tmp_path, "f.csv", "feedetl_sn,setl_id,med_list_codg,fee_ocur_time,cnt,pric,"
                             "det_item_fee_sumamt,pric_uplmt_amt\n"
                             "1,X1,C1,2025-01-03 08:00:00,3,0.123456,0.37,0.120005\n"
                             "2,X1,C1,2025-01-03 08:00:00,1,12.5,12.50,\n"),
                      _write(tmp_path, "c.csv", "med_list_codg,hilist_name,pric_uplmt_amt\nC1,甲,1.234567\n")])
    with ws.store.read() as s:
        rows = {r[0]: r[1:] for r in s.execute(select(FeeLineRow.feedetl_sn, FeeLineRow.pric, FeeLineRow.pric_micro,
                                                      FeeLineRow.pric_uplmt_amt, FeeLineRow.pric_uplmt_micro))}
        cat = s.execute(select(CatalogItemRow.pric_uplmt_amt, CatalogItemRow.pric_uplmt_micro)).one()
    assert rows["1"] == (12, 123_456, 12, 120_005)  # 0.123456 → 12 fen (half up), exact kept
    assert rows["2"] == (12_50, 12_500_000, None, None)
    assert tuple(cat) == (123, 1_234_567)
    assert fmt.price_text(123_456) == "0.123456" and fmt.price_text(12_500_000) == "12.50"
    assert fmt.price_fen(-5_000) == -1 and fmt.price_fen(4_999) == 0
    bad = _write(tmp_path, "bad.csv", "feedetl_sn,setl_id,med_list_codg,fee_ocur_time,cnt,pric,det_item_fee_sumamt\n"
                 "9,X1,C1,2025-01-03 08:00:00,1,0.1234567,0.12\n")
    import pytest
    from workstation.services.import_service import ImportRejected

    with pytest.raises(ImportRejected) as exc:
        import_files(ws, [bad])
    assert exc.value.first.column == "pric"
