"""Rule profiles: the two bundled profiles, their sources and thresholds, a user's own
profile file, and the errors a bad profile gives (key path, bad value, what is allowed)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.profiles import (
    PROFILE_DIR,
    bundled_profiles,
    load_profile,
    validate_profile_data,
)

RULE_IDS = {
    "far_below_min",
    "coverage_below_min",
    "tax_below_min",
    "tax_below_industry_share",
    "dangerous_buildings",
    "old_residential_low_far",
    "stopped_operation",
    "stalled_development",
    "use_not_conforming",
    "urban_village",
}
EXEMPTION_IDS = {"above_scale", "young_enterprise", "strategic_industry"}
TYPES = ["industrial", "village", "commercial_residential", "facility", "other"]
DEFAULT_SOURCES = [
    "funding_example",  # 资金平衡 unit rates (example values the city sets), generateplan
    "funding_phases",
    "gbt_4754_2017",  # the industry code edition of the input (far_below_min, issue 16)
    "jgj_125_2016",
    "jinhua_draft",
    "lowland_local_choice",
    "mlr_2008_industrial",
    "n12_y1",
    "storey_height_choice",  # storey height per use (开发容量测算, issue 23): a local choice
    "taizhou_2025",
    # the numbers the 银川 text itself sets (the profile's ``local`` section)
    "yinchuan_y11",
    "yinchuan_y14",
    "yinchuan_y15",
    "yinchuan_y4",
    "yinchuan_y5_items",  # the Y-5 items; their directions are this plugin's reading
    "yinchuan_y7",
    "yinchuan_y9",
]
#: (group, rule, param) of every value default.json takes from 金华（征求意见稿）.
JINHUA_PARAMS = {
    ("rules", "far_below_min", "min_far"),
    ("rules", "far_below_min", "skip_dlbm"),
    ("rules", "coverage_below_min", "skip_dlbm"),
    ("rules", "tax_below_industry_share", "share"),
    ("rules", "dangerous_buildings", "min_share"),
    ("rules", "old_residential_low_far", "built_before"),
    ("rules", "old_residential_low_far", "max_far"),
    ("rules", "stalled_development", "years"),
    ("rules", "urban_village", "urban_czcsxm"),
    ("exemptions", "young_enterprise", "min_years"),
    ("exemptions", "strategic_industry", "industry_codes"),
    # issue 16: what each exemption exempts (金华: the efficiency criteria of 利用粗放)
    ("exemptions", "above_scale", "exempts"),
    ("exemptions", "young_enterprise", "exempts"),
    ("exemptions", "strategic_industry", "exempts"),
}
#: issue 16: the exemptions spare the efficiency criteria only, never 建筑危旧 / 用途不合理.
EFFICIENCY = [
    "far_below_min",
    "coverage_below_min",
    "tax_below_min",
    "tax_below_industry_share",
    "stopped_operation",
]


def raw(profile_id: str) -> dict:
    """The bundled profile's JSON as a fresh dict (safe to change)."""
    return json.loads((PROFILE_DIR / f"{profile_id}.json").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "user.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def load_error(tmp_path: Path, data: dict) -> str:
    """The message of the error loading ``data`` from a file gives."""
    path = write(tmp_path, data)
    with pytest.raises(LowlandInputError) as exc:
        load_profile(path)
    return str(exc.value)


def param_sources(data: dict) -> dict[tuple[str, str, str], str]:
    """(group, rule, param) → source key, from a profile's JSON."""
    return {
        (group, rule_id, name): param["source"]
        for group in ("rules", "exemptions")
        for rule_id, rule in data[group].items()
        for name, param in rule["params"].items()
    }


# ------------------------------------------------------------------ bundled profiles


def test_bundled_profiles_are_default_and_yinchuan():
    assert bundled_profiles() == ["default", "yinchuan"]


@pytest.mark.parametrize("profile_id", ["default", "yinchuan"])
def test_bundled_profile_loads(profile_id):
    profile = load_profile(profile_id)
    assert profile.id == profile_id
    assert profile.version == "1.2.0"
    assert profile.label == f"{profile_id}@1.2.0"
    assert profile.name  # schema: minLength 1
    assert Path(profile.path) == PROFILE_DIR / f"{profile_id}.json"
    assert set(profile.rules) == RULE_IDS
    assert set(profile.exemptions) == EXEMPTION_IDS
    for group in (profile.rules, profile.exemptions):
        for rule_id, rule in group.items():
            assert rule.id == rule_id
            assert isinstance(rule.applies_to, tuple) and rule.applies_to
            assert set(rule.applies_to) <= set(TYPES)
            assert rule.clause in ("Y-1", "N-12")
            assert set(rule.params) == set(rule.sources)


@pytest.mark.parametrize("profile_id", ["default", "yinchuan"])
def test_every_param_and_exemption_names_a_known_source(profile_id):
    profile = load_profile(profile_id)
    data = raw(profile_id)
    assert set(profile.sources) == set(data["sources"])
    n_params = 0
    for group in (profile.rules, profile.exemptions):
        for rule in group.values():
            for name, source in rule.sources.items():
                assert source in profile.sources, (rule.id, name, source)
                n_params += 1
    # 15 rule params + 2 exemption params + 3 exempts lists (issue 16; counted by hand),
    # and far_below_min's industry_code_edition and min_far_table_edition (Y-1 code edition)
    assert n_params == 22
    for rule_id, exemption in data["exemptions"].items():
        assert exemption["source"] in profile.sources, rule_id
    for text in profile.sources.values():
        assert text.strip()


def test_default_sources_and_no_pending_values():
    profile = load_profile("default")
    assert sorted(profile.sources) == DEFAULT_SOURCES
    sources = param_sources(raw("default"))
    assert {k for k, v in sources.items() if v == "jinhua_draft"} == JINHUA_PARAMS
    assert sources[("rules", "tax_below_min", "min_tax_per_mu")] == "taizhou_2025"
    assert sources[("rules", "far_below_min", "min_far_by_industry")] == "mlr_2008_industrial"
    assert sources[("rules", "coverage_below_min", "min_coverage")] == "mlr_2008_industrial"
    assert {k for k, v in sources.items() if v == "lowland_local_choice"} == {
        ("rules", "tax_below_industry_share", "min_peers"),
        ("rules", "stalled_development", "max_far"),
        ("rules", "use_not_conforming", "ignore_plan_codes"),
    }


def test_yinchuan_marks_values_the_texts_leave_open_as_pending():
    default, yinchuan = raw("default"), raw("yinchuan")
    assert "yinchuan_pending" in yinchuan["sources"]
    assert "yinchuan_y1" in yinchuan["sources"]
    assert "yinchuan_pending" not in default["sources"]
    d_sources, y_sources = param_sources(default), param_sources(yinchuan)
    assert set(d_sources) == set(y_sources)
    # every 金华 value of default.json is pending in yinchuan.json
    for key in JINHUA_PARAMS:
        assert y_sources[key] == "yinchuan_pending", key
    # so are the values no text gives (plugin's choice, 台州's 省定指导值)
    for key, source in d_sources.items():
        if source in ("jinhua_draft", "lowland_local_choice", "taizhou_2025"):
            assert y_sources[key] == "yinchuan_pending", key
    # only the national 2008 indicators keep their own source (the table and the code
    # edition it is keyed by; the edition of the city's own data is pending)
    assert {k for k, v in y_sources.items() if v != "yinchuan_pending"} == {
        ("rules", "far_below_min", "min_far_by_industry"),
        ("rules", "far_below_min", "min_far_table_edition"),
        ("rules", "coverage_below_min", "min_coverage"),
    }
    assert {k for k, v in y_sources.items() if v == "yinchuan_pending"} == (
        set(y_sources)
        - {
            ("rules", "far_below_min", "min_far_by_industry"),
            ("rules", "far_below_min", "min_far_table_edition"),
            ("rules", "coverage_below_min", "min_coverage"),
        }
    )
    for rule_id in EXEMPTION_IDS:
        assert default["exemptions"][rule_id]["source"] == "jinhua_draft"
        assert yinchuan["exemptions"][rule_id]["source"] == "yinchuan_pending"
    # the loaded profile carries the same
    profile = load_profile("yinchuan")
    assert profile.rules["far_below_min"].sources == {
        "min_far": "yinchuan_pending",
        "min_far_by_industry": "mlr_2008_industrial",
        "min_far_table_edition": "mlr_2008_industrial",
        "industry_code_edition": "yinchuan_pending",
        "skip_dlbm": "yinchuan_pending",
    }
    assert profile.rules["tax_below_industry_share"].sources == {
        "share": "yinchuan_pending",
        "min_peers": "yinchuan_pending",
    }


@pytest.mark.parametrize("profile_id", ["default", "yinchuan"])
def test_thresholds(profile_id):
    profile = load_profile(profile_id)
    rules, exemptions = profile.rules, profile.exemptions
    far = rules["far_below_min"]
    assert far.params["min_far"] == 1.0
    assert far.params["skip_dlbm"] == ["0508"]
    assert far.applies_to == ("industrial",)
    assert far.feature == "利用粗放"
    table = far.params["min_far_by_industry"]
    assert len(table) == 30
    assert table["26"] == 0.6
    assert table["25"] == 0.5
    assert table["13"] == 1.0
    assert table["17"] == 0.8
    assert table["27"] == 0.7
    assert rules["coverage_below_min"].params == {"min_coverage": 0.3, "skip_dlbm": ["0508"]}
    assert rules["tax_below_min"].enabled is False
    assert rules["tax_below_min"].params == {"min_tax_per_mu": None}
    assert rules["tax_below_industry_share"].params == {"share": 0.4, "min_peers": 3}
    danger = rules["dangerous_buildings"]
    assert danger.params == {"min_share": 0.5}
    assert danger.applies_to == tuple(TYPES)
    assert danger.feature == "建筑危旧"
    assert rules["old_residential_low_far"].params == {"built_before": 2000, "max_far": 1.0}
    assert rules["stopped_operation"].params == {}
    assert rules["stalled_development"].params == {"years": 2, "max_far": 0.1}
    assert rules["use_not_conforming"].clause == "N-12"
    assert rules["use_not_conforming"].params == {"ignore_plan_codes": ["16"]}
    assert rules["urban_village"].params == {"urban_czcsxm": ["201", "202"]}
    assert rules["urban_village"].applies_to == ("village",)
    # issue 16: each exemption names the criteria it exempts (not dangerous_buildings)
    assert exemptions["above_scale"].params == {"exempts": EFFICIENCY}
    assert exemptions["young_enterprise"].params == {"min_years": 3, "exempts": EFFICIENCY}
    assert exemptions["strategic_industry"].params == {"industry_codes": [], "exempts": EFFICIENCY}
    assert exemptions["above_scale"].feature == ""


def test_yinchuan_carries_every_default_value_over():
    default, yinchuan = load_profile("default"), load_profile("yinchuan")
    for group in ("rules", "exemptions"):
        d_group, y_group = getattr(default, group), getattr(yinchuan, group)
        for rule_id, rule in d_group.items():
            other = y_group[rule_id]
            assert other.params == rule.params, rule_id
            assert other.enabled == rule.enabled, rule_id
            assert other.applies_to == rule.applies_to, rule_id
            assert other.clause == rule.clause, rule_id
            assert other.feature == rule.feature, rule_id


# ------------------------------------------------------------------ a user's profile


def test_user_profile_file_loads_with_its_own_values(tmp_path):
    data = raw("default")
    data["id"] = "my_city"
    data["version"] = "2.1.0"
    data["rules"]["far_below_min"]["params"]["min_far"]["value"] = 1.2
    data["rules"]["tax_below_industry_share"]["params"]["share"]["value"] = 0.35
    data["sources"]["my_city_2025"] = "某市低效用地认定标准（2025）"
    data["rules"]["far_below_min"]["params"]["min_far"]["source"] = "my_city_2025"
    path = write(tmp_path, data)

    for given in (path, str(path)):
        profile = load_profile(given)
        assert profile.id == "my_city"
        assert profile.label == "my_city@2.1.0"
        assert profile.path == str(path)
        assert profile.rules["far_below_min"].params["min_far"] == 1.2
        assert profile.rules["far_below_min"].sources["min_far"] == "my_city_2025"
        assert profile.rules["tax_below_industry_share"].params["share"] == 0.35
        assert profile.sources["my_city_2025"] == "某市低效用地认定标准（2025）"
        # untouched values stay as in default.json
        assert profile.rules["dangerous_buildings"].params["min_share"] == 0.5
    # the bundled profile is not changed by it
    assert load_profile("default").rules["far_below_min"].params["min_far"] == 1.0


def test_utf8_bom_file_loads(tmp_path):
    data = raw("default")
    data["id"] = "bom_city"
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    profile = load_profile(path)
    assert profile.label == "bom_city@1.2.0"
    assert profile.name == "默认认定标准（据公开地方标准整理）"


# ------------------------------------------------------------------ errors


def test_negative_min_far(tmp_path):
    data = raw("default")
    data["rules"]["far_below_min"]["params"]["min_far"]["value"] = -1
    message = load_error(tmp_path, data)
    assert "1 error(s)" in message
    assert "rules.far_below_min.params.min_far.value = -1" in message
    assert "minimum" in message
    assert "allowed: a number in [0, ∞]" in message


def test_share_above_one(tmp_path):
    data = raw("default")
    data["rules"]["tax_below_industry_share"]["params"]["share"]["value"] = 1.5
    message = load_error(tmp_path, data)
    assert "rules.tax_below_industry_share.params.share.value = 1.5" in message
    assert "maximum" in message
    assert "allowed: a number in [0, 1]" in message


def test_wrong_type_of_value(tmp_path):
    data = raw("default")
    data["rules"]["far_below_min"]["params"]["min_far"]["value"] = "1.0"
    message = load_error(tmp_path, data)
    assert 'rules.far_below_min.params.min_far.value = "1.0"' in message
    assert "allowed: type number" in message


def test_unknown_rule_id(tmp_path):
    data = raw("default")
    data["rules"]["far_below_max"] = copy.deepcopy(data["rules"]["far_below_min"])
    message = load_error(tmp_path, data)
    assert "1 error(s)" in message
    assert "rules.far_below_max = " in message
    assert "'far_below_max' was unexpected" in message
    allowed = message.split("allowed:", 1)[1]
    for rule_id in RULE_IDS:
        assert f"'{rule_id}'" in allowed
    assert "far_below_max" not in allowed


def test_wrong_applies_to_type(tmp_path):
    data = raw("default")
    data["rules"]["far_below_min"]["applies_to"] = ["industrial", "industry"]
    message = load_error(tmp_path, data)
    assert 'rules.far_below_min.applies_to.1 = "industry"' in message
    allowed = message.split("allowed:", 1)[1]
    assert allowed.strip() == f"one of {TYPES}"


def test_missing_required_rule(tmp_path):
    data = raw("default")
    del data["rules"]["urban_village"]
    message = load_error(tmp_path, data)
    assert "1 error(s)" in message
    assert "\nrules = {" in message
    assert "'urban_village' is a required property" in message
    allowed = message.split("allowed:", 1)[1]
    assert allowed.startswith(" the keys [")
    for rule_id in RULE_IDS:
        assert f"'{rule_id}'" in allowed


def test_missing_required_top_level_key(tmp_path):
    data = raw("default")
    del data["sources"]
    message = load_error(tmp_path, data)
    assert "(root) = " in message
    assert "'sources' is a required property" in message


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "1.0.0-beta", ""])
def test_bad_version(tmp_path, version):
    data = raw("default")
    data["version"] = version
    message = load_error(tmp_path, data)
    assert f'version = "{version}"' in message
    assert "allowed: text matching ^[0-9]+\\.[0-9]+\\.[0-9]+$" in message


