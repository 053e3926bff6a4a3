"""Stored risk profiles (spec/risk.md, "Feeding the sampler"): the tiers a risk-based sample draws on."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class RiskProfileRow(Base):
    __tablename__ = "risk_profiles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16), default="institution")
    date_from: Mapped[str] = mapped_column(String(10))
    date_to: Mapped[str] = mapped_column(String(10))
    params: Mapped[str] = mapped_column(Text)  # JSON: the parameters of this version (risk.PARAMS)
    tiers: Mapped[str] = mapped_column(Text)  # JSON: {fixmedins_code: tier}, every institution entity
    fingerprint: Mapped[str] = mapped_column(String(64))
