"""An inspection with a sealed interview transcript, made through the services."""
from __future__ import annotations

import io

from workstation.services import inspection_service as ins


def signature_png(seed: int = 1) -> bytes:
    """A small PNG with a pen stroke, as the signature pad would give."""
    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    pts = [(20 + i * 16, 60 + ((i * 37 + seed * 11) % 50) - 25) for i in range(20)]
    d.line(pts, fill=(0, 0, 60, 255), width=4)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


def photo_jpeg() -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (640, 480), (235, 235, 225))
    d = ImageDraw.Draw(im)
    for y in range(40, 440, 40):
        d.line([(40, y), (600, y)], fill=(90, 90, 90), width=2)
    d.rectangle([40, 20, 600, 460], outline=(0, 0, 0), width=3)
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=80)
    return buf.getvalue()


INTERVIEW = ins.RecordContent(
    place="新乡市第一人民医院 医保办公室", started_at="2025-03-04 10:15", ended_at="2025-03-04 11:02",
    interviewer="稽核员甲、稽核员乙", recorder="稽核员乙", interviewee_name="王某某",
    interviewee_id="410702198001011234", interviewee_unit="新乡市第一人民医院 医保办主任",
    qa=(ins.QA("请介绍你的姓名、职务和工作职责。", "我叫王某某，是医院医保办主任，负责医保结算和费用审核。"),
        ins.QA("2025年2月骨科病区是否存在同一耗材重复计费的情况？",
               "经核对收费系统，2月12日至14日有3笔一次性输液器重复计费，系收费员操作失误。"),
        ins.QA("对上述重复收费，医院将如何处理？", "医院同意退回多收费用，并将整改收费流程。")))


def sealed_interview(ws, *, institution="H41070001", date="2025-03-04") -> tuple[int, int, str]:
    """(inspection id, record id, seal hash)."""
    iid = ins.create_inspection(ws, institution_code=institution, date=date, kind="flying",
                                team=["admin", "reviewer"], leads=[ins.Lead("T0100000", "重复计费线索")],
                                institution_name="新乡市第一人民医院")
    rid = ins.create_record(ws, iid, "interview", INTERVIEW)
    ins.add_attachment(ws, rid, "病区收费单.jpg", photo_jpeg())
    h = ins.sign_and_seal(ws, rid, signatures=[("interviewee", signature_png(1)), ("interviewer", signature_png(2)),
                                               ("recorder", signature_png(3))])
    return iid, rid, h
