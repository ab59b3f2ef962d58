"""Non-negotiables of DESIGN.md: no network, determinism, atomic writes."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import refuse_network
from trustbench.cli import main

ROOT = Path(__file__).parents[1]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"


def test_no_network_for_analyze_and_memo(
    seed_pdfs: tuple[bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_network(monkeypatch)
    assert main(["analyze", str(SEED), "--format", "json"]) == 0
    # the PDF memo renders the HTML memo and is where anything could be fetched: the seed
    # memos are rendered with the same refusal (tests/conftest.py)
    assert all(pdf.startswith(b"%PDF") for pdf in seed_pdfs)


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "trustbench", *args],
        capture_output=True,
        env={**os.environ, **env},
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def test_json_is_identical_across_hash_seeds() -> None:
    outputs = {
        _run(["analyze", str(SEED), "--format", "json"], {"PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "1", "4242")
    }
    assert len(outputs) == 1
    assert next(iter(outputs)).startswith(b"{")


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX file-size limits")
def test_killed_memo_leaves_no_partial_file(tmp_path: Path) -> None:
    """The memo's write dies midway: a file-size limit (RLIMIT_FSIZE) well below the memo's
    size makes the operating system refuse the rest once that much is written, whatever the
    code writes with (Python ignores SIGXFSZ, so the write fails with EFBIG). The target keeps
    its previous content, and no temporary file is left. The seed memo's HTML is
    several times the limit; were it ever smaller, the write would succeed and the first
    assertion fail, so the test cannot pass without the fault."""
    import resource

    limit = 64 * 1024
    target = tmp_path / "memo.html"
    target.write_bytes(b"previous complete report")

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [sys.executable, "-m", "trustbench", "memo", str(SEED), "--html", "-o", str(target)],
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        preexec_fn=limit_file_size,
        timeout=300,
        check=False,
    )
    died = proc.stderr.decode()  # the write died midway, and says so as a located user error
    assert proc.returncode == 2 and os.strerror(errno.EFBIG) in died, died

    assert target.read_bytes() == b"previous complete report"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.html"]
