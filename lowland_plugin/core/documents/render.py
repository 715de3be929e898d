"""Rendering the 实施方案 templates safely (issues 9, 21): Jinja2 in a sandbox, strict
about undefined names, and never a half-written file.

- Templates run in :class:`.sandbox.TemplateSandbox` (an
  :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` with time, size and folder
  limits): a bureau may edit them, but ``{{ ''.__class__.__mro__ }}`` and the like
  raise a SecurityError instead of reaching Python internals, and lists/dicts of the
  context cannot be changed from a template.
- The context is plain data: the DOCX unit map is a placeholder string that
  :class:`_PlanDocx` replaces by the picture after rendering, so that no template
  reaches the document object (``unit_map_image.tpl.save(…)`` was a write path).
- Undefined names raise (:class:`jinja2.StrictUndefined`): a misspelt field shows up
  as an error naming it, not as an empty cell in a printed plan.
- HTML is autoescaped (a parcel owner ``<script>…`` is printed as text); DOCX values
  are XML-escaped the same way (docxtpl with the sandboxed environment).
- Any template problem (syntax error, undefined name, sandbox violation, a limit, a
  Python error such as a division by zero) becomes a :class:`LowlandInputError` naming
  the template file, the line and the error; cancelling raises :class:`RenderCancelledError`.
- Output is rendered fully in memory and written through :func:`write_atomic` (a
  temporary file beside the target, then ``os.replace``).

For DOCX templates the line is the line of the document XML as docxtpl hands it to
Jinja2 (one paragraph per line); the message also quotes the paragraph's text.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import tempfile
import traceback
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2

from ..common.errors import LowlandInputError
from ..common.resources import resource_path
from .docx_layout import fit_table_columns, set_document_properties
from .sandbox import RenderCancelledError, TemplateSandbox

#: Bundled templates (``resources/templates``).
DEFAULT_HTML = resource_path("templates", "implementation_plan.html.j2")
DEFAULT_DOCX = resource_path("templates", "implementation_plan.docx")
#: Width of the unit map in the DOCX (mm; A4 with 25 mm margins leaves 160 mm).
DOCX_MAP_WIDTH_MM = 160
#: Jinja's file name of code compiled from a string template.
_TEMPLATE_FILE = "<template>"


#: The unit map's context key in DOCX templates (``{{ unit_map_image }}``).
UNIT_MAP_KEY = "unit_map_image"


def sandbox_environment(
    autoescape: bool = True, folder: str | os.PathLike | None = None
) -> TemplateSandbox:
    """The sandboxed Jinja2 environment of the 实施方案 templates (``folder``: the
    template's own folder, the only place ``{% include %}`` may read from)."""
    return TemplateSandbox(folder=folder, autoescape=autoescape)


def template_error(
    template: str | os.PathLike, err: Exception, snippet: str = ""
) -> LowlandInputError:
    """A bilingual error naming the template file, the line and the error."""
    name = str(template)
    line = _error_line(err)
    where = f"第 {line} 行" if line is not None else "行号未知"
    where_en = f"line {line}" if line is not None else "line unknown"
    kind = type(err).__name__
    text = (getattr(err, "message", None) or str(err)).rstrip("。.")
    context = f"（该处文字：「{snippet}」）" if snippet else ""
    variable = undefined_variable(err)
    named = f"未定义的变量「{variable}」，" if variable else ""
    named_en = f"undefined variable '{variable}', " if variable else ""
    return LowlandInputError(
        f"模板 {name} {where}有错误{context}：{named}{kind}: {text}。请修改模板后重试。 / "
        f"template {name}, {where_en}: {named_en}{kind}: {text}"
    )


def undefined_variable(err: Exception) -> str | None:
    """The name a template used that the context does not have (``'foo' is undefined``,
    ``… has no attribute 'area_m3'``), or None for other errors."""
    if not isinstance(err, jinja2.UndefinedError):
        return None
    match = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(err))
    return next((g for g in match.groups() if g), None) if match else None


