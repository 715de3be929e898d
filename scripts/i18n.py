"""Translations: extract every ``tr("…")`` string, update ``i18n/*.ts``, compile ``.qm``.

Source strings are Chinese (the plugin's first language); ``lowland_en.ts`` holds
the English. ``python scripts/i18n.py update`` adds new strings (unfinished) and
marks vanished ones obsolete, keeping existing translations; ``compile`` runs
``lrelease``; ``check`` exits 1 listing strings without an English translation.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "Lowland"
LANGUAGES = {"en": "en_US", "zh_CN": "zh_CN"}
SOURCES = ("lowland_plugin", "processing")
LRELEASE = ("/usr/lib/qt5/bin/lrelease", "lrelease")


def extract_strings() -> dict[str, str]:
    """Every literal passed to ``tr()`` / ``self.tr()`` → "file:line" of its first use."""
    found: dict[str, str] = {}
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                arg = node.args[0]
                if name == "tr" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def ts_path(lang: str) -> Path:
    return ROOT / "i18n" / f"lowland_{lang}.ts"


def read_ts(path: Path) -> dict[str, str]:
    """source → translation ('' when unfinished) of an existing .ts file."""
    if not path.exists():
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        trans = msg.find("translation")
        if trans is not None and trans.get("type") in ("unfinished", "obsolete", "vanished"):
            text = ""
        else:
            text = trans.text or "" if trans is not None else ""
        out[msg.findtext("source") or ""] = text
    return out


def write_ts(lang: str, strings: dict[str, str]) -> None:
    path = ts_path(lang)
    old = read_ts(path)
    root = ET.Element("TS", version="2.1", language=LANGUAGES[lang], sourcelanguage="zh_CN")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for source, where in strings.items():
        msg = ET.SubElement(ctx, "message")
        file, line = where.rsplit(":", 1)
        ET.SubElement(msg, "location", filename=f"../{file}", line=line)
        ET.SubElement(msg, "source").text = source
        text = source if lang == "zh_CN" else old.get(source, "")
        trans = ET.SubElement(msg, "translation")
        if text:
            trans.text = text
        else:
            trans.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def compile_qm() -> None:
    for lang in LANGUAGES:
        for exe in LRELEASE:
            try:
                subprocess.run(
                    [
                        exe,
                        "-silent",
                        str(ts_path(lang)),
                        "-qm",
                        str(ts_path(lang).with_suffix(".qm")),
                    ],
                    check=True,
                )
                break
            except FileNotFoundError:
                continue
        else:
            raise SystemExit("lrelease not found: apt-get install qttools5-dev-tools")


def set_translations(lang: str, mapping: dict[str, str]) -> None:
    """Write translations for the given source strings into ``lang``'s .ts file."""
    path = ts_path(lang)
    tree = ET.parse(path)
    for msg in tree.getroot().iter("message"):
        source, trans = msg.findtext("source"), msg.find("translation")
        if source in mapping:
            trans.text = mapping[source]
            trans.attrib.pop("type", None)
    ET.indent(tree.getroot())
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def missing_translations(lang: str = "en") -> list[str]:
    """Source strings used in the code with no translation in ``lang``'s .ts."""
    done = read_ts(ts_path(lang))
    return [s for s in extract_strings() if not done.get(s)]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        strings = extract_strings()
        for lang in LANGUAGES:
            write_ts(lang, strings)
        print(f"{len(strings)} strings; untranslated (en): {len(missing_translations())}")
    elif command == "compile":
        compile_qm()
    elif command == "check":
        missing = missing_translations()
        for s in missing:
            print(f"untranslated: {s!r}")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
