"""End to end on the seed case: analyze --format json (the contract) and memo (the PDF).

The expected US outcome is what a careful associate concludes from the facts in the file
(legal.md §9.3), not what the tool happens to print.
"""

import json
from pathlib import Path

import pytest

from trustbench.cli import main

ROOT = Path(__file__).parents[1]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"

EXPECTED_US = {
    # non-voting stake: no acquisition of voting securities, no HSR filing
    "us.hsr.filing-required": "not_triggered",
    "us.hsr.non-voting-stake": "triggered",
    # stake + hire of the CEO who keeps his seat: flag the anti-avoidance rule
    "us.hsr.avoidance-device": "triggered",
    # Meta and Scale do not compete in any market of the file
    "us.clayton8.interlock": "not_triggered",
    # no market of the file has both parties active, so ΔHHI is zero (shares are unknown,
    # but 2·s1·s2 with one share nil is nil)
    "us.mg2023.g1-structural-presumption": "not_triggered",
    # Scale supplies Google, Microsoft, OpenAI and xAI, Meta's rivals
    # G5(A) as ability / incentive / effect: the file shows the supply and the stake, not
    # whether the rivals can do without Scale, so the limbs stay open.
    "us.mg2023.g5a-limiting-access": "unknown",
    "us.mg2023.g5b-sensitive-information": "triggered",
    # Meta's Chief AI Officer sits on Scale's board
    "us.mg2023.g11-influence": "triggered",
    "us.mg2023.g11-reduced-incentive": "not_triggered",
    "us.mg2023.g11-information": "triggered",
    "us.mg2023.g11-mhhi": "not_triggered",
}


@pytest.fixture(scope="module")
def analysis_json() -> dict:  # type: ignore[type-arg]
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["analyze", str(SEED), "--jurisdiction", "us", "--format", "json"])
    assert code == 0
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


FACTORS = {
    "filing",
    "control",
    "minority-stake",
    "board",
    "vertical",
    "information",
    "horizontal",
    "personnel",
}
"""The factors of DESIGN.md ("Rule packs")."""


def test_json_follows_the_contract(analysis_json: dict) -> None:  # type: ignore[type-arg]
    """DESIGN.md "Interfaces": every key, with values that agree with the deal file, the
    package and the pack they come from."""
    from trustbench.analysis import load_packs
    from trustbench.facts import REGISTRY
    from trustbench.model import load_deal
    from trustbench.version import __version__

    deal = load_deal(SEED)
    as_of = deal.case.as_of.isoformat()
    assert analysis_json["case"] == {"id": deal.case.id, "title": deal.case.title, "as_of": as_of}
    assert analysis_json["trustbench"] == __version__
    (us,) = analysis_json["jurisdictions"]
    (pack,) = load_packs(["us"])
    assert (us["id"], us["name"]) == ("us", pack.manifest.name)
    assert isinstance(us["score"], int | float) and not isinstance(us["score"], bool)
    assert us["band"] in {b.band for b in pack.manifest.bands}
    rules = {rid: r for rid, r in pack.rules.items() if rid not in pack.disabled}
    for finding in us["findings"]:
        rule = rules[finding["rule"]].rule
        assert (finding["title"], finding["factor"]) == (rule.title, rule.factor)
        assert finding["factor"] in FACTORS
        assert finding["status"] in ("triggered", "not_triggered", "unknown")
        assert finding["weight"] == rule.weight
        assert finding["text"].strip() and "{" not in finding["text"], finding["rule"]
        assert finding["cites"] and set(finding["cites"]) <= set(pack.authorities)
        assert set(finding["facts"]) <= set(REGISTRY.names()), finding["rule"]
        assert set(finding["missing"]) <= set(finding["facts"]) | set(finding["params"])
        parts = [finding, *finding.get("instances", [])]  # market rules: one per market
        unknown = {n for part in parts for n, v in part["facts"].items() if v is None}
        assert {m for m in finding["missing"] if m in REGISTRY} <= unknown, finding["rule"]
        for name, param in finding["params"].items():
            assert name.startswith("params.") and set(param) == {"value", "effective"}
            assert param["effective"] <= as_of  # resolved as of the case date
    rules_seen = [f["rule"] for f in us["findings"]]
    assert rules_seen == sorted(rules_seen)
    assert set(rules_seen) == set(rules)  # every active rule reports, none twice


def test_us_findings_are_what_an_associate_concludes(analysis_json: dict) -> None:  # type: ignore[type-arg]
    (us,) = analysis_json["jurisdictions"]
    statuses = {f["rule"]: f["status"] for f in us["findings"]}
    assert {rule: statuses.get(rule) for rule in EXPECTED_US} == EXPECTED_US
    assert us["filing"] == "no"


def test_unknown_findings_name_their_missing_facts(analysis_json: dict) -> None:  # type: ignore[type-arg]
    (us,) = analysis_json["jurisdictions"]
    for finding in us["findings"]:
        if finding["status"] == "unknown":
            assert finding["missing"], finding["rule"]


def test_json_is_byte_identical_across_runs(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for _ in range(2):
        assert main(["analyze", str(SEED), "--format", "json"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]


def test_memo_pdf_contains_triggered_factors_and_citations(seed_pages: list[str]) -> None:
    text = " ".join(seed_pages)
    assert len(seed_pages) >= 3
    assert "Privileged" in text and "Confidential" in text
    for title in ("sensitive information", "Merger Guidelines"):
        assert title.lower() in text.lower()
    assert "§ 2.5" in text or "§2.5" in text or "2.5" in text


def test_memo_of_one_jurisdiction_has_only_its_analysis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "memo.html"
    assert main(["memo", str(SEED), "--html", "-o", str(target), "--jurisdiction", "us"]) == 0
    capsys.readouterr()
    html = target.read_text(encoding="utf-8")
    assert "United States" in html and "sensitive information" in html and "§ 2.5" in html
    for other in ("European Union", "United Kingdom", "Germany"):
        assert other not in html, other
