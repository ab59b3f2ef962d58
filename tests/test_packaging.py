"""The wheel ships the built-in packs and building it prints no setuptools warning.

Building a wheel in an isolated environment takes about ten seconds, so the test is marked
``slow``: ``make test`` leaves it out and ``make check-wheel`` runs it.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.slow
def test_wheel_ships_every_pack_file_quietly(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    noise = [
        line
        for line in (build.stdout + build.stderr).splitlines()
        if "would be ignored" in line or "BuildBackendWarning" in line
    ]
    assert noise == []
    (wheel,) = tmp_path.glob("trustbench-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = {
        "trustbench/packs/" + p.relative_to(ROOT / "rules").as_posix()
        for p in (ROOT / "rules").rglob("*")
        if p.is_file() and p.suffix in (".yaml", ".md", ".j2")
    }
    assert packs and packs <= names
    assert any(n.startswith("trustbench/report/templates/") for n in names)
