"""Hand-made claims for the screening tests, written straight through the models."""
from __future__ import annotations

from workstation.store.models.claims import CatalogItemRow, FeeLineRow, SettlementRow

S = 10_000  # CNT_SCALE


def settlement(setl_id: str, **kw) -> SettlementRow:
    values = dict(psn_no="P1", psn_name="测试人", gend="1", brdy="1980-06-15", certno="410702198006151234",
                  insutype="310", med_type="21", setl_type="1", offsite_flag="0", fixmedins_code="H1",
                  fixmedins_name="测试医院", hosp_lv="1", begndate="2025-03-01", enddate="2025-03-05",
                  setl_time="2025-03-05 10:00:00", medfee_sumamt=100_00, inscp_scp_amt=100_00, hifp_pay=0,
                  hifob_pay=0)
    values.update(kw)
    return SettlementRow(setl_id=setl_id, **values)


def line(setl_id: str, sn: str, **kw) -> FeeLineRow:
    values = dict(med_list_codg="C001", hilist_name="项目", med_chrgitm_type="05", chrgitm_lv="01",
                  fee_ocur_time="2025-03-02 09:00:00", cnt=1 * S, pric=10_00, det_item_fee_sumamt=None,
                  pric_uplmt_amt=None)
    values.update(kw)
    if values["det_item_fee_sumamt"] is None:
        values["det_item_fee_sumamt"] = values["cnt"] * values["pric"] // S
    return FeeLineRow(setl_id=setl_id, feedetl_sn=sn, **values)


def catalog(code: str, **kw) -> CatalogItemRow:
    return CatalogItemRow(med_list_codg=code, hilist_name=kw.pop("hilist_name", code), **kw)


def add(ws, *rows) -> None:
    """Insert settlements first, then the rest (foreign keys)."""
    with ws.store.session() as s:
        s.add_all([r for r in rows if isinstance(r, (SettlementRow, CatalogItemRow))])
        s.flush()
        s.add_all([r for r in rows if isinstance(r, FeeLineRow)])
