"""Others' changes reach this window's lists, and the record view names who else is on a unit."""
from __future__ import annotations

from tests.support.review_data import seed_units
from tests.support.screens import save_screenshot
from tests.support.stores import login, new_server_store
from workstation.services import activity_service as act, review_service as rs
from workstation.ui.office_watch import OfficeWatcher


def test_a_change_on_another_workstation_refreshes_lists_within_five_seconds(ws, make_ctx, qtbot):
    units = seed_units(ws, n=1, reviewer="reviewer")["units"]
    ctx = make_ctx(login(ws.store.path, "reviewer"))
    watcher = OfficeWatcher(ctx, interval_ms=500)
    with qtbot.waitSignal(watcher.timer.timeout, timeout=5000):
        watcher.start()
    qtbot.waitUntil(lambda: watcher.seq is not None, timeout=5000)
    other = login(ws.store.path, "supervisor")
    try:
        with qtbot.waitSignal(ctx.bus.data_changed, timeout=5000, check_params_cb=lambda area: area == "review"):
            rs.decide_unit(other, units[0], "compliant")
    finally:
        other.close()
        watcher.stop()
        ctx.ws.close()


def test_record_view_names_who_else_has_the_unit_open(pg_cluster, pg_database, make_ctx, qtbot, artifacts):
    from workstation.ui.review.record_view import RecordView

    server = new_server_store(pg_cluster, pg_database)
    try:
        units = seed_units(server, n=1, reviewer="reviewer")["units"]
        sv = login(server.store.path, "supervisor")
        act.enter_unit(sv, units[0])
        for lang in ("zh_CN", "en"):
            rv = login(server.store.path, "reviewer")
            ctx = make_ctx(rv, lang)
            view = RecordView(ctx)
            qtbot.addWidget(view)
            view.resize(1366, 768)
            view.show()
            with qtbot.waitSignal(view.loaded, timeout=15000):
                view.open_unit(units[0])
            qtbot.waitUntil(lambda: "supervisor" in view.title.text(), timeout=10000)
            save_screenshot(view, f"office-presence-{lang}")
            view._presence.stop()
            view.close()
            rv.close()
        sv.close()
    finally:
        server.close()
