"""The office server's own tables: the store's identity and the key slots kept on the server.

On a local store both stay empty (identity and slots live in the ``.keys``
sidecar); on a server they replace the sidecar (store/server.py).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class ServerMetaRow(Base):
    __tablename__ = "server_meta"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)  # store_id
    value: Mapped[str] = mapped_column(Text)


class KeySlotRow(Base):
    """One user's wrapped copy of the project data key (same JSON as a sidecar slot)."""

    __tablename__ = "key_slots"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256(store id, user name)
    role_name: Mapped[str] = mapped_column(String(64), index=True)  # the login role that may read it
    data: Mapped[str] = mapped_column(Text)


class PresenceRow(Base):
    """Who has which review unit open right now (a heartbeat; not review data, so not logged)."""

    __tablename__ = "presence"
    user: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
