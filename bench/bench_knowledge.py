"""The screen with knowledge points over a store with ≥ 1,000,000 fee lines (issue #18).

Targets, each against a baseline full scan of fee_lines measured in the same run:
- the full screen (eleven fixed rules + 1,000 points across all nine templates) ≤ 15 × the scan;
- the screen with 10,000 points within 1.5 × its time with 1,000 (points are data joined to the
  lines, not a loop of queries);
- the eleven fixed rules alone ≤ 12 × the scan; peak RSS ≤ 500 MB.

Of the 1,000 points (all nine templates taking turns), the first ones name the codes the demo
data bills, each billed code in one point, until those codes run out (about 170 points over
the demo's 260 codes; every fee line then matches a point); the others name codes of the
national lists the region does not bill, as a real knowledge base mostly does. The 10,000 are
those 1,000 plus 9,000 more on unbilled codes. ``matches_10000`` reports the (point, line)
pairs. Both sets are imported from a knowledge file (CSV) before the screens. ``python -m bench.bench_knowledge [small|medium|large]`` (default large).
"""
from __future__ import annotations

import csv
import multiprocessing as mp
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("WORKSTATION_KDF_LOG2N", "10")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_screen import _baseline, _build  # noqa: E402
from bench.util import peak_rss_mb, scratch_dir, timer  # noqa: E402

HEAD = ["rule_id", "template", "rule_name", "item_codes", "other_codes", "med_class_lmt", "hosp_lv_lmt",
        "insutype_lmt", "dise_lmt", "window", "limit", "exclude_dx", "source", "effective_from"]
SHARE = {"ITEM_SCOPE": 300, "ITEM_PAIR": 180, "FREQUENCY": 200, "COURSE_DAYS": 80, "ANNUAL_AMOUNT_CAP": 80,
         "ASSOCIATED_MISSING": 60, "SECONDARY_DISCOUNT": 60, "OVERLAP_INPATIENT": 20, "BED_ONLY_DAYS": 20}


def _point(rng: random.Random, n: int, template: str, draw, common: list[str]) -> list[str]:
    common = rng.sample(common, len(common))
    a = ";".join(draw(rng.randint(1, 2)))
    b = ";".join(c for c in draw(1) if c not in a.split(";"))
    row = {k: "" for k in HEAD}
    row.update(rule_id=f"B{n:05d}", template=template, rule_name=f"bench {template} {n}", source="bench 第一批",
               effective_from="2024-01-01" if n % 7 == 0 else "")
    if template == "ITEM_SCOPE":
        # as in the national lists, most billing of an item is within its scope: the limits
        # leave out a small share (pharmacies, tier-1 clinics, one insurance type)
        row.update(item_codes=a, **rng.choice([{"med_class_lmt": "inpatient;outpatient"}, {"hosp_lv_lmt": "1;2;3"},
                                               {"insutype_lmt": "310;390"}, {"hosp_lv_lmt": "1;2;9"}]))
    elif template == "ITEM_PAIR":
        row.update(item_codes=a, other_codes=b or "NONE", window=rng.choice(["hour", "day", "settlement", "hours:6",
                                                                             "hours:24"]))
    elif template == "FREQUENCY":
        row.update(item_codes=a, window=rng.choice(["hour", "day", "days:7", "days:30", "days:90"]),
                   limit=str(rng.choice([4, 6, 10, 20])))
    elif template == "COURSE_DAYS":
        row.update(item_codes=a, limit=str(rng.choice([7, 10, 14])))
    elif template == "ANNUAL_AMOUNT_CAP":
        row.update(item_codes=a, limit=str(rng.choice([3000, 10000, 50000])))
    elif template == "ASSOCIATED_MISSING":
        row.update(item_codes=a, other_codes=next((c for c in common if c not in a.split(";")), "NONE"))
    elif template == "SECONDARY_DISCOUNT":
        row.update(item_codes=a, limit=rng.choice(["0.5", "0.7"]))
    elif template == "BED_ONLY_DAYS":
        row.update(limit=str(rng.choice([3, 5, 7])))
    elif template == "OVERLAP_INPATIENT":
        row.update(exclude_dx="Z49" if n % 2 else "")
    return [row[k] for k in HEAD]


