import datetime as dt
import json

import pytest
from sqlalchemy import select

from tests.support.counter_data import receipts_for, seed_manual
from workstation.core.errors import BadInput, Conflict, NotPermitted
from workstation.core.receipts import ReceiptEntry
from workstation.services import audit_service, receipt_service as rs, review_service
from workstation.services.receipt_import import ReceiptsRejected, import_receipts
from workstation.store.models.counter import ReceiptCheckRow, ReceiptRow
from workstation.store.models.identity import EventRow
from workstation.store.models.review import FindingRow


def _events(ws, prefix):
    with ws.store.read() as s:
        return [(e.action, e.user, json.loads(e.details)) for e in s.execute(
            select(EventRow).where(EventRow.action.like(prefix + "%")).order_by(EventRow.seq)).scalars()]


def test_batch_next_and_a_matching_check(ws, as_user):
    ids = seed_manual(ws, 5)
    rev = as_user("reviewer")
    with pytest.raises(NotPermitted):
        rs.assign_batch(rev, 3, user="reviewer2")
    b = rs.assign_batch(rev, 3)
    assert (b.size, b.assigned_to) == (3, "reviewer")
    item = rs.next_item(rev)
    assert item.setl_id == ids[0] and item.batch_done == 0 and item.person.startswith("410702")
    assert "*" in item.person
    saved = rs.save_check(rev, item.setl_id, receipts_for(ws, item.setl_id), batch_id=b.id)
    assert saved.result == "match" and saved.finding_ids == ()
    nxt = rs.next_item(rev)
    assert nxt.setl_id == ids[1] and nxt.batch_done == 1
    with pytest.raises(Conflict):
        rs.save_check(rev, item.setl_id, receipts_for(ws, item.setl_id))
    with ws.store.read() as s:
        rows = [(r.checked_by, r.checked_at) for r in
                s.execute(select(ReceiptRow).where(ReceiptRow.setl_id == ids[0])).scalars()]
    assert len(rows) == 2 and {r[0] for r in rows} == {"reviewer"} and all(r[1] for r in rows)
    assert rs.receipts_checked(ws, dt.date.today(), dt.date.today()) == 2
    assert rs.receipts_checked(ws, dt.date(2020, 1, 1), dt.date.today() - dt.timedelta(days=1)) == 0
    ev = _events(ws, "receipt.")
    assert [e[0] for e in ev] == ["receipt.batch.assign", "receipt.check"]
    assert ev[1][1] == "reviewer" and ev[1][2]["result"] == "match"
    # the other checker's batch skips what is already assigned
    b2 = rs.assign_batch(as_user("reviewer2"), 10)
    assert b2.size == 2
    assert audit_service.verify(ws).valid


def test_differences_become_doubtful_findings_with_the_amount_in_question(ws, as_user):
    ids = seed_manual(ws, 3)
    rev = as_user("reviewer")
    first = receipts_for(ws, ids[0])
    rs.save_check(rev, ids[0], first)
    short = receipts_for(ws, ids[1])
    short[1] = ReceiptEntry(short[1].bill_no, short[1].bill_date, short[1].institution, short[1].total - 1234)
    v = rs.validate(rev, ids[1], short)
    assert v.difference == 1234 and [p.kind for p in v.problems] == ["sum"]
    saved = rs.save_check(rev, ids[1], short)
    assert saved.result == "difference" and len(saved.finding_ids) == 1
    # the first settlement's receipt presented again for the third
    again = receipts_for(ws, ids[2])[:1] + [first[0]]
    saved3 = rs.save_check(rev, ids[2], again)
    kinds = sorted(p.kind for p in saved3.problems)
    assert "duplicate" in kinds
    with ws.store.read() as s:
        f = s.get(FindingRow, saved.finding_ids[0])
        assert (f.amount, f.status, f.category, f.created_by) == (1234, "doubtful", "other", "reviewer")
        dup = [s.get(FindingRow, i) for i in saved3.finding_ids]
        assert any(d.category == "duplicate_reimbursement" and d.amount == first[0].total for d in dup)
        chk = s.execute(select(ReceiptCheckRow).where(ReceiptCheckRow.setl_id == ids[1])).scalar_one()
        assert json.loads(chk.finding_ids) == list(saved.finding_ids) and chk.difference == 1234
    q = review_service.queue(rev)
    assert {i.setl_id for i in q.items} == {ids[1], ids[2]} and all(i.source == "receipt" for i in q.items)
    t = rs.throughput(rev)
    assert (t.settlements, t.receipts, t.differences) == (3, 6, 2)
    actions = [e[0] for e in _events(ws, "receipt.check")]
    assert actions == ["receipt.check", "receipt.check", "receipt.check.findings", "receipt.check",
                       "receipt.check.findings"]


def test_direct_settlements_are_refused(ws):
    from tests.support.review_data import seed_units

    data = seed_units(ws, n=1)
    with pytest.raises(BadInput):
        rs.save_check(ws, data["setl"][0] if data["setl"] else "T0100000", [])


def _write(path, rows, header="票据号码,结算ID,开票日期,开票单位,金额"):
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="gbk")
    return path


def test_import_is_all_or_nothing_with_rows_and_columns(ws, tmp_path):
    ids = seed_manual(ws, 2)
    bad = _write(tmp_path / "bad.csv", [f"0001,{ids[0]},2025/3/1,新乡市第一人民医院,12.50",
                                        f"0002,{ids[0]},2025-13-01,新乡市第一人民医院,1.00",
                                        f"0003,NOPE,2025-03-01,新乡市第一人民医院,abc",
                                        f"0001,{ids[0]},2025-03-01,新乡市第一人民医院,12.50"])
    with pytest.raises(ReceiptsRejected) as ei:
        import_receipts(ws, bad)
    got = [(r.row, r.column.split("（")[0]) for r in ei.value.rejections]
    assert got == [(3, "bill_date"), (4, "total"), (5, "bill_no")]
    assert "第 3 行" in ei.value.rejections[0].message("zh_CN")
    with ws.store.read() as s:
        assert s.execute(select(ReceiptRow)).first() is None
    good = _write(tmp_path / "good.csv", [f"0001,{ids[0]},2025/3/1,新乡市第一人民医院,12.50",
                                          f"0002,{ids[1]},20250302,新乡市第一人民医院,7"])
    r1 = import_receipts(ws, good)
    assert (r1.rows, r1.inserted, r1.unchanged) == (2, 2, 0)
    r2 = import_receipts(ws, good)
    assert (r2.inserted, r2.unchanged) == (0, 2)
    item = rs.item_for(ws, ids[0])
    assert [(r.bill_no, r.total, r.source) for r in item.receipts] == [("0001", 1250, "imported")]
    assert [e[0] for e in _events(ws, "receipt.import")] == ["receipt.import"]
