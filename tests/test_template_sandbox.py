"""The 实施方案 templates are untrusted code (issue 21 items 1 and 2): nothing a template
can reach leads to the document, the disk or Python internals; known escapes, endless
loops, huge outputs, includes from elsewhere and Python errors are refused with a
message naming the template file and line, and no file is written."""

from __future__ import annotations

import inspect
import io
import os
import time
import types
from pathlib import Path

import docx
import jinja2
import pytest
from test_plan_document import CRS, synthetic

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.documents import plan as pd_
from lowland_under_test.lowland_plugin.core.documents import projects as projects_
from lowland_under_test.lowland_plugin.core.documents import sandbox as sandbox_
from lowland_under_test.lowland_plugin.core.documents.render import (
    docx_values,
    load_html_template,
    render_docx,
    render_html,
    sandbox_environment,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample"


@pytest.fixture(scope="module")
def png(tmp_path_factory) -> str:
    from PIL import Image

    path = tmp_path_factory.mktemp("map") / "map_DY01.png"
    Image.new("RGB", (40, 28), "white").save(path)
    return str(path)


@pytest.fixture(scope="module")
def contexts(png) -> list[dict]:
    """The DOCX values of a real sample unit (projects, pieces, zones, its unit map) and
    of a unit with parcels, as the templates get them."""
    projects = read_ogr_layer(str(SAMPLE / "sample_projects.gpkg"), "projects")
    pieces = read_ogr_layer(str(SAMPLE / "sample_projects.gpkg"), "pieces")
    zones = read_ogr_layer(str(SAMPLE / "sample_projects.gpkg"), "zones")
    units = read_ogr_layer(str(SAMPLE / "sample_units.gpkg"), "units").reset_index(drop=True)
    checks = projects_.project_checks(projects, units, pieces, zones)
    real = pd_.build_unit_context(
        units.iloc[0], None, None, None, load_profile("yinchuan"), checks=checks,
        map_path=png, base_dir=Path(png).parent, units=units,
    )  # fmt: skip
    unit, parcels = synthetic()
    assert unit.crs == CRS
    with_parcels = pd_.build_unit_context(
        unit.iloc[0], parcels, None, None, load_profile("default"), map_path=png
    )
    return [docx_values(real, png)[0], docx_values(with_parcels, png)[0]]


# ------------------------------------------------------------------ item 1: the walk

PLAIN = (str, int, float, bool, type(None))


def _forbidden(value) -> str | None:
    """Why ``value`` must not be reachable from a template (None: it may)."""
    from docxtpl import DocxTemplate

    if isinstance(value, DocxTemplate):
        return "the DOCX document"
    if isinstance(value, io.IOBase):
        return "a file object"
    if isinstance(value, types.ModuleType):
        return "a module"
    if value is os or value is os.path or value is __import__("sys"):
        return "os/sys"
    if hasattr(value, "__globals__") or hasattr(getattr(value, "__func__", None), "__globals__"):
        return "a function with __globals__"
    if isinstance(value, type):
        return "a class"
    if type(value).__module__.startswith(("docx", "docxtpl", "lxml")):
        return "an object of the DOCX library"
    return None


def _walk(env, name: str, root, max_depth: int = 6) -> list[str]:
    """Every path a template can follow from ``root`` (attributes the sandbox allows,
    with the names dir() lists plus the dunder ones tried by known escapes, items of
    dicts and lists), bounded in depth; returns the forbidden ones found."""
    probes = ("__class__", "__mro__", "__base__", "__subclasses__", "__globals__",
              "__init__", "__dict__", "__self__", "__func__", "__builtins__", "tpl",
              "docx", "_TemplateReference__context", "gi_frame", "f_globals")  # fmt: skip
    bad: list[str] = []
    seen: set[int] = set()
    stack = [(name, root, 0)]
    while stack:
        path, value, depth = stack.pop()
        why = _forbidden(value)
        if why:
            bad.append(f"{path}: {why}")
            continue
        if id(value) in seen or depth >= max_depth or isinstance(value, PLAIN):
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            stack += [(f"{path}[{k!r}]", v, depth + 1) for k, v in value.items()]
        elif isinstance(value, list | tuple):
            stack += [(f"{path}[{i}]", v, depth + 1) for i, v in enumerate(value)]
        for attr in sorted(set(dir(value)) | set(probes)):
            try:
                child = getattr(value, attr)
            except Exception:  # noqa: BLE001 (a property that raises reaches nothing)
                continue
            if not env.is_safe_attribute(value, attr, child):
                continue
            if callable(child) and not inspect.isbuiltin(child) and not env.is_safe_callable(child):
                continue
            stack.append((f"{path}.{attr}", child, depth + 1))
    return bad


def test_the_context_reaches_nothing_but_plain_data(contexts):
    env = sandbox_environment()
    for values in contexts:
        for key, value in values.items():
            assert _walk(env, key, value) == [], key
        assert isinstance(values["unit_map_image"], str)  # a placeholder, not an object
    # the walk finds what it is meant to find: a module's namespace holds functions
    assert _walk(env, "namespace", dict(vars(sandbox_)))


def test_the_walk_finds_the_old_image_object(png):
    """The walk does find the escape of the old context (an InlineImage with .tpl)."""
    from docxtpl import DocxTemplate, InlineImage

    tpl = DocxTemplate(str(ROOT / "resources" / "templates" / "implementation_plan.docx"))
    found = _walk(sandbox_environment(), "unit_map_image", InlineImage(tpl, png))
    assert found == ["unit_map_image: an object of the DOCX library"]
    found = _walk(sandbox_environment(), "image", {"tpl": InlineImage(tpl, png).tpl})
    assert found == ["image['tpl']: the DOCX document"]


# ------------------------------------------------------------------ item 1: known escapes

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ joiner.__init__.__globals__.os.system('touch {target}') }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__init__.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ unit_map_image.tpl.save('{target}') }}",
    "{{ unit_map_image.tpl.replace_zipname('word/media/x.png', '/etc/passwd') }}",
    "{{ unit_map_image.tpl.docx.part.package.save('{target}') }}",
    "{{ unit_map_image.__class__.__init__.__globals__ }}",
    "{{ unit.__class__ }}",
    "{{ parcels.append(1) }}",
    "{{ (parcels or [1]).pop() }}",
    "{{ (far or [1]).clear() }}",
    "{% for x in [].__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    "{{ maps.items.__self__ }}",
    "{{ lipsum.__globals__ }}",
    "{% include '/etc/passwd' %}",
    "{% include '../outside.html' %}",
    "{% import '../outside.html' as m %}",
    "{% extends '../outside.html' %}",
    "{% include 'link.html' %}",
]


