"""The one translator from pydantic validation errors to compiler-style diagnostics, for deal
files, lever catalogues and rule packs alike: one wording for each kind of problem.

- an unknown key names the key, suggests the closest allowed one (or lists them), and the
  required key it was probably meant to be is not reported again as missing;
- a missing key, a value of the wrong type or out of its choices names its dotted location;
- an invalid mapping key (a parameter's effective date) is located at the key itself.

Rule packs pass their stable codes (``code``, and ``key_code`` for a bad mapping key); a
document that is a view into a larger one (``prefix``) has its locations shown in full.
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from trustbench.errors import Diagnostic, did_you_mean, dotted
from trustbench.sources import Document, Loc

__all__ = ["diagnostics_from", "did_you_mean", "dotted"]

_STEP_KINDS = {"acquire_stake", "appoint_director", "hire", "grant_right", "contract"}
_SCALAR_ERRORS = ("_parsing", "_type", "int_from_float")


def diagnostics_from(
    exc: ValidationError,
    doc: Document,
    model: type[BaseModel],
    kind: str = "deal",
    *,
    code: str | None = None,
    key_code: str | None = None,
) -> list[Diagnostic]:
    """Every problem of ``exc`` as a located diagnostic of ``kind`` (unknown keys first)."""
    errors = exc.errors(include_url=False)
    prefix: Loc = getattr(doc, "prefix", ())
    out: list[Diagnostic] = []
    meant: set[Loc] = set()
    for error in (e for e in errors if e["type"] == "extra_forbidden"):
        loc = _clean(error["loc"])
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed)
        if hint is not None:
            meant.add((*loc[:-1], hint.split("'")[1]))
        elif allowed:
            hint = "expected one of: " + ", ".join(sorted(allowed))
        line, column = doc.locate_key(loc)
        message = f"unknown key {loc[-1]!r}{_within((*prefix, *loc[:-1]))}"
        out.append(Diagnostic(doc.path, line, column, kind, message, hint, code))
    seen: set[tuple[Loc, str]] = set()
    for error in (e for e in errors if e["type"] != "extra_forbidden"):
        loc = _clean(error["loc"])
        if error["type"] == "missing" and loc in meant:
            continue
        diag = _describe(dict(error), loc, doc, prefix, kind, code, key_code)
        if (loc, diag.message) not in seen:
            seen.add((loc, diag.message))
            out.append(diag)
    return out


def _clean(loc: tuple[Any, ...]) -> Loc:
    """The location as the file spells it: without the tags and validator names pydantic
    adds (a step's kind, ``function-…``, ``str``)."""
    return tuple(
        p
        for p in loc
        if not (
            isinstance(p, str)
            and (p in _STEP_KINDS or p.startswith("function-") or p in ("str", "list[str]"))
        )
    )


def _within(parent: Loc) -> str:
    return f" in {dotted(parent)}" if parent else ""


def _describe(
    error: dict[str, Any],
    loc: Loc,
    doc: Document,
    prefix: Loc,
    kind: str,
    code: str | None,
    key_code: str | None,
) -> Diagnostic:
    kind_, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if "[key]" in loc:  # a mapping key that does not validate: a parameter's date
        where = loc[: loc.index("[key]")]
        line, column = doc.locate_key(where)
        message = (
            f"{dotted((*prefix, *where[:-1]))}: {value!r} is not a valid date"
            f"{_date_reason(str(value), str(error['msg']))}"
        )
        fix = "write effective dates as YYYY-MM-DD"
        return Diagnostic(doc.path, line, column, kind, message, fix, key_code or code)
    line, column = doc.locate(loc)
    words, hint = _words(kind_, value, ctx, str(error["msg"]), loc, prefix)
    return Diagnostic(doc.path, line, column, kind, words, hint, code)


def _words(
    kind: str, value: Any, ctx: dict[str, Any], msg: str, loc: Loc, prefix: Loc
) -> tuple[str, str | None]:
    where = dotted((*prefix, *loc))
    if kind == "missing":
        return f"missing required key {loc[-1]!r}{_within((*prefix, *loc[:-1]))}", None
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",")]
        hint = did_you_mean(value, [o for o in options if o]) if isinstance(value, str) else None
        return f"{where}: expected {expected}, got {value!r}", hint
    if kind == "union_tag_invalid":
        tags = ctx.get("expected_tags")
        return f"{where}: unknown step kind {ctx.get('tag')!r}; expected {tags}", None
    if kind == "union_tag_not_found":
        return f"{where}: each step needs a 'kind'", "e.g. kind: acquire_stake"
    if kind == "finite_number":
        return (
            f"{where}: expected a finite number, got {value!r}",
            "NaN and infinity are not figures; leave the field out if it is unknown",
        )
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"{where}: needs at least {least} item{'s' * (least != 1)}", None
    for lead in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(lead)
    msg = msg[:1].lower() + msg[1:]
    if kind.endswith(_SCALAR_ERRORS):
        msg += f", got {value!r}"
    return f"{where}: {msg}", ctx.get("hint")


def _date_reason(text: str, message: str) -> str:
    if not (len(text) == 10 and text[4] == text[7] == "-" and text.replace("-", "").isdigit()):
        return ""
    reason = message.split(", ", 1)[-1]
    return f" ({reason})" if reason != message else ""


def _fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    """The keys allowed in the mapping reached by ``loc`` (field names and aliases)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or get_origin(current) is dict:
            current = _item_type(current)
            continue
        found = _model_in(current)
        if found is None:
            return set()
        info = found.model_fields.get(part) or next(
            (f for f in found.model_fields.values() if f.alias == part), None
        )
        current = info.annotation if info is not None else None
    model_type = _model_in(current)
    if model_type is None:
        return set()
    return {f.alias or n for n, f in model_type.model_fields.items()}


def _item_type(annotation: Any) -> Any:
    args = get_args(annotation)
    if get_origin(annotation) is dict and len(args) == 2:
        return args[1]
    for arg in args:  # list[X], X | None, Annotated[list[X], …]
        found = _item_type(arg) if get_origin(arg) in (list, dict) else arg
        if _model_in(found) is not None:
            return found
    return args[0] if args else None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
