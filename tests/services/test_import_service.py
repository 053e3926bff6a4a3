"""Import of claim exports into a real encrypted store: encodings, headers, dates, bad input."""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from workstation.core.errors import BadInput, Cancelled, NotPermitted
from workstation.services.import_service import ImportRejected, import_file, import_files, write_rejection_report
from workstation.store.models.claims import FeeLineRow, ImportBatchRow, SettlementRow
from workstation.store.models.identity import EventRow
from workstation.store.models.roster import CertificateRow, StaffRow

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "import"
SETL_HEAD = ["setl_id", "psn_no", "psn_name", "gend", "brdy", "med_type", "fixmedins_code", "begndate", "enddate",
             "setl_time", "medfee_sumamt", "hifp_pay"]
LINE_HEAD = ["setl_id", "feedetl_sn", "med_list_codg", "fee_ocur_time", "cnt", "pric", "det_item_fee_sumamt"]


def write_csv(path: Path, header: list[str], rows: list[list], encoding: str = "utf-8") -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def setl_row(sid: str, **kw) -> list:
    base = dict(setl_id=sid, psn_no="P1", psn_name="张三", gend="1", brdy="1960-03-01", med_type="21",
                fixmedins_code="H1", begndate="2025-03-01", enddate="2025-03-05", setl_time="2025-03-05 10:00:00",
                medfee_sumamt="100.00", hifp_pay="80.00")
    base.update(kw)
    return [base[h] for h in SETL_HEAD]


class Snap:
    """A detached copy of a row's columns (rows expire when the read session ends)."""

    def __init__(self, row) -> None:
        for c in row.__table__.columns:
            setattr(self, c.key, getattr(row, c.key))


def get(ws, model, key):
    with ws.store.read() as s:
        return Snap(s.get(model, key))


def all_rows(ws, model) -> list:
    with ws.store.read() as s:
        return [Snap(r) for r in s.scalars(select(model))]


def count(ws, model) -> int:
    with ws.store.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def rejected_of(exc_info) -> list[tuple]:
    return [(r.row, r.column) for res in exc_info.value.results for r in res.rejections]


# -- encodings --------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_every_encoding_is_detected_and_read_exactly(ws, tmp_path, encoding):
    name = "欧阳䶮" if encoding == "gb18030" else "欧阳娜"  # 䶮 exists in GB18030, not in GBK
    path = write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1", psn_name=name), setl_row("S2")], encoding)
    res = import_file(ws, path)
    assert (res.kind, res.rows, res.inserted, res.rejected) == ("settlements", 2, 2, 0)
    assert res.encoding == {"gbk": "gb18030"}.get(encoding, encoding)
    with ws.store.read() as s:
        assert s.get(SettlementRow, "S1").psn_name == name


def test_multibyte_character_across_read_blocks_is_still_utf8(ws, tmp_path, monkeypatch):
    from workstation.services import import_readers

    monkeypatch.setattr(import_readers, "CHUNK", 7)  # every Chinese character straddles a block boundary somewhere
    path = write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1", psn_name="诸葛亮亮亮")])
    assert import_file(ws, path).encoding == "utf-8"


# -- header forms ---------------------------------------------------------------------------
def test_chinese_headers_fixture_with_both_date_forms(ws):
    res = import_file(ws, FIX / "settlements_zh.csv")
    assert (res.kind, res.inserted) == ("settlements", 2)
    a, b = get(ws, SettlementRow, "F0001"), get(ws, SettlementRow, "F0002")
    assert (a.brdy, a.begndate, a.enddate, a.setl_time, a.gend) == ("1960-03-01", "2025-03-01", "2025-03-08",
                                                                   "2025-03-08 10:00:00", "1")
    assert (b.brdy, b.begndate, b.setl_time, b.gend) == ("1985-11-20", "2025-03-10", "2025-03-10 09:15:00", "2")
    assert (a.medfee_sumamt, a.psn_cash_pay, b.acct_pay) == (1234567, 384567, 8650)


def test_codes_any_order_extra_columns_kept(ws):
    import_file(ws, FIX / "settlements_zh.csv")
    res = import_file(ws, FIX / "fee_lines_codes.csv")
    assert (res.kind, res.inserted) == ("fee_lines", 3)
    lines = {(r.setl_id, r.feedetl_sn): r for r in all_rows(ws, FeeLineRow)}
    bed = lines[("F0001", "00001")]
    assert (bed.med_chrgitm_type, bed.chrgitm_lv, bed.pric, bed.pric_uplmt_amt) == ("01", "01", 3500, None)
    nursing = lines[("F0001", "00002")]
    assert nursing.fee_ocur_time == "2025-03-01 07:10:00"
    assert json.loads(nursing.extra) == {"备注": "夜班"}
    assert lines[("F0002", "00001")].cnt == 15_000  # 1.5 in ten-thousandths


