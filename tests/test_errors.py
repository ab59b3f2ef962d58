"""The helpers every error message uses: did-you-mean and the dotted path."""

import difflib

import pytest

from trustbench.errors import POOL, did_you_mean, dotted


def test_dotted_paths_read_as_users_write_them() -> None:
    assert dotted(("transaction", "steps", 0, "voting")) == "transaction.steps[0].voting"
    assert dotted(()) == "(top level)"


@pytest.mark.parametrize("size", [5, 500, 4000])
def test_did_you_mean_finds_the_typo_among_many(size: int) -> None:
    candidates = [f"source-{i:04d}" for i in range(size)] + ["stake.voting"]
    assert did_you_mean("stake.votng", candidates) == "did you mean 'stake.voting'?"
    assert did_you_mean(f"source-{size - 1:04d}x", candidates) == (
        f"did you mean 'source-{size - 1:04d}'?"
    )
    assert did_you_mean("qqqqqqqq", candidates) is None


def test_did_you_mean_compares_a_bounded_number_of_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """4,000 unknown names against 4,000 sources must not be 16 million comparisons."""
    calls = 0
    ratio = difflib.SequenceMatcher.ratio

    def counted(self: difflib.SequenceMatcher[str]) -> float:
        nonlocal calls
        calls += 1
        return ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    sources = [f"s{i}" for i in range(4000)]
    for i in range(100):
        did_you_mean(f"s{i}x", sources)
    assert calls <= 100 * 2 * POOL  # difflib computes the ratio twice for a close match
