"""The sandbox the 实施方案 templates run in (issues 9 and 21): a bureau may edit the
templates, so a template is treated as untrusted code.

- :class:`TemplateSandbox` is Jinja2's :class:`ImmutableSandboxedEnvironment` (no
  ``__class__``/``__globals__``/``_private`` attribute, no changing the context's lists
  and dicts), strict about undefined names, with limits:

  * a render time limit (:data:`MAX_RENDER_SECONDS`) and the caller's cancel, checked
    at every loop iteration and every output chunk;
  * an output size limit (:data:`MAX_OUTPUT_CHARS`), and no single ``*``, ``**``,
    ``~``, ``%``, ``format`` or padding call that would build a value beyond it;
  * ``{% include %}``/``{% import %}``/``{% extends %}`` only of files inside the
    template's own folder (:class:`FolderLoader`).

- The context holds plain data only; images are placeholders (plain strings) that the
  DOCX renderer replaces after rendering (:mod:`.render`).

Exceeding a limit raises :class:`TemplateLimitError` (a Jinja2 runtime error: the
caller names the template file and line); cancelling raises :class:`RenderCancelledError`.
"""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from .formatting import FILTERS

#: Longest a document may take to render (seconds; the bundled template takes < 1 s).
MAX_RENDER_SECONDS = 60.0
#: Largest rendered document (characters of HTML or DOCX XML; the bundled one is ~0.2 M).
MAX_OUTPUT_CHARS = 20_000_000
#: Largest exponent of ``**`` (a template never needs more; 10**10**10 would hang).
MAX_EXPONENT = 1000
#: str methods and filters whose integer argument is the length of what they build.
_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "indent"})
#: A width of seven or more digits in a %-format or format() spec.
_WIDE_SPEC = re.compile(r"%[^a-zA-Z%]*\d{7,}|\{[^{}]*:[^{}]*\d{7,}[^{}]*\}")
#: Methods that change a list in place which Jinja2's immutable sandbox lets through.
_LIST_CHANGES = frozenset({"pop", "clear"})
#: Internal filters the sandbox wraps loops and ``~`` in.
_TICK, _SIZED = "_lowland_tick", "_lowland_sized"


class TemplateLimitError(jinja2.TemplateRuntimeError):
    """A template ran too long or built too much."""


class RenderCancelledError(Exception):
    """The user cancelled while a template was rendering."""


class FolderLoader(jinja2.FileSystemLoader):
    """Templates of one folder only: ``..``, absolute paths and symbolic links leading
    out of the folder are not found."""

    def __init__(self, folder: str | os.PathLike) -> None:
        super().__init__(str(folder), encoding="utf-8-sig")
        self.folder = Path(folder).resolve()

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if not Path(filename).resolve().is_relative_to(self.folder):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


class _Guard(NodeTransformer):
    """Every ``{% for %}`` iterates through the tick filter; every ``~`` is size-checked."""

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802 (visitor API)
        loop = self.generic_visit(node)
        assert isinstance(loop, nodes.For)
        loop.iter = nodes.Filter(loop.iter, _TICK, [], [], None, None, lineno=loop.lineno)
        return loop

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802 (visitor API)
        concat = self.generic_visit(node)
        assert isinstance(concat, nodes.Concat)
        return nodes.Filter(concat, _SIZED, [], [], None, None, lineno=concat.lineno)


