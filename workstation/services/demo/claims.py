"""Demo step "claims": catalog, institutions, a year (2025) of settlements and fee lines.

Synthetic but realistic: Chinese names, 18-digit ID numbers with a correct
check digit and the birth date inside, a dozen hospitals and pharmacies in
Xinxiang, plausible diagnoses, inpatient stays with daily bed, nursing and drug
lines, outpatient visits, pharmacy purchases, manual reimbursements,
cross-province care, and the supplementary layer above the basic fund's cap.
Known violations of every screening rule are mixed in at low rates; the counts
returned say how many of each were planted (``planted_<RULE>``).

Rows go in with ``executemany`` on the session's connection, in chunks, so the
large size (≥ 1,000,000 fee lines) builds in minutes with flat memory.
"""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from dataclasses import dataclass, field

from ...core import import_format as fmt
from ...core.money import round_half_up_fen
from ...store.models.claims import ImportBatchRow
from ..import_service import row_digest
from ..workspace import Workspace
from . import claims_data as D
from ...store import dialect

YEAR = 2025
BASIC_CAP = 100_000_00
SUPP_CAP = 400_000_00
SIZES = {"small": (2_000, 400, 0), "medium": (50_000, 8_000, 0), "large": (80_000, 12_000, 1_000_000)}
MANUFACTURERS = ("华北制药", "石药集团", "齐鲁制药", "扬子江药业", "恒瑞医药", "辅仁药业")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643 check character of an 18-digit resident ID number."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


@dataclass
class Person:
    psn_no: str
    name: str
    gend: str
    brdy: dt.date
    certno: str
    insutype: str
    profile: str  # ordinary | chronic | costly | extreme | child
    civil_servant: bool = False
    ignore_cap: bool = False  # the supplementary fund forgets its annual cap for this person (planted)
    basic: int = 0  # cumulative hifp_pay this year (fen)
    supp: int = 0  # cumulative hifob_pay this year


@dataclass
class Item:
    code: str
    name: str
    type: str
    level: str
    cap: int | None
    gend: str | None
    age_min: int | None
    age_max: int | None
    max_daily: int | None  # × CNT_SCALE
    kind: str = ""


@dataclass
class Visit:
    person: Person
    kind: str  # out | chronic | in | costly | child | maternity | pharmacy
    inst: tuple
    begn: dt.date
    end: dt.date
    dise: tuple
    setl_type: str = "1"
    source: "Visit | None" = None  # the visit this one repeats (DUPLICATE_SETTLEMENT)
    plant: set = field(default_factory=set)
    setl_at: dt.datetime | None = None


def _catalog(rng: random.Random) -> list[Item]:
    items = []
    for code, name, typ, lv, cap, gend, amin, amax, mx in D.BASE_ITEMS:
        items.append(Item(code, name, typ, lv, fmt.parse_amount(cap), gend, amin, amax, fmt.parse_cnt(mx)))
    for stem, name, typ, lv, cap, amin, amax, mx, kind, specs in D.DRUGS:
        base = fmt.parse_amount(cap)
        for si, spec in enumerate(specs):
            for mi, maker in enumerate(MANUFACTURERS[: 6 if len(specs) == 1 else 5]):
                price = base * (100 + 15 * si - 6 * mi) // 100
                items.append(Item(f"{stem}{si + 1:02d}{mi + 1:02d}0101", f"{name}（{spec}，{maker}）", typ, lv, price,
                                  None, amin, amax, fmt.parse_cnt(mx), kind))
    return items


def _person(rng: random.Random, i: int, profile: str) -> Person:
    area = rng.choice(D.AREAS)[0]
    if profile == "child":
        born = dt.date(rng.randint(2012, 2023), rng.randint(1, 12), rng.randint(1, 28))
    else:
        born = dt.date(rng.randint(1940, 2000), rng.randint(1, 12), rng.randint(1, 28))
    gend = rng.choice("12")
    seq = rng.randint(0, 49) * 2 + (1 if gend == "1" else 0)  # odd 17th digit for men
    first17 = f"{area}{born:%Y%m%d}{rng.randint(0, 9)}{seq:02d}"
    surname = rng.choice(D.SURNAMES)
    given = rng.choice(D.GIVEN) + (rng.choice(D.GIVEN) if rng.random() < 0.6 else "")
    insutype = "390" if profile == "child" or (profile == "ordinary" and rng.random() < 0.3) else "310"
    return Person(f"4107{i + 1:08d}", surname + given, gend, born, first17 + id_check_digit(first17), insutype,
                  profile, civil_servant=insutype == "310" and rng.random() < 0.08)


