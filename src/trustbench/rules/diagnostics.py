"""Collecting every problem of a pack at once, compiler-style, with a stable code.

Pydantic errors become one diagnostic each through the one translator the deal files use
(:func:`trustbench.model.errors.diagnostics_from`), with the pack's codes: TB100 for the
schema, TB120 for a bad effective date.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, create_model

from trustbench.errors import Diagnostic, TrustbenchError
from trustbench.model.errors import diagnostics_from
from trustbench.rules import codes
from trustbench.sources import Document, Loc, load_document

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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
            self.items.extend(_translated(exc, doc, model))
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
            self.items.extend(_translated(exc, doc, model))
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


def _translated(exc: ValidationError, doc: Document, model: type[BaseModel]) -> list[Diagnostic]:
    """The one pydantic translator (:mod:`trustbench.model.errors`), with the pack codes."""
    return diagnostics_from(
        exc, doc, model, "rule", code=codes.SCHEMA.code, key_code=codes.PARAM_DATE.code
    )
