"""The pack checks, each one registered object: a stable code, a name, what it finds, the
fixture that shows it — a pack snippet that must raise it, with the whole output expected,
and the same snippet put right, which must pass — and, for a check of a loaded pack, the
function that runs it (sqlfluff's registered rules, semgrep-rules' rule beside its test).

To add a lint check, write one :class:`Check` with its ``lint`` function and fixture in a
module of this package (modules are found automatically): ``rules validate`` runs it,
``rules codes`` lists it, and ``tests/rules/test_lint_fixtures.py`` runs its fixture. The
checks that loading itself makes (TB0xx–TB13x, TB152, TB16x) are declared in
:mod:`~trustbench.rules.checks.loading` and :mod:`~trustbench.rules.checks.composing` and
raised where the loader finds the problem.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trustbench.errors import Diagnostic
    from trustbench.rules.pack import Pack

__all__ = ["REGISTRY", "Check", "Files", "Fixture", "Link", "all_checks", "register", "write_tree"]


@dataclass(frozen=True)
class Link:
    """A file of a fixture that is a symbolic link to ``target`` (relative to it)."""

    target: str


Files = Mapping[str, "str | Link | None"]
"""A fixture's files: path (relative to the folder ``rules validate .`` runs in) → text."""


@dataclass(frozen=True)
class Fixture:
    bad: Files
    """A snippet that raises the check: ``rules validate .`` prints ``expected``, exit 2."""
    expected: str
    good: Files
    """Changes to ``bad`` (a path → ``None`` removes it) that put it right: it passes."""

    def good_files(self) -> dict[str, str | Link]:
        merged = {**self.bad, **self.good}
        return {path: text for path, text in merged.items() if text is not None}


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    description: str
    fixture: Fixture = field(repr=False)
    lint: Callable[[Pack], Iterable[Diagnostic]] | None = field(default=None, repr=False)
    """Runs the check on a loaded pack (``None``: loading itself raises it)."""

    def __str__(self) -> str:
        return self.code


REGISTRY: dict[str, Check] = {}


def register(check: Check) -> Check:
    if check.code in REGISTRY:
        raise ValueError(f"pack check code {check.code} registered twice")
    REGISTRY[check.code] = check
    return check


def all_checks() -> list[Check]:
    """Every check, by code (the modules of this package are imported on first use)."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def write_tree(files: Mapping[str, str | Link], root: Path) -> None:
    """Write a fixture's files under ``root`` (paths may climb out of it, never out of its
    parent: a fixture may need a folder beside the one validated)."""
    fence = root.parent.resolve()
    for rel, content in files.items():
        path = root / rel
        if not path.resolve().is_relative_to(fence):
            raise ValueError(f"fixture path {rel!r} leaves its folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            path.symlink_to(content.target)
        else:
            path.write_text(content, encoding="utf-8")
