"""Make the fixture store of the current schema version for the upgrade test.

    PYTHONPATH=$PWD python tools/make_fixture_store.py        # writes tests/fixtures/stores/v<N>/

Run it once per *released* schema version (right before the release that
introduces it) and commit the folder; never re-make an existing one: the
point of ``tests/store/test_schema_upgrade.py`` is that today's program opens
and upgrades the stores that yesterday's program wrote. The store is small:
three users (passphrases in ``tests/fixtures/stores/passphrases.json``), a
dozen settlements imported from CSV, a drawn and assigned sample, reviewed
units with findings and image evidence, a dossier approved and signed by two
people, and the events of all of it. ``expected.json`` beside the store records
what the test checks after the upgrade.

Everything goes through the ``workstation`` commands and services, as a user
would make it, so the events and signatures are real. The key derivation is
made cheap (fixtures are not secrets), which the key slots record.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
os.environ.setdefault("WORKSTATION_NO_LOGFILE", "1")

from workstation.cli.main import main as cli  # noqa: E402
from workstation.services import auth_service, claims_query, evidence_service, review_service  # noqa: E402
from workstation.store.schema_version import head_version  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "stores"
PASSPHRASES = FIXTURES / "passphrases.json"
INSTITUTION, INSTITUTION_NAME = "H41070200003", "新乡市第一人民医院"

SETTLEMENT_HEADER = ("结算ID,就诊ID,人员编号,人员姓名,性别,出生日期,证件号码,险种类型,医疗类别,结算方式,异地标志,"
                     "定点医药机构编号,定点医药机构名称,医院等级,入院日期,出院日期,结算时间,主诊断编码,主诊断名称,"
                     "医疗费总额,符合政策范围金额,统筹基金支出,职工大额医疗费用补助基金支出,公务员医疗补助资金支出,"
                     "个人账户支出,个人现金支出").split(",")
LINE_HEADER = ("setl_id,feedetl_sn,med_list_codg,hilist_name,med_chrgitm_type,chrgitm_lv,fee_ocur_time,cnt,pric,"
               "det_item_fee_sumamt,pric_uplmt_amt,bilg_dept_name,bilg_dr_name,备注").split(",")
ITEMS = (("001102000010000", "床位费（三人间）", "1", 35_00), ("001201000020000", "一级护理", "07", 30_00),
         ("250101001000000", "血细胞分析（五分类）", "04", 25_00), ("XA01BCX000000", "注射用头孢曲松钠", "11", 48_50))


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _claims(folder: Path, rng: random.Random, n: int = 12) -> list[Path]:
    """Settlements and fee lines of one institution, as an export would have them (fictional people)."""
    settlements, lines = io.StringIO(), io.StringIO()
    sw, lw = csv.writer(settlements), csv.writer(lines)
    sw.writerow(SETTLEMENT_HEADER)
    lw.writerow(LINE_HEADER)
    for i in range(1, n + 1):
        setl, day = f"FX{i:04d}", 1 + i
        fees = []
        for k in range(3):
            code, name, kind, price = ITEMS[(i + k) % len(ITEMS)]
            cnt = 1 + rng.randrange(3)
            fees.append(cnt * price)
            lw.writerow([setl, f"{k + 1:05d}", code, name, kind, "01", f"2025-03-{day:02d} 08:00:00", cnt,
                         _yuan(price), _yuan(cnt * price), "", "神经内科", "测试医生", ""])
        total = sum(fees)
        sw.writerow([setl, f"MX{i:04d}", f"PX{i:06d}", f"测试{i:02d}", "男" if i % 2 else "女", "1960-03-01",
                     f"41070219600301{i:03d}X", "310", "21", "1", "0", INSTITUTION, INSTITUTION_NAME, "1",
                     f"2025-03-{day:02d}", f"2025-03-{day + 3:02d}", f"2025-03-{day + 3:02d} 10:00:00", "I63.9",
                     "脑梗死", _yuan(total), _yuan(total), _yuan(total * 7 // 10), "0", "0", "0",
                     _yuan(total - total * 7 // 10)])
    out = []
    for name, buf in (("settlements.csv", settlements), ("fee_lines.csv", lines)):
        path = folder / name
        path.write_text(buf.getvalue(), encoding="utf-8")
        out.append(path)
    return out


def _png(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (80, 60), (240, 240, 230))
    ImageDraw.Draw(im).rectangle([rng.randrange(40), rng.randrange(30), 70, 50], outline=(30, 60, 90), width=2)
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


def _run(db: Path, user: str, passphrases: dict, *args: str) -> dict:
    """One ``workstation --json`` command as ``user``; its JSON output."""
    os.environ["WORKSTATION_USER"], os.environ["WORKSTATION_PASSPHRASE"] = user, passphrases[user]
    out = io.StringIO()
    stdout, sys.stdout = sys.stdout, out
    try:
        code = cli(["--db", str(db), "--json", *args])
    finally:
        sys.stdout = stdout
    if code != 0:
        raise SystemExit(f"workstation {' '.join(args)} failed with exit {code}")
    text = out.getvalue().strip()
    return json.loads(text) if text else {}


def make(folder: Path) -> dict:
    passphrases = json.loads(PASSPHRASES.read_text(encoding="utf-8"))
    db = folder / "store.db"
    rng = random.Random(20261201)
    _run(db, "admin", passphrases, "init", "--user", "admin")
    for name, role in (("supervisor", "supervisor"), ("reviewer", "reviewer")):
        os.environ["WORKSTATION_NEW_PASSPHRASE"] = passphrases[name]
        _run(db, "admin", passphrases, "user", "add", name, "--role", role, "--display-name", f"固定{name}")
    with tempfile.TemporaryDirectory(prefix="fixture-claims-") as tmp:
        _run(db, "admin", passphrases, "import", *map(str, _claims(Path(tmp), rng)))
    sample = _run(db, "supervisor", passphrases, "sample", "--method", "srs", "--size", "6", "--seed", "fixture")
    _run(db, "supervisor", passphrases, "sample", "assign", str(sample["sample_id"]), "--reviewers", "reviewer")

    ws = auth_service.unlock(db, "reviewer", passphrases["reviewer"])
    findings = evidence = 0
    try:
        units = review_service.queue(ws).items
        for i, unit in enumerate(units[:4]):
            detail = claims_query.settlement_detail(ws, unit.setl_id)
            if i < 3:
                line_ids = [ln.id for ln in detail.lines][:1 + i % 2]
                category = "over_standard" if i % 2 else "duplicate_charge"
                fid = review_service.create_finding(ws, unit.unit_id, line_ids, category,
                                                    basis="《医疗保障基金使用监督管理条例》第三十八条",
                                                    note=f"第 {i + 1} 项：收费与病历不符。")
                findings += 1
                evidence_service.attach(ws, fid, f"病历第{i + 1}页.png", _png(rng))
                evidence += 1
                review_service.decide_unit(ws, unit.unit_id, "violation")
            else:
                review_service.decide_unit(ws, unit.unit_id, "compliant")
            review_service.submit_unit(ws, unit.unit_id)
    finally:
        ws.close()

    dossier = _run(db, "reviewer", passphrases, "dossier", "build", "--institution", INSTITUTION)
    did = str(dossier["dossier_id"])
    _run(db, "reviewer", passphrases, "dossier", "submit", did)
    approved = _run(db, "supervisor", passphrases, "dossier", "approve", did)
    audit = _run(db, "admin", passphrases, "audit", "verify")
    users = sorted(u["user"] for u in _run(db, "admin", passphrases, "user", "list")["users"])
    expected = {
        "schema_version": head_version(),
        "users": users,
        "samples": 1,
        "sample_size": sample["sample_size"] if "sample_size" in sample else len(sample["selected"]),
        "findings": findings,
        "evidence": evidence,
        "dossier": {"id": int(did), "status": approved["status"], "findings": dossier["findings"]},
        "events": audit["events"],
    }
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="folder (default tests/fixtures/stores/v<N>)")
    args = parser.parse_args(argv)
    folder = args.out or FIXTURES / f"v{head_version()}"
    if (folder / "store.db").exists():
        print(f"{folder} exists: a released version's fixture is never re-made", file=sys.stderr)
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    expected = make(folder)
    print(json.dumps(expected, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
