"""Sealed inspection records as exhibits of a dossier (卷宗), with their hashes.

The dossier code calls two functions (the hook, two lines each side):

* ``dossier_snapshot.collect`` — ``exhibits = inspection_exhibits.collect(s, scope.institution,
  scope.period_from, scope.period_to)`` and, when non-empty, ``content["inspection_exhibits"] = exhibits``
  (dossiers without inspections keep their content digest unchanged);
* ``dossier_pdf.render`` — ``story += inspection_exhibits.story(snap, st)`` before the signatures.

Each exhibit carries the record's seal material (what the seal hash is computed
over: the form's content and its attachments' SHA-256) and the seal hash, so a
reader can recompute the hash from the dossier's own snapshot. Only records of
inspections at the dossier's institution (in its period, when it has one) are
exhibits; a dossier on a sample alone has none.
"""
from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer
from sqlalchemy.orm import Session

from ..core.import_format import mask_certno
from .inspection_service import (
    KIND_LABELS, RECORD_LABELS, SIGNER_ROLES, seal_digest, seal_material, sealed_records_for,
)
from .pdf_common import esc, table

TITLE = "附件　现场检查笔录（证据）"


def collect(s: Session, institution: str | None, period_from: dt.date | None, period_to: dt.date | None) -> list[dict]:
    if not institution:
        return []
    out = []
    for no, (insp, rec) in enumerate(sealed_records_for(s, institution, period_from, period_to), 1):
        material = seal_material(s, rec.id)
        out.append({
            "no": no, "record_uuid": rec.uuid, "number": rec.number, "kind": rec.kind,
            "kind_label": RECORD_LABELS[rec.kind].render("zh_CN"), "inspection_date": insp.date,
            "inspection_kind_label": KIND_LABELS[insp.kind].render("zh_CN"), "team": list(insp.team),
            "sealed_by": rec.sealed_by, "sealed_at": rec.sealed_at, "seal_hash": rec.seal_hash,
            "corrects": rec.corrects_id, "corrected_by": list(rec.corrected_by), "material": material,
            "hash_matches": seal_digest(material) == rec.seal_hash,
        })
    return out


def story(snap: dict, st) -> list:
    exhibits = snap.get("inspection_exhibits") or []
    if not exhibits:
        return []
    out: list = [PageBreak(), Paragraph(esc(TITLE), st.h1),
                 Paragraph(esc("以下笔录在现场签名后封存。封存哈希为笔录内容与各附件 SHA-256 的规范 JSON 的 SHA-256，"
                               "可由本卷宗快照中的笔录材料重新计算核对；笔录原件（含签名图像）可用"
                               "“inspection export”导出。"), st.small), Spacer(1, 3 * mm)]
    rows = [["序号", "笔录", "检查日期", "封存时间", "封存哈希（SHA-256）"]]
    for e in exhibits:
        rows.append([str(e["no"]), f"{e['kind_label']} {e['number']}", e["inspection_date"], e["sealed_at"] or "",
                     e["seal_hash"] + ("" if e.get("hash_matches") else "（不符！）")])
    out.append(table(rows, [10 * mm, 46 * mm, 22 * mm, 30 * mm, 66 * mm]))
    for e in exhibits:
        out += _exhibit(e, st)
    return out


def _exhibit(e: dict, st) -> list:
    c = e["material"]["content"]
    out: list = [Spacer(1, 6 * mm), Paragraph(esc(f"证据 {e['no']}：{e['kind_label']}（{e['number']}）"), st.h2)]
    who = "，".join(x for x in (c.get("interviewee_name", ""), mask_certno(c.get("interviewee_id", "")),
                               c.get("interviewee_unit", "")) if x)
    kv = [["检查", f"{e['inspection_kind_label']}　{e['inspection_date']}　检查组：{'、'.join(e['team'])}"],
          ["时间", f"{c.get('started_at', '')} 至 {c.get('ended_at', '')}"], ["地点", c.get("place", "")],
          ["询问人" if e["kind"] == "interview" else "检查人员", c.get("interviewer", "")],
          ["记录人", c.get("recorder", "")],
          ["被询问人" if e["kind"] == "interview" else "在场人员", who],
          ["封存", f"{e['sealed_by']}　{e['sealed_at']}"], ["封存哈希", e["seal_hash"]]]
    if e.get("corrects"):
        kv.append(["更正", f"本笔录更正笔录 #{e['corrects']}"])
    if e.get("corrected_by"):
        kv.append(["已被更正", "、".join(f"#{i}" for i in e["corrected_by"])])
    out.append(table([["项目", "内容"]] + kv, [34 * mm, 140 * mm]))
    body = []
    if e["kind"] == "interview":
        for q in c.get("qa", []):
            body.append(Paragraph(esc("问：" + q.get("question", "")), st.body))
            body.append(Paragraph(esc("答：" + q.get("answer", "")), st.body))
    elif c.get("text"):
        body.append(Paragraph(esc(c["text"]).replace("\n", "<br/>"), st.body))
    if body:
        out.append(Spacer(1, 2 * mm))
        out += body
    atts = e["material"]["attachments"]
    if atts:
        kinds = {"evidence": "照片/扫描件", "signature": "签名", "signed_paper": "签字笔录照片"}
        rows = [["附件", "类型", "SHA-256"]]
        for a in atts:
            role = SIGNER_ROLES[a["role"]].render("zh_CN") if a.get("role") in SIGNER_ROLES else ""
            rows.append([a["file_name"], kinds.get(a["kind"], a["kind"]) + (f"（{role}）" if role else ""),
                         a["sha256"]])
        out.append(Spacer(1, 2 * mm))
        out.append(KeepTogether(table(rows, [44 * mm, 38 * mm, 92 * mm])))
    return out
