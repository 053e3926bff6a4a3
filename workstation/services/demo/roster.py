"""Demo step: a realistic team for the active profile, one person short of a term.

For xinxiang-2025 (the default): 19 resident staff (the contract asks 20, so the
dashboard shows a shortfall), three dedicated auditors with certificates (one
expiring within 30 days), last month's and this month's attendance, a
training per quarter, and one staff change waiting for approval.
"""
from __future__ import annotations

import datetime as dt
import random

from .. import attendance_service, profile_service, roster_service, staff_change_service, training_service
from ..workspace import Workspace

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰玉萍红娥玲华飞鹏辉雪琳晨宇浩然欣怡子涵思远文博雅婷"
EDUCATION = ("本科", "本科", "本科", "硕士研究生", "大专")
AREA_CODES = ("410702", "410703", "410711", "410721", "410724", "410781")


def _check_digit(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(first17, weights))
    return "10X98765432"[total % 11]


def _certno(rng: random.Random, born: dt.date) -> str:
    first = f"{rng.choice(AREA_CODES)}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return first + _check_digit(first)


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in used:
            used.add(name)
            return name


def build(ws: Workspace, rng: random.Random, size: str) -> dict[str, int]:
    profile_service.ensure_profiles(ws)
    today = dt.date.today()
    start = dt.date(today.year - 1, 1, 1)
    used: set[str] = set()
    posts = ["项目负责人", "稽核员", "稽核员", "稽核员"] + ["审核员"] * 15
    quals = ["medical"] * 9 + ["pharmacy"] * 2 + ["finance"] * 3 + ["it"] * 2 + ["law"] + ["other"] * 2
    rng.shuffle(quals)
    ids = []
    for i, post in enumerate(posts):
        born = dt.date(rng.randint(1972, 1999), rng.randint(1, 12), rng.randint(1, 28))
        edu = EDUCATION[rng.randrange(len(EDUCATION))]
        sid = roster_service.save_staff(ws, {
            "staff_no": f"XX{i + 1:03d}", "name": _name(rng, used), "certno": _certno(rng, born),
            "qualification": "medical" if post != "审核员" else quals[i % len(quals)], "post": post, "centre": "市级",
            "education": edu, "education_exception": "中级职称，医保审核经验 8 年" if edu == "大专" else "",
            "start_date": start + dt.timedelta(days=rng.randint(0, 60)),
        })
        ids.append(sid)
    auditors = ids[1:4]
    roster_service.set_certificates(ws, auditors[0], [("医疗保障基金稽核员证", today + dt.timedelta(days=400))])
    roster_service.set_certificates(ws, auditors[1], [("医疗保障基金稽核员证", today + dt.timedelta(days=18)),
                                                      ("执业药师资格证", None)])
    roster_service.set_certificates(ws, auditors[2], [("医疗保障基金稽核员证", today + dt.timedelta(days=220))])
    roster_service.set_certificates(ws, ids[0], [("执业医师资格证", None)])
    # a person who left last year (history, not counted)
    gone = roster_service.save_staff(ws, {"staff_no": "XX099", "name": _name(rng, used), "post": "审核员",
                                          "start_date": start, "end_date": start + dt.timedelta(days=120)})
    # attendance: last month and this month up to today
    first_this = today.replace(day=1)
    last_month = (first_this - dt.timedelta(days=1)).replace(day=1)
    cells = 0
    for month_start in (last_month, first_this):
        g = attendance_service.grid(ws, f"{month_start:%Y-%m}")
        off = {d["date"] for d in g["days"] if attendance_service.is_off(attendance_service.DayKind(d["kind"]))}
        entries = []
        for p in g["people"]:
            for day in p["duty_days"]:
                if day > today.isoformat():
                    continue
                status = "rest" if day in off else "present"
                if status == "present" and rng.random() < 0.06:
                    status = rng.choice(("leave", "trip", "inspection", "inspection", "absent"))
                entries.append((p["id"], day, status))
        cells += attendance_service.set_statuses(ws, entries)
    # a training per quarter, this year; everybody but one in the latest
    year, q = training_service.quarter_of(today)
    for quarter in range(1, q + 1):
        first, _last = training_service.quarter_bounds(year, quarter)
        day = min(first + dt.timedelta(days=20), today)
        who = ids if quarter < q else ids[:-1]
        training_service.add_session(ws, day, f"{year}年第{quarter}季度医保政策培训", who)
    # a pending staff change: notice given five days ago
    staff_change_service.request_change(
        ws, notice_date=today - dt.timedelta(days=5), reason="个人原因申请离职，由具备稽核经验人员接替",
        leaving_staff_id=ids[-1], planned_date=today + dt.timedelta(days=10),
        joining={"staff_no": "XX020", "name": _name(rng, used), "certno": _certno(rng, dt.date(1994, 6, 12)),
                 "qualification": "medical", "post": "审核员", "education": "本科"})
    assert gone
    return {"staff": len(ids) + 1, "attendance_cells": cells}
