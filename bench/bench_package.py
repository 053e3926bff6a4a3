"""Work packages and backups on a large reviewer load (issue #9).

A store with ``units`` review units (8 fee lines each) assigned to one
reviewer; measured: export of the work package, import on a fresh laptop
store, review of ``findings`` findings there (not timed), export of the
results and merge back; plus a full backup and a verified restore. Baseline
in the same run: the same steps for a tenth of the units, to show how the
cost grows. Sizes in bytes; wall times suffer when other work shares the CPU.

Usage: python -m bench package [--units N]
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.util import peak_rss_mb, scratch_dir, timer  # noqa: E402

PKG = "bench-package-pass"


def _run(folder: Path, units: int, findings: int) -> dict:
    from sqlalchemy import select

    from tests.support.review_data import seed_units
    from tests.support.stores import FAST_KDF, PASSPHRASES, login, new_store
    from workstation.services import auth_service, backup_service, package_merge, package_service
    from workstation.store.models.claims import FeeLineRow
    from workstation.store.models.review import FindingRow, FindingLineRow, ReviewUnitRow

    ws = new_store(folder)
    seed_units(ws, n=units, lines=8, reviewer="reviewer")
    sup = login(ws.store.path, "supervisor")
    out: dict = {"units": units}
    with timer() as t:
        r = package_service.export_work(sup, folder / "w.wspkg", PKG, users=["reviewer"])
    out |= {"seconds_export": round(t["seconds"], 2), "bytes_package": (folder / "w.wspkg").stat().st_size}
    laptop = auth_service.create_store(folder / "laptop.db", "reviewer", PASSPHRASES["reviewer"], kdf=FAST_KDF)
    with timer() as t:
        package_service.import_package(laptop, folder / "w.wspkg", PKG)
    out["seconds_import"] = round(t["seconds"], 2)
    # Findings written straight through the models (the review service's per-edit cost is not measured here).
    import uuid as _uuid
    with laptop.store.session() as s:
        rows = s.execute(select(ReviewUnitRow.id, ReviewUnitRow.setl_id).limit(findings)).all()
        for uid, setl in rows:
            line = s.execute(select(FeeLineRow.id).where(FeeLineRow.setl_id == setl).limit(1)).scalar_one()
            f = FindingRow(uuid=str(_uuid.uuid4()), unit_id=uid, category="duplicate_charge", amount=100,
                           amount_auto=100, created_by="reviewer", updated_by="reviewer", version=1)
            s.add(f)
            s.flush()
            s.add(FindingLineRow(finding_id=f.id, fee_line_id=line))
            laptop.log(s, "review.finding.create", "finding", f.id, after={"uuid": f.uuid}, details={"unit": uid})
    with timer() as t:
        res = package_service.export_results(laptop, folder / "r.wspkg", PKG)
    out |= {"seconds_results": round(t["seconds"], 2), "bytes_results": (folder / "r.wspkg").stat().st_size}
    with timer() as t:
        m = package_merge.merge_results(sup, folder / "r.wspkg", PKG)
    out |= {"seconds_merge": round(t["seconds"], 2), "merged_findings": m.findings}
    with timer() as t:
        package_merge.merge_results(sup, folder / "r.wspkg", PKG)
    out["seconds_merge_again"] = round(t["seconds"], 2)
    sup.store.checkpoint()
    with timer() as t:
        b = backup_service.backup(sup, folder / "s.wsbak")
    out |= {"seconds_backup": round(t["seconds"], 2), "bytes_backup": b.size,
            "bytes_store": ws.store.path.stat().st_size}
    with timer() as t:
        backup_service.restore_and_verify(folder / "s.wsbak", folder / "restored.db", "admin", PASSPHRASES["admin"])
    out["seconds_restore_verify"] = round(t["seconds"], 2)
    laptop.close()
    sup.close()
    ws.close()
    assert r.units == units and res.findings == findings and m.findings == findings
    return out


def main(argv: list[str]) -> dict:
    units = int(argv[argv.index("--units") + 1]) if "--units" in argv else 5000
    base_dir, big_dir = scratch_dir("bench-pkg-base-"), scratch_dir("bench-pkg-")
    try:
        t0 = time.perf_counter()
        baseline = _run(base_dir, max(units // 10, 10), max(units // 50, 2))
        result = _run(big_dir, units, max(units // 5, 2))
        return {"bench": "package", "result": result, "baseline": baseline,
                "seconds_total": round(time.perf_counter() - t0, 1), "peak_rss_mb": round(peak_rss_mb(), 1)}
    finally:
        shutil.rmtree(base_dir, ignore_errors=True)
        shutil.rmtree(big_dir, ignore_errors=True)


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:])))
