"""Periodic reports: figures equal sums computed straight from the imported files; PDF, DOCX, XLSX."""
import csv
import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.operations import data
from tests.support.cli import run_inproc
from tests.support.stores import PASSPHRASES
from workstation.core.errors import NotPermitted
from workstation.services import profile_service, roster_service
from workstation.services.operations import report_data, reports, work_plans
from workstation.services.operations.work_plans import PlanItem, WorkPlan

HEAD = ["结算ID", "就诊ID", "人员编号", "人员姓名", "性别", "出生日期", "证件号码", "险种类型", "医疗类别", "结算方式", "异地标志",
        "定点医药机构编号", "定点医药机构名称", "医院等级", "入院日期", "出院日期", "结算时间", "主诊断编码", "主诊断名称",
        "医疗费总额", "符合政策范围金额", "统筹基金支出", "职工大额医疗费用补助基金支出", "公务员医疗补助资金支出", "个人账户支出",
        "个人现金支出"]
INSTITUTIONS = [("H41070200003", "新乡市第一人民医院"), ("H41071100005", "新乡市第二人民医院"), ("H41070300009", "新乡市中心医院")]


def write_settlements(path: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEAD)
        for i in range(n):
            day = dt.date(2025, 2, 20) + dt.timedelta(days=rng.randrange(50))  # late Feb .. early Apr
            code, name = rng.choice(INSTITUTIONS)
            total = Decimal(rng.randrange(1000_00, 900_000_00)) / 100
            hifp = (total * Decimal("0.6")).quantize(Decimal("0.01"))
            hifob = (total * Decimal("0.3")).quantize(Decimal("0.01")) if rng.random() < 0.7 else Decimal(0)
            cash = total - hifp - hifob
            time = f"{day}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00" if i % 3 else f"{day} 23:59:59"
            w.writerow([f"R{seed}{i:05d}", f"M{i}", f"P{i}", "张某", "男", "1960-03-01", "410702196003011235", "310",
                        rng.choice(["11", "21", "2101"]), "1", "0", code, name, "1", str(day), str(day), time,
                        "I63.9", "脑梗死", f"{total}", f"{total}", f"{hifp}", f"{hifob}", "0", "0", f"{cash}"])


def expected_fund_payments(path: Path, month: str) -> dict:
    """The monthly report's fund_payments computed from the CSV alone."""
    by: dict[str, Decimal] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["结算时间"].replace("T", " ")[:7] == month:
                by[row["定点医药机构编号"]] = by.get(row["定点医药机构编号"], Decimal(0)) + Decimal(row["职工大额医疗费用补助基金支出"])
    return {"total": f"{sum(by.values(), Decimal(0)):.2f}",
            "by_institution": [{"fixmedins_code": c, "amount": f"{a:.2f}"} for c, a in sorted(by.items()) if a]}


def test_monthly_json_equals_sums_from_the_imported_files(ws, tmp_path, monkeypatch):
    db = str(ws.store.path)
    ws.close()
    files = [tmp_path / "settlements-a.csv", tmp_path / "settlements-b.csv"]
    write_settlements(files[0], 400, 1)
    write_settlements(files[1], 300, 2)
    run = run_inproc(["--db", db, "--json", "import", *map(str, files)], monkeypatch, user="admin",
                     passphrase=PASSPHRASES["admin"])
    assert run.code == 0, run.err
    run = run_inproc(["--db", db, "--json", "report", "monthly", "--period", "2025-03"], monkeypatch,
                     user="reviewer", passphrase=PASSPHRASES["reviewer"])
    assert run.code == 0, run.err
    got = run.json
    assert got["period"] == "2025-03"
    want_a, want_b = expected_fund_payments(files[0], "2025-03"), expected_fund_payments(files[1], "2025-03")
    merged: dict[str, Decimal] = {}
    for w in (want_a, want_b):
        for r in w["by_institution"]:
            merged[r["fixmedins_code"]] = merged.get(r["fixmedins_code"], Decimal(0)) + Decimal(r["amount"])
    assert got["sections"]["fund_payments"] == {
        "total": f"{Decimal(want_a['total']) + Decimal(want_b['total']):.2f}",
        "by_institution": [{"fixmedins_code": c, "amount": f"{a:.2f}"} for c, a in sorted(merged.items())]}
    assert set(got["sections"]) == {"fund_payments", "inspections", "records_reviewed", "deductions"}


@pytest.fixture
def store_2025(ws):
    with ws.store.session() as s:
        for i in range(30):
            day = dt.date(2025, 1 + i % 12, 1 + i % 27)
            code, name = INSTITUTIONS[i % 3]
            data.settlement(s, f"Y{i:03d}", day, hifob=(i + 1) * 1000_00, inst=code, inst_name=name,
                            med_type=["11", "21", "2102"][i % 3], total=(i + 2) * 3000_00)
            if i % 4 == 0:
                data.unit(s, f"Y{i:03d}", "compliant", dt.datetime.combine(day, dt.time(16)))
        data.second_reviews(s, "2025Q1", agree=17, disagree=3, day=dt.date(2025, 2, 20))
    return ws


REPORTS = [("xinxiang-2025", "monthly", "2025-03"), ("luoyang-2024", "quarterly", "2025Q1"),
           ("huaiyang-2025", "halfyear", "2025H1"), ("mentougou-2024", "annual", "2024"),
           ("xinjiang-2024", "monthly", "2024-03"), ("xinxiang-2025", "annual", "2025")]