def _knowledge(path: Path, present: list[str], total: int, common: list[str]) -> Path:
    """The first 1,000 points: each billed code named by one point (codes drawn without
    replacement, templates taking turns) until the codes run out, the others on unbilled
    national codes; beyond 1,000 only unbilled codes."""
    base_rng = random.Random("bench-knowledge")
    pool = base_rng.sample(present, len(present))
    absent = iter(f"XN{i:06d}0101" for i in range(100_000))

    def draw_data(k: int) -> list[str]:
        return [pool.pop() for _ in range(min(k, len(pool)))] or [next(absent)]

    def draw_absent(k: int) -> list[str]:
        return [next(absent) for _ in range(k)]

    order = [t for i in range(max(SHARE.values())) for t, k in SHARE.items() if i < k]
    rows = []
    for n, template in enumerate(order, 1):
        draw = draw_data if len(pool) >= 3 else draw_absent
        rows.append(_point(base_rng, n, template, draw, common if draw is draw_data else ["XN_NONE"]))
    rng = random.Random(f"bench-knowledge:{total}")
    templates = [t for t in SHARE if t not in ("OVERLAP_INPATIENT", "BED_ONLY_DAYS")]
    n = len(rows)
    while len(rows) < total:  # the rest: national codes the region does not bill
        n += 1
        rows.append(_point(rng, n, templates[n % len(templates)], draw_absent, ["XN_NONE"]))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEAD)
        w.writerows(rows)
    return path


def main(argv: list[str]) -> dict:
    size = argv[0] if argv else os.environ.get("WORKSTATION_BENCH_SCREEN_SIZE", "large")
    folder = scratch_dir("ws-bench-knowledge-")
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    child = ctx.Process(target=_build, args=(str(folder), size, q))
    child.start()
    built = q.get()
    child.join()

    from sqlalchemy import text

    from tests.support.stores import login
    from workstation.services import import_service, knowledge_service
    from workstation.services import screening_service as ss

    ws = login(Path(built["db"]), "admin")
    try:
        with ws.store.read() as s:
            fee_lines = s.execute(text("SELECT count(*) FROM fee_lines")).scalar_one()
            present = sorted(s.execute(text("SELECT med_list_codg FROM catalog_items")).scalars())
            # the codes billed most (infusion sets, consultations): partners of ASSOCIATED_MISSING points
            common = list(s.execute(text("SELECT med_list_codg FROM fee_lines GROUP BY med_list_codg "
                                         "ORDER BY count(*) DESC LIMIT 20")).scalars())
        scans = [_baseline(ws)]
        with timer() as t_fixed:
            ss.run_screen(ws, list(ss.rule_ids()))
        scans.append(_baseline(ws))
        import_service.import_file(ws, _knowledge(folder / "k1000.csv", present, 1_000, common))
        with timer() as t_1000:
            r1000 = ss.run_screen(ws)
        scans.append(_baseline(ws))
        import_service.import_file(ws, _knowledge(folder / "k10000.csv", present, 10_000, common))
        assert len(knowledge_service.active_rule_ids(ws)) == 10_000
        with timer() as t_10000:
            r10000 = ss.run_screen(ws)
        scans.append(_baseline(ws))
        baseline = min(scans)
        flags_1000 = sum(x.count for x in r1000.summary)
        with ws.store.read() as s:
            # lines per code first (one scan): joining terms to fee_lines directly makes SQLite
            # scan the lines once per term
            matches = s.execute(text(
                "SELECT coalesce(sum(g.n), 0) FROM (SELECT med_list_codg AS c, count(*) AS n FROM fee_lines "
                "GROUP BY med_list_codg) g JOIN knowledge_terms t ON t.value = g.c AND t.kind IN ('item', 'other')"
            )).scalar_one()
        flags_10000 = sum(x.count for x in r10000.summary)
        rss = peak_rss_mb()
        ratio_fixed = t_fixed["seconds"] / baseline
        ratio_1000 = t_1000["seconds"] / baseline
        growth = t_10000["seconds"] / t_1000["seconds"]
        return {"bench": "knowledge", "size": size, "fee_lines": fee_lines,
                "seconds_baseline_scan": round(baseline, 3), "scans": [round(x, 3) for x in scans],
                "seconds_fixed_rules": round(t_fixed["seconds"], 3), "ratio_fixed": round(ratio_fixed, 2),
                "seconds_screen_1000_points": round(t_1000["seconds"], 3), "ratio_1000": round(ratio_1000, 2),
                "seconds_screen_10000_points": round(t_10000["seconds"], 3), "growth_10000_over_1000": round(growth, 2),
                "flags_1000": flags_1000, "flags_10000": flags_10000, "matches_10000": matches,
                "peak_rss_mb": round(rss, 1), "load_average_1m": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
                "ok": (ratio_fixed <= 12 and ratio_1000 <= 15 and growth <= 1.5 and rss <= 500
                       and fee_lines >= (1_000_000 if size == "large" else 0))}
    finally:
        ws.close()
        for p in sorted(folder.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        folder.rmdir()


if __name__ == "__main__":
    import json

    print(json.dumps(main(sys.argv[1:]), ensure_ascii=False))
