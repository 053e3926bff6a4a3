"""Operations say what they changed: ctx.run publishes a Changes on the bus and views refresh themselves."""
from __future__ import annotations

from dataclasses import dataclass

from tests.support.review_data import seed_units
from tests.ui.test_queue_view import idle, make_view
from workstation.core.changes import Area, Changes
from workstation.core.errors import BadInput


def _listen(bus):
    got, legacy = [], []
    bus.changes.connect(got.append)
    bus.data_changed.connect(legacy.append)
    return got, legacy


def test_run_publishes_what_the_job_changed_after_success(ws, make_ctx, qtbot):
    ctx = make_ctx(ws)
    got, legacy = _listen(ctx.bus)
    order = []
    ctx.bus.changes.connect(lambda _c: order.append("published"))
    handle = ctx.run(lambda p: 7, on_success=lambda _r: order.append("on_success"),
                     changes=Changes.of(Area.REVIEW, units=[3]))
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert got == [Changes.of(Area.REVIEW, units=[3])] and legacy == ["review"]
    assert order == ["on_success", "published"]  # the writer's own view first, then everyone else


@dataclass(frozen=True)
class _Saved:
    id: int
    changes: Changes


def test_a_result_that_carries_its_changes_is_published_and_a_failure_publishes_nothing(ws, make_ctx, qtbot):
    ctx = make_ctx(ws)
    got, _ = _listen(ctx.bus)
    ok = ctx.run(lambda p: _Saved(5, Changes.of(Area.DOSSIERS, dossiers=[5])))
    qtbot.waitUntil(lambda: ok.done, timeout=5000)

    def fail(p):
        raise BadInput()

    bad = ctx.run(fail, changes=Changes.of(Area.FLAGS), on_failure=lambda e: None)
    qtbot.waitUntil(lambda: bad.done, timeout=5000)
    assert got == [Changes.of(Area.DOSSIERS, dossiers=[5])]


def test_the_older_area_signal_still_reaches_changes_subscribers_once(ws, make_ctx):
    ctx = make_ctx(ws)
    got, legacy = _listen(ctx.bus)
    ctx.bus.data_changed.emit("samples")
    ctx.bus.publish(Changes.of(Area.CLAIMS, Area.ROSTER))
    assert got == [Changes.of(Area.SAMPLES), Changes.of(Area.CLAIMS, Area.ROSTER)]
    assert legacy == ["samples", "claims", "roster"]


def test_changes_merge_and_test_areas():
    a = Changes.of(Area.REVIEW, units=[1])
    b = Changes.of(Area.SAMPLES, units=[2], samples=[9])
    both = a | b
    assert both.touches(Area.SAMPLES) and both.touches("review") and not both.touches(Area.ROSTER)
    assert both.units == {1, 2} and both.samples == {9}
    assert not Changes() and bool(a)


def test_a_view_learns_of_a_change_made_elsewhere(ws, as_user, make_ctx, qtbot):
    """What the office server will do: someone else adds work; one published Changes updates the queue."""
    seed_units(ws, n=2, lines=2)
    ctx = make_ctx(as_user("reviewer"))
    view = make_view(qtbot, ctx)
    assert view.model.rowCount() == 2
    more = seed_units(ws, n=1, lines=2, seed=7, prefix="X")  # another user's write, not through this window
    idle(qtbot, ctx)
    assert view.model.rowCount() == 2
    ctx.bus.publish(Changes.of(Area.REVIEW, units=more["units"], origin="office"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)


def test_a_write_returns_what_it_changed_opening_a_pending_unit_starts_it(ws, as_user):
    from workstation.services import review

    data = seed_units(ws, n=1, lines=2)
    rev = as_user("reviewer")
    uid = data["units"][0]
    first = review.unit_view(rev, uid, start=True)
    assert first.unit.status == review.UnitStatus.IN_PROGRESS
    assert first.changes == Changes.of(Area.REVIEW, units=[uid])
    assert review.unit_view(rev, uid, start=True).changes is None  # nothing changed the second time


def test_the_queue_shows_a_unit_started_by_opening_it(ws, as_user, make_ctx, qtbot):
    seed_units(ws, n=2, lines=2)
    ctx = make_ctx(as_user("reviewer"))
    view = make_view(qtbot, ctx)  # opens the first pending unit, which starts it
    qtbot.waitUntil(lambda: view.model.items[0].status == "in_progress", timeout=5000)
