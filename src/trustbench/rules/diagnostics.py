"""Collecting every problem of a pack at once, compiler-style, with a stable code.

Pydantic errors become one diagnostic each, worded for a rule author: an unknown key names
the key and suggests the closest known one (and a required key it was probably meant to be
is not reported again as missing); a bad effective date says so under TB120.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, create_model

from trustbench.errors import Diagnostic, TrustbenchError, did_you_mean, dotted
from trustbench.rules import codes
from trustbench.sources import Document, Loc, load_document

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SCALAR_ERRORS = ("_parsing", "_type", "int_from_float", "finite_number")


class Collector:
    """Gathers diagnostics instead of raising, so that loading goes on after a problem."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, diag: Diagnostic) -> None:
        self.items.append(diag)

    def error(
        self,
        file: str,
        line: int,
        column: int,
        message: str,
        hint: str | None = None,
        code: str = codes.SCHEMA.code,
    ) -> None:
        self.items.append(Diagnostic(file, line, column, "rule", message, hint, code))

    def read(self, path: Path) -> Document | None:
        try:
            return load_document(path)
        except TrustbenchError as exc:
            for d in exc.diagnostics:
                self.items.append(
                    dataclasses.replace(d, kind="rule", code=d.code or codes.UNREADABLE.code)
                )
            return None

    def model(self, doc: Document, model: type[BaseModel], data: Any) -> Any:
        """Validate ``data``; on failure record the problems and return ``None``."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.items.extend(schema_diagnostics(exc, doc, model))
            return None

    def lenient(
        self, doc: Document, model: type[BaseModel], data: Any
    ) -> tuple[Any, frozenset[str]]:
        """Validate ``data``; on failure record the problems and still build the model from
        the keys that are valid, naming the ones that are not (``broken``), so that later
        checks can go on with what is there."""
        try:
            return model.model_validate(data), frozenset()
        except ValidationError as exc:
            self.items.extend(schema_diagnostics(exc, doc, model))
            if not isinstance(data, dict):
                return None, frozenset(model.model_fields)
            bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
            return _partial(model, data, bad)


def _partial(
    model: type[BaseModel], data: dict[str, Any], bad: set[str]
) -> tuple[Any, frozenset[str]]:
    values: dict[str, Any] = {}
    broken: set[str] = set()
    for name, info in model.model_fields.items():
        if name in data and name not in bad:
            adapter: TypeAdapter[Any] = TypeAdapter(Annotated[info.annotation, info])  # type: ignore[arg-type]
            values[name] = adapter.validate_python(data[name])
        elif not info.is_required() and name not in bad:
            values[name] = info.get_default(call_default_factory=True)
        else:
            broken.add(name)
    return draft_of(model)(**values), frozenset(broken)


@functools.cache
def draft_of(model: type[BaseModel]) -> type[BaseModel]:
    """A model with the fields of ``model``, each optional: what is left of a file that did
    not validate, for the checks that can still run. It is never the model itself, so a
    draft is never taken for a valid rule with ``None`` in a required field."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        annotation: Any = info.annotation
        fields[name] = (annotation | None, None)
    draft: type[BaseModel] = create_model(
        f"{model.__name__}Draft", __config__=ConfigDict(arbitrary_types_allowed=True), **fields
    )
    return draft


class Sub(Document):
    """A view of a document rooted at ``prefix`` (for nested validation errors)."""

    def __init__(self, doc: Document, *prefix: str | int) -> None:
        super().__init__(doc.path, doc.data, doc.marks, doc.text, doc.key_marks)
        self.prefix: Loc = tuple(prefix)

    def locate(self, loc: Any) -> tuple[int, int]:
        return super().locate((*self.prefix, *loc))

    def locate_key(self, loc: Any) -> tuple[int, int]:
        return super().locate_key((*self.prefix, *loc))


