"""One evaluation's names: facts, parameters, definitions and rule outcomes.

A :class:`Scope` gives each name its value for one deal (or one example): facts from the
deal's fact context, parameters as of the case date, and each definition (``def.…``) and
rule reference (``rule.…``) by evaluating its condition once — three-valued, so an unknown
definition leaves what uses it unknown unless another part decides it. Where something is
unknown, the facts behind it are named (never the definition), so the memo asks the
client for facts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from trustbench.expr import Compiled, Outcome
from trustbench.rules.pack import DEF_PREFIX, RULE_PREFIX, Pack

__all__ = ["Scope", "cel_param"]

DERIVED = (DEF_PREFIX, RULE_PREFIX)


def cel_param(value: Any, kind: str) -> Any:
    """A parameter's value as a condition sees it: a scale becomes the flat list
    ``[from, value, ...]`` (a step whose value is not confirmed becomes NaN)."""
    if kind != "scale" or value is None:
        return value
    flat: list[float] = []
    for step in value:
        raw = step.get("value") if isinstance(step, Mapping) else getattr(step, "value", None)
        low = step.get("from") if isinstance(step, Mapping) else getattr(step, "from_", None)
        flat += [float(low or 0.0), math.nan if raw is None else float(raw)]
    return flat


class Scope:
    """Values of names for one evaluation; ``fact(name)`` gives a fact's value (``None``:
    unknown), ``params`` the parameters' values, ``given`` values that override anything
    (an example's ``def.x: true``)."""

    def __init__(
        self,
        pack: Pack,
        fact: Callable[[str], Any],
        params: Mapping[str, Any],
        given: Mapping[str, Any] | None = None,
    ) -> None:
        self.pack = pack
        self.fact = fact
        self.params = params
        self.given = given or {}
        self.outcomes: dict[str, Outcome] = {}
        self.inputs: dict[str, dict[str, Any]] = {}
        self._facts: dict[str, Any] = {}

    def value(self, name: str) -> Any:
        if name in self.given:
            return self.given[name]
        if name in self.params:
            return self.params[name]
        if name.startswith(DERIVED):
            return self.outcome(name).value
        if name not in self._facts:
            self._facts[name] = self.fact(name)
        return self._facts[name]

    def values(self, compiled: Compiled) -> dict[str, Any]:
        return {n: self.value(n) for n in compiled.names}

    def outcome(self, name: str, compiled: Compiled | None = None) -> Outcome:
        """The outcome of a definition or rule (worked out once)."""
        found = self.outcomes.get(name)
        if found is not None:
            return found
        if name in self.given:
            given = self.given[name]
            return Outcome(None if given is None else bool(given), (name,) if given is None else ())
        compiled = compiled or self.pack.condition(name)
        if compiled is None:  # disabled, or not compiled (the load reported why)
            self.outcomes[name] = Outcome(None, (name,))
            return self.outcomes[name]
        values = self.values(compiled)
        self.inputs[name] = values
        self.outcomes[name] = self.expand(compiled.evaluate(values))
        return self.outcomes[name]

    def expand(self, outcome: Outcome) -> Outcome:
        """``outcome`` with each unknown definition or rule among its missing names replaced
        by the facts and parameters that left it unknown."""
        if not any(m.startswith(DERIVED) for m in outcome.missing):
            return outcome
        missing: dict[str, None] = {}
        for name in outcome.missing:
            if name.startswith(DERIVED) and name not in self.given:
                inner = self.outcome(name)
                missing.update(dict.fromkeys(inner.missing or ((name,) if inner.error else ())))
            else:
                missing.setdefault(name)
        return Outcome(outcome.value, tuple(missing), outcome.error)

    def steps(
        self, name: str, depth: int, titles: Callable[[str], str]
    ) -> list[tuple[int, str, bool | None]]:
        """A definition's or referred rule's reasoning as named steps, ``depth`` deep."""
        compiled = self.pack.condition(name)
        outcome = self.outcome(name)
        if compiled is None or name in self.given:
            return []
        return self.reasoning(compiled, self.inputs.get(name, {}), outcome, depth, titles)

    def reasoning(
        self,
        compiled: Compiled,
        values: dict[str, Any],
        outcome: Outcome,
        depth: int,
        titles: Callable[[str], str],
    ) -> list[tuple[int, str, bool | None]]:
        """The decision tree, with each definition or rule it uses opened as a named step
        (its title and citations) followed by its own reasoning."""
        out: list[tuple[int, str, bool | None]] = []
        for step in compiled.reasoning(values, outcome):
            text = step.source.strip()
            bare = text.lstrip("!").strip()
            named = bare.startswith(DERIVED) and bare.replace(".", "").replace("_", "").isalnum()
            if named and bare == text:  # the step is the definition itself: name it
                out.append((depth + step.depth, titles(bare), step.value))
                out += self.steps(bare, depth + step.depth + 1, titles)
                continue
            out.append((depth + step.depth, step.source, step.value))
            if named:
                out.append((depth + step.depth + 1, titles(bare), self.outcome(bare).value))
                out += self.steps(bare, depth + step.depth + 2, titles)
        return out