def test_bad_industry_code_key(tmp_path):
    data = raw("default")
    data["rules"]["far_below_min"]["params"]["min_far_by_industry"]["value"]["C26"] = 0.6
    message = load_error(tmp_path, data)
    assert "rules.far_below_min.params.min_far_by_industry.value" in message
    assert '"C26"' in message
    assert "^[0-9]{2}$" in message


def test_param_source_not_in_sources(tmp_path):
    data = raw("default")
    data["rules"]["far_below_min"]["params"]["min_far"]["source"] = "jinhua_final"
    message = load_error(tmp_path, data)
    assert "rules.far_below_min.params.min_far.source = 'jinhua_final'" in message
    assert "is not a key of sources" in message
    assert f"allowed: {DEFAULT_SOURCES}" in message


def test_exemption_source_not_in_sources(tmp_path):
    data = raw("yinchuan")
    data["exemptions"]["above_scale"]["source"] = "yinchuan_final"
    message = load_error(tmp_path, data)
    assert "exemptions.above_scale.source = 'yinchuan_final'" in message
    assert "'yinchuan_pending'" in message.split("allowed:", 1)[1]


def test_several_problems_at_once_are_counted(tmp_path):
    data = raw("default")
    data["version"] = "v1"
    data["rules"]["far_below_min"]["params"]["min_far"]["value"] = -1
    data["rules"]["tax_below_industry_share"]["params"]["share"]["value"] = 1.5
    message = load_error(tmp_path, data)
    assert "有 3 处错误" in message
    assert "3 error(s)" in message
    lines = message.splitlines()
    assert len(lines) == 4
    assert lines[1].startswith("rules.far_below_min.params.min_far.value = -1")
    assert lines[2].startswith("rules.tax_below_industry_share.params.share.value = 1.5")
    assert lines[3].startswith('version = "v1"')


