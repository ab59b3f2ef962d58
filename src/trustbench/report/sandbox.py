"""The Jinja sandbox memo templates run in, with every resource bounded.

Jinja's :class:`ImmutableSandboxedEnvironment` stops attribute escapes and mutation of the
context (``.clear()``, ``.update()``, ``.append()``), but not exhaustion: ``'x' * 10**10``,
``range(10**12)``, a recursive macro or a self-include raise MemoryError, OverflowError or
RecursionError, or run for hours. :class:`MemoSandbox` bounds each of them and raises
:class:`SandboxLimit` (a ``SecurityError``, so a ``TemplateError``), so that the renderer reports it
at the template's file and line:

- every string or sequence an operator, filter or ``str`` method builds: ``MAX_TEXT`` items
  (``*``, ``+``, ``~``, ``%``, ``center``, ``replace``, ``format``, …), checked *before* it is
  built where its size is known in advance;
- integers: ``MAX_INT_BITS`` bits (``**`` and ``*`` of integers);
- ``range()``: ``MAX_RANGE`` items; all ``for`` loops of one render together: ``MAX_STEPS``
  iterations;
- nesting of macro calls, ``caller()``, recursive loops and includes: ``MAX_DEPTH`` levels;
- output, literal text included, counted at every level of nesting (a macro's buffer fills
  before anything reaches the memo): ``MAX_EMITTED`` characters.

The whole output is bounded by the renderer (``render.MAX_OUTPUT``).
"""

from __future__ import annotations

import math
import re
import string
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from jinja2 import filters as jfilters
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from trustbench.report.weigh import CONTAINERS, weight

MAX_TEXT = 4_000_000
MAX_INT_BITS = 4_096
MAX_RANGE = 100_000
MAX_STEPS = 5_000_000
MAX_DEPTH = 64
MAX_EMITTED = 64_000_000  # characters output, counted at each level of nesting
_BUDGET_FILTER = "_trustbench_budget"


class SandboxLimit(SecurityError):
    """A template went over one of the sandbox's size, loop or nesting limits."""


_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")
_DIGITS = re.compile(r"\d+")


def _too_long(what: str, size: int) -> SandboxLimit:
    return SandboxLimit(
        f"{what} would make {size:,} characters or items; the memo sandbox allows {MAX_TEXT:,}"
    )


def _sized(value: Any) -> Any:
    """``value`` if it is not an over-long string or (printed) container; else refuse."""
    if isinstance(value, str | bytes):
        if len(value) > MAX_TEXT:
            raise _too_long("this expression", len(value))
    elif (
        isinstance(value, (*CONTAINERS, Mapping))
        and len(value)
        and weight(value, MAX_TEXT) > MAX_TEXT
    ):
        raise SandboxLimit(f"this list or mapping would print more than {MAX_TEXT:,} characters")
    return value


def _multiply(left: Any, right: Any) -> Any:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | bytes | list | tuple) and type(times) is int:
            flat = isinstance(seq, str | bytes)
            size = (len(seq) if flat else weight(seq, MAX_TEXT)) * max(times, 0)
            if size > MAX_TEXT:
                raise _too_long("repeating a string or list", size)
    bits = left.bit_length() + right.bit_length() if _ints(left, right) else 0
    if bits > MAX_INT_BITS:
        raise SandboxLimit(f"the product has more than {MAX_INT_BITS} bits")
    return left * right


def _power(left: Any, right: Any) -> Any:
    bits = math.log2(abs(left)) * right if _ints(left, right) and abs(left) > 1 else 0
    if bits > MAX_INT_BITS:
        raise SandboxLimit(f"the power has more than {MAX_INT_BITS} bits")
    return left**right


def _ints(left: Any, right: Any) -> bool:
    return type(left) is int and type(right) is int


def _check_number(number: str) -> None:
    if number == "*":
        raise SandboxLimit("a '*' field width is not allowed in memo templates")
    if number and (len(number) > 7 or int(number) > MAX_TEXT):
        raise _too_long("a field width in this format", int(number[:12]))


def _check_percent(spec: str) -> None:
    """Refuse a ``%`` specification whose field width or precision exceeds MAX_TEXT."""
    for width, precision in _PERCENT.findall(spec):
        _check_number(width)
        _check_number(precision)


def _check_format(spec: str, depth: int = 0) -> None:
    """The same for ``str.format`` specifications (nested ones too)."""
    try:
        fields = list(string.Formatter().parse(spec))
    except ValueError as exc:
        raise SecurityError(f"bad format string {_short(spec)}: {exc}") from None
    for _, _, format_spec, _ in fields:
        if format_spec:
            for number in _DIGITS.findall(format_spec):
                _check_number(number)
            if depth < 2:
                _check_format(format_spec, depth + 1)


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        _check_percent(left)
        try:
            return _sized(left % right)
        except (TypeError, ValueError, KeyError, OverflowError) as exc:
            raise SecurityError(f"cannot format {_short(left)} with %: {exc}") from None
    return left % right


