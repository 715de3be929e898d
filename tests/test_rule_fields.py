"""Issue 21 item 10: every rule declares the fields it reads; a missing required field
refuses the run naming it, a missing optional one disables its rules with one warning,
and a null value is never "met"."""

from __future__ import annotations

import pandas as pd
import pytest
from test_identify import REFERENCE, at_yinchuan, identify, parcel_rows, reason

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.common.requirements import Need, check_rule_fields
from lowland_under_test.lowland_plugin.core.identify.criteria import CRITERIA, EXEMPTIONS
from lowland_under_test.lowland_plugin.core.identify.identification import identify_parcels
from lowland_under_test.lowland_plugin.core.identify.rule_fields import (
    IDENTIFY_FIELDS,
    LEGACY_FIELDS,
)


def test_every_rule_has_its_row():
    profile = load_profile("default")
    assert set(CRITERIA) | set(EXEMPTIONS) <= set(IDENTIFY_FIELDS)
    assert set(profile.rules) | set(profile.exemptions) <= set(IDENTIFY_FIELDS)
    assert {"no_lawful_approval", "construction_in_sandiao"} <= set(LEGACY_FIELDS)


def test_no_land_class_and_no_survey_is_refused_naming_dlbm():
    parcels = parcel_rows([{}, {}]).drop(columns="dlbm")
    with pytest.raises(LowlandInputError, match="dlbm") as err:
        identify(parcels)
    assert "LANDSURVEY" in str(err.value) and "non_construction_land" in str(err.value)


def test_missing_optional_field_disables_its_rules_with_one_warning():
    parcels = parcel_rows([{}]).drop(columns="tax_per_mu")
    result = identify_parcels(
        at_yinchuan(parcels), load_profile("default"), reference_date=REFERENCE
    )
    named = [w for w in result.warnings if "tax_per_mu" in w]
    assert len(named) == 1
    assert "tax_below_min" in named[0] and "tax_below_industry_share" in named[0]


def test_a_null_land_class_is_never_non_construction_land():
    # T0 has no dlbm (null), T1 is 0103 (farmland): only T1 is non-construction land
    t = identify(parcel_rows([{"dlbm": None}, {"dlbm": "0103"}]))
    untested = reason(t, 0, "non_construction_land")  # not tested: no reason item, or met null
    assert untested is None or untested["met"] is not True
    assert reason(t, 0, "missing_land_class")["met"] is True
    assert reason(t, 1, "missing_land_class") is None
    assert t["verdict"].tolist() == ["excluded", "excluded"]
    assert reason(t, 1, "non_construction_land")["met"] is True


def test_null_land_class_parcels_are_named():
    parcels = parcel_rows([{"dlbm": None}, {}])
    result = identify_parcels(
        at_yinchuan(parcels), load_profile("default"), reference_date=REFERENCE
    )
    assert any("没有现状地类" in w and "T0" in w and "T1" not in w for w in result.warnings)


def test_check_rule_fields_any_of_and_unless_layer():
    needs = {
        "a": Need(("x", "y"), any_of=True),
        "b": Need(("z",), required=True, unless_layer="L"),
        "c": Need(("w",)),
        "d": Need(("w",)),
    }
    # one of x/y present, z supplied by layer L, w missing: one warning naming c and d
    warnings = check_rule_fields(["y"], needs, "层", ["L"])
    assert warnings == [
        "层: 缺少字段 w，以下规则不检验：c, d。 / missing field w: rules not tested: c, d."
    ]
    with pytest.raises(LowlandInputError, match="z"):
        check_rule_fields(["x", "w"], needs, "层")


def test_frame_columns_only_are_read():
    assert check_rule_fields(pd.DataFrame(columns=["lawful_approval"]).columns, {}, "x") == []
