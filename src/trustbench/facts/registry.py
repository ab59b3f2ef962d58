"""The fact registry: named, typed, documented values computed from the transaction graph.

Facts are the vocabulary of rules. A fact is *one definition over dimensions* — party,
geography, phase, currency (as OpenFisca defines a variable over entities and periods) — not a
cross-product of registered names. The names rules use (``turnover.acquirer.eu.eur``,
``acquirer.equity.after``) are generated from the definition's name pattern, and only for the
coordinates the definition exposes; its other coordinates stay computable, for other facts,
through :meth:`FactContext.of <trustbench.facts.context.FactContext.of>`.

Each definition has a CEL type (``bool``, ``double``, ``int``, ``string`` or ``list``), a
unit, a one-line meaning, the test it serves and the question to ask the client when it is
unknown. A compute function returns a :class:`Value`; ``None`` as the value means *unknown*
and is never replaced by zero.

This module knows nothing of the context facts are computed in (compute functions take it as
their first argument), so :mod:`trustbench.facts.context` can import it without a cycle.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeVar

FactType = Literal["bool", "double", "int", "string", "list", "table"]
Scope = Literal["deal", "market"]
Coords = tuple[tuple[str, str], ...]
"""A point in a definition's dimensions, as sorted (dimension, value) pairs."""


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
class Dimension:
    name: str
    values: tuple[str, ...]
    doc: str
    words: Mapping[str, str] = field(default_factory=dict)
    """how a value reads in a fact's documentation (``eu`` → "in the EU")"""


DIMENSIONS: dict[str, Dimension] = {
    d.name: d
    for d in (
        Dimension("party", ("acquirer", "target", "combined"), "whose figure"),
        Dimension(
            "geography",
            ("worldwide", "eu", "uk", "de"),
            "where it is achieved",
            {"eu": "in the EU", "uk": "in the UK", "de": "in Germany"},
        ),
        Dimension("phase", ("before", "after"), "before or after the deal"),
        Dimension(
            "currency",
            ("eur", "gbp", "usd"),
            "the currency it is stated in",
            {"eur": "EUR", "gbp": "GBP", "usd": "USD"},
        ),
    )
}
"""The dimensions a fact may be defined over, with every value they take."""


