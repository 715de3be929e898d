"""Rule profiles: the numbers policy leaves to local standards, each with its source.

A profile is a JSON file validated against ``resources/profiles/schema.json``.
Bundled profiles: ``default`` (published local standards) and ``yinchuan``
(Y clauses; values the texts leave open are marked ``yinchuan_pending``). A user
may pass their own file; an error names the key, the bad value and what is allowed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import LowlandInputError
from .resources import resource_path

PROFILE_DIR = resource_path("profiles")


@dataclass(frozen=True)
class Rule:
    """One criterion or exemption of a profile."""

    id: str
    enabled: bool
    clause: str
    applies_to: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)  # name -> value
    sources: dict[str, str] = field(default_factory=dict)  # name -> source key
    feature: str = ""


#: States of a source: adopted (in force for the city), pending (a stand-in until the city
#: sets its own), local_choice (the texts leave it open; a value to be confirmed locally).
SOURCE_STATES = ("adopted", "pending", "local_choice")
STATE_NAMES = {"adopted": "已采用", "pending": "待定", "local_choice": "本地取值待确认"}


@dataclass(frozen=True)
class Source:
    """Where a number comes from: its text, a short label to cite and its state."""

    key: str
    text: str
    label: str
    state: str

    def citation(self) -> str:
        """``label`` and, unless adopted, the state: 「金华认定标准（征求意见稿）」,
        「银川认定标准未公布，暂取金华/2008 数值 · 待定」."""
        return (
            self.label if self.state == "adopted" else f"{self.label} · {STATE_NAMES[self.state]}"
        )


@dataclass(frozen=True)
class LocalValue:
    """A number or list the policy texts leave to the city, with its source."""

    name: str
    value: Any
    source: Source


def _source(key: str, raw: str | dict) -> Source:
    """A source of the profile; a plain text is adopted unless its key says otherwise."""
    if isinstance(raw, str):
        state = (
            "pending"
            if key.endswith("_pending")
            else "local_choice"
            if "local_choice" in key
            else "adopted"
        )
        return Source(key, raw, raw.split("：")[0].split(":")[0][:40], state)
    return Source(key, raw["text"], raw.get("label") or raw["text"][:40], raw["state"])


@dataclass(frozen=True)
class Profile:
    """A validated rule profile."""

    id: str
    version: str
    name: str
    rules: dict[str, Rule]
    exemptions: dict[str, Rule]
    sources: dict[str, str]
    path: str
    conversion: Rule | None = None
    #: 资金平衡 unit rates and phase years (Y-3, N-3); None when the profile has none.
    funding: Rule | None = None
    #: Every source key → :class:`Source` (text, label, state).
    source_info: dict[str, Source] = field(default_factory=dict)
    #: The numbers the texts leave to the city (``local`` section), by name.
    local: dict[str, LocalValue] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        """The value of the local number ``name`` (``local`` section)."""
        return self.local[name].value

    def source(self, key: str) -> Source:
        """The source ``key`` (unknown keys: a pending source naming the key)."""
        return self.source_info.get(key) or Source(key, key, key, "pending")

    def cite(self, name: str) -> str:
        """The citation of the local number ``name``: its source's label and state."""
        return self.local[name].source.citation()

    def pending_locals(self, names: Iterable[str] | None = None) -> list[str]:
        """The local numbers among ``names`` (all when None) whose source is not adopted."""
        chosen = self.local if names is None else list(names)
        return [n for n in chosen if self.local[n].source.state != "adopted"]

    def pending_param_names(self, rule: Rule) -> list[str]:
        """The parameters of ``rule`` whose source is not adopted."""
        return [n for n, key in rule.sources.items() if self.source(key).state != "adopted"]

    def pending(self, names: Iterable[str] | None = None) -> list[str]:
        """``name = value（source）`` of every local number in ``names`` (all when None)
        whose source is not adopted: what a run must warn about."""
        return [
            f"{n} = {short_value(self.local[n].value)}（{self.local[n].source.citation()}）"
            for n in self.pending_locals(names)
        ]

    def pending_params(self, rule: Rule) -> list[str]:
        """``rule.param = value（source）`` of the rule's parameters whose source is not
        adopted."""
        return [
            f"{rule.id}.{n} = {rule.params[n]}（{self.source(rule.sources[n]).citation()}）"
            for n in self.pending_param_names(rule)
        ]

    @property
    def label(self) -> str:
        """``id@version``, recorded on every output."""
        return f"{self.id}@{self.version}"


