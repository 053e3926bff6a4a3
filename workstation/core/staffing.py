"""Staffing terms of a contract profile, evaluated on a roster snapshot at a date.

Pure: no database, no Qt. The services hand in ``Person`` records and the
profile's ``staffing`` list; the result says, per term, what is required and
what the roster actually has.

Counting rules (docs/roster.md):
- A person is *active* on date D when ``start_date <= D`` (an unknown start
  counts as started) and ``end_date`` is empty or ``end_date > D`` (the end
  date is the first day the person is gone).
- The city centre is ``市级`` (also accepted: ``市``, ``city``); any other
  centre name is a county/district centre. A county centre is *present* on D
  when at least one active person sits there.
- Age is in full years on D; the birthday itself counts (22 on the 22nd
  birthday). A person born on 29 February has a birthday on 1 March in common
  years. The birth date comes from ``birth_date`` or, failing that, from the
  18-digit (or old 15-digit) ID number. An unknown age fails an age term: the
  roster cannot prove it.
- A certificate is valid on D when it has no expiry date or ``expiry >= D``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

CITY_NAMES = ("市级", "市", "city", "City")
QUALIFICATIONS = ("medical", "pharmacy", "finance", "it", "law", "other")
STATUSES = ("present", "leave", "trip", "inspection", "absent", "rest")
KINDS = ("count", "per_county", "age_range", "education_min", "certificate_valid")

# Degrees ranked; a term asks for a minimum level. Unknown text ranks 0.
EDUCATION_LEVELS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (5, ("博士", "doctor", "phd")),
    (4, ("硕士", "研究生", "master")),
    (3, ("本科", "学士", "bachelor", "大学")),
    (2, ("大专", "专科", "高职", "associate", "college")),
    (1, ("高中", "中专", "职高", "中技", "初中", "high school", "secondary")),
)
LEVEL_NAMES = {"doctor": 5, "master": 4, "bachelor": 3, "associate": 2, "secondary": 1}


@dataclass(frozen=True)
class Certificate:
    name: str
    expiry: dt.date | None = None

    def valid_on(self, day: dt.date) -> bool:
        return self.expiry is None or self.expiry >= day


@dataclass(frozen=True)
class Person:
    staff_no: str
    name: str = ""
    certno: str | None = None
    birth_date: dt.date | None = None
    qualification: str = "other"
    post: str = ""
    centre: str = "市级"
    education: str = ""
    education_exception: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    certificates: tuple[Certificate, ...] = ()

    def active_on(self, day: dt.date) -> bool:
        return (self.start_date is None or self.start_date <= day) and (self.end_date is None or self.end_date > day)

    def birth(self) -> dt.date | None:
        return self.birth_date or birth_from_certno(self.certno)

    def age_on(self, day: dt.date) -> int | None:
        born = self.birth()
        return None if born is None else age_on(born, day)

    def has_valid_certificate(self, day: dt.date, name_contains: str = "") -> bool:
        return any(c.valid_on(day) and name_contains in c.name for c in self.certificates)


@dataclass(frozen=True)
class TermResult:
    term: str  # the term's id (per-county terms: "id[county]")
    kind: str
    label_zh: str
    label_en: str
    requirement: str  # for people: "≥ 18", "= 1", "1–2", "22–55"
    required: int
    actual: int
    ok: bool
    staff: tuple[str, ...] = ()  # staff numbers that fail a per-person term

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh

    def shortfall(self) -> dict[str, Any]:
        return {"term": self.term, "required": self.required, "actual": self.actual}


@dataclass(frozen=True)
class CheckResult:
    day: dt.date
    headcount: int
    terms: tuple[TermResult, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.terms)

    @property
    def shortfalls(self) -> list[dict[str, Any]]:
        return [t.shortfall() for t in self.terms if not t.ok]


# -- dates ------------------------------------------------------------------------------
def birth_from_certno(certno: str | None) -> dt.date | None:
    """Birth date in a mainland ID number (18 digits, last may be X; or the old 15)."""
    if not certno:
        return None
    text = str(certno).strip()
    try:
        if len(text) == 18 and text[:17].isdigit():
            return dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
        if len(text) == 15 and text.isdigit():
            return dt.date(1900 + int(text[6:8]), int(text[8:10]), int(text[10:12]))
    except ValueError:
        return None
    return None


def age_on(born: dt.date, day: dt.date) -> int:
    """Full years on ``day``; the birthday counts (29 Feb → 1 Mar in common years)."""
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years


def education_level(text: str | None) -> int:
    low = (text or "").strip().lower()
    if not low:
        return 0
    for level, words in EDUCATION_LEVELS:
        if any(w in low for w in words):
            return level
    return 0


def is_city(centre: str | None) -> bool:
    return (centre or "市级").strip() in CITY_NAMES


# -- matching -----------------------------------------------------------------------------
def _as_set(value: Any) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, (list, tuple, set)):
        return {str(v) for v in value}
    return {str(value)}


def matches(person: Person, where: dict[str, Any] | None, day: dt.date) -> bool:
    """Does the person fit the filter? Keys: centre ("city" | "county" | a name),
    qualification / qualification_not, post / post_not (a value or a list),
    certificate_valid (bool), certificate_name (substring)."""
    where = where or {}
    centre = where.get("centre")
    if centre is not None:
        if centre == "city":
            if not is_city(person.centre):
                return False
        elif centre == "county":
            if is_city(person.centre):
                return False
        elif (person.centre or "").strip() != centre:
            return False
    if "qualification" in where and person.qualification not in _as_set(where["qualification"]):
        return False
    if "qualification_not" in where and person.qualification in _as_set(where["qualification_not"]):
        return False
    if "post" in where and (person.post or "").strip() not in _as_set(where["post"]):
        return False
    if "post_not" in where and (person.post or "").strip() in _as_set(where["post_not"]):
        return False
    if where.get("certificate_valid"):
        if not person.has_valid_certificate(day, str(where.get("certificate_name") or "")):
            return False
    return True


def _bounds_text(term: dict[str, Any]) -> str:
    if term.get("exact") is not None:
        return f"= {term['exact']}"
    lo, hi = term.get("min"), term.get("max")
    if lo is not None and hi is not None:
        return f"{lo}–{hi}"
    if lo is not None:
        return f"≥ {lo}"
    if hi is not None:
        return f"≤ {hi}"
    return ""


def _count_check(term: dict[str, Any], n: int) -> tuple[bool, int]:
    """(ok, the bound to report as required)."""
    if term.get("exact") is not None:
        return n == int(term["exact"]), int(term["exact"])
    lo, hi = term.get("min"), term.get("max")
    if lo is not None and n < int(lo):
        return False, int(lo)
    if hi is not None and n > int(hi):
        return False, int(hi)
    return True, int(lo) if lo is not None else int(hi or 0)


# -- evaluation ---------------------------------------------------------------------------
def evaluate(terms: Sequence[dict[str, Any]], people: Iterable[Person], day: dt.date) -> CheckResult:
    """Every staffing term on the people active on ``day``."""
    active = [p for p in people if p.active_on(day)]
    out: list[TermResult] = []
    for term in terms:
        out.extend(_evaluate_term(term, active, day))
    return CheckResult(day=day, headcount=len(active), terms=tuple(out))


def _result(term, *, term_id=None, label_suffix=("", ""), requirement, required, actual, ok, staff=()) -> TermResult:
    return TermResult(
        term=term_id or term["id"], kind=term["kind"],
        label_zh=(term.get("label_zh") or term["id"]) + label_suffix[0],
        label_en=(term.get("label_en") or term["id"]) + label_suffix[1],
        requirement=requirement, required=required, actual=actual, ok=ok, staff=tuple(staff),
    )


def _evaluate_term(term: dict[str, Any], active: list[Person], day: dt.date) -> list[TermResult]:
    kind = term["kind"]
    where = term.get("where") or {}
    if kind == "count":
        n = sum(1 for p in active if matches(p, where, day))
        ok, required = _count_check(term, n)
        return [_result(term, requirement=_bounds_text(term), required=required, actual=n, ok=ok)]
    if kind == "per_county":
        counties = sorted({(p.centre or "").strip() for p in active if not is_city(p.centre)})
        results = []
        for county in counties:
            here = [p for p in active if (p.centre or "").strip() == county]
            n = sum(1 for p in here if matches(p, where, day))
            ok, required = _count_check(term, n)
            results.append(_result(term, term_id=f"{term['id']}[{county}]", label_suffix=(f"（{county}）", f" ({county})"),
                                   requirement=_bounds_text(term), required=required, actual=n, ok=ok))
        return results
    subjects = [p for p in active if matches(p, where, day)]
    if kind == "age_range":
        lo, hi = int(term["min_age"]), int(term["max_age"])
        bad = []
        for p in subjects:
            age = p.age_on(day)
            if age is None or not lo <= age <= hi:
                bad.append(p.staff_no)
        return [_result(term, requirement=f"{lo}–{hi}", required=len(subjects), actual=len(subjects) - len(bad),
                        ok=not bad, staff=bad)]
    if kind == "education_min":
        need = LEVEL_NAMES.get(str(term.get("level", "bachelor")), 3)
        allow = term.get("exception_allowed", True)
        bad = [p.staff_no for p in subjects
               if education_level(p.education) < need and not (allow and p.education_exception.strip())]
        return [_result(term, requirement=str(term.get("level", "bachelor")), required=len(subjects),
                        actual=len(subjects) - len(bad), ok=not bad, staff=bad)]
    if kind == "certificate_valid":
        name = str(term.get("certificate_name") or "")
        bad = [p.staff_no for p in subjects if not p.has_valid_certificate(day, name)]
        return [_result(term, requirement="✓", required=len(subjects), actual=len(subjects) - len(bad),
                        ok=not bad, staff=bad)]
    raise ValueError(f"unknown staffing term kind: {kind}")


# -- validation (the profile editor) ------------------------------------------------------------
def validate_terms(terms: Any) -> list[str]:
    """Problems of a staffing list, in plain English/Chinese-neutral codes; empty when fine."""
    problems: list[str] = []
    if not isinstance(terms, list):
        return ["staffing: not a list"]
    seen = set()
    for i, t in enumerate(terms):
        where = f"staffing[{i}]"
        if not isinstance(t, dict):
            problems.append(f"{where}: not an object")
            continue
        tid = t.get("id")
        if not tid or not isinstance(tid, str):
            problems.append(f"{where}: id missing")
        elif tid in seen:
            problems.append(f"{where}: duplicate id {tid}")
        seen.add(tid)
        kind = t.get("kind")
        if kind not in KINDS:
            problems.append(f"{where}: kind must be one of {', '.join(KINDS)}")
            continue
        for key in ("min", "max", "exact", "min_age", "max_age"):
            v = t.get(key)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
                problems.append(f"{where}: {key} must be a whole number ≥ 0")
        if kind in ("count", "per_county"):
            if t.get("min") is None and t.get("max") is None and t.get("exact") is None:
                problems.append(f"{where}: needs min, max or exact")
            if isinstance(t.get("min"), int) and isinstance(t.get("max"), int) and t["min"] > t["max"]:
                problems.append(f"{where}: min > max")
        if kind == "age_range":
            if not isinstance(t.get("min_age"), int) or not isinstance(t.get("max_age"), int):
                problems.append(f"{where}: needs min_age and max_age")
            elif t["min_age"] > t["max_age"]:
                problems.append(f"{where}: min_age > max_age")
        if kind == "education_min" and str(t.get("level", "bachelor")) not in LEVEL_NAMES:
            problems.append(f"{where}: level must be one of {', '.join(LEVEL_NAMES)}")
        w = t.get("where")
        if w is not None and not isinstance(w, dict):
            problems.append(f"{where}: where must be an object")
    return problems
