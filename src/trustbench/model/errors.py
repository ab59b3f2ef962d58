"""Turning pydantic validation errors into compiler-style diagnostics."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from trustbench.errors import Diagnostic, did_you_mean, dotted

__all__ = ["diagnostics_from", "did_you_mean", "dotted"]
from trustbench.sources import Document, Loc

_STEP_KINDS = {"acquire_stake", "appoint_director", "hire", "grant_right", "contract"}


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    out: list[str | int] = []
    for part in loc:
        # pydantic adds the discriminator value and function-validator names to ``loc``
        if isinstance(part, str) and (
            part in _STEP_KINDS or part.startswith("function-") or part in ("str", "list[str]")
        ):
            continue
        out.append(part)
    return tuple(out)


def _fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    """Field names (and aliases) of the model reached by ``loc``, for did-you-mean."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return set()
        field = current.model_fields.get(part)
        if field is None:
            field = next((f for f in current.model_fields.values() if f.alias == part), None)
        if field is None:
            return set()
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return {f.alias or n for n, f in current.model_fields.items()}
    return set()


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    for meta in getattr(annotation, "__metadata__", ()) or ():
        del meta
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not list:
        return _inner_model(origin)
    return None


def _within(parent: Loc) -> str:
    return f" in {dotted(parent)}" if parent else ""


def _describe(error: dict[str, Any], model: type[BaseModel]) -> tuple[str, str | None]:
    kind = error["type"]
    loc = _clean_loc(error["loc"])
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(name, allowed)
        if hint is None and allowed:
            hint = "expected one of: " + ", ".join(sorted(allowed))
        return f"unknown key {name!r}{_within(loc[:-1])}", hint
    if kind == "missing":
        return f"missing required key {loc[-1]!r}{_within(loc[:-1])}", None
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        hint = None
        if isinstance(value, str):
            options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",")]
            hint = did_you_mean(value, [o for o in options if o])
        return f"expected {expected}, got {value!r}", hint
    if kind == "union_tag_invalid":
        return f"unknown step kind {ctx.get('tag')!r}; expected {ctx.get('expected_tags')}", None
    if kind == "union_tag_not_found":
        return "each step needs a 'kind'", "e.g. kind: acquire_stake"
    if kind == "finite_number":
        return (
            f"expected a finite number, got {value!r}",
            "NaN and infinity are not figures; leave the field out if it is unknown",
        )
    message = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if kind in (
        "float_parsing",
        "int_parsing",
        "bool_parsing",
        "date_from_datetime_parsing",
        "date_parsing",
        "string_type",
        "list_type",
        "dict_type",
        "model_type",
        "float_type",
        "int_type",
        "bool_type",
        "int_from_float",
    ):
        message = f"{message[0].lower()}{message[1:]}, got {value!r}"
    else:
        message = message[0].lower() + message[1:] if message else message
    return message, ctx.get("hint")


def diagnostics_from(
    exc: ValidationError, doc: Document, model: type[BaseModel], kind: str = "deal"
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple[Loc, str]] = set()
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"])
        message, hint = _describe(dict(error), model)
        if (loc, message) in seen:
            continue
        seen.add((loc, message))
        line, column = (
            doc.locate_key(loc) if error["type"] == "extra_forbidden" else doc.locate(loc)
        )
        out.append(
            Diagnostic(
                file=doc.path,
                line=line,
                column=column,
                kind=kind,
                message=message
                if error["type"] in ("extra_forbidden", "missing")
                else f"{dotted(loc)}: {message}",
                hint=hint,
            )
        )
    return out
