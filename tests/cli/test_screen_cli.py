"""``workstation screen`` as a user runs it: JSON of spec/cli.md."""
from __future__ import annotations

import re

from tests.support.cli import run_cli, run_inproc
from tests.support.screen_data import add, catalog, line, settlement
from tests.support.stores import PASSPHRASES


def _data(ws):
    add(ws, settlement("A", setl_time="2025-02-01 10:00:00", hifp_pay=100_00, hifob_pay=5_00),
        settlement("B", setl_time="2025-02-02 10:00:00", hifp_pay=100_00, hifob_pay=5_00),
        catalog("C001", pric_uplmt_amt=8_00), line("A", "1"), line("A", "2"), line("B", "1", pric=9_00))


def test_screen_json_shape_and_amounts(ws):
    _data(ws)
    path = str(ws.store.path)
    ws.close()
    run = run_cli(["--db", path, "--json", "screen"], user="reviewer", passphrase=PASSPHRASES["reviewer"])
    assert run.code == 0, run.err
    doc = run.json
    assert set(doc) >= {"flags", "summary"}
    assert len(doc["summary"]) == 11
    for flag in doc["flags"]:
        assert set(flag) == {"rule", "setl_id", "feedetl_sn", "amount"}
        assert re.fullmatch(r"-?\d+\.\d\d", flag["amount"])
    for rule, s in doc["summary"].items():
        assert isinstance(s["count"], int) and re.fullmatch(r"-?\d+\.\d\d", s["amount"])
        assert s["count"] == sum(1 for f in doc["flags"] if f["rule"] == rule)
    settlement_level = [f for f in doc["flags"] if f["rule"] == "DUPLICATE_SETTLEMENT"]
    assert settlement_level == [{"rule": "DUPLICATE_SETTLEMENT", "setl_id": "B", "feedetl_sn": None,
                                 "amount": "105.00"}]
    assert doc["summary"]["DUPLICATE_CHARGE"] == {"count": 1, "amount": "10.00"}
    # lines: A/1 2.00, A/2 max(10.00, 2.00), B/1 1.00; settlements: A 5.00 (supp before cap),
    # B max(105.00 duplicate, 5.00 supp before cap)
    assert doc["total"] == {"count": 7, "amount": "123.00"}


def test_screen_one_rule_repeated_run_no_duplicates(ws, monkeypatch):
    _data(ws)
    path = str(ws.store.path)
    args = ["--db", path, "--json", "screen", "--rule", "PRICE_OVER_LIMIT", "--rule", "DUPLICATE_CHARGE"]
    first = run_inproc(args, monkeypatch, user="admin", passphrase=PASSPHRASES["admin"])
    second = run_inproc(args, monkeypatch, user="admin", passphrase=PASSPHRASES["admin"])
    assert first.code == 0 and second.json["flags"] == first.json["flags"]
    assert set(first.json["summary"]) == {"PRICE_OVER_LIMIT", "DUPLICATE_CHARGE"}
    bad = run_inproc(["--db", path, "--json", "screen", "--rule", "NOPE"], monkeypatch, user="admin",
                     passphrase=PASSPHRASES["admin"])
    assert bad.code == 2 and bad.out == ""
