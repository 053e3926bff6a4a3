"""Contract operations: the store's holiday table, recorded data checks, monthly work plans (issue #19)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class HolidayDayRow(Base):
    """One day of the user-maintained holiday table: 'holiday' or 'workday' (调休)."""

    __tablename__ = "holiday_days"
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DataCheckRow(Base):
    """A full screening run recorded as one of the contract's data checks (seed 003: 2 a year)."""

    __tablename__ = "data_checks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("screen_runs.id"), nullable=True)
    done_on: Mapped[dt.date] = mapped_column()
    title: Mapped[str] = mapped_column(String(256), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class WorkPlanRow(Base):
    """Seed 004's monthly work plan and its summary: one document per contract and month."""

    __tablename__ = "work_plans"
    __table_args__ = (UniqueConstraint("contract", "month"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract: Mapped[str] = mapped_column(String(64))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    intro: Mapped[str] = mapped_column(Text, default="")  # the plan's opening text
    summary: Mapped[str] = mapped_column(Text, default="")  # the summary's closing text
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class WorkPlanItemRow(Base):
    __tablename__ = "work_plan_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("work_plans.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    result: Mapped[str] = mapped_column(Text, default="")  # what came of it, for the summary
    link_kind: Mapped[str] = mapped_column(String(16), default="")  # '' | inspection | dossier
    link_ref: Mapped[str] = mapped_column(String(64), default="")


class BreachRow(Base):
    """A breach of contract recorded by a supervisor (seed 004: penalties per breach)."""

    __tablename__ = "contract_breaches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract: Mapped[str] = mapped_column(String(64))
    day: Mapped[dt.date] = mapped_column()
    kind: Mapped[str] = mapped_column(String(32))  # staff_change | other
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