def test_many_problems_report_the_full_count(tmp_path):
    data = raw("default")
    for rule in data["rules"].values():
        rule["enabled"] = "yes"
    message = load_error(tmp_path, data)
    assert "有 10 处错误" in message
    assert "10 error(s)" in message
    details = message.splitlines()[1:]
    assert len(details) == 6  # five shown, then how many more
    assert all('.enabled = "yes"' in line for line in details[:5])
    assert details[5] == "… 另有 5 处 / … and 5 more"


def test_root_not_an_object():
    with pytest.raises(LowlandInputError) as exc:
        validate_profile_data([1, 2], "list.json")
    assert "list.json" in str(exc.value)
    assert "(root) = [1, 2]" in str(exc.value)
    assert "allowed: type object" in str(exc.value)


def test_file_not_json_gives_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    # third line: two spaces, "version": 1.0 then a second "." at column 17
    path.write_text('{\n  "id": "x",\n  "version": 1.0.0\n}\n', encoding="utf-8")
    with pytest.raises(LowlandInputError) as exc:
        load_profile(path)
    message = str(exc.value)
    assert str(path) in message
    assert "line 3, column 17" in message
    assert "第 3 行第 17 列" in message


def test_missing_file_lists_bundled_ids(tmp_path):
    path = tmp_path / "nowhere.json"
    with pytest.raises(LowlandInputError) as exc:
        load_profile(path)
    message = str(exc.value)
    assert str(path) in message
    assert "['default', 'yinchuan']" in message


