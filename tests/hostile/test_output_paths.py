"""Where `memo` writes: never through a planted symlink, never into a folder, FIFO or device,
always a clear exit-2 message for an impossible -o, file names within file-system limits."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from trustbench.cli import main
from trustbench.sources import NAME_MAX, atomic_write, output_name

from .conftest import SEED


def _memo(args: list[str]) -> int:
    return main(["memo", str(SEED), "--html", *args])


def test_a_planted_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir()
    victim.write_text("precious", encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    link = reports / "meta-scale-ai.html"
    link.symlink_to(victim)
    assert _memo(["-o", str(link)]) == 0
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("<!DOCTYPE")
    assert sorted(p.name for p in reports.iterdir()) == ["meta-scale-ai.html"]


def test_atomic_write_replaces_a_dangling_symlink_itself(tmp_path: Path) -> None:
    link = tmp_path / "memo.pdf"
    link.symlink_to(tmp_path / "nowhere" / "x.pdf")
    atomic_write(link, b"%PDF")
    assert not link.is_symlink() and link.read_bytes() == b"%PDF"
    assert not (tmp_path / "nowhere").exists()


def _refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert _memo(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    return err


def test_o_naming_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["-o", str(tmp_path)], capsys)
    assert err == (
        f"{tmp_path}: error[input]: the output path is a folder\n"
        "  hint: give -o a file name, such as reports/memo.pdf\n"
    )


def test_o_empty(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["-o", ""], capsys)
    assert err.startswith(".: error[input]: the output path is a folder\n")


def test_o_too_long(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["-o", str(tmp_path / ("m" * 300 + ".html"))], capsys)
    assert "the output file name is 305 bytes long; file systems allow 255" in err
    assert len(err) < 400  # the long name itself is cut
    assert list(tmp_path.iterdir()) == []


def test_o_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "memo.html"
    os.mkfifo(fifo)
    err = _refused(["-o", str(fifo)], capsys)
    assert "the output path is not a regular file (a FIFO, device or socket)" in err


def test_o_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["-o", "/dev/null"], capsys)
    assert "/dev/null: error[input]: the output path is not a regular file" in err


def test_o_inside_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    err = _refused(["-o", str(tmp_path / "file" / "memo.html")], capsys)
    assert "cannot write the output file: " in err


def test_case_id_file_names_fit_the_file_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_id = "a" * 300
    name = output_name(long_id, ".pdf")
    assert len(name.encode()) == NAME_MAX and name.endswith(".pdf")
    assert output_name(long_id + "b", ".pdf") != name  # still one file per case
    assert output_name("meta-scale-ai", ".pdf") == "meta-scale-ai.pdf"
    deal = tmp_path / "deal.yaml"
    text = SEED.read_text(encoding="utf-8")
    deal.write_text(text.replace("id: meta-scale-ai", f"id: {long_id}", 1), encoding="utf-8")
    assert f"id: {long_id}" in deal.read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["memo", str(deal), "--html"]) == 0
    assert [p.name for p in (tmp_path / "reports").iterdir()] == [output_name(long_id, ".html")]
    shutil.rmtree(tmp_path / "reports")


def test_a_planted_reports_folder_link_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # someone else made ./reports a link to their folder: the default memo must not go there
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    (work / "reports").symlink_to(elsewhere)
    monkeypatch.chdir(work)
    err = _refused([], capsys)
    assert err == (
        f"reports: error[input]: the default output folder is a symlink (reports -> {elsewhere}); "
        "refusing to write through it\n"
        "  hint: remove the link and let trustbench create the folder, or name the output with -o\n"
    )
    assert list(elsewhere.iterdir()) == []
    (work / "reports").unlink()
    assert _memo([]) == 0  # a real folder (created on demand) is written to
    assert [p.name for p in (work / "reports").iterdir()] == ["meta-scale-ai.html"]
