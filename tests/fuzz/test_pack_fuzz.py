"""Fuzzing the rule-pack loader and linter: a mutated rule, parameter or authority file
ends in located diagnostics, never a traceback or a hang."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.mutate import pack_input
from trustbench.errors import TrustbenchError
from trustbench.rules.lint import lint_pack
from trustbench.rules.loader import builtin_dir, load_pack

FILES = sorted(p.relative_to(builtin_dir() / "us") for p in (builtin_dir() / "us").rglob("*.yaml"))


@pytest.fixture(scope="module")
def pack_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("fuzz") / "us"
    shutil.copytree(builtin_dir() / "us", root)
    yield root


def check(root: Path) -> None:
    try:
        pack = load_pack(root)
        for diagnostic in lint_pack(pack):
            assert diagnostic.file and diagnostic.message
    except TrustbenchError as exc:
        rendered = exc.render()
        assert rendered and "Traceback" not in rendered


SEEDS = range(40)
"""A fixed sample replayed on every run; ``python -m tests.fuzz.campaign`` runs more."""


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_pack_files(pack_copy: Path, seed: int) -> None:
    files = [pack_copy / f for f in FILES]
    path, text = pack_input(files, seed)
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(text, encoding="utf-8")
        check(pack_copy)
    finally:
        path.write_text(original, encoding="utf-8")
