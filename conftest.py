"""Rule examples as pytest items: ``rules/us/hsr/filing-required.yaml`` yields
``us.hsr.filing-required::<example>`` items, one per example, run by one generic collector."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from trustbench.rules.examples import ExampleResult, run_example
from trustbench.rules.loader import RESERVED, LoadedRule, Pack, discover, load_pack

_PACKS: dict[Path, Pack] = {}


def _pack_for(path: Path) -> tuple[Pack, Path] | None:
    for parent in path.parents:
        if (parent / "pack.yaml").is_file():
            if parent not in _PACKS:
                _PACKS[parent] = load_pack(parent, discover([parent.parent, Path("rules")]))
            return _PACKS[parent], parent
    return None


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix != ".yaml" or "rules" not in file_path.parts:
        return None
    if file_path.name in RESERVED and (file_path.parent / "pack.yaml").is_file():
        return None
    return RuleFile.from_parent(parent, path=file_path)


class RuleFile(pytest.File):
    def collect(self) -> Any:
        found = _pack_for(self.path)
        if found is None:
            return
        pack, _ = found
        for loaded in pack.rules.values():
            if Path(loaded.doc.path).resolve() == self.path.resolve() or \
                    Path(loaded.file).resolve() == self.path.resolve():
                for i, example in enumerate(loaded.rule.examples):
                    yield RuleExample.from_parent(self, name=f"{loaded.id}::{example.name}",
                                                  loaded=loaded, pack=pack, index=i)


class RuleExample(pytest.Item):
    def __init__(self, *, loaded: LoadedRule, pack: Pack, index: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.loaded, self.pack, self.index = loaded, pack, index

    def runtest(self) -> None:
        result: ExampleResult = run_example(self.loaded, self.pack,
                                            self.loaded.rule.examples[self.index], self.index)
        if not result.passed:
            raise AssertionError(f"{result.file}:{result.line}: {result.message}")

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.index, self.name

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        return str(excinfo.value)
