"""docs/writing-rules.md, performed exactly as written: every block after a
``<!-- guide: ACTION [PATH] -->`` marker is a step, done in order in an empty folder.

* ``write PATH`` writes the block to PATH; ``append PATH`` appends it;
* ``run`` runs each ``trustbench …`` line of the block, which must succeed (exit 0);
  ``> FILE`` at the end of a line writes its output to FILE;
* ``sample CODE`` checks that the block's lines are lines of what the registered check CODE's
  fixture prints (shown output is real).
"""

import contextlib
import io
import json
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from trustbench.cli import main
from trustbench.rules.checks import all_checks

ROOT = Path(__file__).parents[2]
GUIDE = ROOT / "docs" / "writing-rules.md"
STEP = re.compile(r"<!-- guide: (\w+)(?: (\S+))? -->\n```\w*\n(.*?)```", re.S)


def steps() -> list[tuple[str, str, str]]:
    return [
        (m.group(1), m.group(2) or "", m.group(3))
        for m in STEP.finditer(GUIDE.read_text(encoding="utf-8"))
    ]


def test_every_marker_is_followed_by_a_block() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert text.count("<!-- guide:") == len(steps())
    actions = [s[0] for s in steps()]
    assert {"write", "append", "run", "sample"} == set(actions) and actions.count("run") >= 4


def _run(line: str, folder: Path) -> None:
    target = None
    if " > " in line:
        line, target = (part.strip() for part in line.split(" > ", 1))
    args = shlex.split(line)
    assert args[0] == "trustbench", line
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args[1:])
    assert code == 0, f"{line}\n{out.getvalue()}{err.getvalue()}"
    if target:
        (folder / target).write_text(out.getvalue(), encoding="utf-8")


def _follow_the_guide(folder: Path) -> None:
    (folder / "cases").mkdir()
    shutil.copy(ROOT / "cases" / "meta-scale-ai.yaml", folder / "cases")
    for action, path, block in steps():
        if action == "write":
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(block, encoding="utf-8")
        elif action == "append":
            with (folder / path).open("a", encoding="utf-8") as handle:
                handle.write(block)
        elif action == "run":
            for line in block.splitlines():
                if line.strip() and not line.startswith("#"):
                    _run(line.strip(), folder)
        elif action == "sample":
            real = {c.code: c for c in all_checks()}[path].fixture.expected.splitlines()
            assert all(line in real for line in block.splitlines()), block
        else:  # pragma: no cover
            raise AssertionError(f"unknown guide action {action!r}")


@pytest.fixture(scope="module")
def guide_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder where every step of the guide was done, once for the module (each step
    asserts what it must as it runs)."""
    folder = tmp_path_factory.mktemp("guide")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        _follow_the_guide(folder)
    yield folder


def test_the_guide_works_as_written(guide_folder: Path) -> None:
    assert "<testsuites" in (guide_folder / "rules-junit.xml").read_text()
    assert (guide_folder / "my-rules" / "northwind" / "pack.yaml").is_file()


def test_the_house_pack_of_the_guide_takes_the_place_of_us(
    guide_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(guide_folder)
    capsys.readouterr()
    assert (
        main(
            [
                "analyze",
                "cases/meta-scale-ai.yaml",
                "--rules",
                "my-rules/northwind",
                "--jurisdiction",
                "us",
                "--format",
                "json",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert '"id": "northwind"' in out and '"rule": "us.house.board-seat-review"' in out
    (us,) = json.loads(out)["jurisdictions"]
    assert "us.hsr.non-voting-stake" not in [f["rule"] for f in us["findings"]]
    assert [d["rule"] for d in us["disabled"]] == ["us.hsr.non-voting-stake"]  # with a reason
    assert us["disabled"][0]["reason"]
