"""Rule examples as pytest items: ``rules/us/hsr/filing-required.yaml`` yields
``us.hsr.filing-required::<example>`` items, one per example, run by one generic collector;
a definition's file (``rules/de/definitions/concentration.yaml``) yields
``def.de.concentration::<example>`` items.

Only the packs shipped in ``rules/`` are collected (the fixtures of broken packs are part of
their checks, in ``trustbench.rules.checks``). Each rule's examples run against the pack whose
file defines it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from trustbench.rules.examples import ExampleResult, run_definition_example, run_example
from trustbench.rules.loader import RESERVED, LoadedRule, Pack, builtin_dir, load_pack
from trustbench.rules.pack import LoadedDefinition
from trustbench.rules.validate import known_packs

_PACKS: dict[Path, Pack] = {}
_CACHE = tempfile.TemporaryDirectory(prefix="trustbench-tests-")


def pytest_configure(config: pytest.Config) -> None:
    """The suite keeps its pack and template caches in a folder of its own, removed at the
    end: a test run never evicts or rewrites the entries of the user's cache that a command
    or benchmark running at the same time reads, nor reads one a run of another checkout
    wrote (each checkout's run keeps its own)."""
    os.environ["XDG_CACHE_HOME"] = _CACHE.name


def pytest_unconfigure(config: pytest.Config) -> None:
    _CACHE.cleanup()


_BUILTIN = builtin_dir().resolve()


def _pack_for(path: Path) -> Pack | None:
    for parent in path.parents:
        if (parent / "pack.yaml").is_file():
            if parent not in _PACKS:
                _PACKS[parent] = load_pack(parent, known_packs([parent]))
            return _PACKS[parent]
    return None


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix != ".yaml" or not file_path.resolve().is_relative_to(_BUILTIN):
        return None
    if file_path.name in RESERVED and (file_path.parent / "pack.yaml").is_file():
        return None
    return RuleFile.from_parent(parent, path=file_path)


class RuleFile(pytest.File):
    def collect(self) -> Any:
        pack = _pack_for(self.path.resolve())
        if pack is None:
            return
        here = self.path.resolve()
        for loaded in [*pack.own_rules().values(), *pack.own_definitions().values()]:
            if Path(loaded.file).resolve() == here:
                for i, example in enumerate(loaded.rule.examples):
                    yield RuleExample.from_parent(
                        self, name=f"{loaded.id}::{example.name}", loaded=loaded, pack=pack, index=i
                    )


class RuleExample(pytest.Item):
    def __init__(
        self, *, loaded: LoadedRule | LoadedDefinition, pack: Pack, index: int, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.loaded, self.pack, self.index = loaded, pack, index

    def runtest(self) -> None:
        loaded = self.loaded
        result: ExampleResult = (
            run_definition_example(
                loaded, self.pack, loaded.definition.examples[self.index], self.index
            )
            if isinstance(loaded, LoadedDefinition)
            else run_example(loaded, self.pack, loaded.rule.examples[self.index], self.index)
        )
        if not result.passed:
            raise AssertionError(f"{result.file}:{result.line}: {result.message}")

    def reportinfo(self) -> tuple[Path, int, str]:
        line, _ = self.loaded.doc.locate(("examples", self.index))
        return self.path, line - 1, self.name

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        return str(excinfo.value)