class LimitedTemplate(jinja2.Template):
    """A template whose :meth:`render` counts the output and checks the time limit and
    cancel at every chunk (the error is raised inside the template, at its line)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        context = self.new_context(dict(*args, **kwargs))
        parts: list[str] = []
        try:
            chunks = cast(Generator[str, None, None], self.root_render_func(context))
            for chunk in chunks:
                parts.append(chunk)
                problem = env.problem(len(chunk))  # type: ignore[attr-defined]
                if problem is not None:
                    chunks.throw(problem)  # raised at the template line that wrote it
            return env.concat(parts)
        except Exception:
            return env.handle_exception()


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """The sandboxed, limited environment of the 实施方案 templates (module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    template_class = LimitedTemplate

    def __init__(self, folder: str | os.PathLike | None = None, autoescape: bool = True):
        super().__init__(
            autoescape=autoescape,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            loader=FolderLoader(folder) if folder is not None else None,
        )
        del self.globals["lipsum"]  # lipsum(n) builds n paragraphs; a plan needs none
        self.filters.update(FILTERS)
        for name in _PADDING & set(self.filters):
            self.filters[name] = _padding_checked(self.filters[name])
        self.filters["format"] = _format_checked(self.filters["format"])
        self.filters[_TICK] = _tick
        self.filters[_SIZED] = _sized
        self.seconds = MAX_RENDER_SECONDS
        self.max_chars = MAX_OUTPUT_CHARS
        self.begin()

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, list) and attr in _LIST_CHANGES:
            return False  # `parcels.pop()` would change the data of the next document
        return super().is_safe_attribute(obj, attr, value)

    def begin(self, cancelled: Callable[[], bool] | None = None) -> None:
        """Start the clock and the output count of one document."""
        self.deadline = time.monotonic() + self.seconds
        self.cancelled = cancelled
        self.written = 0

    def problem(self, chars: int = 0) -> Exception | None:
        """The exception to stop rendering with (time, size, cancel), or None."""
        self.written += chars
        if self.cancelled is not None and self.cancelled():
            return RenderCancelledError("cancelled")
        if time.monotonic() > self.deadline:
            return TemplateLimitError(
                f"渲染超过 {self.seconds:g} 秒（模板中可能有无限或过大的循环）/ rendering took "
                f"longer than {self.seconds:g} s (an endless or huge loop?)"
            )
        if self.written > self.max_chars:
            return self.too_large(self.written)
        return None

    def too_large(self, chars: int) -> TemplateLimitError:
        return TemplateLimitError(
            f"输出超过 {self.max_chars:,} 个字符（{chars:,}）/ output larger than "
            f"{self.max_chars:,} characters ({chars:,})"
        )

    def check(self, chars: int = 0) -> None:
        problem = self.problem(chars)
        if problem is not None:
            raise problem

    def _parse(self, source, name, filename):
        return _Guard().visit(super()._parse(source, name, filename))

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        self.check()
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise TemplateLimitError(
                f"指数 {right} 过大（上限 {MAX_EXPONENT}）/ exponent {right} above {MAX_EXPONENT}"
            )
        if operator == "*":
            self._check_repeat(left, right)
            self._check_repeat(right, left)
        if operator == "+" and _sized_len(left) + _sized_len(right) > self.max_chars:
            raise self.too_large(_sized_len(left) + _sized_len(right))
        if operator == "%" and isinstance(left, str):
            self._check_format(left)
        return _sized(self, super().call_binop(context, operator, left, right))

    def _check_repeat(self, seq: Any, times: Any) -> None:
        if isinstance(times, int) and _sized_len(seq) * max(times, 0) > self.max_chars:
            raise self.too_large(_sized_len(seq) * times)

    def _check_format(self, spec: str) -> None:
        if _WIDE_SPEC.search(spec):
            raise TemplateLimitError(
                f"格式宽度过大：{spec[:60]} / a format width of millions of characters"
            )

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.check()
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        owner = getattr(method, "__self__", None)
        if isinstance(owner, str):
            name = getattr(method, "__name__", "")
            if name in _PADDING:
                _check_widths(__self, args, kwargs)
            if name in ("format", "format_map"):
                __self._check_format(owner)
        return _sized(__self, super().call(__context, __obj, *args, **kwargs))


def _sized_len(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


@jinja2.pass_environment
def _sized(env: TemplateSandbox, value: Any) -> Any:
    """``value`` unless it is a string or sequence longer than the output limit."""
    if _sized_len(value) > env.max_chars:
        raise env.too_large(_sized_len(value))
    return value


@jinja2.pass_environment
def _tick(env: TemplateSandbox, iterable: Iterable) -> Iterator:
    """``iterable``, checking time, size and cancel before every iteration."""
    env.check()
    for item in iterable:
        yield item
        env.check()


def _check_widths(env: TemplateSandbox, args: tuple, kwargs: dict) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and value > env.max_chars:
            raise env.too_large(value)


def _padding_checked(func: Callable) -> Callable:
    """A padding filter (center, indent) refusing a width above the output limit."""

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        widths = [v for v in (*args[1:], *kwargs.values()) if isinstance(v, int)]
        if any(w > MAX_OUTPUT_CHARS for w in widths):
            raise TemplateLimitError(
                f"宽度超过 {MAX_OUTPUT_CHARS:,} 个字符 / width above {MAX_OUTPUT_CHARS:,}"
            )
        return func(*args, **kwargs)

    return checked


def _format_checked(func: Callable) -> Callable:
    """The ``format`` filter refusing a width of millions of characters."""

    @functools.wraps(func)
    def checked(spec: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(spec, str) and _WIDE_SPEC.search(spec):
            raise TemplateLimitError(
                f"格式宽度过大：{spec[:60]} / a format width of millions of characters"
            )
        return func(spec, *args, **kwargs)

    return checked