def _error_line(err: Exception) -> int | None:
    """The template line of a Jinja2 error: a syntax error carries it; a runtime error
    (undefined name, sandbox violation) is found in the traceback's template frame."""
    lineno = getattr(err, "lineno", None)
    if isinstance(err, jinja2.TemplateSyntaxError) and lineno:
        return int(lineno)
    line = None
    for frame, frame_line in traceback.walk_tb(err.__traceback__):
        if frame.f_code.co_filename == _TEMPLATE_FILE:
            line = frame_line  # the innermost template frame wins
    return line if line is not None else (int(lineno) if lineno else None)


# ------------------------------------------------------------------ HTML


def load_html_template(path: str | os.PathLike | None = None) -> jinja2.Template:
    """The HTML template at ``path`` (default: the bundled one), compiled in the sandbox;
    a syntax error is refused naming the file and line."""
    path = Path(path) if path else DEFAULT_HTML
    source = _read_text(path)
    try:
        template = sandbox_environment(True, path.parent).from_string(source)
    except jinja2.TemplateSyntaxError as err:
        raise template_error(path, err, _line_text(source, err.lineno)) from err
    # our own attributes on the Template object (read back by getattr in render_html)
    template.lowland_path = str(path)  # type: ignore[attr-defined]  # for messages
    template.lowland_source = source  # type: ignore[attr-defined]
    return template


def render_html(
    template: jinja2.Template, context: Mapping, cancelled: Callable[[], bool] | None = None
) -> str:
    """The whole HTML document as text (errors: :func:`template_error`; ``cancelled``
    is asked during rendering)."""
    env = template.environment
    if isinstance(env, TemplateSandbox):
        env.begin(cancelled)
    try:
        return template.render(context)
    except RenderCancelledError:
        raise
    except Exception as err:  # noqa: BLE001 (any error of template code is the template's)
        source = getattr(template, "lowland_source", "")
        raise template_error(
            getattr(template, "lowland_path", "HTML"), err, _line_text(source, _error_line(err))
        ) from err


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise LowlandInputError(f"模板文件不存在：{path} / template not found: {path}")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise LowlandInputError(
            f"模板 {path} 不是 UTF-8 编码 / template {path} is not UTF-8 text: {err}"
        ) from err


def _line_text(source: str, line: int | None, limit: int = 60) -> str:
    if not source or not line:
        return ""
    lines = source.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    text = re.sub(r"<[^>]+>", "", lines[line - 1]).strip()
    return text[:limit] + ("…" if len(text) > limit else "")


# ------------------------------------------------------------------ DOCX


def check_docx_template(path: str | os.PathLike | None = None) -> Path:
    """Check that the DOCX template opens and its Jinja2 tags compile (before any unit is
    rendered); returns its path."""
    path = Path(path) if path else DEFAULT_DOCX
    tpl = _open_docx(path)
    env = sandbox_environment(True, path.parent)
    xml = _body_source(tpl)
    try:
        env.parse(xml)
    except jinja2.TemplateSyntaxError as err:
        raise template_error(path, err, _line_text(xml, err.lineno)) from err
    return path


def require_docx_packages() -> None:
    """Refuse DOCX output, saying what to install, when docxtpl/python-docx are missing
    (HTML and PDF need neither)."""
    import importlib.util

    missing = [m for m in ("docxtpl", "docx") if importlib.util.find_spec(m) is None]
    if missing:
        raise LowlandInputError(
            "生成 DOCX 需要 Python 包 docxtpl 和 python-docx，当前 QGIS 的 Python 中没有"
            f"（{', '.join(missing)}）：请安装（pip install docxtpl python-docx），或只选 HTML/PDF 格式。"
            " / DOCX output needs the Python packages docxtpl and python-docx, missing in this "
            f"QGIS Python ({', '.join(missing)}): install them (pip install docxtpl "
            "python-docx) or choose HTML/PDF only."
        )


