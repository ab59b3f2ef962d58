from pathlib import Path

import pytest

from trustbench.errors import ErrorGroup
from trustbench.model import load_deal
from trustbench.model.types import Money, parse_money, parse_share

MINIMAL = """\
case:
  id: acme
  title: Acme / Widget
  as_of: 2025-06-13
entities:
  - id: acme
    name: Acme
  - id: widget
    name: Widget
transaction:
  acquirer: acme
  target: widget
  steps:
    - kind: acquire_stake
      equity: {equity}
"""


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("USD 14.3bn", 14.3e9, "USD"),
        ("EUR 250m", 250e6, "EUR"),
        ("$1,200,000", 1.2e6, "USD"),
        ("14.3 billion USD", 14.3e9, "USD"),
        ("£70m", 70e6, "GBP"),
        (6e9, 6e9, None),
    ],
)
def test_money_as_lawyers_write_it(text: object, amount: float, currency: str | None) -> None:
    parsed = Money.model_validate(parse_money(text))
    assert parsed.amount == pytest.approx(amount)
    assert parsed.currency == currency


@pytest.mark.parametrize(("text", "share"), [("49%", 0.49), (0.49, 0.49), ("0 %", 0.0), (1, 1.0)])
def test_shares(text: object, share: float) -> None:
    assert parse_share(text) == pytest.approx(share)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deal.yaml"
    path.write_text(text)
    return path


def test_share_above_one_names_file_line_and_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, MINIMAL.format(equity=49))
    with pytest.raises(ErrorGroup) as info:
        load_deal(path)
    assert info.value.render() == (
        "deal.yaml:15:15: error[deal]: transaction.steps[0].equity: expected a share between 0 "
        'and 1, got 49\n  hint: write 49% as 0.49 (or "49%")'
    )


def test_unknown_field_and_reference_errors_are_all_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = MINIMAL.format(equity="49%").replace("  target: widget", "  target: widgt\n  valeu: 1")
    path = _write(tmp_path, text)
    with pytest.raises(ErrorGroup) as info:
        load_deal(path)
    assert info.value.render() == (
        "deal.yaml:13:3: error[deal]: unknown key 'valeu' in transaction\n"
        "  hint: did you mean 'value'?"
    )
    path = _write(tmp_path, MINIMAL.format(equity="49%").replace("target: widget", "target: widgt"))
    with pytest.raises(ErrorGroup) as info:
        load_deal(path)
    assert info.value.render() == (
        "deal.yaml:12:11: error[deal]: transaction.target: unknown entity 'widgt'\n"
        "  hint: did you mean 'widget'?"
    )


def test_non_voting_stake_carries_no_votes(tmp_path: Path) -> None:
    text = MINIMAL.format(equity="49%") + "      class: non-voting\n"
    deal = load_deal(_write(tmp_path, text))
    step = deal.transaction.steps[0]
    assert step.voting == 0.0  # type: ignore[union-attr]


def test_seed_case_loads() -> None:
    deal = load_deal(Path(__file__).parents[1] / "cases" / "meta-scale-ai.yaml")
    assert deal.case.id == "meta-scale-ai"
    assert {e.id for e in deal.entities} >= {"meta", "scale-ai", "alexandr-wang", "google"}