class _Words(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


Compute = Callable[[Any, Mapping[str, str]], Value]


@dataclass(frozen=True)
class Definition:
    """One fact over its dimensions. ``pattern`` spells the generated names
    (``"turnover.{party}.{geography}.{currency}"``); ``exposed`` lists the coordinates that
    have a name rules may use."""

    id: str
    pattern: str
    type: FactType
    unit: str
    doc: str
    compute: Compute
    test: str = ""
    question: str = ""
    topic: str = "General"
    scope: Scope = "deal"
    dimensions: tuple[str, ...] = ()
    exposed: tuple[Coords, ...] = ((),)
    spelling: Mapping[str, str] = field(default_factory=dict)
    """how a coordinate value is spelled in the generated name, where it differs"""
    words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """how a coordinate value reads in ``doc`` and ``unit`` (dimension → value → words),
    where it differs from the dimension's own"""
    asks: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """how a coordinate value reads in ``question`` (default: as it is spelled)"""

    def name(self, coords: Coords) -> str:
        return self.pattern.format(**{k: self.spelling.get(v, v) for k, v in coords})

    def _words(self, coords: Coords) -> _Words:
        return _Words(
            {k: self.words.get(k, {}).get(v) or DIMENSIONS[k].words.get(v, v) for k, v in coords}
        )

    def describe(self, coords: Coords) -> str:
        """The documentation at a point: placeholders filled in; for a phase the doc does not
        name, "(before the deal)" or "(after the deal)" appended."""
        dimensioned = any(k != "phase" for k, _ in coords) or "{phase}" in self.doc
        doc = self.doc.format_map(self._words(coords)) if dimensioned else self.doc
        phase = dict(coords).get("phase")
        return f"{doc} ({phase} the deal)" if phase and "{phase}" not in self.doc else doc

    def unit_at(self, coords: Coords) -> str:
        return self.unit.format_map(self._words(coords))

    def question_at(self, coords: Coords) -> str:
        words = _Words({k: self.asks.get(k, {}).get(v, v) for k, v in coords})
        return self.question.format_map(words) if coords else self.question

    def check(self, coords: Coords) -> None:
        given = {k for k, _ in coords}
        if given != set(self.dimensions):
            raise KeyError(f"fact {self.id!r} is defined over {self.dimensions}, got {coords}")
        for k, v in coords:
            if v not in DIMENSIONS[k].values:
                raise KeyError(f"{v!r} is not a value of the {k} dimension")


@dataclass(frozen=True)
class FactSpec:
    """One generated name: its definition at one point of the definition's dimensions."""

    name: str
    definition: Definition
    coords: Coords = ()

    @property
    def type(self) -> FactType:
        return self.definition.type

    @cached_property
    def unit(self) -> str:
        return self.definition.unit_at(self.coords)

    @property
    def doc(self) -> str:
        return self.definition.describe(self.coords)

    @property
    def test(self) -> str:
        return self.definition.test

    @property
    def question(self) -> str:
        return self.definition.question_at(self.coords)

    @property
    def topic(self) -> str:
        return self.definition.topic

    @property
    def scope(self) -> Scope:
        return self.definition.scope


@dataclass
class Registry:
    definitions: dict[str, Definition] = field(default_factory=dict)
    specs: dict[str, FactSpec] = field(default_factory=dict)

    def add(self, definition: Definition) -> None:
        if definition.id in self.definitions:
            raise ValueError(f"fact {definition.id!r} defined twice")
        specs = [FactSpec(definition.name(c), definition, c) for c in definition.exposed]
        for spec in specs:
            definition.check(spec.coords)
            if spec.name in self.specs:
                raise ValueError(f"fact {spec.name!r} registered twice")
        self.definitions[definition.id] = definition
        self.specs.update((s.name, s) for s in specs)

    def __getitem__(self, name: str) -> FactSpec:
        return self.specs[name]

    def __contains__(self, name: object) -> bool:
        return name in self.specs

    def names(self, scope: Scope | None = None) -> list[str]:
        return sorted(n for n, s in self.specs.items() if scope is None or s.scope == scope)

    def locate(self, name: str) -> tuple[Definition, Coords]:
        """The definition and point a generated name stands for, whether or not it is exposed
        (``acquirer.board.seats.before``): for tests and tools, never for rules."""
        if name in self.specs:
            return self.specs[name].definition, self.specs[name].coords
        for d in self.definitions.values():
            values = [DIMENSIONS[k].values for k in d.dimensions]
            for combo in itertools.product(*values):
                coords = tuple(zip(d.dimensions, combo, strict=True))
                if d.name(coords) == name:
                    return d, coords
        raise KeyError(name)

    def catalogue(self) -> list[dict[str, Any]]:
        """Every name rules may use, with the definition it comes from and its coordinates."""
        return [
            {
                "name": s.name,
                "definition": s.definition.pattern,
                "dimensions": dict(s.coords),
                "type": s.type,
                "unit": s.unit,
                "doc": s.doc,
                "test": s.test,
                "scope": s.scope,
                "topic": s.topic,
            }
            for s in (self.specs[n] for n in self.names())
        ]


REGISTRY = Registry()

F = TypeVar("F", bound=Callable[..., Value])


def defines(
    id: str,
    pattern: str,
    type: FactType,
    unit: str,
    doc: str,
    *,
    over: Iterable[str],
    exposed: Iterable[Mapping[str, str]],
    test: str = "",
    question: str = "",
    topic: str = "General",
    scope: Scope = "deal",
    spelling: Mapping[str, str] | None = None,
    words: Mapping[str, Mapping[str, str]] | None = None,
    asks: Mapping[str, Mapping[str, str]] | None = None,
) -> Callable[[F], F]:
    """Register a fact defined over dimensions; the function is called as
    ``fn(ctx, **coordinates)``. ``exposed`` lists the coordinates that get a name."""

    def register(fn: F) -> F:
        REGISTRY.add(
            Definition(
                id,
                pattern,
                type,
                unit,
                doc,
                lambda ctx, coords: fn(ctx, **coords),
                test,
                question,
                topic,
                scope,
                tuple(sorted(over)),
                tuple(tuple(sorted(c.items())) for c in exposed),
                dict(spelling or {}),
                dict(words or {}),
                dict(asks or {}),
            )
        )
        return fn

    return register


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
) -> Callable[[F], F]:
    """Register a fact without dimensions: ``fn(ctx)``."""

    def register(fn: F) -> F:
        compute: Compute = lambda ctx, _coords: fn(ctx)  # noqa: E731
        REGISTRY.add(Definition(name, name, type, unit, doc, compute, test, question, topic, scope))
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
) -> Callable[[F], F]:
    """Register a fact over the phase dimension, ``fn(ctx, phase)``, named ``name.before``
    and ``name.after`` (only those of ``phases``; the other stays computable)."""

    def register(fn: F) -> F:
        compute: Compute = lambda ctx, coords: fn(ctx, coords["phase"])  # noqa: E731
        REGISTRY.add(
            Definition(
                name,
                name + ".{phase}",
                type,
                unit,
                doc,
                compute,
                test,
                question,
                topic,
                dimensions=("phase",),
                exposed=tuple((("phase", p),) for p in phases),
            )
        )
        return fn

    return register


def known(value: Any, sources: Iterable[str] = (), note: str | None = None) -> Value:
    return Value(value, tuple(dict.fromkeys(sources)), note)


def unknown(note: str | None = None, sources: Iterable[str] = ()) -> Value:
    return Value(None, tuple(dict.fromkeys(sources)), note)