@pytest.mark.parametrize("begn_header,end_header", [("开始日期", "结束日期"), ("入院日期", "出院日期"),
                                                    ("begndate", "enddate"), ("BEGNDATE", "EndDate")])
def test_alternative_names_for_the_same_column(ws, tmp_path, begn_header, end_header):
    header = [h if h not in ("begndate", "enddate") else {"begndate": begn_header, "enddate": end_header}[h]
              for h in SETL_HEAD]
    order = list(reversed(range(len(header))))  # any order
    rows = [[setl_row("S1")[i] for i in order]]
    res = import_file(ws, write_csv(tmp_path / "s.csv", [header[i] for i in order], rows))
    assert res.inserted == 1
    row = get(ws, SettlementRow, "S1")
    assert (row.begndate, row.enddate) == ("2025-03-01", "2025-03-05")


def test_catalog_and_kind_detection(ws):
    res = import_file(ws, FIX / "catalog.csv")
    assert (res.kind, res.inserted) == ("catalog", 3)
    with ws.store.read() as s:
        rows = {r[0]: r[1:] for r in s.execute(text(
            "SELECT med_list_codg, gend_lmt, age_min, age_max, max_daily_cnt, pric_uplmt_amt FROM catalog_items"))}
    assert rows["002203000010000"][:1] == ("1",)
    assert rows["003102000020000"][1:3] == (0, 14)
    assert rows["001102000010000"][3:] == (10_000, 3500)


