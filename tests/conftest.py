"""Fixtures shared across the suite's modules: the seed case's memo PDF is rendered (twice,
for the reproducibility check, with the network refused) and its text extracted once per
run, not once per module."""

from __future__ import annotations

import socket
from io import BytesIO
from pathlib import Path

import pytest

from trustbench.cli import main

SEED = Path(__file__).parents[1] / "cases" / "meta-scale-ai.yaml"
EPOCH = "1764223200"  # 2025-11-27 06:00:00 UTC


def refuse_network(mp: pytest.MonkeyPatch) -> None:
    """Creating any socket fails (subclasses such as ssl.SSLSocket included)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: socket{args}")

    mp.setattr(socket.socket, "__init__", refuse)
    mp.setattr(socket, "create_connection", refuse)
    mp.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(scope="session")
def seed_pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """The seed memo (every jurisdiction of the case) rendered twice by `trustbench memo`
    with SOURCE_DATE_EPOCH set, and with every way to open a socket refused (the PDF memo
    renders the HTML memo and is where anything could be fetched): a render that tried
    fails here (tests/test_hardening.py::test_no_network_for_analyze_and_memo)."""
    out = tmp_path_factory.mktemp("seed")
    pdfs = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        refuse_network(mp)
        for name in ("a.pdf", "b.pdf"):
            assert main(["memo", str(SEED), "-o", str(out / name)]) == 0
            pdfs.append((out / name).read_bytes())
    return pdfs[0], pdfs[1]


@pytest.fixture(scope="session")
def seed_pages(seed_pdfs: tuple[bytes, bytes]) -> list[str]:
    """The text of each page of the seed memo, whitespace folded."""
    from pypdf import PdfReader

    return [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(seed_pdfs[0])).pages]
