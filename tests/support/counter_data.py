"""Manual-reimbursement settlements for the counter tests, written through the models."""
from __future__ import annotations

import datetime as dt
import random

from tests.support.review_data import add_settlement
from workstation.core.receipts import ReceiptEntry
from workstation.services.workspace import Workspace
from workstation.store.models.claims import SettlementRow

INSTITUTION = "新乡市第一人民医院"


def seed_manual(ws: Workspace, n: int, *, prefix: str = "M", seed: int = 7, lines: int = 2) -> list[str]:
    """n manual reimbursements (setl_type 2) with a few fee lines each; returns their ids in order."""
    rng = random.Random(seed)
    ids = []
    with ws.store.session() as s:
        for i in range(n):
            sid = f"{prefix}{i:05d}"
            add_settlement(s, sid, rng, lines, setl_type="2", day=dt.date(2025, 3, 1) + dt.timedelta(days=i % 20))
            ids.append(sid)
    return ids


def receipts_for(ws: Workspace, setl_id: str, parts: int = 2, *, prefix: str = "") -> list[ReceiptEntry]:
    """Receipts that match the settlement exactly: ``parts`` receipts summing to medfee_sumamt."""
    with ws.store.read() as s:
        st = s.get(SettlementRow, setl_id)
        total, day = st.medfee_sumamt, st.begndate
    share = total // parts
    amounts = [share] * (parts - 1) + [total - share * (parts - 1)]
    return [ReceiptEntry(f"{prefix or setl_id}{k:02d}".replace("M", "9"), day, INSTITUTION, a,
                         bill_code="41060125", check_code=f"a{k}c9e1") for k, a in enumerate(amounts)]