def bundled_profiles() -> list[str]:
    """Ids of the profiles shipped in ``resources/profiles/``."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.json") if p.stem != "schema")


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads((PROFILE_DIR / "schema.json").read_text(encoding="utf-8"))


def _allowed(error) -> str:
    """What the schema allows at the place of a validation error, in words."""
    schema, kind = error.schema, error.validator
    if kind == "enum":
        return f"one of {schema['enum']}"
    if kind == "type":
        return f"type {schema['type']}"
    if kind in ("minimum", "maximum"):
        lo, hi = schema.get("minimum"), schema.get("maximum")
        return f"a number in [{lo if lo is not None else '-∞'}, {hi if hi is not None else '∞'}]"
    if kind == "additionalProperties":
        return f"only the keys {sorted(schema.get('properties', {}))}"
    if kind == "required":
        return f"the keys {schema['required']}"
    if kind == "pattern":
        return f"text matching {schema['pattern']}"
    return f"{kind} = {error.validator_value!r}"


def _non_finite(data: Any, path: str = "") -> list[str]:
    """Paths of NaN/Infinity numbers (Python's json accepts them; JSON does not)."""
    if isinstance(data, float) and not math.isfinite(data):
        return [path or "(root)"]
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _non_finite(v, f"{path}.{k}" if path else k)]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _non_finite(v, f"{path}.{i}")]
    return []


def validate_profile_data(data: Any, origin: str = "profile") -> None:
    """Raise :class:`LowlandInputError` naming key, bad value and what is allowed."""
    import jsonschema

    bad_numbers = _non_finite(data)
    if bad_numbers:
        raise LowlandInputError(
            f"规则档案 {origin}: {bad_numbers} 的值为 NaN/Infinity，不是有效数值 / "
            f"{bad_numbers} hold NaN or Infinity, which is not a number JSON allows; "
            "allowed: a finite number"
        )

    validator = jsonschema.Draft7Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = []
        for err in errors[:5]:
            key = ".".join(str(p) for p in err.absolute_path) or "(root)"
            value = err.instance
            if err.validator == "additionalProperties" and isinstance(value, dict):
                extra = sorted(set(value) - set(err.schema.get("properties", {})))
                key = ".".join([*(str(p) for p in err.absolute_path), *extra[:1]])
                value = value[extra[0]] if extra else value
            lines.append(
                f"{key} = {json.dumps(value, ensure_ascii=False)[:80]}: "
                f"{err.message[:120]}; allowed: {_allowed(err)}"
            )
        if len(errors) > len(lines):
            lines.append(
                f"… 另有 {len(errors) - len(lines)} 处 / … and {len(errors) - len(lines)} more"
            )
        raise LowlandInputError(
            f"规则档案 {origin} 有 {len(errors)} 处错误 / rule profile {origin} has "
            f"{len(errors)} error(s):\n" + "\n".join(lines)
        )
    known = set(data["sources"])
    groups = [("rules", data["rules"]), ("exemptions", data["exemptions"])]
    groups.append(("profile", {"conversion": data["conversion"]}))
    if "funding" in data:
        groups.append(("profile", {"funding": data["funding"]}))
    if "local" in data:
        groups.append(("profile", {"local": {"params": data["local"]}}))
    for group, rules in groups:
        for rule_id, rule in rules.items():
            refs = [(f"params.{k}.source", p["source"]) for k, p in rule["params"].items()]
            if "source" in rule:
                refs.append(("source", rule["source"]))
            for where, ref in refs:
                if ref not in known:
                    raise LowlandInputError(
                        f"规则档案 {origin}: {group}.{rule_id}.{where} = {ref!r} 不是 sources 中的来源 / "
                        f"is not a key of sources; allowed: {sorted(known)}"
                    )


