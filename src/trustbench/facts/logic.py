"""Three-valued (Kleene) logic for facts built from other facts, and lists of factors.

``None`` is unknown: ``any_of`` is true as soon as one value is true, ``all_of`` false as
soon as one is false; otherwise an unknown input leaves the result unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from trustbench.facts.registry import Value, known, unknown

Tri = bool | None


def any_of(values: Iterable[Tri]) -> Tri:
    items = list(values)
    if any(v is True for v in items):
        return True
    return None if any(v is None for v in items) else False


def all_of(values: Iterable[Tri]) -> Tri:
    items = list(values)
    if any(v is False for v in items):
        return False
    return None if any(v is None for v in items) else True


def negate(value: Tri) -> Tri:
    return None if value is None else not value


def tri(value: Value) -> Tri:
    """A fact's value as a truth value: unknown stays unknown, a number counts if non-zero,
    a list if non-empty."""
    if not value.known:
        return None
    return bool(value.value)


def factor_list(factors: Sequence[tuple[str, Tri, Iterable[str]]]) -> Value:
    """A list fact naming the factors present, from (label, present?, sources). The list is
    unknown as soon as one factor is unknown — its length and absences would otherwise read
    as facts — and the note then says what was found and what is missing."""
    found = [label for label, present, _ in factors if present]
    missing = [label for label, present, _ in factors if present is None]
    sources = [s for _, present, srcs in factors if present is not False for s in srcs]
    if missing:
        note = f"not known: {', '.join(missing)}"
        if found:
            note = f"present: {', '.join(found)}; {note}"
        return unknown(note, sources)
    return known(found, sources)
