"""Fuzzing the rule-pack loader and linter: a mutated rule, parameter or authority file
ends in located diagnostics, never a traceback or a hang."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.mutate import dump, mutate_data, mutate_text
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


@settings(
    max_examples=250, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)
@given(st.integers(0, 2**32 - 1))
def test_mutated_pack_files(pack_copy: Path, seed: int) -> None:
    rng = random.Random(seed)
    path = pack_copy / FILES[rng.randrange(len(FILES))]
    original = path.read_text(encoding="utf-8")
    try:
        if rng.random() < 0.5:
            text = mutate_text(original, rng)
        else:
            text = dump(mutate_data(yaml.safe_load(original), rng, rng.randrange(1, 4)))
        path.write_text(text, encoding="utf-8")
        check(pack_copy)
    finally:
        path.write_text(original, encoding="utf-8")
