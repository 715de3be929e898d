#!/usr/bin/env python3
"""Regenerate the generated parts of docs/dev/architecture.md from the code.

- the tree: every package and module of ``lowland_plugin/`` and ``processing/`` with the
  first sentence of its docstring;
- where each clause lives: for every clause id of RULES.md (``Y-1``…, ``N-1``…), the core
  functions whose docstring or body cites it (the function to read when a reviewer asks
  "where is Y-7 decided?").

Pure Python (ast); run ``python scripts/make_architecture.py`` (``--check`` exits 1 when
the file is stale; tests/test_layers.py runs the check).
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "dev" / "architecture.md"
CLAUSE = re.compile(r"\b([YN])-(\d{1,2})\b")
MARKERS = {
    "tree": ("<!-- generated: tree -->", "<!-- end: tree -->"),
    "clauses": ("<!-- generated: clauses -->", "<!-- end: clauses -->"),
}
PARTS = ("lowland_plugin", "processing")


def _py_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _summary(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    first = doc.strip().split("\n\n")[0].replace("\n", " ")
    first = re.sub(r"\s+", " ", first)
    return first if len(first) <= 140 else first[:137].rstrip() + "…"


def tree_table() -> str:
    rows = ["| module | what it is |", "|---|---|"]
    for part in PARTS:
        for path in _py_files(ROOT / part):
            rel = path.relative_to(ROOT).as_posix()
            summary = _summary(path).replace("|", "\\|")
            rows.append(f"| `{rel}` | {summary} |")
    return "\n".join(rows)


def _clause_key(clause: str) -> tuple[int, int]:
    return (0 if clause[0] == "Y" else 1, int(clause[2:]))


def _cited(node: ast.AST, source: str) -> set[str]:
    text = ast.get_source_segment(source, node) or ""
    return {f"{a}-{b}" for a, b in CLAUSE.findall(text)}


def clause_table() -> str:
    """Clause → the core functions citing it (module-level functions and methods), outside
    ``core/documents/`` (which quotes every clause it presents and decides none)."""
    where: dict[str, set[str]] = defaultdict(set)
    core = ROOT / "lowland_plugin" / "core"
    for path in _py_files(core):
        if path.parent.name == "documents":  # documents cite clauses, they decide none
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        module = path.relative_to(core).with_suffix("").as_posix().replace("/", ".")
        constants = set()
        for node in tree.body:  # clause constants (CLAUSE = "Y-9") count for the module
            if isinstance(node, ast.Assign | ast.AnnAssign):
                constants |= _cited(node, source)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                for clause in _cited(node, source):
                    where[clause].add(f"`{module}.{node.name}`")
        for clause in constants:
            if not any(f"`{module}." in w for w in where[clause]):
                where[clause].add(f"`{module}`")
    rows = ["| clause | where it is decided (core) |", "|---|---|"]
    for clause in sorted(where, key=_clause_key):
        rows.append(f"| {clause} | {', '.join(sorted(where[clause]))} |")
    return "\n".join(rows)


def render(text: str) -> str:
    for name, body in (("tree", tree_table()), ("clauses", clause_table())):
        start, end = MARKERS[name]
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        if not pattern.search(text):
            raise SystemExit(f"{DOC}: markers {start} … {end} missing")
        text = pattern.sub(lambda _m, s=start, b=body, e=end: f"{s}\n{b}\n{e}", text)
    return text


def main(argv: list[str]) -> int:
    current = DOC.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        if fresh != current:
            print(f"{DOC.relative_to(ROOT)} is stale: run python scripts/make_architecture.py")
            return 1
        return 0
    DOC.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