class _Builder:
    def __init__(self, ws: Workspace, rng: random.Random, size: str) -> None:
        self.ws, self.rng, self.size = ws, rng, size
        self.n_setl, self.n_people, self.min_lines = SIZES[size]
        self.items = _catalog(rng)
        self.by_kind: dict[str, list[Item]] = {}
        for it in self.items:
            if it.type in ("09", "10", "11"):
                self.by_kind.setdefault(it.kind, []).append(it)
        self.by_name = {it.name: it for it in self.items}
        self.hospitals = [i for i in D.INSTITUTIONS if not i[3] and i[4] == "0"]
        self.pharmacies = [i for i in D.INSTITUTIONS if i[3]]
        self.offsite = [i for i in D.INSTITUTIONS if i[4] != "0"]
        self.planted: dict[str, int] = {}
        self.setl_rows: list[tuple] = []
        self.line_rows: list[tuple] = []
        self.count_setl = self.count_lines = 0

    def item(self, name: str) -> Item:
        return self.by_name[name]

    def plant(self, rule: str) -> None:
        self.planted[rule] = self.planted.get(rule, 0) + 1

    # -- planning visits -------------------------------------------------------
    def people(self) -> list[Person]:
        rng = self.rng
        out = []
        for i in range(self.n_people):
            r = rng.random()
            profile = "child" if r < 0.12 else "chronic" if r < 0.40 else "ordinary"
            out.append(_person(rng, i, profile))
        costly = max(3, self.n_people // 80)
        for p in rng.sample([p for p in out if p.profile == "ordinary" and p.insutype == "310"], costly + 2):
            p.profile = "costly"
        extreme = [p for p in out if p.profile == "costly"][:2]
        for p in extreme:
            p.profile = "extreme"
        extreme[0].ignore_cap = True
        return out

    def day(self, start: int = 0, end: int = 364) -> dt.date:
        return dt.date(YEAR, 1, 1) + dt.timedelta(days=self.rng.randint(start, end))

    def plan(self, people: list[Person]) -> list[Visit]:
        rng = self.rng
        visits: list[Visit] = []
        dx = {k: [d for d in D.DIAGNOSES if d[2] == k] for k in ("out", "chronic", "in", "costly", "child",
                                                               "maternity")}
        heavy = [p for p in people if p.profile in ("costly", "extreme")]
        for p in heavy:  # several long, expensive stays: they cross the basic cap during the year
            stays = 7 if p.profile == "extreme" else rng.randint(4, 6)
            start = rng.randint(0, 40)
            dise = rng.choice(dx["costly"])
            inst = rng.choice(self.hospitals[:4])
            for _ in range(stays):
                begn = dt.date(YEAR, 1, 1) + dt.timedelta(days=start)
                end = begn + dt.timedelta(days=rng.randint(18, 24))
                if end.year > YEAR:
                    break
                visits.append(Visit(p, "costly", inst, begn, end, dise))
                start = (end - dt.date(YEAR, 1, 1)).days + rng.randint(17, 22)
        others = [p for p in people if p.profile not in ("costly", "extreme")]
        while len(visits) < self.n_setl:
            p = rng.choice(others)
            r = rng.random()
            if p.profile == "child":
                kind = "in" if r < 0.08 else "child"
            elif p.profile == "chronic":
                kind = "chronic" if r < 0.55 else "pharmacy" if r < 0.75 else "in" if r < 0.93 else "out"
            else:
                kind = "out" if r < 0.55 else "pharmacy" if r < 0.75 else "in" if r < 0.96 else "maternity"
            if kind == "maternity" and (p.gend != "2" or not 1980 <= p.brdy.year <= 2002):
                kind = "out"
            begn = self.day()
            if kind in ("in", "maternity"):
                end = begn + dt.timedelta(days=rng.randint(3, 12) if kind == "in" else rng.randint(4, 6))
                if end.year > YEAR:
                    continue
                dise = rng.choice(dx["maternity"] if kind == "maternity" else dx["in"])
                if dise[0] == "N40" and p.gend != "1":
                    dise = dx["in"][0]
                inst = rng.choice(self.hospitals[:8])
            else:
                end = begn
                dise = rng.choice(dx["chronic" if kind in ("chronic", "pharmacy") and p.profile == "chronic" else
                                     "child" if kind == "child" else "out"])
                inst = rng.choice(self.pharmacies if kind == "pharmacy" else self.hospitals)
            v = Visit(p, kind, inst, begn, end, dise)
            if kind in ("in", "out") and rng.random() < 0.04:  # care elsewhere, reimbursed by hand afterwards
                v.inst = rng.choice(self.offsite)
                v.setl_type = "2"
            visits.append(v)
            if kind == "in" and rng.random() < 0.02:  # readmitted at the same hospital within 15 days
                b2 = end + dt.timedelta(days=rng.randint(1, 14))
                e2 = b2 + dt.timedelta(days=rng.randint(3, 8))
                if e2.year == YEAR:
                    visits.append(Visit(p, "in", v.inst, b2, e2, v.dise, setl_type=v.setl_type))
                    self.plant("SPLIT_HOSPITALIZATION")
        for v in visits:
            if v.setl_type == "2":  # manual reimbursement: settled weeks after discharge
                v.setl_at = dt.datetime.combine(v.end + dt.timedelta(days=self.rng.randint(20, 60)),
                                                dt.time(rng.randint(9, 16), rng.randint(0, 59), rng.randint(0, 59)))
                if v.setl_at.year > YEAR:
                    v.setl_at = dt.datetime(YEAR, 12, 31, 16, 0, 0)
            else:
                v.setl_at = dt.datetime.combine(v.end, dt.time(rng.randint(8, 18), rng.randint(0, 59),
                                                               rng.randint(0, 59)))
        # A handful of settlements submitted twice (a manual claim for a visit already settled).
        n_dup = max(2, len(visits) // 400)
        for i in rng.sample(range(len(visits)), n_dup):
            src = visits[i]
            if src.kind in ("costly",):
                continue
            dup = Visit(src.person, src.kind, src.inst, src.begn, src.end, src.dise, setl_type="2", source=src)
            dup.setl_at = min(src.setl_at + dt.timedelta(days=rng.randint(10, 40)), dt.datetime(YEAR, 12, 31, 17))
            visits.append(dup)
            self.plant("DUPLICATE_SETTLEMENT")
        visits.sort(key=lambda v: v.setl_at)
        return visits

    # -- fee lines -------------------------------------------------------------
    def lines_for(self, v: Visit) -> list[tuple]:
        """(item, fee time, cnt, pric, own cap) of one visit."""
        rng = self.rng
        p = v.person
        out: list[list] = []
        age = (v.begn - p.brdy).days // 365

        def ok(it: Item) -> bool:
            return (it.gend is None or it.gend == p.gend) and (it.age_min is None or age >= it.age_min) \
                and (it.age_max is None or age <= it.age_max)

        def add(it: Item, when: dt.datetime, cnt: int = 1, price: int | None = None) -> None:
            out.append([it, when, cnt * fmt.CNT_SCALE, it.cap if price is None else price])

        def at(day: dt.date, hour: int) -> dt.datetime:
            return dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59), rng.randint(0, 59)))

        def drugs(kind: str, day: dt.date, n: int, hour: int = 9) -> None:
            pool = [d for d in self.by_kind.get(kind, []) if ok(d)]
            for d in rng.sample(pool, min(n, len(pool))):
                add(d, at(day, hour), rng.randint(1, max(1, min(2, (d.max_daily or 10_000) // fmt.CNT_SCALE))))

        if v.kind in ("in", "costly", "maternity"):
            days = max((v.end - v.begn).days, 1)
            bed = self.item("重症监护病房床位费" if v.kind == "costly" and rng.random() < 0.3 else
                            rng.choice(("床位费（三人间）", "床位费（双人间）")))
            care = self.item("一级护理" if v.kind == "costly" else rng.choice(("二级护理", "三级护理", "一级护理")))
            add(self.item("血常规"), at(v.begn, 8))
            add(self.item("肝功能测定"), at(v.begn, 8))
            add(self.item("肾功能测定"), at(v.begn, 8))
            add(self.item("胸部CT平扫" if v.kind != "maternity" else "腹部彩色多普勒超声"), at(v.begn, 10))
            if v.dise[0] in ("K35.8", "K80.1", "S72.0", "N40", "C34.9") or v.kind == "maternity":
                op = {"K35.8": "阑尾切除术", "K80.1": "腹腔镜胆囊切除术", "S72.0": "人工股骨头置换术",
                      "N40": "经尿道前列腺电切术", "C34.9": "肺癌根治术"}.get(v.dise[0], "剖宫产术")
                if ok(self.item(op)):
                    add(self.item(op), at(v.begn + dt.timedelta(days=min(1, days - 1)), 9))
                if op == "人工股骨头置换术":
                    add(self.item("人工股骨头假体"), at(v.begn + dt.timedelta(days=min(1, days - 1)), 9))
            for d in range(days):
                day = v.begn + dt.timedelta(days=d)
                add(bed, at(day, 7))
                add(care, at(day, 7))
                add(self.item("住院诊察费"), at(day, 8))
                add(self.item("静脉输液"), at(day, 9), rng.randint(1, 3))
                add(self.item("一次性使用输液器"), at(day, 9), rng.randint(1, 3))
                drugs("in", day, rng.randint(1, 3))
                if v.kind == "costly":
                    drugs("costly", day, rng.randint(1, 2), 10)
                    if p.profile == "extreme":
                        drugs("costly", day, 3, 15)
                    if v.dise[0] == "N18.5" and d % 2 == 0:
                        add(self.item("血液透析"), at(day, 14))
                elif rng.random() < 0.3:
                    add(self.item("血糖测定"), at(day, 6))
        elif v.kind == "pharmacy":
            drugs("chronic" if p.profile == "chronic" else "out", v.begn, rng.randint(1, 3), 15)
        else:
            add(self.item("普通挂号费"), at(v.begn, 8))
            add(self.item(rng.choice(("普通门诊诊察费", "副主任医师门诊诊察费"))), at(v.begn, 8))
            if v.kind == "chronic":
                drugs("chronic", v.begn, rng.randint(1, 3), 10)
                add(self.item("血糖测定" if v.dise[0] == "E11.9" else "心电图检查"), at(v.begn, 9))
            elif v.kind == "child":
                drugs("child", v.begn, rng.randint(1, 2), 10)
                add(self.item("血常规"), at(v.begn, 9))
            else:
                drugs("out", v.begn, rng.randint(1, 3), 10)
                if rng.random() < 0.3:
                    add(self.item(rng.choice(("血常规", "尿常规", "胸部X线正位片", "心电图检查"))), at(v.begn, 9))
                if p.gend == "1" and age >= 50 and rng.random() < 0.05:
                    add(self.item("前列腺特异性抗原测定"), at(v.begn, 9))
                if p.gend == "2" and 25 <= age <= 65 and rng.random() < 0.05:
                    add(self.item("宫颈细胞学检查"), at(v.begn, 9))
        self.inject(v, out, at, age)
        return out

    def inject(self, v: Visit, out: list[list], at, age: int) -> None:
        """Plant line-level violations at low rates, taking the rules in turn."""
        rng = self.rng
        if not out or v.source is not None:
            return
        inpatient = v.kind in ("in", "costly", "maternity")
        if rng.random() >= (0.08 if inpatient else 0.03):
            return
        rules = ["DUPLICATE_CHARGE", "PRICE_OVER_LIMIT", "GENDER_MISMATCH", "AGE_MISMATCH"]
        if inpatient:
            rules += ["DAILY_QTY_EXCEEDED", "BED_DAYS_EXCEED_STAY"]
        self._turn = getattr(self, "_turn", 0) + 1
        rule = rules[self._turn % len(rules)]
        if rule == "DUPLICATE_CHARGE":
            out.append(list(rng.choice(out)))
        elif rule == "PRICE_OVER_LIMIT":
            capped = [x for x in out if x[0].cap]
            if not capped:
                return
            line = rng.choice(capped)
            line[3] = line[0].cap * rng.choice((110, 120, 150)) // 100
        elif rule == "GENDER_MISMATCH":
            it = self.item("宫颈细胞学检查" if v.person.gend == "1" else "前列腺特异性抗原测定")
            out.append([it, at(v.begn, 11), fmt.CNT_SCALE, it.cap])
        elif rule == "AGE_MISMATCH":
            if age <= 14:
                return
            it = self.item("小儿推拿")
            out.append([it, at(v.begn, 11), fmt.CNT_SCALE, it.cap])
        elif rule == "DAILY_QTY_EXCEEDED":
            x = rng.choice([x for x in out if x[0].type == "07"])  # nursing charged twice on one day
            out.append([x[0], x[1] + dt.timedelta(hours=5), x[2], x[3]])
        elif rule == "BED_DAYS_EXCEED_STAY":
            x = [x for x in out if x[0].type == "01"][-1]
            out.append([x[0], x[1] + dt.timedelta(days=1), x[2], x[3]])  # a bed day beyond the stay
        self.plant(rule)

    # -- payments --------------------------------------------------------------
    def payments(self, v: Visit, total: int, inscp: int) -> tuple[int, int, int, int, int]:
        """(hifp, hifob, cvlserv, acct, cash) following a Xinxiang-like scheme."""
        rng = self.rng
        p = v.person
        hifp = hifob = cvl = acct = 0
        inpatient = v.kind in ("in", "costly", "maternity")
        if inpatient:
            deductible = {"1": 900_00, "2": 600_00, "3": 300_00}.get(v.inst[2], 600_00)
            rate = {"1": 85, "2": 88, "3": 90}.get(v.inst[2], 85) if p.insutype == "310" else 70
            if v.setl_type == "2":
                rate -= 10  # care elsewhere pays less
            due = max(inscp - deductible, 0) * rate // 100
        elif v.kind == "chronic":
            due = inscp * 70 // 100
        elif v.kind == "pharmacy":
            due = 0
        else:
            due = max(inscp - 200_00, 0) * 50 // 100 if p.insutype == "310" else inscp * 40 // 100
        if p.insutype == "310" and p.basic >= BASIC_CAP and inpatient:
            # above the basic cap: the supplementary fund pays 90% of the in-scope cost up to its own cap
            expected = min(round_half_up_fen(Decimal(inscp) * 9 / 10), max(SUPP_CAP - p.supp, 0))
            hifob = expected
            if p.ignore_cap:
                hifob = round_half_up_fen(Decimal(inscp) * 9 / 10)  # the cap ignored
                if hifob > expected:
                    self.plant("SUPP_ANNUAL_CAP_EXCEEDED")
            elif hifob > 0 and rng.random() < 0.35:
                hifob = hifob * 95 // 90  # computed at 95%
                self.plant("SUPP_RATE_MISMATCH")
        else:
            hifp = min(due, BASIC_CAP - p.basic) if p.insutype == "310" else due
            if p.insutype == "310" and inpatient and hifp < due:
                # this stay crosses the basic cap: the in-scope cost beyond the point where the
                # basic fund stopped goes to the supplementary fund at 90%
                covered = deductible + hifp * 100 // max(rate, 1)
                hifob = min(max(inscp - covered, 0) * 9 // 10, max(SUPP_CAP - p.supp, 0))
            if p.insutype == "310" and inpatient and p.basic + hifp < BASIC_CAP and hifp > 0 and rng.random() < 0.01:
                hifob = min(total - hifp, inscp * 9 // 100)  # paid by the supplementary fund too early
                if hifob > 0:
                    self.plant("SUPP_BEFORE_BASIC_CAP")
        if p.civil_servant and inpatient:
            cvl = min((inscp - hifp - hifob) // 2, total - hifp - hifob) if inscp > hifp + hifob else 0
        rest = total - hifp - hifob - cvl
        if p.insutype == "310" and not inpatient:
            acct = min(rest, rng.choice((rest, rest // 2, 0)))
        cash = rest - acct
        if cash < 0:  # keep the shares adding up
            hifob += cash
            cash = 0
        p.basic += hifp
        p.supp += hifob
        return hifp, hifob, cvl, acct, cash

    # -- rows ------------------------------------------------------------------
    def emit(self, cur, setl_sql: str, line_sql: str, batch_id: int, visits: list[Visit]) -> None:
        rng = self.rng
        kept: dict[int, list] = {}
        sources = {id(v.source) for v in visits if v.source is not None}
        n = 0
        for v in visits:
            n += 1
            setl_id = f"S{YEAR}{n:08d}"
            if v.source is not None and id(v.source) in kept:
                lines = kept.pop(id(v.source))
            else:
                lines = self.lines_for(v)
            if id(v) in sources:
                kept[id(v)] = lines
            total = sum(round_half_up_fen(Decimal(ln[2] * ln[3]) / fmt.CNT_SCALE)
                        for ln in lines)
            inscp = 0
            dept = rng.choice(D.DEPTS.get(v.kind if v.kind != "pharmacy" else "out", D.DEPTS["out"]))
            doctor = rng.choice(D.DOCTORS)
            for sn, (it, when, cnt, pric) in enumerate(lines, start=1):
                amount = round_half_up_fen(Decimal(cnt * pric) / fmt.CNT_SCALE)
                if it.level != "03":
                    inscp += amount if it.level == "01" else amount * 9 // 10
                values = (f"{sn:05d}", setl_id, it.code, f"{v.inst[0][-5:]}-{it.code[-6:]}", it.name, it.type,
                          it.level, when.strftime("%Y-%m-%d %H:%M:%S"), cnt, pric, amount,
                          it.cap if rng.random() < 0.2 else None, dept if v.kind != "pharmacy" else None,
                          doctor if v.kind != "pharmacy" else None)
                self.line_rows.append((*values, None, row_digest(values, None), batch_id))
            med_type = {"in": "21", "costly": "21", "maternity": "51", "pharmacy": "41", "chronic": "14"}.get(v.kind, "11")
            if med_type == "21" and rng.random() < 0.1:
                med_type = "2101"
            offsite = v.inst[4]
            hifp, hifob, cvl, acct, cash = self.payments(v, total, inscp)
            p = v.person
            values = (setl_id, f"M{YEAR}{n:08d}", p.psn_no, p.name, p.gend, p.brdy.isoformat(), p.certno, p.insutype,
                      med_type, v.setl_type, offsite, v.inst[0], v.inst[1], v.inst[2], v.begn.isoformat(),
                      v.end.isoformat(), v.setl_at.strftime("%Y-%m-%d %H:%M:%S"), v.dise[0], v.dise[1], total, inscp,
                      hifp, hifob, cvl, acct, cash)
            self.setl_rows.append((*values, None, row_digest(values, None), batch_id))
            self.count_setl += 1
            self.count_lines += len(lines)
            if len(self.line_rows) >= 20_000:
                self.flush(cur, setl_sql, line_sql)
        self.flush(cur, setl_sql, line_sql)

    def flush(self, cur, setl_sql: str, line_sql: str) -> None:
        if self.setl_rows:
            cur.executemany(setl_sql, self.setl_rows)
            self.setl_rows = []
        if self.line_rows:
            cur.executemany(line_sql, self.line_rows)
            self.line_rows = []


def _sql(kind: str) -> str:
    table = {fmt.SETTLEMENTS: "settlements", fmt.FEE_LINES: "fee_lines", fmt.CATALOG: "catalog_items"}[kind]
    added = fmt.ADDED_OPTIONAL.get(kind, ())
    cols = [c for c in fmt.SPECS[kind].codes if c not in added] + ["extra", "row_digest", "batch_id"]
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def build(ws: Workspace, rng: random.Random, size: str) -> dict:
    b = _Builder(ws, rng, size)
    people = b.people()
    visits = b.plan(people)
    with ws.store.session() as s:
        batches = {}
        for kind in (fmt.CATALOG, fmt.SETTLEMENTS, fmt.FEE_LINES):
            batch = ImportBatchRow(file_name=f"demo-{kind}", file_sha256="", kind=kind, user=ws.user.name)
            s.add(batch)
            s.flush()
            batches[kind] = batch
        cur = dialect.of(s).cursor(s)  # '?' placeholders on both backends
        cat_rows = []
        for it in b.items:
            values = (it.code, it.name, it.type, it.level, it.cap, it.gend, it.age_min, it.age_max, it.max_daily)
            cat_rows.append((*values, None, row_digest(values, None), batches[fmt.CATALOG].id))
        cur.executemany(_sql(fmt.CATALOG), cat_rows)
        b.emit(cur, _sql(fmt.SETTLEMENTS), _sql(fmt.FEE_LINES), batches[fmt.SETTLEMENTS].id, visits)
        # lines carry the settlements' batch in the loop above; give them their own
        cur.execute("UPDATE fee_lines SET batch_id = ? WHERE batch_id = ?",
                    (batches[fmt.FEE_LINES].id, batches[fmt.SETTLEMENTS].id))
        counts = {"catalog_items": len(cat_rows), "settlements": b.count_setl, "fee_lines": b.count_lines,
                  "institutions": len({v.inst[0] for v in visits}), "persons": len(people)}
        for kind, batch in batches.items():
            batch.rows = batch.inserted = {fmt.CATALOG: len(cat_rows), fmt.SETTLEMENTS: b.count_setl,
                                           fmt.FEE_LINES: b.count_lines}[kind]
        counts.update({f"planted_{rule}": n for rule, n in sorted(b.planted.items())})
        ws.log(s, "import", "demo", "claims", after=counts, details={"size": size})
    return counts
