"""The fact registry: named, typed, documented values computed from the transaction graph.

Facts are the vocabulary of rules. Each has a CEL type (``bool``, ``double``, ``int``,
``string`` or ``list``), a unit, a one-line meaning, the test it serves and the question to
ask the client when it is unknown. A compute function returns a :class:`Value`; ``None`` as
the value means *unknown* and is never replaced by zero.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from trustbench.facts.context import FactContext

FactType = Literal["bool", "double", "int", "string", "list"]
Scope = Literal["deal", "market"]


@dataclass(frozen=True)
class Value:
    """A computed fact: its value (``None`` = unknown), the deal-file sources it rests on,
    and a note (how it was computed, the FX rate used, what is missing)."""

    value: Any
    sources: tuple[str, ...] = ()
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.value is not None


UNKNOWN = Value(None)


@dataclass(frozen=True)
class FactSpec:
    name: str
    type: FactType
    unit: str
    doc: str
    compute: Callable[[FactContext], Value]
    test: str = ""
    question: str = ""
    topic: str = "General"
    scope: Scope = "deal"


@dataclass
class Registry:
    specs: dict[str, FactSpec] = field(default_factory=dict)

    def add(self, spec: FactSpec) -> None:
        if spec.name in self.specs:
            raise ValueError(f"fact {spec.name!r} registered twice")
        self.specs[spec.name] = spec

    def __getitem__(self, name: str) -> FactSpec:
        return self.specs[name]

    def __contains__(self, name: object) -> bool:
        return name in self.specs

    def names(self, scope: Scope | None = None) -> list[str]:
        return sorted(n for n, s in self.specs.items() if scope is None or s.scope == scope)


REGISTRY = Registry()


def fact(
    name: str,
    type: FactType,
    unit: str,
    doc: str,
    *,
    test: str = "",
    question: str = "",
    topic: str = "General",
    scope: Scope = "deal",
) -> Callable[[Callable[[FactContext], Value]], Callable[[FactContext], Value]]:
    """Register a compute function as a fact."""

    def register(fn: Callable[[FactContext], Value]) -> Callable[[FactContext], Value]:
        REGISTRY.add(FactSpec(name, type, unit, doc, fn, test, question, topic, scope))
        return fn

    return register


def phased(
    name: str,
    type: FactType,
    unit: str,
    doc: str,
    *,
    test: str = "",
    question: str = "",
    topic: str = "General",
    phases: Iterable[str] = ("before", "after"),
) -> Callable[[Callable[[FactContext, str], Value]], Callable[[FactContext, str], Value]]:
    """Register ``name.before`` and ``name.after`` from one function of (context, phase)."""

    def register(fn: Callable[[FactContext, str], Value]) -> Callable[[FactContext, str], Value]:
        for phase in phases:

            def compute(ctx: FactContext, _phase: str = phase) -> Value:
                return fn(ctx, _phase)

            REGISTRY.add(
                FactSpec(
                    f"{name}.{phase}",
                    type,
                    unit,
                    f"{doc} ({phase} the deal)",
                    compute,
                    test,
                    question,
                    topic,
                )
            )
        return fn

    return register


def known(value: Any, sources: Iterable[str] = (), note: str | None = None) -> Value:
    return Value(value, tuple(dict.fromkeys(sources)), note)


def unknown(note: str | None = None, sources: Iterable[str] = ()) -> Value:
    return Value(None, tuple(dict.fromkeys(sources)), note)
