"""Fuzzing the deal loader and the analysis behind it: every malformed file ends in a
trustbench error with a location (or a clear limit), never a traceback or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.mutate import deal_input, seed_documents
from trustbench.analysis import evaluate, load_packs
from trustbench.errors import TrustbenchError
from trustbench.model.load import deal_from_document
from trustbench.sources import parse_document

DOCS = seed_documents()
PACKS = load_packs(["us"])


def check(text: str) -> str:
    """Load and analyse; return 'ok' or 'error'. Anything else raised is a bug."""
    try:
        deal = deal_from_document(parse_document(text, "fuzz.yaml"))
    except TrustbenchError as exc:
        rendered = exc.render()
        assert rendered.startswith("fuzz.yaml"), rendered
        assert "Traceback" not in rendered
        return "error"
    try:
        evaluate(deal, PACKS)
    except TrustbenchError as exc:
        assert exc.render()
        return "error"
    return "ok"


SEEDS = range(120)
"""A fixed sample the suite replays on every run (a few seconds). Longer and fresh runs:
``python -m tests.fuzz.campaign`` (see its docstring)."""


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_deal_files(seed: int) -> None:
    check(deal_input(DOCS, seed))


@pytest.mark.parametrize(
    "text",
    [
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"b{i}: &b{i} [" + ", ".join([f"*{'a' if i == 0 else f'b{i - 1}'}"] * 9) + "]\n"
            for i in range(9)
        ),
        "case: " + "[" * 5000 + "]" * 5000 + "\n",
        "case: {" * 300 + "}" * 300 + "\n",
        "case: !!python/object/new:os.system [echo pwned]\n",
        "\ufeffcase: {id: x}\n",
        "",
        "---\n...\n",
        "[1, 2, 3]\n",
        "case:\n  id: x\n  id: y\n",
    ],
)
def test_hostile_documents(text: str) -> None:
    assert check(text) == "error"


CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.yaml"))


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_files_are_rejected_with_a_location(path: Path) -> None:
    from trustbench.model import load_deal

    with pytest.raises(TrustbenchError) as info:
        load_deal(path)
    rendered = info.value.render()
    assert path.name in rendered and "Traceback" not in rendered
