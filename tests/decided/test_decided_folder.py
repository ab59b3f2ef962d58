"""The scoreboard never prints an empty table for a folder that holds no decided cases (a
relative path read from another working directory printed "0 of 0" once)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from trustbench.decided import load_cases
from trustbench.errors import TrustbenchError

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("make", [False, True], ids=["missing", "empty"])
def test_a_folder_without_decided_cases_is_an_error(tmp_path: Path, make: bool) -> None:
    folder = tmp_path / "decided"
    if make:
        folder.mkdir()
    with pytest.raises(TrustbenchError) as info:
        load_cases(folder)
    assert "no decided cases" in info.value.render()


def test_the_benchmark_names_the_folder_it_could_not_read(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "decided.py"), "cases/decided"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.startswith("cases/decided: error[input]: no decided cases: no such folder")
