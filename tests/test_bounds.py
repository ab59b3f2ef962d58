"""Range: comparisons decided where the bound suffices, open otherwise."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustbench.model.bounds import Range


@pytest.mark.parametrize(
    ("rng", "op", "other", "expected"),
    [
        (Range(hi=70e6, hi_open=True, text="< GBP 70m"), ">", 100e6, False),
        (Range(hi=70e6, hi_open=True), "<", 100e6, True),
        (Range(hi=70e6, hi_open=True), ">", 50e6, None),
        (Range(lo=0.6, hi=0.7), ">", 0.5, True),
        (Range(lo=0.6, hi=0.7), ">=", 0.65, None),
        (Range(lo=0.6, hi=0.7), "<", 0.6, False),
        (Range(lo=400e6, lo_open=True), ">", 400e6, True),
        (Range(lo=400e6, lo_open=True), ">=", 400e6, True),
        (Range(lo=400e6), ">", 400e6, None),
        (Range(hi=0.07), "<=", 0.07, True),
        (Range(hi=0.07, hi_open=True), "<", 0.07, True),
        (Range(lo=0.6, hi=0.7), "==", 0.8, False),
        (Range(lo=0.6, hi=0.7), "!=", 0.8, True),
        (Range(lo=0.6, hi=0.7), "==", 0.65, None),
    ],
)
def test_compare(rng: Range, op: str, other: float, expected: bool | None) -> None:
    assert rng.compare(op, other) is expected


finite = st.floats(-1e12, 1e12, allow_nan=False)


@given(finite, finite, finite, st.sampled_from(["<", "<=", ">", ">="]))
def test_decided_answers_hold_for_every_value_inside(a: float, b: float, x: float, op: str) -> None:
    lo, hi = sorted((a, b))
    rng = Range(lo, hi)
    verdict = rng.compare(op, x)
    ends = {Range(lo, lo).compare(op, x), Range(hi, hi).compare(op, x)}
    if verdict is not None:
        assert ends == {verdict}
    else:
        assert ends == {True, False}


def test_bad_ranges_are_refused() -> None:
    with pytest.raises(ValueError):
        Range()
    with pytest.raises(ValueError):
        Range(lo=2, hi=1)
    with pytest.raises(ValueError):
        Range(lo=float("nan"))


@pytest.mark.parametrize(
    ("mapping", "shown"),
    [
        ({"max": 0.07}, "≤ 0.07"),
        ({"max": 0.07, "max_open": True}, "< 0.07"),
        ({"min": 0.6}, "≥ 0.6"),
        ({"min": 0.6, "min_open": True}, "> 0.6"),
        ({"min": 0.6, "max": 0.7}, "0.6–0.7"),
    ],
)
def test_a_mapping_bound_is_shown_as_written(mapping: dict[str, object], shown: str) -> None:
    """A strict bound written as a mapping reads "<" / ">", not "≤" / "≥"."""
    from trustbench.model.bounded import text_of

    assert text_of(mapping) == shown
