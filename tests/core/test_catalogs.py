from workstation.services.catalog_service import rule_catalog, violations

SPEC_RULES = {
    "DUPLICATE_CHARGE", "PRICE_OVER_LIMIT", "GENDER_MISMATCH", "AGE_MISMATCH", "DAILY_QTY_EXCEEDED",
    "BED_DAYS_EXCEED_STAY", "SPLIT_HOSPITALIZATION", "DUPLICATE_SETTLEMENT", "SUPP_BEFORE_BASIC_CAP",
    "SUPP_ANNUAL_CAP_EXCEEDED", "SUPP_RATE_MISMATCH",
}


def test_rule_catalog_names_the_eleven_rules_in_both_languages():
    cat = rule_catalog()
    assert SPEC_RULES <= set(cat.ids)
    codes = {v.code for v in violations()}
    for r in cat.rules:
        assert r.zh and r.en and r.description_zh and r.description_en
        assert r.category in codes, r.id
    assert cat.defaults() == {"basic_cap": "100000.00", "supp_rate": "0.90", "supp_cap": "400000.00",
                              "readmission_days": 15, "readmission_exclude_dx": ""}  # rule-templates.md


def test_violation_catalog_has_the_sixteen_categories():
    names = [v.zh for v in violations()]
    assert names[0] == "重复收费" and names[-1] == "其他" and len(names) == 16