def _docx_template(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    """The template folder and a target file outside it; ``outside.html`` beside the
    folder and ``link.html`` inside it (a symbolic link to the outside file)."""
    folder = tmp_path / "本局模板"
    folder.mkdir()
    (tmp_path / "outside.html").write_text("SECRET {{ 1 }}", encoding="utf-8")
    (folder / "link.html").symlink_to(tmp_path / "outside.html")
    return folder, tmp_path / "pwned.docx"


@pytest.mark.parametrize("escape", ESCAPES)
def test_known_escapes_are_refused_in_html(escape, contexts, tmp_path):
    folder, target = _folders(tmp_path)
    template = folder / "方案.html"
    template.write_text("第一行\n" + escape.replace("{target}", str(target)), encoding="utf-8")
    with pytest.raises(LowlandInputError) as info:
        render_html(load_html_template(template), contexts[0])
    message = str(info.value)
    assert str(template) in message and "第 2 行" in message, message
    assert "Traceback" not in message and "SECRET" not in message
    assert not target.exists()


@pytest.mark.parametrize("escape", ESCAPES)
def test_known_escapes_are_refused_in_docx(escape, contexts, png, tmp_path):
    folder, target = _folders(tmp_path)
    template = _docx_template(
        folder / "方案.docx", ["标题 {{ unit.unit_id }}", escape.replace("{target}", str(target))]
    )
    with pytest.raises(LowlandInputError) as info:
        render_docx(template, contexts[0], png)
    message = str(info.value)
    assert str(template) in message and "Traceback" not in message, message
    assert "SECRET" not in message
    assert not target.exists()


def test_the_unit_map_is_still_put_in_by_its_placeholder(contexts, png, tmp_path):
    template = _docx_template(
        tmp_path / "t.docx", ["{{ unit.unit_id }}", "{{ unit_map_image }}", "{{ unit_map_image }}"]
    )
    data = render_docx(template, contexts[1], png)
    document = docx.Document(io.BytesIO(data))
    assert len(document.inline_shapes) == 2  # both placeholders became pictures
    assert not any("lowland-image" in p.text for p in document.paragraphs)


def test_an_include_from_the_templates_own_folder_works(contexts, tmp_path):
    (tmp_path / "part.html").write_text("单元 {{ unit.unit_id }}", encoding="utf-8")
    template = tmp_path / "main.html"
    template.write_text("{% include 'part.html' %}", encoding="utf-8")
    assert render_html(load_html_template(template), contexts[1]) == "单元 DY07"


# ------------------------------------------------------------------ item 2: limits and errors

RUNAWAY = [
    # (template, line of the error, what the message says)
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     2, "秒"),
    ("{% for i in range(100000) %}{% for j in range(1000) %}{{ '0123456789' * 30 }}"
     "{% endfor %}{% endfor %}", 2, "20,000,000"),
    ("{{ 'a' * 100000000 }}", 2, "20,000,000"),
    ("{% set ns = namespace(x='ab') %}{% for i in range(64) %}{% set ns.x = ns.x ~ ns.x %}"
     "{% endfor %}", 2, "20,000,000"),
    ("{{ range(10) | list * 100000000 }}", 2, "20,000,000"),
    ("{{ 10 ** 100000000 }}", 2, "指数"),
    ("{{ '%0999999999d' % 1 }}", 2, "格式宽度"),
    ("{{ '%0999999999d' | format(1) }}", 2, "格式宽度"),
    ("{{ '{:>999999999}'.format(1) }}", 2, "格式宽度"),
    ("{{ 'x'.ljust(999999999) }}", 2, "20,000,000"),
    ("{{ 'x' | center(999999999) }}", 2, "20,000,000"),
    ("{{ 'x' | indent(999999999, true) }}", 2, "20,000,000"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", 2, "RecursionError"),
    ("{{ 1 / 0 }}", 2, "ZeroDivisionError"),
    ("{{ unit.unit_id + 1 }}", 2, "TypeError"),
    ("{{ parcels[99999] }}", 2, "UndefinedError"),
    ("{% include 'missing.html' %}", 2, "TemplateNotFound"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "line", "says"), RUNAWAY)
def test_runaway_and_broken_templates_stop_with_file_and_line(
    source, line, says, contexts, monkeypatch, tmp_path
):
    monkeypatch.setattr(sandbox_, "MAX_RENDER_SECONDS", 1.0 if says == "秒" else 20.0)
    template = tmp_path / "方案.html"
    template.write_text("第一行\n" + source, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(LowlandInputError) as info:
        render_html(load_html_template(template), contexts[0])
    assert time.monotonic() - start < 15  # the 1 s limit, or nothing big was built first
    message = str(info.value)
    assert str(template) in message and f"第 {line} 行" in message and says in message, message
    assert "Traceback" not in message and 'File "' not in message


@pytest.mark.parametrize(("source", "line", "says"), RUNAWAY[:4] + RUNAWAY[-4:-1])
def test_runaway_docx_templates_stop_with_file_and_paragraph(
    source, line, says, contexts, png, monkeypatch, tmp_path
):
    monkeypatch.setattr(sandbox_, "MAX_RENDER_SECONDS", 1.0 if says == "秒" else 20.0)
    template = _docx_template(tmp_path / "方案.docx", ["第一段", source])
    with pytest.raises(LowlandInputError) as info:
        render_docx(template, contexts[0], png)
    message = str(info.value)
    assert str(template) in message and says in message, message
    assert "Traceback" not in message


def test_cancel_stops_rendering(contexts, tmp_path, png):
    template = tmp_path / "t.html"
    template.write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1000

    start = time.monotonic()
    with pytest.raises(sandbox_.RenderCancelledError):
        render_html(load_html_template(template), contexts[0], cancelled)
    assert time.monotonic() - start < 5 and len(calls) == 1001
    calls.clear()
    docx_template = _docx_template(tmp_path / "t.docx", [template.read_text(encoding="utf-8")])
    with pytest.raises(sandbox_.RenderCancelledError):
        render_docx(docx_template, contexts[0], png, cancelled)


def test_the_bundled_templates_render_within_the_limits(contexts, png):
    html = render_html(load_html_template(), contexts[0])
    assert len(html) < sandbox_.MAX_OUTPUT_CHARS and "DY01" in html
    data = render_docx(None, contexts[0], png)
    assert len(docx.Document(io.BytesIO(data)).inline_shapes) == 1


def test_jinja_own_errors_are_template_errors():
    env = sandbox_environment()
    with pytest.raises(jinja2.TemplateError):
        env.from_string("{{ 'a' * 100000000 }}").render()
