"""`uses:` — a pack reads another pack's definitions, parameters and authorities (never its
rules): the German pack's one-stop shop reads the EU pack's EU dimension (§ 35(3) GWB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.analysis import evaluate, load_packs
from trustbench.errors import ErrorGroup
from trustbench.model.load import deal_from_document
from trustbench.rules.loader import builtin_dir, load_pack
from trustbench.rules.validate import known_packs
from trustbench.sources import parse_document
from trustbench.summary import summary_of


def test_the_german_pack_reads_the_eu_dimension_but_runs_no_eu_rule() -> None:
    de = load_pack(builtin_dir() / "de", known_packs([]))
    assert "def.eu.eu_dimension" in de.definitions
    assert "art1_3_member_states" in de.params
    assert not [r for r in de.rules if r.startswith("eu.")]
    assert set(de.own_definitions()) == {d for d in de.definitions if d.startswith("def.de.")}


def test_an_unknown_used_pack_is_located(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "id: house\njurisdiction: de\nname: House\nversion: '1'\nuses: [ue]\n"
    )
    with pytest.raises(ErrorGroup) as caught:
        load_pack(folder, known_packs([]))
    (item,) = caught.value.items
    assert (item.line, item.code) == (5, "TB101")
    assert item.message == "uses unknown pack 'ue'"


DEAL = """\
case: {id: oss, title: One-stop shop, as_of: 2025-06-13, jurisdictions: [de]}
entities:
  - id: a
    name: A
    revenues:
      - {geography: worldwide, amount: EUR 10bn, fiscal_year: 2024}
      - {geography: EU, amount: EUR 2bn, fiscal_year: 2024}
      - {geography: DE, amount: EUR 500m, fiscal_year: 2024}
      - {geography: FR, amount: EUR 1.5bn, fiscal_year: 2024}
  - id: t
    name: T
    revenues:
      - {geography: worldwide, amount: EUR 1bn, fiscal_year: 2024}
      - {geography: EU, amount: EUR 400m, fiscal_year: 2024}
      - {geography: DE, amount: EUR 100m, fiscal_year: 2024}
TARGET_SPLIT
  - {id: s, name: S}
holdings:
  - {holder: s, issuer: t, equity: 100%, class: voting}
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_stake, equity: 100%, class: voting, seller: s}]
"""


def _german(split: str) -> dict[str, str]:
    text = DEAL.replace("TARGET_SPLIT", split)
    deal = deal_from_document(parse_document(text, "oss.yaml"))
    (result,) = evaluate(deal, load_packs(["de"])).results
    statuses = {f.rule: f.status for f in result.findings}
    return {
        "notification": summary_of(result).notification,
        "one-stop-shop": statuses["de.filing.one-stop-shop"],
        "thresholds": statuses["de.thresholds.turnover"],
    }


def test_an_eu_dimension_takes_the_deal_out_of_german_merger_control() -> None:
    split = "      - {geography: IT, amount: EUR 300m, fiscal_year: 2024}"
    assert _german(split) == {
        "notification": "no",
        "one-stop-shop": "triggered",
        "thresholds": "triggered",
    }


def test_an_open_eu_dimension_leaves_the_german_answer_open() -> None:
    # the target's split by Member State is partial: the two-thirds rule stays open
    assert _german("") == {
        "notification": "open",
        "one-stop-shop": "unknown",
        "thresholds": "triggered",
    }