# -- dates and times -------------------------------------------------------------------------
@pytest.mark.parametrize("given", ["2025-03-01", "2025/3/1", "20250301", "2025/03/01"])
def test_date_forms(ws, tmp_path, given):
    import_file(ws, write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1", begndate=given)]))
    with ws.store.read() as s:
        assert s.get(SettlementRow, "S1").begndate == "2025-03-01"


@pytest.mark.parametrize("given", ["2025-03-01 08:30:00", "2025-03-01T08:30:00"])
def test_time_forms(ws, tmp_path, given):
    import_file(ws, write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1", setl_time=given)]))
    with ws.store.read() as s:
        assert s.get(SettlementRow, "S1").setl_time == "2025-03-01 08:30:00"


def test_xlsx_with_native_dates_and_float_amounts(ws, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    sh = wb.active
    sh.append(SETL_HEAD)
    sh.append(["X1", "P1", "张三", 1, dt.date(1960, 3, 1), 21, "H1", dt.date(2025, 3, 1), "2025/3/5",
               dt.datetime(2025, 3, 5, 10, 0, 0), 1234.56, 0.1])
    sh.append(["X2", "P2", "李四", "女", "19700102", "11", "H1", "20250301", "20250301", "2025-03-01 09:00:00",
               "86.5", 0])
    path = tmp_path / "s.xlsx"
    wb.save(path)
    res = import_file(ws, path)
    assert (res.kind, res.inserted, res.encoding) == ("settlements", 2, None)
    x1, x2 = get(ws, SettlementRow, "X1"), get(ws, SettlementRow, "X2")
    assert (x1.medfee_sumamt, x1.hifp_pay, x1.brdy, x1.enddate, x1.setl_time, x1.med_type) == (
        123456, 10, "1960-03-01", "2025-03-05", "2025-03-05 10:00:00", "21")
    assert (x2.medfee_sumamt, x2.gend) == (8650, "2")


# -- bad input: exact row and column, nothing landed -----------------------------------------------
BAD_CASES = [
    ("bad_date", dict(begndate="2025-02-30"), "begndate"),
    ("bad_date_text", dict(enddate="三月一日"), "enddate"),
    ("bad_time", dict(setl_time="2025-03-01 25:00:00"), "setl_time"),
    ("non_numeric_amount", dict(medfee_sumamt="12元"), "medfee_sumamt"),
    ("three_decimals", dict(hifp_pay="1.005"), "hifp_pay"),
    ("float_exponent", dict(hifp_pay="1e3"), "hifp_pay"),
    ("bad_gender", dict(gend="3"), "gend"),
    ("empty_required", dict(psn_no=""), "psn_no"),
]


@pytest.mark.parametrize("name,change,column", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_value_reports_row_and_column_and_nothing_lands(ws, tmp_path, name, change, column):
    path = write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1"), setl_row("S2"), setl_row("S3", **change)])
    with pytest.raises(ImportRejected) as exc:
        import_file(ws, path)
    assert rejected_of(exc) == [(4, column)]  # header is row 1: the third data row is row 4
    assert count(ws, SettlementRow) == 0 and count(ws, ImportBatchRow) == 0
    zh, en = exc.value.message("zh_CN"), exc.value.message("en")
    assert "s.csv" in zh and "第 4 行" in zh and column in zh
    assert "row 4" in en and column in en


def test_duplicate_key_names_both_rows(ws, tmp_path):
    path = write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1"), setl_row("S2"), setl_row("S1")])
    with pytest.raises(ImportRejected) as exc:
        import_file(ws, path)
    (rej,) = exc.value.results[0].rejections
    assert (rej.row, rej.column) == (4, "setl_id")
    assert "第 2 行" in rej.message("zh_CN") and "row 2" in rej.message("en")
    assert count(ws, SettlementRow) == 0


def test_duplicate_fee_line_key_across_chunks(ws, tmp_path, monkeypatch):
    from workstation.services import import_rows

    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 2)
    import_file(ws, write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1")]))
    rows = [["S1", f"{i:03d}", "A", "2025-03-01 10:00:00", "1", "1.00", "1.00"] for i in range(1, 6)]
    rows.append(["S1", "002", "A", "2025-03-01 10:00:00", "1", "1.00", "1.00"])
    with pytest.raises(ImportRejected) as exc:
        import_file(ws, write_csv(tmp_path / "f.csv", LINE_HEAD, rows))
    (rej,) = exc.value.results[0].rejections
    assert (rej.row, rej.column) == (7, "feedetl_sn") and "第 3 行" in rej.message("zh_CN")
    assert count(ws, FeeLineRow) == 0


def test_fee_line_of_unknown_settlement(ws, tmp_path):
    import_file(ws, write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1")]))
    rows = [["S1", "1", "A", "2025-03-01 10:00:00", "1", "1.00", "1.00"],
            ["S9", "1", "A", "2025-03-01 10:00:00", "1", "1.00", "1.00"]]
    with pytest.raises(ImportRejected) as exc:
        import_file(ws, write_csv(tmp_path / "f.csv", LINE_HEAD, rows))
    assert rejected_of(exc) == [(3, "setl_id")]
    assert "S9" in exc.value.results[0].rejections[0].message("en")
    assert count(ws, FeeLineRow) == 0


def test_missing_required_column_is_a_file_level_error(ws, tmp_path):
    header = [h for h in SETL_HEAD if h != "setl_time"]
    rows = [[v for h, v in zip(SETL_HEAD, setl_row("S1")) if h != "setl_time"]]
    with pytest.raises(BadInput) as exc:
        import_file(ws, write_csv(tmp_path / "s.csv", header, rows))
    assert (exc.value.file, exc.value.row, exc.value.column) == ("s.csv", 1, "setl_time")
    assert "结算时间" in exc.value.message("zh_CN") and "missing" in exc.value.message("en")
    assert count(ws, SettlementRow) == 0


@pytest.mark.parametrize("content,suffix", [(b"\x00\x01\x02garbage\xff\xfe", ".xlsx"), (b"", ".csv"),
                                            (b"foo,bar\n1,2\n", ".csv"), (b"\xff\xfe\xfa\x00\x81\x30", ".csv")],
                         ids=["damaged_xlsx", "empty", "unknown_headers", "undecodable"])
def test_unreadable_files(ws, tmp_path, content, suffix):
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(BadInput) as exc:
        import_file(ws, path)
    assert exc.value.file == f"bad{suffix}"
    assert exc.value.message("zh_CN") and exc.value.message("en") != exc.value.message("zh_CN")
    assert count(ws, ImportBatchRow) == 0


def test_missing_file(ws, tmp_path):
    with pytest.raises(BadInput) as exc:
        import_file(ws, tmp_path / "nope.csv")
    assert exc.value.file == "nope.csv"


# -- valid rows only, re-import, updates -------------------------------------------------------------
def test_accept_valid_rows_keeps_a_report_without_values(ws, tmp_path):
    path = write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1"), setl_row("S2", brdy="1960-13-01"),
                                                      setl_row("S3")])
    res = import_file(ws, path, accept_valid_rows=True)
    assert (res.rows, res.inserted, res.rejected) == (3, 2, 1)
    assert [(r.row, r.column) for r in res.rejections] == [(3, "brdy")]
    report = write_rejection_report([res], tmp_path / "report.csv", "zh_CN")
    body = report.read_text(encoding="utf-8-sig")
    assert "s.csv,3,brdy," in body and "1960-13-01" not in body
    (batch,) = all_rows(ws, ImportBatchRow)
    assert (batch.file_name, batch.rows, batch.inserted, batch.rejected, batch.user) == ("s.csv", 3, 2, 1, "admin")
    assert len(batch.file_sha256) == 64


def test_reimport_is_unchanged_and_a_changed_row_is_a_logged_update(ws, tmp_path):
    path = write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1"), setl_row("S2")])
    first = import_file(ws, path)
    again = import_file(ws, path)
    assert (first.inserted, again.inserted, again.updated, again.unchanged) == (2, 0, 0, 2)
    # the same data written differently (date forms, amount forms) is still unchanged
    alt = write_csv(tmp_path / "alt.csv", SETL_HEAD, [setl_row("S1", begndate="2025/3/1", medfee_sumamt="100"),
                                                       setl_row("S2", enddate="20250305")])
    assert import_file(ws, alt).unchanged == 2
    changed = write_csv(tmp_path / "s2.csv", SETL_HEAD, [setl_row("S1", medfee_sumamt="120.00"), setl_row("S2")])
    res = import_file(ws, changed)
    assert (res.updated, res.unchanged, res.inserted) == (1, 1, 0)
    assert get(ws, SettlementRow, "S1").medfee_sumamt == 12000
    events = all_rows(ws, EventRow)
    updates = [e for e in events if e.action == "import.update"]
    summaries = [e for e in events if e.action == "import"]
    assert [(e.entity, e.entity_id) for e in updates] == [("settlements", "S1")]
    assert updates[0].before_digest != updates[0].after_digest
    assert len(summaries) == 4


def test_cancel_leaves_nothing_behind(ws, tmp_path):
    import_file(ws, write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1")]))
    rows = [["S1", f"{i:06d}", "A", "2025-03-01 10:00:00", "1", "1.00", "1.00"] for i in range(12_000)]
    path = write_csv(tmp_path / "f.csv", LINE_HEAD, rows)
    calls = []

    def cancel_after_first_chunk():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        import_file(ws, path, cancel_check=cancel_after_first_chunk)
    assert count(ws, FeeLineRow) == 0
    assert import_file(ws, path).inserted == 12_000


def test_several_files_in_one_call_are_ordered_by_kind(ws, tmp_path):
    lines = shutil.copy(FIX / "fee_lines_codes.csv", tmp_path / "a_lines.csv")
    setl = shutil.copy(FIX / "settlements_zh.csv", tmp_path / "b_setl.csv")
    results = import_files(ws, [lines, setl])
    assert [(r.kind, r.inserted) for r in results] == [("settlements", 2), ("fee_lines", 3)]


def test_one_bad_file_among_several_changes_nothing(ws, tmp_path):
    good = write_csv(tmp_path / "s.csv", SETL_HEAD, [setl_row("S1")])
    bad = write_csv(tmp_path / "t.csv", SETL_HEAD, [setl_row("S2", hifp_pay="x")])
    with pytest.raises(ImportRejected):
        import_files(ws, [good, bad])
    assert count(ws, SettlementRow) == 0


# -- roster ----------------------------------------------------------------------------------
def test_roster_import_with_certificates(ws):
    res = import_file(ws, FIX / "roster.csv")
    assert (res.kind, res.inserted) == ("roster", 2)
    staff = {r.staff_no: r for r in all_rows(ws, StaffRow)}
    certs = sorted((c.name, c.expiry) for c in all_rows(ws, CertificateRow))
    events = [e for e in all_rows(ws, EventRow) if e.action == "roster.import"]
    assert staff["E001"].qualification == "medical" and staff["E002"].qualification == "finance"
    assert staff["E001"].birth_date == dt.date(1980, 1, 1) and staff["E002"].start_date == dt.date(2024, 3, 1)
    assert certs == [("会计师", dt.date(2027, 6, 30)), ("医保审核员证", dt.date(2026, 12, 31)), ("执业医师资格证", None)]
    assert len(events) == 2
    assert import_file(ws, FIX / "roster.csv").unchanged == 2


def test_roster_import_needs_an_administrator(ws, as_user):
    with pytest.raises(NotPermitted):
        import_file(as_user("reviewer"), FIX / "roster.csv")
    assert count(ws, StaffRow) == 0