@pytest.mark.parametrize("name", ["beijing", "Default", "default.json", ""])
def test_unknown_bundled_id_lists_bundled_ids(name):
    with pytest.raises(LowlandInputError) as exc:
        load_profile(name)
    assert "['default', 'yinchuan']" in str(exc.value)


def test_directory_is_not_a_profile(tmp_path):
    with pytest.raises(LowlandInputError) as exc:
        load_profile(tmp_path)
    assert "['default', 'yinchuan']" in str(exc.value)


def test_gbk_file_gives_an_encoding_error(tmp_path):
    path = tmp_path / "gbk.json"
    text = (PROFILE_DIR / "default.json").read_text(encoding="utf-8")
    path.write_bytes(text.encode("gbk"))
    with pytest.raises(LowlandInputError) as exc:
        load_profile(path)
    message = str(exc.value)
    assert "is not UTF-8 text" in message
    assert "不是 UTF-8 编码" in message
    assert str(path) in message
    assert isinstance(exc.value.__cause__, UnicodeDecodeError)


def test_nan_threshold_is_rejected(tmp_path):
    data = raw("default")
    data["rules"]["tax_below_industry_share"]["params"]["share"]["value"] = float("nan")
    path = write(tmp_path, data)
    assert '"value": NaN' in path.read_text(encoding="utf-8")
    with pytest.raises(LowlandInputError, match="tax_below_industry_share"):
        load_profile(path)