def schema_diagnostics(
    exc: ValidationError, doc: Document, model: type[BaseModel]
) -> list[Diagnostic]:
    errors = exc.errors(include_url=False)
    meant: set[Loc] = set()
    out: list[Diagnostic] = []
    prefix: Loc = getattr(doc, "prefix", ())
    for error in (e for e in errors if e["type"] == "extra_forbidden"):
        loc = _clean(error["loc"])
        allowed = _fields_at(model, loc[:-1])
        match = difflib.get_close_matches(str(loc[-1]), sorted(allowed), n=1, cutoff=0.6)
        if match:
            meant.add((*loc[:-1], match[0]))
        hint = (
            f"did you mean {match[0]!r}?"
            if match
            else "expected one of: " + ", ".join(sorted(allowed))
            if allowed
            else None
        )
        line, col = doc.locate_key(loc)
        out.append(
            _diag(doc, line, col, f"unknown key {loc[-1]!r}{_within((*prefix, *loc[:-1]))}", hint)
        )
    seen: set[tuple[Loc, str]] = set()
    for error in (e for e in errors if e["type"] != "extra_forbidden"):
        loc = _clean(error["loc"])
        if error["type"] == "missing" and loc in meant:
            continue
        diag = _describe(dict(error), loc, doc, prefix)
        if (loc, diag.message) not in seen:
            seen.add((loc, diag.message))
            out.append(diag)
    return out


def _diag(
    doc: Document,
    line: int,
    col: int,
    message: str,
    hint: str | None,
    code: str = codes.SCHEMA.code,
) -> Diagnostic:
    return Diagnostic(doc.path, line, col, "rule", message, hint, code)


def _within(parent: Loc) -> str:
    return f" in {dotted(parent)}" if parent else ""


def _clean(loc: tuple[Any, ...]) -> Loc:
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))


def _describe(error: dict[str, Any], loc: Loc, doc: Document, prefix: Loc) -> Diagnostic:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if "[key]" in loc:
        where = loc[: loc.index("[key]")]
        line, col = doc.locate_key(where)
        return _diag(
            doc,
            line,
            col,
            f"{dotted((*prefix, *where[:-1]))}: {value!r} is not a "
            f"valid date{_date_reason(str(value), str(error['msg']))}",
            "write effective dates as YYYY-MM-DD",
            codes.PARAM_DATE.code,
        )
    line, col = doc.locate(loc)
    if kind == "missing":
        return _diag(
            doc, line, col, f"missing required key {loc[-1]!r}{_within((*prefix, *loc[:-1]))}", None
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",")]
        hint = (
            did_you_mean(str(value), [o for o in options if o]) if isinstance(value, str) else None
        )
        return _diag(
            doc, line, col, f"{dotted((*prefix, *loc))}: expected {expected}, got {value!r}", hint
        )
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return _diag(
            doc,
            line,
            col,
            f"{dotted((*prefix, *loc))}: needs at least {least} item{'s' * (least != 1)}",
            None,
        )
    message = str(error["msg"]).removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    if any(kind.endswith(s) for s in _SCALAR_ERRORS):
        message += f", got {value!r}"
    return _diag(doc, line, col, f"{dotted((*prefix, *loc))}: {message}", None)


def _date_reason(text: str, message: str) -> str:
    if not ISO_DATE.fullmatch(text):
        return ""
    reason = message.split(", ", 1)[-1]
    return f" ({reason})" if reason != message else ""


def _fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    """The keys allowed in the mapping reached by ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or get_origin(current) is dict:
            current = _item_type(current)
            continue
        found = _model_in(current)
        info = found.model_fields.get(part) if found is not None else None
        current = info.annotation if info is not None else None
    model_type = _model_in(current)
    return set(model_type.model_fields) if model_type is not None else set()


def _item_type(annotation: Any) -> Any:
    args = get_args(annotation)
    if get_origin(annotation) is dict and len(args) == 2:
        return args[1]
    return args[0] if args else None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
