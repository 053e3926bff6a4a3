"""Knowledge points (spec/rule-templates.md): rules as data.

``knowledge_points`` holds a point as the user wrote it (lists as JSON arrays
in row order, the window and limit in their canonical text) plus the two
numbers the screen's SQL needs (``window_n``, ``limit_scaled``).
``knowledge_terms`` holds every list item once more, one row each, so the
screen joins fee lines to points by code (and settlements to the scope limits)
instead of looping over points: item codes (kind ``item``), other codes
(``other``), classes, hospital levels, insurance types and diagnosis prefixes
(stored trimmed and ASCII lower-cased for prefix matching).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class KnowledgePointRow(Base):
    __tablename__ = "knowledge_points"
    rule_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    template: Mapped[str] = mapped_column(String(32), index=True)
    rule_name: Mapped[str] = mapped_column(Text)
    item_codes: Mapped[str] = mapped_column(Text, default="[]")
    other_codes: Mapped[str] = mapped_column(Text, default="[]")
    med_class_lmt: Mapped[str] = mapped_column(Text, default="[]")
    hosp_lv_lmt: Mapped[str] = mapped_column(Text, default="[]")
    insutype_lmt: Mapped[str] = mapped_column(Text, default="[]")
    dise_lmt: Mapped[str] = mapped_column(Text, default="[]")
    exclude_dx: Mapped[str] = mapped_column(Text, default="[]")
    window_token: Mapped[str | None] = mapped_column(String(16), nullable=True)
    window_kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    window_n: Mapped[int | None] = mapped_column(Integer, nullable=True)
    limit_text: Mapped[str | None] = mapped_column(String(32), nullable=True)
    limit_scaled: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    effective_from: Mapped[str | None] = mapped_column(String(10), nullable=True)
    effective_to: Mapped[str | None] = mapped_column(String(10), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class KnowledgeTermRow(Base):
    __tablename__ = "knowledge_terms"
    __table_args__ = (Index("ix_knowledge_terms_kind_value", "kind", "value"),)
    rule_id: Mapped[str] = mapped_column(ForeignKey("knowledge_points.rule_id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(255), primary_key=True)
