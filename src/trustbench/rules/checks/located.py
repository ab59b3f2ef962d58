"""What the lint checks share: the rules and definitions a pack's own files define, and a
diagnostic located in one of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trustbench.errors import Diagnostic
from trustbench.rules.compile import expr_position
from trustbench.rules.pack import LoadedDefinition, LoadedRule, Pack

Loaded = LoadedRule | LoadedDefinition


def own(pack: Pack) -> Iterator[Loaded]:
    """The rules, then the definitions, that this pack's own files define (inherited ones
    are linted with the pack that defines them), by id."""
    for rid in sorted(pack.own_rules()):
        yield pack.rules[rid]
    for did in sorted(pack.own_definitions()):
        yield pack.definitions[did]


def diag(
    loaded: Loaded, loc: tuple[Any, ...], code: str, message: str, hint: str | None = None
) -> Diagnostic:
    line, col = loaded.doc.locate(loc)
    return Diagnostic(loaded.file, line, col, "rule", message, hint, code)


def position(loaded: Loaded, loc: tuple[Any, ...], text: str, offset: int) -> tuple[int, int]:
    """Line and column in the file of ``offset`` in ``text``, the value at ``loc``."""
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return expr_position(loaded.doc, text, line, column, loc)
