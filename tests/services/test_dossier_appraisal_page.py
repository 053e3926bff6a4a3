"""The dossier's appraisal page and defensibility annex: Chinese only (no internal code), the figures of the
appraisal object, the re-draw command; pages rendered for people to look at."""
from __future__ import annotations

import re

import pypdfium2 as pdfium

from tests.services.test_appraisal_claims import review, settlements
from workstation.services import dossier_service as ds
from workstation.services import sampling_service as svc
from workstation.services.sampling_service import Plan

CODES = ("mean_per_unit", "stratified", "stringer", "found", "srs", "pps", "census", "no_sample", "frame_changed",
         "interim_short", "pps_interim", "too_few_units", "over_standard", "duplicate_charge", "charged", "fund",
         "fixmedins_code", "med_type", "setl_type", "medfee_sumamt", "claim_basis")


def _pages(pdf: bytes, out_dir, stem):
    doc = pdfium.PdfDocument(pdf)
    texts = []
    out_dir.mkdir(parents=True, exist_ok=True)
    for i in range(len(doc)):
        texts.append(doc[i].get_textpage().get_text_range())
        doc[i].render(scale=60 / 72).to_pil().save(out_dir / f"{stem}-{i + 1}.png")
    return texts


def _english_codes(text: str) -> set[str]:
    # the one English line allowed is the re-draw command (a command cannot be translated)
    text = "\n".join(line for line in text.splitlines() if "workstation" not in line)
    words = set(re.findall(r"[A-Za-z_]{3,}", text))
    return words & set(CODES)


def test_appraisal_page_and_annex_of_a_domain_dossier(ws, artifacts):
    settlements(ws, [{"setl_id": f"A{i:04d}", "fixmedins_code": "H01" if i % 2 else "H02"} for i in range(300)])
    out = svc.draw_and_store(ws, Plan(method="srs", seed="2026", size=30,
                                      conditions=[["med_type", "=", ["inpatient"]], ["setl_type", "=", ["1"]]]))
    outcomes = {sid: ("violation", [(1_000_00 + 7 * k, "confirmed")]) if k % 3 == 0 else
                ("doubtful", [(50_00, "doubtful")]) if k % 7 == 1 else ("compliant", [])
                for k, sid in enumerate(sorted(out["selected"]))}
    review(ws, out["sample_id"], outcomes)
    did = ds.build(ws, sample_id=out["sample_id"], institution="H01")
    snap = ds.snapshot(ws, did)
    a = snap["appraisal"]
    texts = _pages(ds.pdf_bytes(ws, did), artifacts / "screens", "dossier_appraisal")
    full = "\n".join(texts)
    assert "三、推算与主张金额" in full and "附件一、抽样可复核说明" in full
    for needle in ("简单随机抽样", "均值估计", "比率估计", "终期", "按医疗费用金额推算（未导入符合范围金额）",
                   "待定金额", out["frame_sha256"][:40], "随机种子", "医疗类别为住院", "结算方式为1（直接结算）",
                   f"workstation sample verify {out['sample_id']}", "--institution H01", "超标准收费",
                   a["claimed"].split(".")[0]):
        assert needle in full.replace("\r", "").replace("\n", "").replace(",", "") or needle in full, needle
    assert not _english_codes(full), _english_codes(full)
    # the selection: 30 ids printed inline on the annex, with their digest
    assert all(sid in full for sid in out["selected"])


def test_pps_dossier_prints_the_stringer_table(ws, artifacts):
    settlements(ws, [{"setl_id": f"P{i:04d}", "medfee_sumamt": 1_000 + 500 * i} for i in range(200)])
    out = svc.draw_and_store(ws, Plan(method="pps", seed="p", size=10))
    review(ws, out["sample_id"], {sid: ("violation", [(5_000, "confirmed")]) if k % 2 else ("compliant", [])
                                  for k, sid in enumerate(sorted(set(out["selected"])))})
    did = ds.build(ws, sample_id=out["sample_id"])
    assert ds.snapshot(ws, did)["appraisal"]["method"] == "stringer"
    texts = _pages(ds.pdf_bytes(ws, did), artifacts / "screens", "dossier_pps")
    full = "\n".join(texts)
    for needle in ("货币单位抽样", "Stringer 上限", "抽样间距 J", "泊松上限", "基本精度"):
        assert needle in full, needle
    assert not _english_codes(full), _english_codes(full)
