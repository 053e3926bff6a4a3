"""Each staffing term of each seed contract, on rosters built to pass by exactly
one person and to fail by exactly one person (contracts.md)."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from workstation.core.staffing import Certificate, Person, age_on, birth_from_certno, evaluate
from workstation.services.profile_service import builtin_profiles

DAY = dt.date(2025, 6, 30)
PROFILES = builtin_profiles()


def terms(pid):
    return PROFILES[pid]["staffing"]


class Roster:
    def __init__(self):
        self.people = []

    def add(self, n=1, **kw):
        for _ in range(n):
            self.people.append(Person(staff_no=f"S{len(self.people) + 1:04d}", name="x", **kw))
        return self


def check(pid, roster, day=DAY):
    return evaluate(terms(pid), roster.people, day)


def shortfalls(pid, roster, day=DAY):
    return {s["term"]: (s["required"], s["actual"]) for s in check(pid, roster, day).shortfalls}


# -- Luoyang (seed 000) -------------------------------------------------------------------------
def luoyang(city=(12, 2, 1, 3), counties=None):
    med, fin, it, other = city
    r = Roster()
    r.add(med, qualification="medical", centre="市级").add(fin, qualification="finance", centre="市级")
    r.add(it, qualification="it", centre="市级").add(other, qualification="other", centre="市级")
    for i, staff in enumerate(counties if counties is not None else [("medical", "other")] * 11):
        for q in staff:
            r.add(qualification=q, centre=f"县区{i:02d}")
    return r


def test_luoyang_minimum_roster_passes():
    res = check("luoyang-2024", luoyang())
    assert res.headcount == 40 and res.ok and res.shortfalls == []
    assert {t.term for t in res.terms} >= {"total", "city-total", "city-medical", "city-finance", "city-it",
                                           "city-other", "county-size[县区00]", "county-medical[县区10]"}


def test_luoyang_total_short_by_one():
    counties = [("medical", "other")] * 10 + [("medical",)]
    assert shortfalls("luoyang-2024", luoyang(counties=counties)) == {"total": (40, 39)}


def test_luoyang_city_total_short_by_one():
    counties = [("medical", "other")] * 12  # 24 in counties keeps the total at 41
    assert shortfalls("luoyang-2024", luoyang(city=(12, 2, 1, 3), counties=counties)) == {}
    assert shortfalls("luoyang-2024", luoyang(city=(12, 2, 1, 2), counties=counties)) == {
        "city-total": (18, 17), "city-other": (3, 2)}


@pytest.mark.parametrize("term,passing,failing", [
    ("city-medical", (12, 2, 1, 4), (11, 2, 1, 4)),
    ("city-finance", (13, 2, 1, 3), (13, 1, 1, 3)),
    ("city-it", (13, 2, 1, 3), (13, 2, 0, 3)),
    ("city-other", (13, 2, 1, 3), (13, 2, 1, 2)),
])
def test_luoyang_city_qualification_terms(term, passing, failing):
    assert shortfalls("luoyang-2024", luoyang(city=passing)) == {}
    required = {"city-medical": 12, "city-finance": 2, "city-it": 1, "city-other": 3}[term]
    assert shortfalls("luoyang-2024", luoyang(city=failing)) == {term: (required, required - 1)}


def test_luoyang_other_means_any_field_but_medical_finance_it():
    r = luoyang(city=(12, 2, 1, 0))
    r.add(qualification="law", centre="市级").add(qualification="pharmacy", centre="市级").add(centre="市级")
    assert shortfalls("luoyang-2024", r) == {}


def test_luoyang_county_with_three_staff_fails_one_to_two():
    ok = [("medical", "other")] * 11
    assert shortfalls("luoyang-2024", luoyang(counties=ok)) == {}
    three = [("medical", "other")] * 10 + [("medical", "other", "finance")]
    assert shortfalls("luoyang-2024", luoyang(counties=three)) == {"county-size[县区10]": (2, 3)}


def test_luoyang_county_without_medical_fails():
    counties = [("medical", "other")] * 10 + [("finance", "other")]
    assert shortfalls("luoyang-2024", luoyang(counties=counties)) == {"county-medical[县区10]": (1, 0)}


def test_luoyang_people_who_left_or_have_not_started_do_not_count():
    r = luoyang()
    r.people[0] = Person(staff_no="S0001", qualification="medical", centre="市级", end_date=DAY)  # gone on DAY
    assert shortfalls("luoyang-2024", r) == {"total": (40, 39), "city-total": (18, 17), "city-medical": (12, 11)}
    r.people[0] = Person(staff_no="S0001", qualification="medical", centre="市级", start_date=DAY,
                         end_date=DAY + dt.timedelta(days=1))
    assert shortfalls("luoyang-2024", r) == {}
    r.people[0] = Person(staff_no="S0001", qualification="medical", centre="市级", start_date=DAY + dt.timedelta(days=1))
    assert "city-medical" in shortfalls("luoyang-2024", r)


# -- Xinxiang (seed 002) --------------------------------------------------------------------------
VALID = (Certificate("医保稽核员证", DAY),)  # expires on the check date: still valid that day
EXPIRED = (Certificate("医保稽核员证", DAY - dt.timedelta(days=1)),)


def xinxiang(n=20, auditors=(VALID, VALID)):
    r = Roster()
    for certs in auditors:
        r.add(post="稽核员", certificates=certs)
    r.add(n - len(auditors), post="审核员")
    return r


def test_xinxiang_resident_staff():
    assert shortfalls("xinxiang-2025", xinxiang(20)) == {}
    assert shortfalls("xinxiang-2025", xinxiang(19)) == {"resident": (20, 19)}


def test_xinxiang_auditors_with_unexpired_certificates():
    assert shortfalls("xinxiang-2025", xinxiang(20, (VALID, VALID))) == {}
    assert shortfalls("xinxiang-2025", xinxiang(20, (VALID, EXPIRED))) == {"auditors": (2, 1)}
    assert shortfalls("xinxiang-2025", xinxiang(20, (VALID, ()))) == {"auditors": (2, 1)}
    assert shortfalls("xinxiang-2025", xinxiang(20, (VALID, (Certificate("证", None),)))) == {}


# -- Xinjiang (seed 004) ---------------------------------------------------------------------------
def certno_born(born: dt.date) -> str:
    return f"650102{born:%Y%m%d}123X"


def xinjiang(n=16, leads=("项目负责人", "巡查负责人"), **kw):
    r = Roster()
    born = dt.date(1990, 5, 1)
    for post in leads:
        r.add(post=post, education="本科", birth_date=born)
    r.add(n - len(leads), post="审核员", education="硕士研究生", certno=certno_born(born))
    return r


def test_xinjiang_minimum_roster_passes():
    res = check("xinjiang-2024", xinjiang())
    assert res.ok and res.headcount == 16


def test_xinjiang_total():
    assert shortfalls("xinjiang-2024", xinjiang(15)) == {"total": (16, 15)}


@pytest.mark.parametrize("post,term", [("项目负责人", "project-lead"), ("巡查负责人", "inspection-lead")])
def test_xinjiang_exactly_one_lead(post, term):
    other = "巡查负责人" if post == "项目负责人" else "项目负责人"
    assert shortfalls("xinjiang-2024", xinjiang(16, (other,))) == {term: (1, 0)}
    assert shortfalls("xinjiang-2024", xinjiang(17, (other, post, post))) == {term: (1, 2)}


def _with(r, **kw):
    r.people[-1] = Person(staff_no=r.people[-1].staff_no, post="审核员", education="本科", **kw)
    return r


def test_xinjiang_age_limits_on_the_birthday():
    born22 = dt.date(DAY.year - 22, DAY.month, DAY.day)  # 22nd birthday is the check date
    assert shortfalls("xinjiang-2024", _with(xinjiang(), certno=certno_born(born22))) == {}
    young = born22 + dt.timedelta(days=1)  # turns 22 tomorrow
    assert shortfalls("xinjiang-2024", _with(xinjiang(), certno=certno_born(young))) == {"age": (16, 15)}
    born55 = dt.date(DAY.year - 55, DAY.month, DAY.day)  # 55 today: inclusive
    assert shortfalls("xinjiang-2024", _with(xinjiang(), birth_date=born55)) == {}
    last_day_55 = dt.date(DAY.year - 56, DAY.month, DAY.day) + dt.timedelta(days=1)  # 56 tomorrow
    assert shortfalls("xinjiang-2024", _with(xinjiang(), birth_date=last_day_55)) == {}
    born56 = dt.date(DAY.year - 56, DAY.month, DAY.day)  # 56 today
    assert shortfalls("xinjiang-2024", _with(xinjiang(), birth_date=born56)) == {"age": (16, 15)}


def test_xinjiang_unknown_age_cannot_be_proven():
    assert shortfalls("xinjiang-2024", _with(xinjiang())) == {"age": (16, 15)}


def test_xinjiang_education_relaxable_with_a_reason():
    born = dt.date(1990, 1, 1)
    r = xinjiang()
    r.people[-1] = Person(staff_no="X", education="大专", birth_date=born)
    assert shortfalls("xinjiang-2024", r) == {"education": (16, 15)}
    r.people[-1] = Person(staff_no="X", education="大专", birth_date=born, education_exception="中级职称，经验丰富")
    assert shortfalls("xinjiang-2024", r) == {}


@pytest.mark.parametrize("pid", ["huaiyang-2025", "mentougou-2024"])
def test_contracts_without_numeric_staffing_terms(pid):
    res = check(pid, Roster())
    assert res.ok and res.terms == () and res.shortfalls == []


# -- ages -------------------------------------------------------------------------------------------
def test_birth_from_id_numbers():
    assert birth_from_certno("11010519491231002X") == dt.date(1949, 12, 31)
    assert birth_from_certno("110105491231002") == dt.date(1949, 12, 31)
    assert birth_from_certno("110105194913310021") is None
    assert birth_from_certno("") is None


def test_leap_day_birthday_is_march_first_in_common_years():
    born = dt.date(2000, 2, 29)
    assert age_on(born, dt.date(2022, 2, 28)) == 21
    assert age_on(born, dt.date(2022, 3, 1)) == 22
    assert age_on(born, dt.date(2024, 2, 29)) == 24


@given(st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2010, 12, 31)), st.integers(0, 80),
       st.integers(0, 400))
def test_age_is_full_years_and_never_decreases(born, years, extra):
    try:
        birthday = born.replace(year=born.year + years)
    except ValueError:  # 29 February
        birthday = dt.date(born.year + years, 3, 1)
    assert age_on(born, birthday) == years
    assert age_on(born, birthday - dt.timedelta(days=1)) == years - 1
    later = birthday + dt.timedelta(days=extra)
    assert age_on(born, later) >= age_on(born, birthday)
