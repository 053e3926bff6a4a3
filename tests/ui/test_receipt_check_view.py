"""The counter's receipt check driven by the keyboard alone (scanner payloads typed as key events)."""
from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from tests.support.counter_data import seed_manual
from tests.support.screens import has_ink, save_screenshot
from workstation.core.receipts import ReceiptEntry, format_fields_payload
from workstation.services import audit_service, receipt_service as rs
from workstation.store.models.claims import SettlementRow
from workstation.store.models.counter import ReceiptCheckRow, ReceiptRow
from workstation.store.models.identity import EventRow
from workstation.store.models.review import FindingRow

SIZE = (1366, 768)
N = 25  # settlements, two receipts each: 50 receipts


def idle(qtbot, ctx, timeout=10_000):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)


def make_view(qtbot, ctx):
    from workstation.ui.views.receipt_check_view import ReceiptCheckView

    view = ReceiptCheckView(ctx)
    qtbot.addWidget(view)
    view.resize(*SIZE)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    idle(qtbot, ctx)
    return view


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _type_enter(qtbot, widget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_fifty_receipts_by_keyboard_alone(ws, as_user, make_ctx, qtbot):
    ids = seed_manual(ws, N, lines=3)
    with ws.store.read() as s:
        amounts = {sid: (st.medfee_sumamt, st.begndate) for sid, st in
                   ((sid, s.get(SettlementRow, sid)) for sid in ids)}
    rev = as_user("reviewer")
    ctx = make_ctx(rev)
    view = make_view(qtbot, ctx)
    assert view.item is None
    qtbot.keyClick(view.bill_no, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # take a batch
    qtbot.waitUntil(lambda: view.item is not None, timeout=10_000)
    assert view.item.setl_id == ids[0] and view.item.batch_size == N

    short = {4: 1234, 11: 56_78}  # settlement index → fen missing from the keyed receipt
    duplicate_at, duplicate_of = 19, 2  # settlement 19 presents settlement 2's keyed receipt again
    keyed_no = {}
    for i, sid in enumerate(ids):
        assert view.item.setl_id == sid
        total, day = amounts[sid]
        first = total // 3
        scanned = ReceiptEntry(f"{i:04d}000001", day, "", first, bill_code="41060125", check_code=f"{i:02d}ab3f")
        _type_enter(qtbot, view.bill_no, format_fields_payload(scanned))  # the scanner types, then Enter
        assert view.receipts[-1].source == "scanned" and view.receipts[-1].total == first
        second = total - first - short.get(i, 0)
        keyed_no[i] = keyed_no[duplicate_of] if i == duplicate_at else f"{i:04d}000002"
        _type_enter(qtbot, view.bill_no, keyed_no[i])
        assert view.bill_date.hasFocus()
        qtbot.keyClick(view.bill_date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _type_enter(qtbot, view.bill_date, day.replace("-", ""))
        assert view.institution.hasFocus()
        qtbot.keyClick(view.institution, Qt.Key.Key_Return)  # the settlement's institution, as printed
        _type_enter(qtbot, view.total, _yuan(second))
        assert len(view.receipts) == 2 and view.bill_no.hasFocus()
        if i in short or i == duplicate_at:
            qtbot.keyClick(view.bill_no, Qt.Key.Key_Return)  # first Enter: the difference is shown
            qtbot.waitUntil(lambda: view._ack is not None, timeout=10_000)
            assert "发现差异" in view.message.text()
        with qtbot.waitSignal(view.item_loaded, timeout=10_000):
            qtbot.keyClick(view.bill_no, Qt.Key.Key_Return)  # confirm and move on
    idle(qtbot, ctx)
    assert view.item is None

    with ws.store.read() as s:
        checks = s.execute(select(ReceiptCheckRow).order_by(ReceiptCheckRow.id)).scalars().all()
        assert len(checks) == N and {c.checked_by for c in checks} == {"reviewer"}
        diff = {c.setl_id: json.loads(c.problems) for c in checks if c.result == "difference"}
        assert set(diff) == {ids[4], ids[11], ids[duplicate_at]}
        assert [(p["kind"], p["amount"]) for p in diff[ids[4]]] == [("sum", 1234)]
        assert [(p["kind"], p["amount"]) for p in diff[ids[11]]] == [("sum", 56_78)]
        dup = diff[ids[duplicate_at]]
        assert [(p["kind"], p["other_setl_id"]) for p in dup] == [("duplicate", ids[duplicate_of])]
        receipts = s.execute(select(ReceiptRow)).scalars().all()
        assert len(receipts) == 50
        assert sorted(r.source for r in receipts).count("scanned") == 25
        assert all(r.checked_by == "reviewer" and r.checked_at for r in receipts)
        findings = {f.id: (f.category, f.amount, f.status) for f in s.execute(select(FindingRow)).scalars()}
        expected_dup_amount = amounts[ids[duplicate_at]][0] - amounts[ids[duplicate_at]][0] // 3
        assert sorted(findings.values()) == sorted([("other", 1234, "doubtful"), ("other", 56_78, "doubtful"),
                                                    ("duplicate_reimbursement", expected_dup_amount, "doubtful")])
        actions = dict(s.execute(select(EventRow.action, func.count()).where(EventRow.action.like("receipt.%"))
                                 .group_by(EventRow.action)).all())
        assert actions == {"receipt.batch.assign": 1, "receipt.check": N, "receipt.check.findings": 3}
        creators = set(s.execute(select(EventRow.user).where(EventRow.action.like("receipt.%"))).scalars())
        assert creators == {"reviewer"}
    assert rs.receipts_checked(ws, dt.date.today(), dt.date.today()) == 50
    assert audit_service.verify(ws).valid
    assert "50" in view.rate_label.text()


def test_receipt_check_screens(ws, as_user, make_ctx, qtbot, translations):
    ids = seed_manual(ws, 6, lines=3)
    rev = as_user("reviewer")
    rs.assign_batch(rev, 6)
    for sid in ids[:2]:
        from tests.support.counter_data import receipts_for
        rs.save_check(rev, sid, receipts_for(ws, sid))
    for lang in ("zh_CN", "en"):
        ctx = make_ctx(rev, lang)
        view = make_view(qtbot, ctx)
        item = view.item
        scanned = ReceiptEntry("0000000301", item.begndate, "", item.medfee_sumamt // 2, "41060125", "c3d9e1")
        _type_enter(qtbot, view.bill_no, format_fields_payload(scanned))
        _type_enter(qtbot, view.bill_no, "0000000302")
        _type_enter(qtbot, view.bill_date, "")
        qtbot.keyClick(view.institution, Qt.Key.Key_Return)
        _type_enter(qtbot, view.total, _yuan(item.medfee_sumamt - item.medfee_sumamt // 2 - 1000))
        qtbot.keyClick(view.bill_no, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view._ack is not None, timeout=10_000)
        path = save_screenshot(view, f"receipt_check_{lang}", SIZE)
        assert has_ink(path)
        assert view.minimumSizeHint().width() <= SIZE[0] and view.minimumSizeHint().height() <= SIZE[1]
        view.close()


def test_scans_made_while_the_previous_settlement_saves_are_kept(ws, as_user, make_ctx, qtbot):
    """A scanner does not wait: the next receipt scanned right after Enter lands on the next settlement."""
    ids = seed_manual(ws, 3, lines=2)
    rev = as_user("reviewer")
    rs.assign_batch(rev, 3)
    ctx = make_ctx(rev)
    view = make_view(qtbot, ctx)
    with ws.store.read() as s:
        totals = {sid: (s.get(SettlementRow, sid).medfee_sumamt, s.get(SettlementRow, sid).begndate) for sid in ids}
    for i, sid in enumerate(ids[:2]):
        total, day = totals[sid]
        if i == 0:
            _type_enter(qtbot, view.bill_no, format_fields_payload(ReceiptEntry(f"{i}000000001", day, "", total,
                                                                                "41060125", "aa11bb")))
        qtbot.keyClick(view.bill_no, Qt.Key.Key_Return)  # confirm: save and load run on the worker
        assert view._busy  # results come back through the event loop, which has not run yet
        nxt, (t2, d2) = ids[i + 1], totals[ids[i + 1]]
        # scanned at once, before the next settlement has come up
        _type_enter(qtbot, view.bill_no, format_fields_payload(ReceiptEntry(f"{i + 1}000000001", d2, "", t2,
                                                                            "41060125", "cc22dd")))
        qtbot.waitUntil(lambda: view.item is not None and view.item.setl_id == nxt and len(view.receipts) == 1,
                        timeout=10_000)
        assert view.receipts[0].bill_no == f"{i + 1}000000001"
    with qtbot.waitSignal(view.item_loaded, timeout=10_000):
        qtbot.keyClick(view.bill_no, Qt.Key.Key_Return)
    idle(qtbot, ctx)
    with ws.store.read() as s:
        got = dict(s.execute(select(ReceiptRow.setl_id, ReceiptRow.bill_no)).all())
        results = set(s.execute(select(ReceiptCheckRow.result)).scalars())
    assert got == {ids[0]: "0000000001", ids[1]: "1000000001", ids[2]: "2000000001"} and results == {"match"}


def test_a_settlement_outside_the_batches_by_keyboard(ws, as_user, make_ctx, qtbot):
    ids = seed_manual(ws, 2, lines=2)
    rev = as_user("reviewer")
    ctx = make_ctx(rev)
    view = make_view(qtbot, ctx)
    assert view.item is None  # no batch taken
    qtbot.keyClick(view.bill_no, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert view.goto.hasFocus()
    with qtbot.waitSignal(view.item_loaded, timeout=10_000):
        _type_enter(qtbot, view.goto, ids[1])
    assert view.item.setl_id == ids[1] and view.item.batch_id is None
    with ws.store.read() as s:
        total, day = s.get(SettlementRow, ids[1]).medfee_sumamt, s.get(SettlementRow, ids[1]).begndate
    _type_enter(qtbot, view.bill_no, format_fields_payload(ReceiptEntry("7000000001", day, "", total, "41060125",
                                                                        "ee33ff")))
    with qtbot.waitSignal(view.item_loaded, timeout=10_000):
        qtbot.keyClick(view.bill_no, Qt.Key.Key_Return)
    assert view.item is None and "7000000001" not in view.bill_no.text()
    with ws.store.read() as s:
        assert s.execute(select(ReceiptCheckRow.setl_id, ReceiptCheckRow.batch_id)).all() == [(ids[1], None)]
    # checked once: asking for it again says so
    _type_enter(qtbot, view.goto, ids[1])
    idle(qtbot, ctx)
    assert "已核对" in view.message.text()


def test_supervisor_hands_a_batch_to_a_checker(ws, as_user, make_ctx, qtbot):
    seed_manual(ws, 4, lines=2)
    sup = as_user("supervisor")
    ctx = make_ctx(sup)
    view = make_view(qtbot, ctx)
    qtbot.waitUntil(lambda: view.for_user.count() > 0, timeout=10_000)
    assert view.for_user.currentData() == "supervisor"
    view.for_user.setCurrentIndex(view.for_user.findData("reviewer"))
    view.size_box.setValue(3)
    qtbot.keyClick(view.bill_no, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, ctx)
    assert "reviewer" in view.message.text() and view.item is None  # the batch is the reviewer's, not mine
    [b] = rs.batches(ws, user="reviewer")
    assert (b.size, b.assigned_to) == (3, "reviewer")
    rev_view_ctx = make_ctx(as_user("reviewer"))
    rev_view = make_view(qtbot, rev_view_ctx)
    assert not rev_view.for_user.isVisible() and rev_view.item is not None and rev_view.item.batch_id == b.id
