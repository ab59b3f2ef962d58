"""``trustbench screen``: a folder of generated deals with broken files screens completely —
a result for every good file, a located error for every broken one, exit 2."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from trustbench.cli import main

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from screen import generate  # noqa: E402


@pytest.fixture(scope="module")
def deals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("deals")
    generate(folder, 12, broken=2)
    return folder


def test_a_folder_with_broken_files_screens_completely(
    deals: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["screen", str(deals), "--format", "csv", "--jobs", "2"])
    out, _ = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    good = {r["file"] for r in rows if r["deal"]}
    bad = {r["file"]: r["error"] for r in rows if r["error"]}
    assert code == 2 and len(good) == 10 and len(bad) == 2 and not good & set(bad)
    for file, error in bad.items():
        assert error.startswith(file + ":") and "error[" in error  # file:line located


def test_table_jsonl_out_and_fail_on(
    deals: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(str(p) for p in deals.glob("*.yaml"))
    good = [
        f
        for f in files
        if "case: [" not in Path(f).read_text() and "13-01" not in Path(f).read_text()
    ]
    code = main(["screen", *good[:3], "--jobs", "1", "--out", str(tmp_path / "out")])
    out, _ = capsys.readouterr()
    assert code == 0 and "3 deals screened, 0 bad files" in out
    written = sorted((tmp_path / "out").glob("*.json"))
    assert len(written) == 3 and json.loads(written[0].read_text())["case"]["id"]
    code = main(["screen", str(deals / "deal-0000*.yaml"), "--format", "jsonl", "-J", "1"])
    lines = [json.loads(line) for line in capsys.readouterr()[0].splitlines()]
    assert lines and all("file" in line for line in lines)
    code = main(["screen", *good[:3], "-J", "1", "--fail-on", "low"])
    assert code == 1


def test_nothing_to_screen_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["screen", str(tmp_path)]) == 2
    assert "no deal files found" in capsys.readouterr().err