def _rule(rule_id: str, raw: dict) -> Rule:
    params = raw["params"]
    return Rule(
        id=rule_id,
        enabled=raw["enabled"],
        clause=raw["clause"],
        applies_to=tuple(raw["applies_to"]),
        params={k: v["value"] for k, v in params.items()},
        sources={k: v["source"] for k, v in params.items()},
        feature=raw.get("feature", ""),
    )


def load_profile(name_or_path: str | Path) -> Profile:
    """A bundled profile by id (``default``, ``yinchuan``) or a profile file by path."""
    text = str(name_or_path).strip()
    path = PROFILE_DIR / f"{text}.json" if text in bundled_profiles() else Path(text)
    if not path.is_file():
        raise LowlandInputError(
            f"找不到规则档案 {text} / no rule profile {text!r}: give one of "
            f"{bundled_profiles()} or the path of a profile JSON file."
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        raise LowlandInputError(
            f"规则档案 {path} 不是 UTF-8 编码 / profile {path} is not UTF-8 text: {err}"
        ) from err
    except json.JSONDecodeError as err:
        raise LowlandInputError(
            f"规则档案 {path} 不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列）/ "
            f"profile {path} is not valid JSON (line {err.lineno}, column {err.colno}): {err.msg}"
        ) from err
    validate_profile_data(data, str(path))
    sources = {k: _source(k, v) for k, v in data["sources"].items()}
    local = _local_values(data.get("local", {}), sources, path)
    return Profile(
        id=data["id"],
        version=data["version"],
        name=data["name"],
        rules={k: _rule(k, v) for k, v in data["rules"].items()},
        exemptions={k: _rule(k, v) for k, v in data["exemptions"].items()},
        sources={k: v.text for k, v in sources.items()},
        path=str(path),
        conversion=_rule("conversion", {"enabled": True, "applies_to": [], **data["conversion"]}),
        funding=(
            _rule("funding", {"enabled": True, "applies_to": [], **data["funding"]})
            if "funding" in data
            else None
        ),
        source_info=sources,
        local=local,
    )


def _local_values(raw: dict, sources: dict[str, Source], path: Path) -> dict[str, LocalValue]:
    """The ``local`` section; an entry the profile leaves out comes from the bundled
    default profile, with that profile's source."""
    out = {n: LocalValue(n, v["value"], sources[v["source"]]) for n, v in raw.items()}
    default_path = PROFILE_DIR / "default.json"
    if path.resolve() != default_path.resolve():
        default = _default_local()
        out = {**{n: v for n, v in default.items() if n not in out}, **out}
    return out


@lru_cache(maxsize=1)
def _default_local() -> dict[str, LocalValue]:
    data = json.loads((PROFILE_DIR / "default.json").read_text(encoding="utf-8"))
    sources = {k: _source(k, v) for k, v in data["sources"].items()}
    return {n: LocalValue(n, v["value"], sources[v["source"]]) for n, v in data["local"].items()}


def short_value(value: Any) -> str:
    """A local value as one short line: a table of named rows (e.g. the Y-5
    ``statusquo_items``) as its names with their direction, anything else as written."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        names = []
        for row in value:
            name = str(row.get("name_zh") or row.get("item") or "?")
            better = {"higher": "越大越好", "lower": "越小越好"}.get(row.get("better", ""))
            fixed = "" if row.get("relaxable", True) else "，不得放宽"
            names.append(f"{name}（{better}{fixed}）" if better else name)
        return "、".join(names)
    return str(value)