def _add(left: Any, right: Any) -> Any:
    if isinstance(left, str) and isinstance(right, str):
        return _sized(left + right)
    if isinstance(left, list | tuple) and isinstance(right, list | tuple):
        return _sized_sum(left, right)
    return left + right


def _sized_sum(left: Any, right: Any) -> Any:
    size = weight(left, MAX_TEXT) + weight(right, MAX_TEXT)
    if size > MAX_TEXT:
        raise _too_long("joining these lists", size)
    return left + right


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:39] + "…")


# ------------------------------------------------------------------ str methods, filters


def _expanding_size(method: str, text: Any, args: tuple[Any, ...]) -> int:
    """The size a ``str`` method call would build, for the methods that can grow text."""
    if method in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
        return int(args[0])
    if method == "expandtabs":
        tab = int(args[0]) if args and isinstance(args[0], int) else 8
        return len(text) + int(text.count("\t")) * max(tab, 0)
    if method == "replace" and len(args) >= 2 and all(isinstance(a, str | bytes) for a in args[:2]):
        old, new = args[0], args[1]
        hits = int(text.count(old)) if old else len(text) + 1
        return len(text) + hits * len(new)
    return 0


def _bounded_filter(name: str, size: Callable[..., int]) -> Callable[..., Any]:
    """A builtin filter that refuses arguments whose result would exceed MAX_TEXT."""
    original = jfilters.FILTERS[name]

    def bounded(*args: Any, **kwargs: Any) -> Any:
        estimate = size(*args, **kwargs)
        if estimate > MAX_TEXT:
            raise _too_long(f"the '{name}' filter", estimate)
        return _sized(original(*args, **kwargs))

    bounded.__name__ = original.__name__
    for attr in ("jinja_pass_arg",):
        if hasattr(original, attr):
            setattr(bounded, attr, getattr(original, attr))
    return bounded


