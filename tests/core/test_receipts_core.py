from hypothesis import given, strategies as st

from workstation.core import receipts as rc
from workstation.core.receipts import ReceiptEntry, SettlementFacts

FACTS = SettlementFacts("S1", "2025-03-01", "2025-03-05", "2025-03-05", "H41070001", "新乡市第一人民医院", 100_00)


@given(code=st.from_regex(r"\A[0-9]{8}\Z"), no=st.from_regex(r"\A[0-9]{10}\Z"), chk=st.from_regex(r"\A[0-9a-f]{6}\Z"),
       day=st.dates(), fen=st.integers(0, 10**9))
def test_fields_payload_round_trips(code, no, chk, day, fen):
    r = ReceiptEntry(no, day.isoformat(), "", fen, bill_code=code, check_code=chk)
    got = rc.parse_qr(rc.format_fields_payload(r))
    if day.year < 1000:  # a four-digit year is what receipts print
        return
    assert got == rc.ScannedReceipt(code, no, chk, day.isoformat(), fen, "fields")


def test_tax_invoice_layout():
    got = rc.parse_qr("01,10,013002200211,81532753,217.62,20230323,49753264642977383169,0816,")
    assert got == rc.ScannedReceipt("013002200211", "81532753", "49753264642977383169", "2023-03-23", 21762, "vat")


def test_named_link_and_json():
    link = ("https://example.invalid/billcheck?billBatchCode=41060125&billNo=0001234567&random=8f3a2c"
            "&ivcDateTime=20250304101530&totalAmt=1234.50")
    got = rc.parse_qr(link)
    assert got == rc.ScannedReceipt("41060125", "0001234567", "8f3a2c", "2025-03-04", 123450, "named")
    js = '{"billBatchCode": "41060125", "billNo": "0001234567", "random": "8f3a2c", "ivcDateTime": ' \
         '"2025-03-04 10:15:30", "totalAmt": "12.3"}'
    assert rc.parse_qr(js).total == 1230


def test_typed_bill_numbers_and_junk_are_not_payloads():
    for text in ("0001234567", "", "abc", "01,10,x,y,z,w,v", "1,2,3,4", "41060125,0001234567,8f3a2c,20251340,1.00",
                 "41060125,0001234567,8f3a2c,20250301,1.005", "https://example.invalid/nothing"):
        assert rc.parse_qr(text) is None, text


def test_check_finds_each_kind_with_the_amount_in_question():
    ok = [ReceiptEntry("A1", "2025-03-01", "新乡市第一人民医院", 60_00), ReceiptEntry("A2", "2025-03-05", "", 40_00)]
    assert rc.check(FACTS, ok, {}) == []
    short = [ReceiptEntry("A1", "2025-03-01", "新乡市 第一人民医院", 60_00)]
    assert rc.check(FACTS, short, {}) == [rc.Problem("sum", 40_00, detail="-")]
    dup = rc.check(FACTS, ok, {"A2": "S0"})
    assert dup == [rc.Problem("duplicate", 40_00, "A2", "S0")]
    late = [ReceiptEntry("A1", "2025-03-01", "", 60_00), ReceiptEntry("A2", "2025-03-09", "其他医院", 40_00)]
    kinds = [(p.kind, p.amount) for p in rc.check(FACTS, late, {})]
    assert kinds == [("date", 40_00), ("institution", 40_00)]
    over = ok + [ReceiptEntry("a1", "2025-03-02", "", 5_00)]  # same bill number in another case: twice here
    problems = rc.check(FACTS, over, {})
    assert rc.Problem("sum", 5_00, detail="+") in problems
    assert rc.Problem("duplicate", 5_00, "a1", "") in problems
    assert "少" in problems[0].message("zh_CN") or "多" in problems[0].message("zh_CN")
