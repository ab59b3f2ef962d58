"""The compiled-template cache: used from a private folder, never from a shared one, off
with TRUSTBENCH_NO_CACHE; a memo rendered from it is the memo rendered without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from trustbench.report import render_html
from trustbench.report.bytecode import bytecode_cache

from .fixtures import sample_context


def test_templates_compile_once_then_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRUSTBENCH_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = render_html(sample_context())
    entries = list((tmp_path / "trustbench" / "templates").rglob("*.jinja"))
    assert entries, "no compiled template was kept"
    assert render_html(sample_context()) == first
    monkeypatch.setenv("TRUSTBENCH_NO_CACHE", "1")
    assert render_html(sample_context()) == first


def test_no_cache_when_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("TRUSTBENCH_NO_CACHE", "1")
    assert bytecode_cache() is None
    assert not (tmp_path / "trustbench").exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled code is executed: a cache someone else could write to is never read."""
    monkeypatch.delenv("TRUSTBENCH_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert bytecode_cache() is not None
    (folder,) = (tmp_path / "trustbench" / "templates").iterdir()
    folder.chmod(0o777)
    assert bytecode_cache() is None
