"""`workstation sample ...` and `workstation appraise` per spec/cli.md."""
from __future__ import annotations

import hashlib
import math

import pytest
from scipy import stats

from tests.services.test_sampling_service import add_settlements
from tests.support.cli import run_cli, run_inproc
from tests.support.stores import PASSPHRASES


def _run(ws, args, monkeypatch, user="admin"):
    return run_inproc(["--db", str(ws.store.path), "--json", *args], monkeypatch, user=user,
                      passphrase=PASSPHRASES[user])


def test_sample_list_verify_and_exit_1_after_import(ws, monkeypatch, tmp_path):
    rows = add_settlements(ws, 300)
    r = _run(ws, ["sample", "--method", "srs", "--rate", "0.05", "--from", "2025-01-01", "--to", "2025-03-31",
                  "--filter", "med_type=inpatient", "--filter", "medfee_sumamt>=1000.00", "--seed", "123"],
             monkeypatch)
    assert r.code == 0, r.err
    out = r.json
    assert set(out) >= {"sample_id", "method", "seed", "frame_size", "frame_sha256", "strata", "selected"}
    frame = sorted(x["setl_id"] for x in rows if (x["med_type"] == "21" or (len(x["med_type"]) == 4 and
                   x["med_type"].startswith("21"))) and x["medfee_sumamt"] >= 100_000)
    assert out["frame_size"] == len(frame)
    assert out["frame_sha256"] == hashlib.sha256("\n".join(frame).encode()).hexdigest()
    assert out["selected"] == sorted(out["selected"]) and len(out["selected"]) == math.ceil(len(frame) / 20)

    lst = _run(ws, ["sample", "list"], monkeypatch).json["samples"]
    assert lst[0]["sample_id"] == out["sample_id"] and lst[0]["reviewed"] == 0
    assert set(lst[0]) >= {"sample_id", "method", "seed", "frame_size", "sample_size", "reviewed"}

    v = _run(ws, ["sample", "verify", str(out["sample_id"])], monkeypatch)
    assert v.code == 0 and v.json["frame_matches"] and v.json["selection_matches"]
    add_settlements(ws, 20, start=7000, day="2025-03-30", med_type="21", medfee_sumamt=500_000)
    v = _run(ws, ["sample", "verify", out["code"]], monkeypatch)
    assert v.code == 1 and v.json["frame_matches"] is False
    assert v.json["sample_id"] == out["sample_id"]


def test_preset_stratified_assign_record_and_permissions(ws, monkeypatch, tmp_path):
    add_settlements(ws, 200)
    r = _run(ws, ["sample", "--preset", "cross-province-inpatient-20pct", "--seed", "002"], monkeypatch)
    assert r.code == 0, r.err
    assert r.json["preset"] == "cross-province-inpatient-20pct"
    st = _run(ws, ["sample", "--method", "stratified", "--size", "30", "--strata", "fixmedins_code",
                   "--seed", "9"], monkeypatch).json
    assert sum(x["sample_size"] for x in st["strata"]) == 30
    a = _run(ws, ["sample", "assign", str(st["sample_id"]), "--reviewers", "reviewer,reviewer2", "--by", "count"],
             monkeypatch)
    assert a.code == 0 and a.json["assigned"] == {"reviewer": 15, "reviewer2": 15}
    pdf = tmp_path / "rec.pdf"
    rec = _run(ws, ["sample", "record", str(st["sample_id"]), str(pdf)], monkeypatch)
    assert rec.code == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert rec.json["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    denied = _run(ws, ["sample", "--method", "census", "--seed", "1"], monkeypatch, user="reviewer")
    assert denied.code == 3 and denied.out == ""
    bad = _run(ws, ["sample", "--method", "srs", "--size", "5", "--filter", "nonsense", "--seed", "1"], monkeypatch)
    assert bad.code == 2
    missing = _run(ws, ["sample", "verify", "S-1999-0001"], monkeypatch)
    assert missing.code == 2


def test_appraise_csv_unrestricted_stratified_attribute(tmp_path):
    f = tmp_path / "results.csv"
    f.write_text("stratum,value\nA,0\nA,12.50\nA,0\nA,100.00\nB,5.00\nB,0\nB,7.25\n", encoding="utf-8")
    r = run_cli(["--json", "appraise", str(f), "--universe", "700", "--confidence", "0.95"])
    assert r.code == 0, r.err
    ys = [0, 12.5, 0, 100, 5, 0, 7.25]
    n = len(ys)
    mean = sum(ys) / n
    s = stats.tstd(ys)
    se = 700 * s / math.sqrt(n) * math.sqrt(1 - n / 700)
    t = stats.t.ppf(0.975, n - 1)
    j = r.json
    assert set(j) >= {"method", "confidence", "universe_size", "sample_size", "point_estimate", "standard_error",
                      "lower", "upper", "precision", "df"}
    assert j["point_estimate"] == pytest.approx(700 * mean, abs=0.005)
    assert j["lower"] == pytest.approx(700 * mean - t * se, abs=0.005)
    assert j["df"] == n - 1 and j["sample_size"] == n

    sf = tmp_path / "strata.csv"
    sf.write_text("stratum,universe_size\nA,400\nB,300\n", encoding="utf-8")
    r = run_cli(["--json", "appraise", str(f), "--universe", "700", "--strata-file", str(sf)])
    assert r.code == 0, r.err
    assert r.json["method"] == "stratified"
    assert r.json["point_estimate"] == pytest.approx(400 * 112.5 / 4 + 300 * 12.25 / 3, abs=0.005)

    r = run_cli(["--json", "appraise", str(f), "--universe", "700", "--attribute"])
    assert r.code == 0 and r.json["errors"] == 4 and r.json["point_estimate"] == pytest.approx(400)

    zero = tmp_path / "zero.csv"
    zero.write_text("value\n0\n0\n0\n", encoding="utf-8")
    r = run_cli(["--json", "appraise", str(zero), "--universe", "50"])
    assert r.code == 0 and r.json["precision"] is None and r.json["standard_error"] == 0

    one = tmp_path / "one.csv"
    one.write_text("stratum,value\nA,1\nB,1\nB,2\n", encoding="utf-8")
    r = run_cli(["--json", "appraise", str(one), "--strata-file", str(sf)])
    assert r.code == 2 and r.out == ""  # a one-unit stratum that is not a census