@pytest.mark.parametrize("contract, kind, period", REPORTS)
def test_docx_has_every_placeholder_filled(store_2025, tmp_path, contract, kind, period):
    ws = store_2025
    out = reports.export(ws, kind, period, tmp_path / "r.docx", contract=contract)
    doc = Document(out["file"])
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    for sec in doc.sections:
        texts += [p.text for p in sec.footer.paragraphs] + [p.text for p in sec.header.paragraphs]
    joined = "\n".join(texts)
    assert "{{" not in joined and "{%" not in joined and "}}" not in joined
    p = profile_service.get_profile(ws, contract)
    assert p["name_zh"] in joined and p["party_a"] in joined and "特此报告" in joined
    fig = report_data.figures(ws, kind, period, contract)
    if "fund_payments" in fig.sections:
        assert fig.sections["fund_payments"]["total"] in joined
    assert len(doc.tables) >= 1


@pytest.mark.parametrize("contract, kind, period", REPORTS[:5])
def test_pdf_report_per_contract(store_2025, tmp_path, artifacts, contract, kind, period):
    ws = store_2025
    out = reports.export(ws, kind, period, tmp_path / "r.pdf", contract=contract)
    pdf = Path(out["file"]).read_bytes()
    assert b"/FontFile2" in pdf  # the CJK font is embedded
    pages = reports.preview_pages(pdf, scale=60 / 72, pages=1)
    (artifacts / f"report-{contract}-{kind}.png").write_bytes(pages[0])
    assert pages[0][:8] == b"\x89PNG\r\n\x1a\n"


def test_quarterly_figures_and_xlsx(store_2025, tmp_path):
    fig = report_data.figures(store_2025, "quarterly", "2025Q1", "luoyang-2024")
    rr = fig.sections["re_review"]
    assert (rr["checked"], rr["agreed"], rr["pass_rate"], rr["deduction_rate"]) == (20, 17, 0.85, 0.02)
    st = fig.sections["settlement"]
    assert st["count"] == sum(1 for i in range(30) if 1 + i % 12 <= 3) + 20  # + the re-checked units' settlements
    out = reports.export(store_2025, "quarterly", "2025Q1", tmp_path / "q.xlsx", contract="luoyang-2024")
    wb = load_workbook(out["file"])
    assert len(wb.worksheets) == len(fig.sections)


def test_work_plan_printed_with_the_attendance_sheet(ws, as_user, tmp_path):
    profile_service.set_active_profile(ws, "xinjiang-2024")
    roster_service.save_staff(ws, {"staff_no": "A01", "name": "王淑蕊", "post": "项目负责人", "start_date": "2024-01-01"})
    plan = WorkPlan("xinjiang-2024", "2024-03", "本月重点开展住院病历专项稽核。", "计划事项基本完成。",
                    (PlanItem("对 3 家定点医院开展飞行检查", True, "发现疑点 12 条", "inspection", "FI-2024-03"),
                     PlanItem("编制专项稽核卷宗", False, "", "dossier", "JZ-2024-007")))
    with pytest.raises(NotPermitted):
        work_plans.save_plan(as_user("reviewer"), plan)
    saved = work_plans.save_plan(as_user("supervisor"), plan)
    assert saved.items == plan.items and saved.done_count == 1
    fig = report_data.figures(ws, "monthly", "2024-03", "xinjiang-2024")
    assert fig.sections["work_plan"]["items"][0]["link"] == "inspection:FI-2024-03"
    assert fig.sections["attendance"]["people"] == 1
    out = reports.export(ws, "monthly", "2024-03", tmp_path / "plan.pdf")
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(out["file"])
    texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    assert any("对 3 家定点医院开展飞行检查" in t for t in texts)
    assert any("考勤表" in t for t in texts[1:])  # the attendance sheet follows the plan and summary
    doc.close()


def test_replaced_template_is_used_and_admin_only(store_2025, as_user, tmp_path):
    ws = store_2025
    t = Document()
    t.add_paragraph("自定义模板：{{ title }}；合计 {{ figures.fund_payments.total }} 元")
    path = tmp_path / "mine.docx"
    t.save(path)
    with pytest.raises(NotPermitted):
        reports.set_template(as_user("supervisor"), "xinxiang-2025", "monthly", path)
    reports.set_template(ws, "xinxiang-2025", "monthly", path)
    out = reports.export(ws, "monthly", "2025-03", tmp_path / "m.docx", contract="xinxiang-2025")
    text = "\n".join(p.text for p in Document(out["file"]).paragraphs)
    fig = report_data.figures(ws, "monthly", "2025-03", "xinxiang-2025")
    assert text.startswith("自定义模板：") and f"合计 {fig.sections['fund_payments']['total']} 元" in text
    reports.set_template(ws, "xinxiang-2025", "monthly", None)
    assert reports.template_bytes(ws, "xinxiang-2025", "monthly")[1] == "shipped"


def test_workplan_cli_round_trip(ws, tmp_path, monkeypatch):
    import json

    profile_service.set_active_profile(ws, "xinjiang-2024")
    f = tmp_path / "plan.json"
    f.write_text(json.dumps({"intro": "本月计划", "summary": "", "items": [
        {"text": "飞行检查准备", "done": True, "result": "已完成", "link_kind": "inspection", "link_ref": "FI-1"}]},
        ensure_ascii=False), encoding="utf-8")
    db = str(ws.store.path)
    run = run_inproc(["--db", db, "--json", "workplan", "save", str(f), "--month", "2024-05"], monkeypatch,
                     user="supervisor", passphrase=PASSPHRASES["supervisor"])
    assert run.code == 0, run.err
    run = run_inproc(["--db", db, "--json", "workplan", "show", "--month", "2024-05"], monkeypatch,
                     user="reviewer", passphrase=PASSPHRASES["reviewer"])
    assert run.json["items"] == [{"text": "飞行检查准备", "done": True, "result": "已完成", "link_kind": "inspection",
                                  "link_ref": "FI-1"}]
