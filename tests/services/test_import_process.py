"""Large CSV files are parsed in a child process (import_rows): the same result as on a thread.

Every test here forces the choice (``PROCESS_MIN_LINES``) so small files take
the path under test; the decision is made in the importing process.
"""
from __future__ import annotations

import csv
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from workstation.core.errors import BadInput, Cancelled
from workstation.services import import_rows
from workstation.services.import_service import ImportRejected, import_file
from tests.support.imports import record_parse_processes
from tests.support.stores import new_store

SETL_HEAD = ["setl_id", "psn_no", "psn_name", "gend", "brdy", "med_type", "fixmedins_code", "begndate", "enddate",
             "setl_time", "medfee_sumamt", "hifp_pay"]
LINE_HEAD = ["费用明细流水号", "结算ID", "医疗目录编码", "医保目录名称", "费用发生时间", "数量", "单价", "明细项目费用总额",
             "定价上限金额", "开单医生姓名", "备注"]


def _write(path: Path, header: list[str], rows: list[list], encoding: str) -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def _files(folder: Path, bad: bool) -> tuple[Path, Path]:
    """Settlements and fee lines in GBK with every accepted form mixed in (and bad rows when ``bad``)."""
    rng = random.Random(7)
    setl = _write(folder / "s.csv", SETL_HEAD,
                  [[f"S{i:04d}", f"P{i}", "张三", "1", "1960-03-01", "21", "H1", "2025/3/1", "20250305",
                    "2025-03-05 10:00:00", "100.00", "80"] for i in range(60)], "gbk")
    times = ["2025-03-01 08:30:00", "2025-03-01T08:30:00", "2025/3/1 08:30:00", "20250301 08:30:00",
             " 2025-03-02 09:00:00 "]
    rows = []
    for i in range(3000):
        sid = f"S{i % 60:04d}"
        cnt = rng.choice(["1", "2", "0.5", " 3 "])
        rows.append([f"{i:06d}", sid, rng.choice(["X1", "X2", " X3 "]), rng.choice(["", "血常规", "一级护理"]),
                     rng.choice(times), cnt, rng.choice(["12.5", "12.50", "3"]), "25.00", rng.choice(["", "30"]),
                     rng.choice(["王建华", "", " 李娜 "]), rng.choice(["", "复核", "备注，含逗号"])])
    if bad:
        rows[10][6] = "abc"  # not an amount
        rows[20][4] = "2025-13-01 08:00:00"  # no such month
        rows[30][2] = ""  # required catalog code empty
        rows[40][1] = "S9999"  # unknown settlement
        rows[2500] = list(rows[5])  # the same key as an earlier row (another chunk when chunks are small)
        rows.insert(100, [""] * len(LINE_HEAD))  # an empty line: skipped, still counted as a row number
    return setl, _write(folder / "f.csv", LINE_HEAD, rows, "gbk")


def _table(ws, table: str) -> list[tuple]:
    with ws.store.read() as s:
        cols = [r[1] for r in s.execute(text(f"PRAGMA table_info({table})")) if r[1] not in ("id", "batch_id")]
        return s.execute(text(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols)}")).all()


def _import_both(tmp_path: Path, monkeypatch, bad: bool, **kw):
    setl, lines = _files(tmp_path, bad)
    out = {}
    children = record_parse_processes(monkeypatch)
    for path_name, threshold in (("process", 0), ("thread", 10**12)):
        monkeypatch.setattr(import_rows, "PROCESS_MIN_LINES", threshold)
        ws = new_store(tmp_path, f"{path_name}.db")
        try:
            import_file(ws, setl)
            try:
                res = import_file(ws, lines, **kw)
            except ImportRejected as exc:
                res = exc.results[0]
            out[path_name] = (res.to_json(), [(r.row, r.column, r.brief) for r in res.rejections],
                              _table(ws, "fee_lines"))
        finally:
            ws.close()
    # settlements and fee lines went through a child process, and only on the process path
    assert len(children) == 2 and all(c is not None for c in children)
    return out


def test_process_and_thread_store_the_same_rows(tmp_path, monkeypatch):
    out = _import_both(tmp_path, monkeypatch, bad=False)
    assert out["process"] == out["thread"]
    assert out["process"][0]["inserted"] == 3000 and len(out["process"][2]) == 3000


