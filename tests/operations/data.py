"""Settlements, review units, samples, second reviews and rosters for the operations tests,
written through the models (independent of other areas' demo steps)."""
from __future__ import annotations

import datetime as dt
import uuid

from workstation.services import roster_service
from workstation.store.models.claims import SettlementRow
from workstation.store.models.review import ReviewUnitRow, SecondReviewRow
from workstation.store.models.sampling import SampleRow, SampleUnitRow


def settlement(s, setl_id: str, day: dt.date, *, setl_type="1", med_type="21", offsite="0", hifob=0,
               inst="H41070001", inst_name="新乡市第一人民医院", total=100_000):
    s.add(SettlementRow(setl_id=setl_id, psn_no=f"P{setl_id}", psn_name="张某某", insutype="310", med_type=med_type,
                        setl_type=setl_type, offsite_flag=offsite, fixmedins_code=inst, fixmedins_name=inst_name,
                        hosp_lv="1", begndate=str(day), enddate=str(day), setl_time=f"{day} 10:00:00",
                        medfee_sumamt=total, inscp_scp_amt=total, hifp_pay=total // 2, hifob_pay=hifob,
                        psn_cash_pay=total - total // 2 - hifob))


def unit(s, setl_id: str, status: str = "compliant", decided: dt.datetime | None = None, who="reviewer") -> int:
    u = ReviewUnitRow(uuid=str(uuid.uuid4()), setl_id=setl_id, source="sample", assigned_to=who, status=status,
                      submitted=status != "pending", decided_by=who if decided else None, decided_at=decided,
                      note="", version=1)
    s.add(u)
    s.flush()
    return u.id


def census(s, code: str, setl_ids: list[str]) -> None:
    row = SampleRow(code=code, created_by="supervisor", preset="supplementary-first-review", method="census",
                    seed="x", filter="{}", params="{}", frame_size=len(setl_ids), frame_sha256="0" * 64,
                    sample_size=len(setl_ids))
    s.add(row)
    s.flush()
    s.add_all([SampleUnitRow(sample_id=row.id, setl_id=x, stratum="", hits=1, rank=i) for i, x in enumerate(setl_ids)])


def second_reviews(s, quarter: str, agree: int, disagree: int, day: dt.date) -> None:
    for i in range(agree + disagree):
        sid = f"SR{quarter}{i:04d}"
        settlement(s, sid, day, setl_type="2", med_type="11")
        uid = unit(s, sid, "compliant", dt.datetime.combine(day, dt.time(9)))
        s.add(SecondReviewRow(unit_id=uid, quarter=quarter, check_kind="manual-reimbursement-10pct",
                              reviewer="supervisor", agree=i < agree, reason="", at=dt.datetime.combine(day, dt.time(10))))


def luoyang_roster(ws, start: str = "2024-01-01") -> dict[str, int]:
    """A team that meets every Luoyang staffing term: 18 in the city centre, 2 in each of 11 counties."""
    ids = {}
    city = ["medical"] * 12 + ["finance"] * 2 + ["it"] + ["other"] * 3
    for i, q in enumerate(city):
        ids[f"C{i:02d}"] = roster_service.save_staff(ws, {"staff_no": f"C{i:02d}", "name": f"市{i}", "qualification": q,
                                                          "centre": "市级", "start_date": start})
    for k in range(11):
        for j, q in enumerate(("medical", "other")):
            no = f"K{k:02d}{j}"
            ids[no] = roster_service.save_staff(ws, {"staff_no": no, "name": f"县{k}{j}", "qualification": q,
                                                     "centre": f"县区{k}", "start_date": start})
    return ids