# ------------------------------------------------------- sources, states, local numbers


def test_sources_carry_label_and_state():
    """Every source says what it is and whether it is in force: the 银川 stand-ins are
    pending, the plugin's own choices local_choice, the published standards adopted."""
    profile = load_profile("yinchuan")
    assert profile.source("yinchuan_pending").state == "pending"
    assert profile.source("lowland_local_choice").state == "local_choice"
    assert profile.source("mlr_2008_industrial").state == "adopted"
    assert profile.source("yinchuan_pending").citation().endswith("· 待定")
    assert profile.source("jgj_125_2016").citation() == "JGJ 125-2016"


def test_local_numbers_have_values_and_sources():
    """The numbers the texts leave to the city are profile values (Y-7, Y-9, Y-15 …)."""
    profile = load_profile("default")
    assert profile.value("legacy_cutoff") == "2009-12-31"
    assert profile.value("scattered_piece_max_mu") == 5.0
    assert profile.value("scattered_share_max") == 0.1
    assert profile.value("instalment_first_share") == 0.5
    assert profile.value("instalment_first_months") == 1
    assert profile.value("instalment_final_years") == 2
    assert profile.cite("scattered_piece_max_mu") == "银川实施意见（七）"
    assert profile.local["danger_basis"].source.state == "local_choice"


def test_pending_values_are_listed_with_their_source():
    """A run warns about every value that is not adopted: the yinchuan profile's FAR
    minimum is a stand-in until 银川 publishes its standard."""
    profile = load_profile("yinchuan")
    pending = profile.pending_params(profile.rules["far_below_min"])
    assert "far_below_min.min_far = 1.0（银川认定标准未公布，暂取金华/2008 数值 · 待定）" in pending
    assert (
        load_profile("default").pending_params(load_profile("default").rules["far_below_min"]) == []
    )
    assert any(line.startswith("danger_basis = floor_area") for line in profile.pending())


def test_a_profile_without_local_takes_the_default_values(tmp_path):
    """A city profile written before the ``local`` section existed still loads; the
    numbers come from the default profile with that profile's sources."""
    data = raw("default")
    data["id"] = "old_city"
    del data["local"]
    data["sources"] = {
        k: v["text"] for k, v in data["sources"].items() if not k.startswith("yinchuan_y")
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    profile = load_profile(path)
    assert profile.value("scattered_share_max") == 0.1
    assert profile.cite("scattered_share_max") == "银川实施意见（七）"
    assert profile.source("lowland_local_choice").state == "local_choice"  # from its key
    assert profile.source("jinhua_draft").state == "adopted"