def test_process_and_thread_reject_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(import_rows, "CHUNK_ROWS", 5000)  # the child's chunk size; the thread path uses the same
    out = _import_both(tmp_path, monkeypatch, bad=True, accept_valid_rows=True)
    assert out["process"] == out["thread"]
    summary, rejections, rows = out["process"]
    # rows as a person sees them: header = 1, the empty line inserted at index 100 is row 102
    assert [(r, c) for r, c, _ in rejections] == [(12, "pric"), (22, "fee_ocur_time"), (32, "med_list_codg"),
                                                  (42, "setl_id"), (2503, "feedetl_sn")]
    assert summary["rejected"] == 5 and summary["inserted"] == len(rows) == 2995


def test_all_or_nothing_is_the_same_with_a_process(tmp_path, monkeypatch):
    out = _import_both(tmp_path, monkeypatch, bad=True)
    assert out["process"] == out["thread"]
    assert out["process"][2] == []  # nothing landed


def test_unreadable_file_is_reported_by_the_child_as_on_a_thread(tmp_path, monkeypatch):
    ws = new_store(tmp_path)
    try:
        # a field longer than the csv module's limit: csv.Error while reading row 3
        path = _write(tmp_path / "long.csv", ["setl_id", "feedetl_sn", "med_list_codg", "fee_ocur_time", "cnt",
                                              "pric", "det_item_fee_sumamt"],
                      [["S1", "1", "X1", "2025-03-01 08:00:00", "1", "1", "1"],
                       ["S1", "2", "X" * 200_000, "2025-03-01 08:00:00", "1", "1", "1"]], "utf-8")
        messages = {}
        for name, threshold in (("process", 0), ("thread", 10**12)):
            monkeypatch.setattr(import_rows, "PROCESS_MIN_LINES", threshold)
            with pytest.raises(BadInput) as info:
                import_file(ws, path)
            assert not isinstance(info.value, ImportRejected)
            messages[name] = info.value.message("en")
        assert messages["process"] == messages["thread"]
        assert "long.csv" in messages["process"] and "cannot be read" in messages["process"]
    finally:
        ws.close()


def test_cancel_stops_the_parsing_process_and_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(import_rows, "PROCESS_MIN_LINES", 0)
    started = record_parse_processes(monkeypatch)
    from bench.bench_import import write_files

    setl, lines = write_files(tmp_path, 40_000)
    ws = new_store(tmp_path)
    try:
        import_file(ws, setl)
        calls = []

        def cancel() -> bool:
            calls.append(1)
            return len(calls) > 2  # after two chunks
        with pytest.raises(Cancelled):
            import_file(ws, lines, cancel_check=cancel)
        with ws.store.read() as s:
            assert s.execute(text("SELECT count(*) FROM fee_lines")).scalar_one() == 0
    finally:
        ws.close()
    proc = started[-1][0]
    assert proc.poll() is not None, "the parsing process still runs after the cancel"


def test_a_process_that_cannot_start_falls_back_to_a_thread(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(import_rows, "PROCESS_MIN_LINES", 0)

    def refuse(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(import_rows.subprocess, "Popen", refuse)
    setl, lines = _files(tmp_path, bad=False)
    ws = new_store(tmp_path)
    try:
        import_file(ws, setl)
        with caplog.at_level("WARNING", logger="workstation.services.import_rows"):
            assert import_file(ws, lines).inserted == 3000
        assert "parsing on a thread" in caplog.text
    finally:
        ws.close()


def test_a_child_that_dies_at_start_falls_back_to_a_thread(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(import_rows, "PROCESS_MIN_LINES", 0)
    # an interpreter that exits at once, as a child that cannot import the package would
    monkeypatch.setattr(import_rows, "_worker_command", lambda: [sys.executable, "-c", "raise SystemExit(3)"])
    setl, lines = _files(tmp_path, bad=False)
    ws = new_store(tmp_path)
    try:
        import_file(ws, setl)
        with caplog.at_level("WARNING", logger="workstation.services.import_rows"):
            assert import_file(ws, lines).inserted == 3000
        assert "did not start (exit code 3)" in caplog.text
    finally:
        ws.close()


def test_a_script_without_main_guard_imports_once(tmp_path):
    """The child is not ``multiprocessing``: it never re-runs the importing script."""
    from bench.bench_import import write_files

    setl, lines = write_files(tmp_path, 60_000)
    marker = tmp_path / "runs.txt"
    script = tmp_path / "script.py"
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})\n"
        f"open({str(marker)!r}, 'a').write('run\\n')\n"
        "from tests.support.stores import new_store\n"
        "from workstation.services.import_service import import_file\n"
        f"ws = new_store({str(tmp_path)!r}, 'script.db')\n"
        f"import_file(ws, {str(setl)!r})\n"
        f"print(import_file(ws, {str(lines)!r}).inserted)\n"
        "ws.close()\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "60000"
    assert marker.read_text().count("run") == 1