def docx_values(context: Mapping, unit_map: str | None) -> tuple[dict, dict[str, str]]:
    """The DOCX template's context and its images: ``unit_map_image`` is a placeholder
    string (None without a map: the template then prints ``maps.missing_text``) that
    the renderer replaces by the picture, and so is ``image`` of each chart of
    ``scenarios.charts`` (方案比选); returns (values, {placeholder: image path}).
    """
    values = dict(context)
    images: dict[str, str] = {}
    if unit_map:
        images[_image_marker()] = str(unit_map)
    values[UNIT_MAP_KEY] = next(iter(images), None)
    scenarios = context.get("scenarios")
    if isinstance(scenarios, Mapping) and scenarios.get("charts"):
        charts = []
        for chart in scenarios["charts"]:
            marker = _image_marker()
            images[marker] = str(chart["path"])
            charts.append({**chart, "image": marker})
        values["scenarios"] = {**scenarios, "charts": charts}
    return values, images


def _image_marker() -> str:
    """A placeholder string no template text contains."""
    return f"[[lowland-image-{secrets.token_hex(8)}]]"


def render_docx(
    path: str | os.PathLike | None,
    context: Mapping,
    unit_map: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The DOCX rendered from the template at ``path`` (default: bundled) as bytes,
    with the unit map (:data:`DOCX_MAP_WIDTH_MM` wide) where the template prints
    ``{{ unit_map_image }}`` (:func:`docx_values`)."""
    require_docx_packages()
    path = Path(path) if path else DEFAULT_DOCX
    tpl = _open_docx(path)
    values, tpl.images = docx_values(context, unit_map)
    env = sandbox_environment(True, path.parent)
    env.begin(cancelled)
    try:
        tpl.render(values, jinja_env=env, autoescape=True)
    except RenderCancelledError:
        raise
    except Exception as err:  # noqa: BLE001 (any error of template code is the template's)
        source = _body_source(_open_docx(path))
        raise template_error(path, err, _line_text(source, _error_line(err))) from err
    fit_table_columns(tpl.docx)
    set_document_properties(tpl.docx, context)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _plan_docx_class():
    """:class:`docxtpl.DocxTemplate` that puts the images of its placeholders in after
    each part is rendered (docxtpl is imported only when DOCX is asked for)."""
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    class _PlanDocx(DocxTemplate):
        images: dict[str, str] = {}

        def render_xml_part(self, src_xml, part, context, jinja_env=None):
            xml = super().render_xml_part(src_xml, part, context, jinja_env)
            for marker, image in self.images.items():
                if marker in xml:
                    picture = InlineImage(self, image, width=Mm(DOCX_MAP_WIDTH_MM))
                    xml = xml.replace(marker, str(picture))
            return xml

    return _PlanDocx


def _open_docx(path: Path):
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise LowlandInputError(f"模板文件不存在：{path} / template not found: {path}")
    try:
        tpl = _plan_docx_class()(str(path))
        tpl.init_docx()
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as err:
        raise LowlandInputError(
            f"模板 {path} 不是有效的 DOCX 文件（{err}）/ template {path} is not a valid DOCX file"
        ) from err
    return tpl


def _body_source(tpl) -> str:
    """The document XML as docxtpl gives it to Jinja2 (a paragraph per line), so that
    line numbers of errors can be shown with their text."""
    xml = tpl.patch_xml(tpl.get_xml())
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


# ------------------------------------------------------------------ files


def write_atomic(path: str | os.PathLike, data: bytes | str) -> str:
    """Write ``data`` to a temporary file beside ``path`` and move it into place: the
    target is either complete or untouched."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=".partial-", suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(partial, default_file_mode())  # mkstemp makes it private (0600)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return str(target)


def default_file_mode() -> int:
    """The mode a new file gets under the current umask (0666 & ~umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
