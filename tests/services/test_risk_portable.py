"""The risk SQL gives the same profile on PostgreSQL as on SQLite.

Runs when WORKSTATION_TEST_POSTGRES_URL names a scratch database (its tables are dropped and
recreated), e.g. postgresql+psycopg://postgres@/postgres?host=/tmp/pg&port=5432. Once the
office-server fixture runs every store test on both backends, this comparison is redundant.
"""
from __future__ import annotations

import contextlib
import os

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from tests.support.risk_data import add_flags, peer_store, stay
from tests.support.screen_data import add, line
from workstation.services import risk_drill, risk_service as rs
from workstation.store.models import Base

PG = os.environ.get("WORKSTATION_TEST_POSTGRES_URL")


class _Store:
    def __init__(self, engine):
        self.engine = engine

    @contextlib.contextmanager
    def session(self):
        with Session(self.engine) as s:
            yield s
            s.commit()

    read = session


class _Ws:
    def __init__(self, engine):
        self.store = _Store(engine)


def _profile(url: str):
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        ws = _Ws(engine)
        ids = peer_store(ws)
        add(ws, stay("X-1", "X1", "PX", "2025-05-01", "2025-05-04", lv="9"),
            stay("A", "R1", "P", "2024-12-20", "2024-12-28"), stay("B", "R1", "P", "2025-01-05", "2025-01-08"),
            line("B", "1", med_chrgitm_type="09", bilg_dept_name=None, bilg_dr_name="甲"))
        add_flags(ws, [(ids["H1"][0], "1", 300_00), (ids["H1"][0], None, 200_00), (ids["H2"][3], "2", -5_00)])
        with ws.store.read() as s:
            docs = [rs.dumps(rs.to_json(rs.compute_in(s, level, None, None))) for level in ("institution", "doctor")]
        behind = [risk_drill.settlements_behind(ws, "2025-01-01", "2025-12-31", k, m) for k, m in (
            (("H1",), "flagged_amount_per_10k"), (("H1",), "drug_share"), (("R1",), "readmission_15d_rate"),
            (("H1", "内科", "医生1"), "dr_flagged_line_share"), (("H1", "内科", "医生1"), "dr_drug_share"))]
        return docs, behind
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


@pytest.mark.skipif(not PG, reason="WORKSTATION_TEST_POSTGRES_URL not set")
def test_postgresql_and_sqlite_give_the_same_profile():
    pg, lite = _profile(PG), _profile("sqlite://")
    assert pg == lite
    assert '"9i"' in pg[0][0] and pg[1][2][0].setl_id == "B"
