"""Render the user guide (``docs/guide/*.md``) to HTML shipped in the plugin ZIP.

``bash scripts/run guide-html`` writes ``docs/guide/html/<page>.html`` and an
``index.html`` that lists every page and every heading (the search-friendly index:
Ctrl+F in the browser finds any section by name, algorithm id or clause). Algorithms'
``helpUrl()`` and the docks' 帮助 buttons open these pages (``lowland_plugin/help.py``);
``tests/test_help.py`` fails when the HTML is stale.

Standard library only. The Markdown the guide uses is small: headings, paragraphs,
ordered and unordered lists (nested by indentation), fenced code, pipe tables, images,
links (``x.md`` → ``x.html``; ``../screenshots/`` kept), ``**bold**``, `` `code` ``, and
raw HTML lines (``<a id="…"></a>`` anchors). Heading ids follow GitHub's rule, so the
guide's in-page links work in both places; a heading naming ``lowland:<alg>`` also
gets the id ``<alg>``.

    python scripts/guide_html.py [--check]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"
OUT = GUIDE / "html"

STYLE = """body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:60em;
margin:2em auto;padding:0 1em;line-height:1.6;color:#222}
code,pre{font-family:monospace;background:#f4f4f4}pre{padding:.6em;overflow-x:auto}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
img{max-width:100%}nav{font-size:.9em;margin-bottom:1em}"""


def slug(text: str) -> str:
    """GitHub's heading id: lower case, punctuation dropped (CJK kept), spaces → '-'."""
    plain = re.sub(r"[`*]", "", text).strip().lower()
    plain = re.sub(r"[^\w\- ]", "", plain)
    return plain.replace(" ", "-")


def inline(text: str) -> str:
    """Inline Markdown → HTML (code spans first, so their content stays literal)."""
    parts = re.split(r"(`[^`]+`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"<code>{html.escape(part[1:-1])}</code>")
            continue
        escaped = html.escape(part, quote=False)
        escaped = re.sub(
            r"!\[([^\]]*)\]\(([^)\s]+)\)",
            lambda m: f'<img src="{_target(m.group(2))}" alt="{m.group(1)}">',
            escaped,
        )
        escaped = re.sub(
            r"\[([^\]]+)\]\(([^)\s]+)\)",
            lambda m: f'<a href="{_target(m.group(2))}">{m.group(1)}</a>',
            escaped,
        )
        escaped = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escaped)
        # an explicit anchor written in the Markdown (<a id="review-dock"></a>)
        escaped = re.sub(r'&lt;a id="([\w-]+)"&gt;&lt;/a&gt;', r'<a id="\1"></a>', escaped)
        out.append(escaped)
    return "".join(out)


def _target(url: str) -> str:
    """Link target as seen from docs/guide/html/: guide pages → .html, files → ../."""
    if re.match(r"^[a-z]+:", url) or url.startswith("#"):
        return url
    path, _, anchor = url.partition("#")
    if path.endswith(".md") and "/" not in path:
        path = path[:-3] + ".html"
    else:
        path = "../" + path
    return path + (f"#{anchor}" if anchor else "")


def _table(rows: list[str]) -> str:
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    head, body = cells[0], cells[2:]
    out = ["<table>", "<tr>" + "".join(f"<th>{inline(c)}</th>" for c in head) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>" for row in body]
    return "\n".join(out + ["</table>"])


LIST_ITEM = re.compile(r"^(\s*)([-*]|\d+\.)\s+(.*)$")


def _list(lines: list[str]) -> str:
    """Nested lists from indented ``- x`` / ``1. x`` lines (continuation lines joined to
    their item; an ordered list keeps its first number, e.g. after an image)."""
    items: list[list] = []  # [indent, marker, text]
    for line in lines:
        match = LIST_ITEM.match(line)
        if match:
            items.append([len(match.group(1)), match.group(2), match.group(3)])
        elif items:
            items[-1][2] += " " + line.strip()
    return _render_items(items)


def _render_items(items: list[list]) -> str:
    if not items:
        return ""
    indent, marker = items[0][0], items[0][1]
    ordered = marker[0].isdigit()
    start = f' start="{marker[:-1]}"' if ordered and marker != "1." else ""
    out = [f"<ol{start}>" if ordered else "<ul>"]
    i = 0
    while i < len(items):
        text = items[i][2]
        j = i + 1
        while j < len(items) and items[j][0] > indent:
            j += 1
        out.append(f"<li>{inline(text)}{_render_items(items[i + 1 : j])}</li>")
        i = j
    out.append("</ol>" if ordered else "</ul>")
    return "\n".join(out)


def markdown_to_html(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """(HTML body, headings as (level, id, text))."""
    lines = text.splitlines()
    out: list[str] = []
    headings: list[tuple[int, str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("```"):
            end = i + 1
            while end < len(lines) and not lines[end].startswith("```"):
                end += 1
            code = html.escape("\n".join(lines[i + 1 : end]))
            out.append(f"<pre><code>{code}</code></pre>")
            i = end + 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2).strip()
            ident = slug(title)
            alg = re.search(r"`lowland:(\w+)`", title)
            extra = f'<a id="{alg.group(1)}"></a>' if alg else ""
            out.append(f'<h{level} id="{ident}">{extra}{inline(title)}</h{level}>')
            headings.append((level, ident, re.sub(r"[`*]", "", title)))
            i += 1
            continue
        if line.startswith("<"):
            out.append(line)
            i += 1
            continue
        if line.lstrip().startswith("|"):
            end = i
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            out.append(_table(lines[i:end]))
            i = end
            continue
        if LIST_ITEM.match(line):
            end = i
            while end < len(lines) and lines[end].strip() and not lines[end].startswith("```"):
                end += 1
            out.append(_list(lines[i:end]))
            i = end
            continue
        end = i
        while (
            end < len(lines)
            and lines[end].strip()
            and not re.match(r"^(#|```|\||\s*<)", lines[end])
        ):
            end += 1
        out.append("<p>" + inline(" ".join(s.strip() for s in lines[i:end])) + "</p>")
        i = max(end, i + 1)
    return "\n".join(out), headings


def page(title: str, body: str) -> str:
    nav = '<nav><a href="index.html">索引 / Index</a> · <a href="README.html">使用手册</a></nav>'
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{nav}\n{body}\n</body>\n</html>\n"
    )


def rendered_files(guide: Path = GUIDE) -> dict[str, str]:
    """File name → HTML text of every guide page and of the index."""
    files: dict[str, str] = {}
    index = ["<h1>Lowland 使用手册索引 / User guide index</h1>"]
    for md in sorted(guide.glob("*.md")):
        body, headings = markdown_to_html(md.read_text(encoding="utf-8"))
        title = headings[0][2] if headings else md.stem
        name = md.stem + ".html"
        files[name] = page(title, body)
        index.append(f'<h2><a href="{name}">{html.escape(title)}</a></h2>\n<ul>')
        for level, ident, text in headings[1:]:
            if level <= 3:
                index.append(f'<li><a href="{name}#{ident}">{html.escape(text)}</a></li>')
        index.append("</ul>")
    files["index.html"] = page("Lowland 使用手册索引", "\n".join(index))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the HTML is stale")
    args = parser.parse_args(argv)
    files = rendered_files()
    stale = [
        n
        for n, t in files.items()
        if not (OUT / n).is_file() or (OUT / n).read_text(encoding="utf-8") != t
    ]
    if args.check:
        print("\n".join(stale) or "up to date")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.html"):
        if old.name not in files:
            old.unlink()
    for name, text in files.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"{OUT}: {len(files)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