def _materialized(name: str, extra: Callable[..., int]) -> Callable[..., Any]:
    """A builtin filter over an iterable, run on a list whose printed weight (plus ``extra``)
    is within MAX_TEXT: ``join`` and ``sum(start=[])`` build one value from all items."""
    original = jfilters.FILTERS[name]

    def bounded(first: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        items = list(value) if not isinstance(value, str) else value
        start = args[1] if len(args) > 1 else kwargs.get("start", 0)
        size = weight(items, MAX_TEXT) + extra(items, *args, **kwargs) + weight(start, MAX_TEXT)
        if size > MAX_TEXT:
            raise _too_long(f"the '{name}' filter", size)
        return _sized(original(first, items, *args, **kwargs))

    bounded.__name__ = original.__name__
    bounded.jinja_pass_arg = original.jinja_pass_arg  # type: ignore[attr-defined]
    return bounded


def _text_len(value: Any) -> int:
    return len(value) if isinstance(value, str) else len(str(value)[: MAX_TEXT + 1])


def _filters() -> dict[str, Callable[..., Any]]:
    def skip_ctx(args: tuple[Any, ...]) -> tuple[Any, ...]:
        return args[1:] if args and not isinstance(args[0], str) else args

    def center(value: Any, width: int = 80) -> int:
        return max(int(width), _text_len(value))

    def indent(*args: Any, **kwargs: Any) -> int:
        value = args[0] if args else ""
        width = kwargs.get("width", args[1] if len(args) > 1 else 4)
        size = int(width) if isinstance(width, int) else len(str(width))
        return _text_len(value) * (1 + size) + size

    def fmt(*args: Any, **kwargs: Any) -> int:
        _check_percent(str(args[0]) if args else "")
        return 0

    def replace(*args: Any, **kwargs: Any) -> int:
        rest = skip_ctx(args)
        if len(rest) >= 3:
            return _expanding_size("replace", str(rest[0]), (str(rest[1]), str(rest[2])))
        return 0

    def count(*args: Any, **kwargs: Any) -> int:
        number = args[1] if len(args) > 1 else kwargs.get("linecount", kwargs.get("slices", 1))
        return int(number) if isinstance(number, int) else 0

    return {
        "center": _bounded_filter("center", center),
        "indent": _bounded_filter("indent", indent),
        "format": _bounded_filter("format", fmt),
        "replace": _bounded_filter("replace", replace),
        "batch": _bounded_filter("batch", count),
        "slice": _bounded_filter("slice", count),
        "wordwrap": _bounded_filter("wordwrap", lambda *a, **k: 0),
        "join": _materialized(
            "join", lambda items, *a, **k: len(items) * len(str(a[0] if a else k.get("d", "")))
        ),
        "sum": _materialized("sum", lambda items, *a, **k: 0),
        _BUDGET_FILTER: lambda iterable: iterable,  # replaced per environment
    }


# ------------------------------------------------------------------ the environment


class _BoundedCodeGenerator(CodeGenerator):
    """Routes ``~`` (string concatenation, which Jinja does not intercept) through a size check,
    and every piece of output, literal text included, through the render's output count: a
    macro's loop fills its buffer before anything reaches the memo."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sized(")
        super().visit_Concat(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.sized(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.sized(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":
            super().visit_Tuple(node, frame)
            return
        self.write("environment.sized(")
        super().visit_Tuple(node, frame)
        self.write(")")

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.emit({super()._output_const_repr(group)})"

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        self.write("environment.emit(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")


class MemoSandbox(ImmutableSandboxedEnvironment):
    """Immutable sandbox with bounded operators, filters, ranges, loops and nesting."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table = {
            **self.binop_table,
            "*": _multiply,
            "**": _power,
            "%": _modulo,
            "+": _add,
        }
        self.filters.update(_filters())
        self.filters[_BUDGET_FILTER] = self._budget
        self.globals["range"] = self._range
        self.globals.pop("lipsum", None)  # lipsum(n=10**9) builds n paragraphs
        self.steps = 0
        self.depth = 0
        self.emitted = 0

    sized = staticmethod(_sized)

    def emit(self, text: str) -> str:
        """Count what a template outputs, at every level of macro and include nesting."""
        self.emitted += len(text)
        if self.emitted > MAX_EMITTED:
            raise SandboxLimit(
                f"the templates produced more than {MAX_EMITTED:,} characters "
                "(the memo, its macros and includes together)"
            )
        return text

    def call_binop(self, context: Context, operator_: str, left: Any, right: Any) -> Any:
        return self.binop_table[operator_](left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        method = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str | bytes) and method == "join" and len(args) == 1:
            args = (list(args[0]),)
            size = weight(args[0], MAX_TEXT) + len(owner) * len(args[0])
            if size > MAX_TEXT:
                raise _too_long(f"{type(owner).__name__}.join()", size)
        if isinstance(owner, str | bytes) and isinstance(method, str):
            size = _expanding_size(method, owner, args)
            if size > MAX_TEXT:
                raise _too_long(f"str.{method}()", size)
        if not isinstance(__obj, Macro | LoopContext):
            return _sized(super().call(__context, __obj, *args, **kwargs))
        __self.enter()
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            __self.depth -= 1

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH or _stack_depth() > sys.getrecursionlimit() - 200:
            self.depth -= 1
            raise SandboxLimit(
                f"macros, loops or includes nest more than {MAX_DEPTH} levels deep "
                "(a macro or template that calls or includes itself?)"
            )

    def get_template(self, name: Any, parent: Any = None, globals: Any = None) -> Any:
        if _stack_depth() > sys.getrecursionlimit() - 200 or self._include_depth() > MAX_DEPTH:
            raise SandboxLimit(
                f"templates include each other more than {MAX_DEPTH} levels deep "
                "(a template that includes itself?)"
            )
        return super().get_template(name, parent, globals)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        _check_format(str(value.__self__))
        inner = wrapped

        def bounded(*args: Any, **kwargs: Any) -> str:
            return _sized(inner(*args, **kwargs))  # type: ignore[no-any-return]

        return bounded

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every ``for`` loop draws on the render's step budget."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(
                loop.iter, _BUDGET_FILTER, [], [], None, None, lineno=loop.lineno
            )
        return tree

    def _budget(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise SandboxLimit(
                    f"the templates' loops ran more than {MAX_STEPS:,} times in one memo"
                )
            yield item

    def _range(self, *args: int) -> range:
        try:
            items = range(*args)
        except (TypeError, ValueError, OverflowError) as exc:
            raise SandboxLimit(f"range{args!r}: {exc}") from None
        if len(items) > MAX_RANGE:
            raise SandboxLimit(
                f"range() of {len(items):,} items; the memo sandbox allows {MAX_RANGE:,}"
            )
        return items

    def _include_depth(self) -> int:
        """How many template render functions are on the stack (an include adds one)."""
        count, frame = 0, sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_name == "root" and "environment" in frame.f_globals:
                count += 1
            frame = frame.f_back  # type: ignore[assignment]
        return count


def _stack_depth() -> int:
    depth, frame = 0, sys._getframe(1)
    while frame is not None:
        depth += 1
        frame = frame.f_back  # type: ignore[assignment]
    return depth
