#!/usr/bin/env python3
"""Regenerate docs/guide/rules_zh.md: every number of the bundled rule profiles
(``default``, ``yinchuan``) with its clause, value, source label and state.

One table per profile: the criteria (``rules``), the exemptions, the 存量建筑功能转换
(``conversion``, Y-12), the 资金平衡 (``funding``, Y-3) parameters, and every ``local``
value (the numbers the texts leave to the city). Read through
``lowland_plugin.core.common.profiles`` (so a profile without a ``local`` entry shows
the default's, as the algorithms use it).

Run ``python scripts/make_rules_doc.py`` (``--check`` exits 1 when the file is stale;
tests/test_rules_doc.py runs the check).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "guide" / "rules_zh.md"
PROFILES = ("default", "yinchuan")
STATE_ZH = {"adopted": "已采用", "pending": "待定", "local_choice": "本地取值（待确认）"}


def _rule_names() -> dict[str, str]:
    with (ROOT / "resources" / "codes" / "rules.csv").open(encoding="utf-8", newline="") as fh:
        return {row["rule"]: row["name_zh"] for row in csv.DictReader(fh)}


def _value(value: Any) -> str:
    """A value as short table text (lists and tables as compact JSON)."""
    if value is None:
        return "未设定（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        text = text if len(text) <= 120 else text[:117] + "…"
    else:
        text = str(value)
    return text.replace("|", "\\|")


def _row(*cells: str) -> str:
    return "| " + " | ".join(c.replace("\n", " ") for c in cells) + " |"


def _source_cells(profile, key: str, states: list[str]) -> tuple[str, str]:
    src = profile.source(key)
    states.append(src.state)
    return f"{src.label}（`{key}`）", STATE_ZH[src.state]


def profile_section(profile) -> str:
    names = _rule_names()
    states: list[str] = []
    lines = [
        f"## {profile.id}@{profile.version}：{profile.name}",
        "",
        _row("规则", "条款", "参数", "取值", "来源", "状态"),
        _row(*["---"] * 6),
    ]
    groups = [("认定标准", profile.rules), ("豁免", profile.exemptions)]
    extra = {"conversion": ("存量建筑功能转换", profile.conversion)}
    extra["funding"] = ("资金平衡测算", profile.funding)
    for title, rules in groups:
        for rule_id, rule in rules.items():
            label = f"{names.get(rule_id, rule_id)}（`{rule_id}`）"
            if not rule.enabled:
                label += "（未启用）"
            if not rule.params:
                lines.append(
                    _row(f"{title}：{label}", rule.clause, "—", "（无数值参数）", "—", "—")
                )
            for param, value in rule.params.items():
                src, state = _source_cells(profile, rule.sources[param], states)
                lines.append(
                    _row(f"{title}：{label}", rule.clause, f"`{param}`", _value(value), src, state)
                )
    for key, (title, rule) in extra.items():
        if rule is None:
            continue
        for param, value in rule.params.items():
            src, state = _source_cells(profile, rule.sources[param], states)
            lines.append(
                _row(f"{title}（`{key}`）", rule.clause, f"`{param}`", _value(value), src, state)
            )
    lines += [
        "",
        f"**本地取值（`local`）**，{profile.id}@{profile.version}：",
        "",
        _row("名称", "条款", "含义", "取值", "来源", "状态"),
        _row(*["---"] * 6),
    ]
    for name, local in profile.local.items():
        clause, meaning = _local_meaning().get(name, ("", ""))
        src = local.source
        states.append(src.state)
        lines.append(
            _row(
                f"`{name}`",
                clause,
                meaning,
                _value(local.value),
                f"{src.label}（`{src.key}`）",
                STATE_ZH[src.state],
            )
        )
    lines += [
        "",
        f"本档案共 {len(states)} 个数值：已采用 {states.count('adopted')} 个，"
        f"待定 {states.count('pending')} 个，本地取值（待确认）{states.count('local_choice')} 个。",
        "",
    ]
    return "\n".join(lines)


HEADER = """# 规则取值一览（各条款的数值、来源与状态）

<!-- 本文件由 scripts/make_rules_doc.py 生成，请勿手工修改；tests/test_rules_doc.py 检查其为最新。 -->

政策文件（自然资发〔2023〕171号 N-x、银川实施意见 Y-x）把多数具体数值留给地方。插件把每个
数值写在规则档案（`resources/profiles/*.json`）中，并注明来源（`sources`）与状态：

- **已采用**（`adopted`）：有明确出处、已采用的数值；
- **待定**（`pending`）：城市尚未给出，暂用替代值；运行时警告一次并列出；
- **本地取值（待确认）**（`local_choice`）：政策文件未规定、由本插件取的默认值，须经地方确认；
  运行时同样警告。

每条认定理由、检查结果与实施方案在条款旁引用来源，例如「[Y-1 · 金华认定标准（征求意见稿）]
容积率 0.62 < 0.70」；非「已采用」的来源带「· 待定」或「· 本地取值待确认」。档案的写法见
[使用说明第 6 节](README.md#6-规则配置阈值与修改示例)。
"""


def _local_meaning() -> dict[str, tuple[str, str]]:
    """Clause and Chinese meaning of each ``local`` value (one table, in the core)."""
    try:
        from lowland_plugin.core.common.profile_labels import LOCAL_MEANING
    except ImportError:  # loaded as lowland_under_test.scripts in the tests
        from ..lowland_plugin.core.common.profile_labels import LOCAL_MEANING  # type: ignore
    return LOCAL_MEANING


def render(load_profile: Callable[[str], Any]) -> str:
    parts = [HEADER]
    for name in PROFILES:
        parts.append(profile_section(load_profile(name)))
    return "\n".join(parts).rstrip("\n") + "\n"


def _loader() -> Callable[[str], Any]:
    sys.path.append(str(ROOT))  # appended, never first (ROOT/processing must not shadow QGIS's)
    from lowland_plugin.core.common.profiles import load_profile

    return load_profile


def main(argv: list[str]) -> int:
    text = render(_loader())
    if "--check" in argv:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print(f"{DOC} is stale: run python scripts/make_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"[rules] {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
