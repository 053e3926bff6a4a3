"""The inspection view: a transcript written, signed on the pad with the mouse, sealed; screenshots."""
from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.support.inspection_data import INTERVIEW, photo_jpeg
from tests.support.screens import has_ink, save_screenshot
from workstation.core.errors import Conflict
from workstation.services import inspection_service as ins

SIZE = (1366, 768)


def idle(qtbot, ctx, timeout=10_000):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)


def draw(pad, seed: int) -> None:
    """A signature written with the mouse: press, moves with the button held, release."""
    pts = [(20 + i * 9, 60 + 28 * math.sin(i / 2.5 + seed)) for i in range(28)]

    def ev(kind, p, button, buttons):
        pos = QPointF(*p)
        return QMouseEvent(kind, pos, pad.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier)

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    QApplication.sendEvent(pad, ev(QEvent.Type.MouseButtonPress, pts[0], left, left))
    for p in pts[1:]:
        QApplication.sendEvent(pad, ev(QEvent.Type.MouseMove, p, none, left))
    QApplication.sendEvent(pad, ev(QEvent.Type.MouseButtonRelease, pts[-1], left, none))


def make_view(qtbot, ctx):
    from workstation.ui.views.inspections_view import InspectionsView

    view = InspectionsView(ctx)
    qtbot.addWidget(view)
    view.resize(*SIZE)
    view.show()
    qtbot.waitExposed(view)
    idle(qtbot, ctx)
    return view


def _write_transcript(qtbot, ctx, view, tmp_path):
    view.create_inspection({"institution_code": "H41070001", "institution_name": "新乡市第一人民医院",
                            "date": "2025-03-04", "kind": "flying", "team": ["reviewer", "admin"],
                            "leads": [ins.Lead("T0100000")]})
    idle(qtbot, ctx)
    assert view.current is not None and view.current.kind == "flying"
    view.new_record("interview")
    idle(qtbot, ctx)
    ed = view.editor
    assert view.record.kind == "interview" and not ed.place.isReadOnly()
    c = INTERVIEW
    for w, text in ((ed.place, c.place), (ed.started, c.started_at), (ed.ended, c.ended_at),
                    (ed.interviewer, c.interviewer), (ed.recorder, c.recorder), (ed.person, c.interviewee_name),
                    (ed.person_id, c.interviewee_id), (ed.person_unit, c.interviewee_unit)):
        w.setText(text)
    for q in c.qa:
        ed.add_question(q.question, q.answer)
    ed.qa.resizeRowsToContents()
    view.save()
    idle(qtbot, ctx)
    assert ins.record(ctx.ws, view.record.id).content == INTERVIEW
    photo = tmp_path / "病区收费单.jpg"
    photo.write_bytes(photo_jpeg())
    view.attach_file(photo)
    idle(qtbot, ctx)
    assert len(view.record.attachments) == 1


def test_transcript_signed_with_the_mouse_is_sealed(ws, as_user, make_ctx, qtbot, tmp_path):
    from workstation.ui.inspections.dialogs import SignDialog

    rev = as_user("reviewer")
    ctx = make_ctx(rev)
    view = make_view(qtbot, ctx)
    _write_transcript(qtbot, ctx, view, tmp_path)
    dlg = SignDialog("interview", ctx.lang, view)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    for i, role in enumerate(("interviewee", "interviewer", "recorder")):
        draw(dlg.pads[role], i)
        assert not dlg.pads[role].is_empty()
    save_screenshot(dlg, "inspection_sign_dialog_zh_CN")
    sigs = dlg.signatures()
    assert [r for r, _ in sigs] == ["interviewee", "interviewer", "recorder"]
    assert all(png[:8] == b"\x89PNG\r\n\x1a\n" for _, png in sigs)
    dlg.close()
    view.sign(sigs)
    idle(qtbot, ctx)
    rec = view.record
    assert rec.sealed and rec.seal_hash and len(rec.attachments) == 4
    assert view.editor.place.isReadOnly() and not view.buttons["save"].isEnabled()
    assert rec.seal_hash in view.editor.banner.text()
    assert view.editor.person_id.text() == "410702********1234"
    with pytest.raises(Conflict):
        ins.update_record(rev, rec.id, INTERVIEW)
    assert ins.verify_seals(rev) == []
    # a correction is a new linked draft carrying the sealed content
    view.new_correction()
    idle(qtbot, ctx)
    assert view.record.corrects_id == rec.id and view.record.status == "draft"
    assert view.record.content == INTERVIEW


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_inspection_screens(ws, as_user, make_ctx, qtbot, tmp_path, lang):
    rev = as_user("reviewer")
    ctx = make_ctx(rev, lang)
    view = make_view(qtbot, ctx)
    _write_transcript(qtbot, ctx, view, tmp_path)
    from tests.support.inspection_data import signature_png

    view.sign([("interviewee", signature_png(1)), ("interviewer", signature_png(2))])
    idle(qtbot, ctx)
    assert view.record.sealed
    path = save_screenshot(view, f"inspections_{lang}", SIZE)
    assert has_ink(path)
    assert view.minimumSizeHint().width() <= SIZE[0] and view.minimumSizeHint().height() <= SIZE[1]
