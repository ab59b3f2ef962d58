"""References between the parts of a deal file, checked from the schema itself.

A field that names something declared elsewhere carries a :class:`Ref` in its type
(``EntityRef = Annotated[str, ..., Ref("entity")]``). One generic walker,
:func:`references`, finds every such value in a loaded deal, with its location, so a new
field with a reference is checked by giving it the right type — nothing else to edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from trustbench.sources import Loc

RefKind = Literal["entity", "person", "source", "market"]


_DECLARED = {
    "entity": "the id of an entity declared under `entities`",
    "person": "the id of a person declared under `entities` (kind: person)",
    "source": "the id of a source declared under `sources`, or a list of them",
    "market": "the id of a market declared under `markets`",
}


@dataclass(frozen=True)
class Ref:
    """Marks a field (or list item) whose value is the id of a declared ``kind``: an
    ``entity`` (any kind), a ``person`` (an entity of kind person), a ``source`` or a
    ``market``. The JSON Schema says so too (``x-ref`` and a description), and with it the
    generated field reference (:mod:`trustbench.model.reference`); it comes last in the
    ``Annotated`` type, after the schema it adds to."""

    kind: RefKind

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = dict(handler(core_schema))
        schema["x-ref"] = self.kind
        schema.setdefault("description", _DECLARED[self.kind])
        return schema


@dataclass(frozen=True)
class _Plan:
    name: str
    key: str  # as written in the file (the alias)
    ref: RefKind | None
    nested: bool  # the value may hold models to walk into


def _find_ref(annotation: Any) -> RefKind | None:
    for meta in getattr(annotation, "__metadata__", ()) or ():
        if isinstance(meta, Ref):
            return meta.kind
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _find_ref(arg)
        if found is not None:
            return found
    return None


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    args = (*(getattr(annotation, "__args__", ()) or ()), getattr(annotation, "__origin__", None))
    return any(a is not None and a is not annotation and _holds_models(a) for a in args)


@cache
def _plan(model: type[BaseModel]) -> tuple[_Plan, ...]:
    plans = []
    for name, info in model.model_fields.items():
        ref = next((m.kind for m in info.metadata if isinstance(m, Ref)), None)
        ref = ref or _find_ref(info.annotation)
        nested = ref is None and _holds_models(info.annotation)
        if ref or nested:
            plans.append(_Plan(name, info.alias or name, ref, nested))
    return tuple(plans)


def references(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, RefKind, str]]:
    """Every (location, kind, id) reference made in ``model`` and the models inside it."""
    for plan in _plan(type(model)):
        value = getattr(model, plan.name)
        if value is None:
            continue
        here = (*loc, plan.key)
        if plan.ref is not None:
            if isinstance(value, str):
                yield here, plan.ref, value
            else:
                for i, item in enumerate(value):
                    yield (*here, i), plan.ref, item
        elif isinstance(value, BaseModel):
            yield from references(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from references(item, (*here, i))
