"""Reading YAML and JSON input with a line index.

``load_document`` returns plain Python data plus, for every value, the line and column it
came from, so that later layers (pydantic validation, rule loading) can point at the spot.

We build values ourselves from the composed YAML node tree instead of using PyYAML's
constructors, which gives us:

* YAML 1.2-style scalars: ``6e9`` is a number, ``yes``/``no``/``on`` stay strings, dates
  stay strings (pydantic parses them), ``126_400_000`` is an integer;
* duplicate keys rejected with both lines named;
* no object tags (``!!python/object`` and friends are refused), safe by construction;
* bounded work: file size, nesting depth and alias expansion ("billion laughs") are limited.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import math
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trustbench.errors import InputError, LimitError
from trustbench.expansion import check_expansion, too_many

Loc = tuple[str | int, ...]

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(\d[\d_]*)?(\.\d[\d_]*|\d\.?)?([eE][-+]?\d+)?$")
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "merge")}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader (libyaml when available) without implicit resolvers: scalars are resolved
    by :func:`resolve_plain` below, so PyYAML's YAML 1.1 regexes are skipped."""

    yaml_implicit_resolvers: dict[str, Any] = {}  # noqa: RUF012

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _STD + "str"
        return _STD + ("seq" if kind is yaml.SequenceNode else "map")


@dataclass
class Document:
    """Parsed data of one file and the position of every value in it."""

    path: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    text: str = ""
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Line and column (1-based) of the deepest known prefix of ``loc``."""
        key = tuple(loc)
        while key:
            if key in self.marks:
                return self.marks[key]
            key = key[:-1]
        return self.marks.get((), (1, 1))

    def locate_key(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Position of the key itself (for 'unknown field' errors)."""
        return self.key_marks.get(tuple(loc)) or self.locate(loc)


def display_path(path: Path) -> str:
    """A path as users typed it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path, *, limit: int = MAX_BYTES) -> str:
    shown = display_path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", file=shown) from None
    if not path.is_file():
        raise InputError("not a regular file", file=shown)
    if size > limit:
        raise LimitError(
            f"{shown} is {size:,} bytes; the limit for an input file is {limit:,} bytes "
            f"({limit / 1024 / 1024:g} MiB)",
            file=shown,
            hint="split the deal into smaller files or raise the limit with care",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", file=shown) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"file is not valid UTF-8 (byte {exc.start})", file=shown, line=line, column=1
        ) from None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large trees of objects: collections
    triggered by allocation make building a 100,000-entity deal super-linear (15 s → 2 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_document(path: Path) -> Document:
    """Read a YAML or JSON file into a :class:`Document`."""
    text = read_text(path)
    return parse_document(text, display_path(path))


def parse_document(text: str, shown: str) -> Document:
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError("file contains a NUL character", file=shown, line=line, column=1)
    try:
        with paused_gc():
            node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            f"invalid YAML: {problem}",
            file=shown,
            line=(mark.line + 1) if mark else 0,
            column=(mark.column + 1) if mark else 0,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", file=shown) from None
    except RecursionError:
        raise LimitError(
            f"nesting is deeper than the limit of {MAX_DEPTH} levels", file=shown
        ) from None
    doc = Document(path=shown, data=None, text=text)
    if node is None:
        doc.data = None
        return doc
    builder = _Builder(doc)
    check_expansion(node, shown, MAX_NODES)
    with paused_gc():
        doc.data = builder.build(node, (), 0)
    return doc


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0

    def _error(self, node: yaml.Node, message: str, hint: str | None = None) -> InputError:
        return InputError(
            message,
            file=self.doc.path,
            line=node.start_mark.line + 1,
            column=node.start_mark.column + 1,
            hint=hint,
        )

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise too_many(self.doc.path, node, MAX_NODES)
        if depth > MAX_DEPTH:
            raise LimitError(
                f"nesting is deeper than the limit of {MAX_DEPTH} levels",
                file=self.doc.path,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
            )
        self.doc.marks.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _STD + "seq")
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, _STD + "map")
            return self._mapping(node, loc, depth)
        raise self._error(node, "unsupported YAML node")  # pragma: no cover

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag not in (expected, None, "!"):
            raise self._error(
                node,
                f"YAML tag {node.tag!r} is not allowed",
                hint="trustbench reads plain data only; remove the tag",
            )

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._error(key_node, "mapping keys must be plain text")
            key = self._key(key_node)
            if key in seen:
                raise self._error(
                    key_node,
                    f"duplicate key {key!r} (first defined on line {seen[key]})",
                    hint="each key may appear once in a mapping; merge the two entries",
                )
            seen[key] = key_node.start_mark.line + 1
            self.doc.key_marks[(*loc, key)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            self.doc.marks[(*loc, key)] = (
                value_node.start_mark.line + 1,
                value_node.start_mark.column + 1,
            )
            out[key] = self.build(value_node, (*loc, key), depth + 1)
        return out

    def _key(self, node: yaml.ScalarNode) -> str:
        value = self._scalar(node)
        if value is None or isinstance(value, bool):
            return str(node.value)
        return str(value) if not isinstance(value, str) else value

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS and node.tag not in (None, "!"):
            raise self._error(
                node,
                f"YAML tag {node.tag!r} is not allowed",
                hint="trustbench reads plain data only; remove the tag",
            )
        if node.style:
            return node.value  # quoted or block scalar: always text
        return self._number(node, resolve_plain(node.value))

    def _number(self, node: yaml.ScalarNode, value: Any) -> Any:
        """Refuse numbers no later layer can hold: integers too long to parse, or too large
        for a float, and floats that overflow to infinity (``1e400``)."""
        if value is _TOO_LONG or (
            isinstance(value, float | int) and not isinstance(value, bool) and not _finite(value)
        ):
            shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            raise self._error(
                node,
                f"number {shown} is too large (limit: about 1.8e308)",
                hint="write amounts with a scale, e.g. USD 14.3bn; no real figure is this large",
            )
        return value


_NUMERIC_START = frozenset("0123456789+-.")
_MAX_DIGITS = 400  # well below Python's 4,300-digit int parsing limit; 1e400 is no figure
_TOO_LONG = object()


def _finite(value: float | int) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core-schema resolution of an unquoted scalar."""
    if (
        text
        and text[0] not in _NUMERIC_START
        and text not in _TRUE
        and text not in _FALSE
        and text not in _NULL
    ):
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        if len(text) > _MAX_DIGITS:
            return _TOO_LONG
        return int(text.replace("_", ""))
    if any(ch.isdigit() for ch in text) and _FLOAT.match(text):
        try:
            return float(text.replace("_", ""))
        except ValueError:
            return text
    return text


NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems


def output_name(stem: str, suffix: str) -> str:
    """``stem + suffix`` as a file name within NAME_MAX bytes: a stem too long for the file
    system (a case id of 300 characters) is cut and given a short digest to stay unique."""
    name = stem + suffix
    if len(os.fsencode(name)) <= NAME_MAX:
        return name
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:12]
    room = NAME_MAX - len(os.fsencode(f"-{digest}{suffix}"))
    cut = os.fsencode(stem)[:room].decode("utf-8", errors="ignore")
    return f"{cut}-{digest}{suffix}"


def check_output(path: Path, *, protect: tuple[Path, ...] = ()) -> Path:
    """The absolute path to write, if ``path`` names a place a file can be written to.

    The path is made absolute *without* following symlinks: :func:`atomic_write` replaces a
    symlink found there, it never writes through it. Refused, as an InputError: a folder
    (an empty path is the current folder), a FIFO, device or socket, a name too long for
    the file system, and any of the ``protect``-ed inputs.
    """
    shown = display_path(path)
    target = Path(os.path.abspath(path))
    size = len(os.fsencode(target.name))
    if size > NAME_MAX:
        raise InputError(
            f"the output file name is {size} bytes long; file systems allow {NAME_MAX}",
            file=shown[:120] + "…",
            hint=_OUTPUT_HINT,
        )
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        mode = os.lstat(target).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("the output path is a folder", file=shown, hint=_OUTPUT_HINT)
        if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
            raise InputError(
                "the output path is not a regular file (a FIFO, device or socket)",
                file=shown,
                hint=_OUTPUT_HINT,
            )
    inputs = {os.path.realpath(p) for p in protect} | {os.path.abspath(p) for p in protect}
    if str(target) in inputs or os.path.realpath(target) in inputs:
        raise InputError(
            "refusing to overwrite an input file",
            file=shown,
            hint="choose another output path with -o",
        )
    return target


_OUTPUT_HINT = "give -o a file name, such as reports/memo.pdf"
REPORTS = Path("reports")
"""Where memos go when no -o is given (relative to the working directory)."""


def default_output(case_id: str, suffix: str) -> Path:
    """``reports/<case id><suffix>``, refusing a ``reports`` folder that is a symlink: the
    folder nobody named must not send the memo wherever a link planted there points (a
    path given with -o is the user's own choice, links and all)."""
    if REPORTS.is_symlink():
        raise InputError(
            f"the default output folder is a symlink ({REPORTS} -> {os.readlink(REPORTS)}); "
            "refusing to write through it",
            file=str(REPORTS),
            hint="remove the link and let trustbench create the folder, or name the output with -o",
        )
    return REPORTS / output_name(case_id, suffix)


def atomic_write(path: Path, data: bytes, *, protect: tuple[Path, ...] = ()) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one,
    never a partial one: write a temporary file in the same folder, fsync, then rename it
    over the path itself (a symlink planted there is replaced, not followed)."""
    target = check_output(path, protect=protect)
    shown = display_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tb-", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise InputError(
            f"cannot write the output file: {exc.strerror or exc}", file=shown
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(
                f"cannot write the output file: {exc.strerror or exc}", file=shown
            ) from None
        raise
