"""The deal format's newer parts: bounds, numbers, jurisdictions, references, share counts,
timeline vocabulary and plausibility warnings — each with its located message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from trustbench.analysis import load_packs
from trustbench.errors import ErrorGroup, TrustbenchError
from trustbench.model import load_deal
from trustbench.model.bounded import MoneyBound
from trustbench.model.bounds import Range, monotone, plus
from trustbench.model.plausibility import plausibility
from trustbench.model.types import parse_count_or_bound, parse_money_or_bound, parse_share_or_bound
from trustbench.sources import read_text

HEAD = """\
case:
  id: acme
  title: Acme / Widget
  as_of: 2025-06-13
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
transaction: {acquirer: acme, target: widget}
"""


def _load(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deal.yaml").write_text(text, encoding="utf-8")
    return load_deal(Path("deal.yaml"))


def _error(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> str:
    with pytest.raises(TrustbenchError) as info:
        _load(tmp_path, text, monkeypatch)
    return info.value.render()


# -- bounds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("60-70%", Range(0.6, 0.7, text="60-70%")),
        ("at most 7 %", Range(hi=0.07, text="at most 7 %")),
        ("< 5%", Range(hi=0.05, hi_open=True, text="< 5%")),
        ("more than 25%", Range(lo=0.25, lo_open=True, text="more than 25%")),
        ({"min": 0.6, "max": "70%"}, Range(0.6, 0.7, text="0.6–70%")),
        ("49%", 0.49),
        (0.49, 0.49),
    ],
)
def test_share_bounds(text: object, expected: object) -> None:
    assert parse_share_or_bound(text) == expected


def test_money_bounds_keep_currency_and_text() -> None:
    below = parse_money_or_bound("< GBP 70m")
    assert below == MoneyBound(range=Range(hi=70e6, hi_open=True, text="< GBP 70m"), currency="GBP")
    span = parse_money_or_bound("GBP 60-70m")
    assert isinstance(span, MoneyBound) and span.range.lo == 60e6 and span.range.hi == 70e6
    assert parse_money_or_bound({"min": "EUR 1bn", "max": 2e9, "currency": "EUR"}) == MoneyBound(
        range=Range(1e9, 2e9, text="EUR 1bn–2000000000.0"), currency="EUR"
    )


def test_count_bounds() -> None:
    assert parse_count_or_bound("> 1,000,000") == Range(lo=1e6, lo_open=True, text="> 1,000,000")
    assert parse_count_or_bound("1,200") == 1200


def test_sums_keep_the_bound_or_become_unknown() -> None:
    assert plus(1e9, Range(hi=70e6, hi_open=True, text="< 70m")) == Range(hi=1.07e9, hi_open=True)
    assert plus(Range(lo=1.0), Range(hi=2.0)) is None
    delta = monotone(lambda a, b: 2 * a * b, 0.3, Range(0.1, 0.2))
    assert isinstance(delta, Range)
    assert (delta.lo, delta.hi) == (pytest.approx(0.06), pytest.approx(0.12))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"70-60%"', "the lower bound 0.7 is above the upper bound 0.6"),
        ('"< lots"', "expected a share between 0 and 1, got 'lots'"),
        ("{min: 0.2, most: 0.3}", "expected a bound {min: ..., max: ...}"),
    ],
)
def test_malformed_bounds_are_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    text = HEAD + f"holdings:\n  - {{holder: acme, issuer: widget, equity: {value}}}\n"
    rendered = _error(tmp_path, text, monkeypatch)
    assert rendered.startswith("deal.yaml:10:44: error[deal]: holdings[0].equity: ")
    assert message in rendered


# -- numbers -----------------------------------------------------------------------------------


def test_integer_beyond_the_digit_limit_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = HEAD.replace("{id: widget, name: Widget}", "{id: widget, name: Widget, employees: ")
    text = text.replace("employees: \n", "employees: " + "9" * 5000 + "}\n")
    assert _error(tmp_path, text, monkeypatch) == (
        "deal.yaml:7:43: error[input]: number 9999999999999999999999999999999999999... is too "
        "large (limit: about 1.8e308)\n"
        "  hint: write amounts with a scale, e.g. USD 14.3bn; no real figure is this large"
    )


@pytest.mark.parametrize("literal", ["1e400", "-1e400", "1" + "0" * 320])
def test_numbers_too_large_for_a_float_are_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, literal: str
) -> None:
    text = HEAD + f"fx: [{{from: EUR, to: USD, rate: {literal}, date: 2025-01-01}}]\n"
    assert "deal.yaml:9:33: error[input]: number " in _error(tmp_path, text, monkeypatch)


@pytest.mark.parametrize("literal", ["NaN", "nan", "Infinity", "-inf"])
def test_nan_and_infinity_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, literal: str
) -> None:
    text = HEAD + f"fx: [{{from: EUR, to: USD, rate: {literal}, date: 2025-01-01}}]\n"
    assert _error(tmp_path, text, monkeypatch) == (
        f"deal.yaml:9:33: error[deal]: fx[0].rate: expected a finite number, got '{literal}'\n"
        "  hint: NaN and infinity are not figures; leave the field out if it is unknown"
    )


def test_size_limit_names_the_file_and_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("x" * 2048)
    with pytest.raises(TrustbenchError) as info:
        read_text(path, limit=1024)
    assert "big.yaml is 2,048 bytes; the limit for an input file is 1,024 bytes" in str(info.value)


# -- jurisdictions -----------------------------------------------------------------------------


def test_repeated_jurisdiction_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = HEAD.replace("as_of: 2025-06-13", "as_of: 2025-06-13\n  jurisdictions: [us, eu, us]")
    assert _error(tmp_path, text, monkeypatch) == (
        "deal.yaml:5:27: error[deal]: case.jurisdictions[2]: jurisdiction 'us' is listed twice "
        "(first as entry 0)\n  hint: list each jurisdiction once"
    )


def test_two_thousand_repeats_are_quick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codes = ", ".join(["us"] * 2000)
    text = HEAD.replace("as_of: 2025-06-13", f"as_of: 2025-06-13\n  jurisdictions: [{codes}]")
    start = time.perf_counter()
    with pytest.raises(ErrorGroup) as info:
        _load(tmp_path, text, monkeypatch)
    assert time.perf_counter() - start < 2.0
    assert len(info.value.diagnostics) == 1999


def test_unknown_jurisdiction_points_at_its_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = HEAD.replace("as_of: 2025-06-13", "as_of: 2025-06-13\n  jurisdictions: [us, xx]")
    deal = _load(tmp_path, text, monkeypatch)
    with pytest.raises(TrustbenchError) as info:
        load_packs(deal.case.jurisdictions, deal=deal)  # type: ignore[attr-defined]
    assert info.value.render().startswith(
        "deal.yaml:5:23: error[input]: case.jurisdictions[1]: no rule pack for jurisdiction 'xx'"
    )


# -- references, share counts, timeline ----------------------------------------------------------


def test_a_new_field_with_a_reference_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = HEAD + "timeline:\n  - {date: 2025-07-01, type: veto_used, by: acmee}\n"
    assert _error(tmp_path, text, monkeypatch) == (
        "deal.yaml:10:45: error[deal]: timeline[0].by: unknown entity 'acmee'\n"
        "  hint: did you mean 'acme'?"
    )


def test_share_counts_give_the_equity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = HEAD.replace("name: Widget}", "name: Widget, shares_outstanding: 4_000}")
    deal = _load(
        tmp_path, text + "holdings: [{holder: acme, issuer: widget, shares: 1_000}]\n", monkeypatch
    )
    holding = deal.holdings[0]  # type: ignore[attr-defined]
    assert (holding.equity, holding.voting) == (0.25, 0.25)
    missing = HEAD + "holdings: [{holder: acme, issuer: widget, shares: 1_000}]\n"
    assert "a share count needs the issuer's shares_outstanding" in _error(
        tmp_path, missing, monkeypatch
    )


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ("{date: 2025-07-01, type: clearence, jurisdiction: eu}", "did you mean 'clearance'?"),
        ("{date: 1899-12-31, type: signing}", "date 1899-12-31 is before 1900"),
        ("{date: 2025-07-01, type: filing}", "a filing event needs a jurisdiction"),
    ],
)
def test_timeline_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, event: str, message: str
) -> None:
    rendered = _error(tmp_path, HEAD + f"timeline:\n  - {event}\n", monkeypatch)
    assert rendered.startswith("deal.yaml:10:") and message in rendered


# -- warnings ------------------------------------------------------------------------------------


def test_plausibility_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        HEAD.replace(
            "{id: widget, name: Widget}",
            "{id: widget, name: Widget}\n"
            '  - {id: fake, name: "Widgеt"}\n  - {id: rtl, name: "Ev\u202eil"}',
        )
        + "sources: [{id: later, title: Decision, date: 2026-01-01}]\n"
        "rights: [{holder: acme, issuer: widget, kind: veto, matters: [annual budget], "
        "source: later}]\n"
        "markets:\n  - id: m\n    name: Widgets\n    participants:\n"
        "      - {entity: acme, share: 70%}\n      - {entity: widget, share: '40-50%'}\n"
    )
    deal = _load(tmp_path, text, monkeypatch)
    messages = [w.render() for w in plausibility(deal)]  # type: ignore[arg-type]
    assert all(": warning[deal]: " in m for m in messages)
    joined = "\n".join(messages)
    assert "entities[2].name: the name looks the same as entity 'widget'" in joined
    assert "entities[3].name: the name contains invisible or text-direction characters" in joined
    assert "rights[0].matters[0]: veto matter 'annual budget'" in joined
    assert "hint: did you mean 'budget'?" in joined
    assert "rights[0].source: source 'later' is dated 2026-01-01, after the case's as_of" in joined
    assert "markets[0].participants: the shares of Widgets add up to at least 110.0%" in joined
    assert len(messages) == 5


def test_cases_raise_no_warning_but_late_sources() -> None:
    root = Path(__file__).parents[1] / "cases"
    for case in sorted(root.glob("*.yaml")):
        for warning in plausibility(load_deal(case)):
            assert "after the case's as_of date" in warning.message, warning.render()


def test_thousands_of_unknown_references_stay_quick(tmp_path: Path) -> None:
    """Issue 17: did-you-mean over 4,000 ids for 4,000 unknown references was quadratic."""
    lines = ["case: {id: x, title: X, as_of: 2025-01-01}", "sources:"]
    lines += [f"  - {{id: src-{i:05d}, title: T}}" for i in range(4000)]
    lines += ["entities:", "  - {id: a, name: A}", "  - {id: b, name: B}"]
    lines += [f"  - {{id: e{i}, name: E, source: srx-{i:05d}}}" for i in range(4000)]
    lines += ["transaction: {acquirer: a, target: b}"]
    path = tmp_path / "refs.yaml"
    path.write_text("\n".join(lines) + "\n")
    start = time.process_time()
    with pytest.raises(ErrorGroup) as info:
        load_deal(path)
    assert time.process_time() - start < 10.0
    hints = [d.hint for d in info.value.diagnostics]
    assert len(hints) == 4000
    assert sum(h is not None and h.startswith("did you mean") for h in hints) == 50


def test_an_asset_step_reads_as_a_sentence() -> None:
    from trustbench.model.transaction import AcquireAssets

    step = AcquireAssets.model_validate(
        {
            "kind": "acquire_assets",
            "assets": ["ip", "staff"],
            "seller": "gadget",
            "value": "EUR 40m",
        }
    )
    assert (
        str(step)
        == "Acquisition of assets (intellectual property and staff) from gadget for EUR 40m."
    )
