"""The example cases agree with what their sources report.

Each case in ``cases/`` has one table below: the findings its sources report, mapped to rule
ids and statuses, written from ``cases/SOURCES.md`` (the real cases) and
``shared/reference/legal.md`` §9.3 (the seed, Meta / Scale AI) — not from what the tool
prints. ``<jurisdiction>:control`` and ``<jurisdiction>:filing`` keys check the jurisdiction's
summary answers (yes / no / unknown).

How an expectation is chosen:

- the agency found X and the file holds the facts that decide X: the status X implies;
- the agency found X but the file lacks the facts that decide it (deal files record facts,
  never agency conclusions): ``unknown``, with a comment naming the missing data and what the
  agency found; the test also checks that the finding names its missing facts;
- the sources are silent on a rule: no expectation;
- the tool and the sources disagree although the case data is right: the expectation stands,
  marked with :class:`Disagrees` (a strict xfail whose reason describes the disagreement), so
  that fixing the rules turns it into a failure that asks for the mark to be removed.

The synthetic case cites itself: its table follows from the design in the file's header
comment, and every factor of the US pack must have a triggered finding there.

Each case is analysed once (module-scoped), in-process through ``trustbench.cli.main``, for
all of the case's jurisdictions.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from trustbench.cli import main
from trustbench.model import load_deal
from trustbench.rules.schema import FACTORS

ROOT = Path(__file__).parents[2]
CASES = ROOT / "cases"

T, N, U = "triggered", "not_triggered", "unknown"


@dataclass(frozen=True)
class Disagrees:
    """The status the sources call for, which the tool does not give yet (strict xfail)."""

    status: str
    reason: str


# Jurisdictions screened for each case. The seed file still lists only `us`; its other
# packs are screened explicitly here (the lead will update the file).
JURISDICTIONS: dict[str, tuple[str, ...]] = {
    "meta-scale-ai": ("us", "eu", "uk", "de"),
    "google-fitbit": ("eu", "us"),
    "amazon-irobot": ("eu", "uk", "us"),
    "adobe-figma": ("eu", "uk", "de", "us"),
    "microsoft-mistral": ("uk", "eu"),
    "synthetic-every-factor": ("us", "eu", "uk", "de"),
}

# The UK share-of-supply disagreement shared by two cases (see the report to the lead).


# ---------------------------------------------------------------------------------------------
# Meta / Scale AI (seed). legal.md §9.3 "Applying the rules to Meta/Scale" — screening
# analysis [D], there being no agency decision (§9.1: no formal review found).
META_SCALE_AI: dict[str, str | Disagrees] = {
    # US — §9.3 HSR: a non-voting 49 % stake is no acquisition of voting securities: no
    # filing; agencies can still act under Clayton § 7 and look at 801.90 avoidance.
    "us.hsr.filing-required": N,
    "us.hsr.non-voting-stake": T,
    "us.hsr.avoidance-device": T,
    "us:filing": "no",
    # §9.3 § 8: Wang (Meta officer) on Scale's board, but Meta and Scale are not competitors
    # on public facts (Meta buys rather than sells labelling).
    "us.clayton8.interlock": N,
    "us.mg2023.g11-reduced-incentive": N,
    # §9.3 MG 2023: the natural theories are G5(B) and G11 (influence, information); the
    # §9 factor `pattern.investee_supplier_to_rivals` adds G5 limiting access; as ability /
    # incentive / effect it stays open: the file does not say whether the rivals can do
    # without Scale (they were reported to be switching), nor what Meta would gain.
    "us.mg2023.g5b-sensitive-information": T,
    "us.mg2023.g5a-limiting-access": U,
    "us.mg2023.g11-influence": T,
    "us.mg2023.g11-information": T,
    # EU — §9.3: non-voting, no board seat, no known vetoes → "probably no Art. 3 control".
    # The rights are not public, so control stays unknown; the stake-without-votes note is
    # the part §9.3 can state.
    "eu.eumr.art3-concentration": U,  # missing: Meta's rights and earlier stake
    "eu.eumr.art3-stake-without-votes": T,
    "eu.eumr.eu-dimension": U,  # missing: control, and both parties' EU turnover
    # §9.3: DMA Art. 14 not triggered if there is no control [D]; control is unknown (and the
    # file does not flag Meta as a gatekeeper), so unknown.
    "eu.dma.art14-inform": U,
    "eu:control": "unknown",
    # UK — §9.3: material influence "arguable" (49 % economic, Meta executive on the board)
    # but the rights are missing; jurisdiction via Scale's UK turnover (unknown) or the hybrid
    # test (Meta's UK share of supply and UK turnover unknown).
    "uk.control.material-influence": U,
    "uk.jurisdiction.turnover-test": U,
    "uk.jurisdiction.hybrid-test": U,
    # §9 factor `pattern.reverse_acquihire` (S69: the CMA took Microsoft/Inflection's hires
    # with a licence as an acquisition of an enterprise): the CEO and fewer than a dozen of
    # ~1,500 staff move, with no licence or assets; whether that carries an activity of Scale
    # is for counsel (the sources say Scale carried on under an interim CEO).
    "uk.control.acqui-hire": U,
    "uk:control": "unknown",
    "uk:filing": "unknown",
    # Germany — §9.3: 49 % of the capital meets the 25 % test "regardless of votes", but
    # whether it is a *new* 25 % turns on Meta's earlier Series F stake, whose size is unknown.
    "de.concentration.share-acquisition": U,  # missing: Meta's stake before the deal
    # Notifiability turns on Scale's German turnover (> EUR 17.5m) or the EUR 400m value test
    # with significant German activity; the consideration "clearly exceeds EUR 400m".
    "de.filing.notification-required": U,  # missing: German turnovers, domestic activity
    "de.thresholds.turnover": U,  # missing: both parties' German turnover
    "de.thresholds.transaction-value": U,  # missing: Meta's German turnover, Scale's activity
    "de.thresholds.consideration": T,  # USD 14.3bn
    "de:control": "unknown",
    "de:filing": "unknown",
}

# ---------------------------------------------------------------------------------------------
# Google / Fitbit (EU M.9660, 2020). cases/SOURCES.md §1.
GOOGLE_FITBIT: dict[str, str | Disagrees] = {
    # EU — "Concentration (Art. 3): Yes ... acquisition of all shares (sole control)" [agency].
    "eu.eumr.art3-concentration": T,
    "eu:control": "yes",
    # "Notifiable": the decision has a section "4. EU Dimension" [agency], but the test met
    # and the figures are [not found]; the file has no EU turnover for either party, so the
    # Commission's finding cannot be reproduced: unknown, as SOURCES.md §1 advises.
    "eu.eumr.eu-dimension": U,
    "eu.eumr.art1-2-thresholds": U,
    "eu.eumr.art1-3-thresholds": U,
    "eu:filing": "unknown",
    # "Art. 22 referral: None. The case came to the Commission by notification." The rule
    # (referral risk *without* an EU dimension) cannot rule that out without EU turnovers.
    "eu.eumr.art22-referral": U,
    # "DMA Art. 14: Not applicable: the DMA did not exist in 2020" [agency].
    "eu.dma.art14-inform": N,
    # US — "the agreed upon waiting period expired": an HSR filing [reported]; USD 2.1bn.
    "us.hsr.filing-required": T,
    "us:filing": "yes",
    # The Commission's two vertical theories (Fitbit Web API for digital health; Android APIs
    # for rival wearables) [agency]. The EU pack has no theory-of-harm rules; the DOJ's
    # theories are [not found]. Guideline 5(A) as ability / incentive / effect: the file
    # records the Commission's view for the EEA only, so the US limbs stay open.
    "us.mg2023.g5a-related-product": U,
    # The Commission's main concern: the deal "would further entrench Google's market position
    # in the online advertising markets" through data [agency] — Guideline 6 entrenchment.
    # Google's advertising share is not in the file (and Guideline 6 postdates the case).
    "us.mg2023.g6-entrenchment": U,
    # "Theory of harm: horizontal — no horizontal overlap theory" (SOURCES.md §1 suggested
    # findings: "No horizontal theory"); the file places Google in no market Fitbit is in.
    "us.mg2023.g1-structural-presumption": N,
    "us.mg2023.g2-head-to-head": N,
}

# ---------------------------------------------------------------------------------------------
# Amazon / iRobot (EU M.10920, CMA ME/7012/22, FTC; 2022–24). cases/SOURCES.md §2.
AMAZON_IROBOT: dict[str, str | Disagrees] = {
    # EU — "Amazon intended to acquire sole control over iRobot" [agency].
    "eu.eumr.art3-concentration": T,
    "eu:control": "yes",
    # "Notifiable, and why: [not found]" — notified on 1 June 2023, basis not stated; no EU
    # turnover in the file: unknown.
    "eu.eumr.eu-dimension": U,
    "eu.eumr.art1-2-thresholds": U,
    "eu.eumr.art1-3-thresholds": U,
    "eu.eumr.art22-referral": U,  # "No source mentions an Art. 22 referral"; EU turnovers missing
    "eu:filing": "unknown",
    # "DMA Art. 14": Amazon was designated on 6 September 2023, after notification (the file
    # records the flag as at the case date, 1 June 2023).
    "eu.dma.art14-inform": N,
    # UK — "Decision on relevant merger situation" under s. 33(1) [agency]: control acquired
    # (all shares).
    "uk.control.legal-control": T,
    "uk:control": "yes",
    # "Whether jurisdiction rested on the turnover test or the share-of-supply test is [not
    # found]": iRobot's UK turnover and every UK share of supply are missing.
    "uk.jurisdiction.turnover-test": U,
    "uk.jurisdiction.share-of-supply-test": U,  # no UK shares of supply in the file
    "uk:filing": "unknown",
    # The CMA assessed "vertical foreclosure of rival robot vacuum makers" and "foreclosure
    # of rival smart home platforms" [agency, as reported] and found no concern: the screen
    # flags the theory the CMA examined. As ability / incentive / effect it reproduces the
    # CMA's reason: Amazon could disadvantage rivals but would lack the incentive (UK market
    # small, foreclosure costing commission and advertising revenue) [reported].
    "uk.substantive.vertical": N,
    # No actual overlap: the CMA's horizontal theory was the loss of *potential* competition
    # (Amazon could have entered), which this rule does not cover.
    "uk.substantive.horizontal-overlap": N,
    # US — FTC second request (September 2022) [reported]: an HSR filing; USD 1.7bn.
    "us.hsr.filing-required": T,
    "us:filing": "yes",
    # The Commission's theory in the SO and closing statement: foreclosure of iRobot's rivals
    # on Amazon's marketplace [agency] — Guideline 5(A). The FTC's view of the limbs is [not
    # found], and the Commission's concerns EEA markets, so the US limbs stay open.
    "us.mg2023.g5a-related-product": U,
    # "Theory of harm: horizontal — None" (Amazon a marketplace and retailer, not a maker).
    "us.mg2023.g1-structural-presumption": N,
    "us.mg2023.g2-head-to-head": N,
    # "Serial acquisitions: Ring, Blink and Eero are listed as prior acquisitions (press). No
    # agency relied on them." Guideline 8 flags the series; it is not a finding of harm.
    "us.mg2023.g8-serial-acquisitions": T,
}

# ---------------------------------------------------------------------------------------------
# Adobe / Figma (EU Art. 22, CMA, Austria, Germany, DOJ; 2022–23). cases/SOURCES.md §3.
ADOBE_FIGMA: dict[str, str | Disagrees] = {
    # EU — "EUMR thresholds: Not met" [agency]. The file has no EU (or worldwide) turnover
    # for either party, so the tool cannot reproduce "not met": unknown.
    "eu.eumr.art1-2-thresholds": U,
    "eu.eumr.art1-3-thresholds": U,
    "eu.eumr.eu-dimension": U,
    "eu:filing": "unknown",
    # "Art. 22 referral: accepted on 15 February 2023" [agency]. The referral-risk rule needs
    # the (missing) EU turnovers to see that there is no EU dimension: unknown.
    "eu.eumr.art22-referral": U,
    # "Concentration (Art. 3): Yes: ... all of Figma's issued share capital and so sole
    # control" [agency].
    "eu.eumr.art3-concentration": T,
    "eu:control": "yes",
    "eu.dma.art14-inform": N,  # "Adobe is not a designated gatekeeper" [agency]
    # Germany — notified in Germany, "where it met national notification thresholds"
    # [agency]; which threshold is [not found]; no German turnover in the file.
    "de.filing.notification-required": U,
    "de.thresholds.turnover": U,  # missing: both parties' German turnover
    "de.thresholds.transaction-value": U,  # missing: turnover; Figma's German activity is recorded
    "de.thresholds.consideration": T,  # "USD 20bn far exceeds EUR 400m at any rate"
    "de:filing": "unknown",
    # All of the share capital (BWB): § 37(1) no. 3 (50 %) and no. 2 (sole control).
    "de.concentration.share-acquisition": T,
    "de.concentration.control": T,  # 100 % bought from nothing: no prior control
    "de:control": "yes",
    # UK — the CMA referred the deal to Phase 2 (ss. 33(1), 34ZA(2)) [agency], which needs a
    # relevant merger situation; "which test is [not found]".
    "uk.control.legal-control": T,
    "uk:control": "yes",
    "uk.jurisdiction.turnover-test": U,  # missing: Figma's UK turnover
    "uk.jurisdiction.share-of-supply-test": U,  # missing: UK shares of supply (80 % is usage)
    "uk:filing": "unknown",
    # "Horizontal (loss of current competition in product design)" [agency].
    "uk.substantive.horizontal-overlap": T,
    # US — DOJ reportedly readying a suit [reported]; USD 20bn deal.
    "us.hsr.filing-required": T,
    "us:filing": "yes",
    # Commission and CMA: close competitors in interactive product design [agency].
    "us.mg2023.g2-head-to-head": T,
    # Figma "the clear market leader", CMA's "around 80 %" is a usage share, not a share of
    # supply: no shares in the file.
    "us.mg2023.g1-structural-presumption": U,
    # CMA: the deal removes Figma as a threat to Photoshop and Illustrator, where Adobe is the
    # largest supplier [agency] — entrenchment; Adobe's shares are not in the file.
    "us.mg2023.g6-entrenchment": U,
}

# ---------------------------------------------------------------------------------------------
# Microsoft / Mistral AI (CMA "does not qualify", 2024). cases/SOURCES.md §4.
MICROSOFT_MISTRAL: dict[str, str | Disagrees] = {
    # UK — "the CMA does not believe that Microsoft has acquired material influence"
    # [agency]. The file has no rights, board presence or equity percentage (none public),
    # so the tool cannot confirm the CMA's "no": unknown (SOURCES.md §4: "it may ask").
    "uk.control.material-influence": U,
    # Votes 0 % (convertible): no legal control (the CMA's "no material influence" implies it).
    "uk.control.legal-control": N,
    # No de facto control either (implied) — missing: the board (who appoints it).
    "uk.control.de-facto-control": U,
    "uk:control": "unknown",
    # "Turnover or share-of-supply tests: [not found]": not reached; no Mistral UK turnover,
    # no UK share of supply in the file.
    "uk.jurisdiction.turnover-test": U,
    "uk.jurisdiction.share-of-supply-test": U,  # no UK shares of supply in the file
    "uk:filing": "unknown",
    # "Theories of harm: None assessed: jurisdiction failed first" [agency]; the substantive
    # screens turn on the same missing rights, except vertical: the file's (complete) supply
    # records show supply between the parties only, none to either's rivals, so no
    # foreclosure mechanism is shown whatever the influence.
    "uk.substantive.minority-stake": U,
    "uk.substantive.vertical": N,
    # EU — "[not found]": no Commission conclusion. SOURCES.md §4's analysis: a convertible
    # minority investment with no known control rights is no Art. 3 concentration, so no
    # EUMR filing and no DMA Art. 14 duty. The rights and the equity on conversion are not in
    # the file, so each stays unknown.
    "eu.eumr.art3-concentration": U,
    "eu.eumr.art3-stake-without-votes": U,  # missing: equity on conversion, board
    "eu.eumr.eu-dimension": U,  # missing: control, and both parties' turnover
    "eu.dma.art14-inform": U,  # Microsoft a gatekeeper [agency]; control unknown
    "eu:control": "unknown",
    "eu:filing": "unknown",
}

# ---------------------------------------------------------------------------------------------
# Synthetic deal (fictional; cites itself). The design is in the header comment of
# cases/synthetic-every-factor.yaml.
SYNTHETIC: dict[str, str | Disagrees] = {
    # US. Non-voting convertible preferred: no voting securities, no filing now.
    "us.hsr.convertible": T,
    "us.hsr.non-voting-stake": T,
    "us.hsr.filing-required": N,
    "us.hsr.investment-only": N,
    "us:filing": "no",
    # Stake without filing + CEO and 40 researchers hired + licence: 801.90 flag.
    "us.hsr.avoidance-device": T,
    # The hired CEO keeps her Specimen seat and is a board-elected officer of Hypothetica;
    # competitors; capital and competitive sales above § 8 thresholds and safe harbours.
    "us.clayton8.interlock": T,
    # 35 % + 10 % in an HHI-2,350 market: ΔHHI 700 to 3,050; 35 % and 40 % shares. The 40 %
    # non-voting stake does not combine the firms: Guideline 1 does not apply (the MHHI of
    # Guideline 11 screens the stake instead).
    "us.mg2023.g1-structural-presumption": N,
    "us.mg2023.g6-entrenchment": T,
    # Two earlier acquisitions by Hypothetica are listed: a series (Guideline 8).
    "us.mg2023.g8-serial-acquisitions": T,
    # No control (0 % of the votes, 1 of 7 seats): G2 and the controlling G5(A) do not apply.
    "us.mg2023.g2-head-to-head": N,
    "us.mg2023.g5a-related-product": N,
    # Specimen labels data for Alpha Models and Beta AI, who hand it confidential data.
    "us.mg2023.g5a-limiting-access": T,
    "us.mg2023.g5b-sensitive-information": T,
    # 40 % of the equity of a competitor, a board seat, vetoes, information rights.
    "us.mg2023.g11-influence": T,
    "us.mg2023.g11-information": T,
    "us.mg2023.g11-mhhi": T,
    "us.mg2023.g11-reduced-incentive": T,
    # EU. Budget and business-plan vetoes next to Sample Ventures' 50 % of the votes: joint
    # control.
    "eu.eumr.art3-concentration": T,
    "eu.eumr.art3-stake-without-votes": N,  # Hypothetica designates a director
    "eu:control": "yes",
    # Specimen's EU turnover (EUR 90m) is below both Art. 1(2) and Art. 1(3) thresholds.
    "eu.eumr.art1-2-thresholds": N,
    "eu.eumr.art1-3-thresholds": N,
    "eu.eumr.eu-dimension": N,
    # The file has no timeline, so whether the Commission has accepted an Art. 22 referral
    # (which would make the deal notifiable and the standstill apply, Art. 22(3)-(4)) is not
    # stated: the EU answer is open, never "not required" on a silent file.
    "eu.eumr.art7-standstill": "unknown",
    "eu:filing": "unknown",
    "eu.eumr.art22-referral": T,
    "eu.dma.art14-inform": T,  # fictional gatekeeper, digital services
    # UK. Board seat + vetoes + information rights + supply and licence: material influence;
    # Specimen's UK turnover GBP 120m > GBP 100m.
    "uk.control.material-influence": T,
    "uk.control.legal-control": N,
    "uk.control.de-facto-control": N,
    "uk.control.acqui-hire": T,
    "uk:control": "yes",
    "uk.jurisdiction.turnover-test": T,
    "uk:filing": "yes",
    # The only overlap market is worldwide: no UK share of supply, so the share-of-supply
    # and hybrid tests stay open.
    "uk.jurisdiction.share-of-supply-test": U,
    "uk.jurisdiction.hybrid-test": U,
    "uk.substantive.horizontal-overlap": T,
    "uk.substantive.minority-stake": T,
    "uk.substantive.rivals-information": T,
    "uk.substantive.vertical": T,
    # Germany. 40 % of the capital (§ 37(1) no. 3) and joint control (no. 2); § 35(1): the
    # combined worldwide turnover > EUR 500m, Hypothetica DE EUR 2.5bn, Specimen DE EUR 30m.
    "de.concentration.share-acquisition": T,
    "de.concentration.control": T,
    "de.concentration.competitively-significant-influence": N,  # 25 % or more
    "de:control": "yes",
    "de.thresholds.turnover": T,
    "de.thresholds.transaction-value": N,  # Specimen's DE turnover is above EUR 17.5m
    "de.thresholds.consideration": T,
    "de.filing.notification-required": T,
    "de.filing.standstill": T,
    "de:filing": "yes",
}

EXPECTED: dict[str, dict[str, str | Disagrees]] = {
    "meta-scale-ai": META_SCALE_AI,
    "google-fitbit": GOOGLE_FITBIT,
    "amazon-irobot": AMAZON_IROBOT,
    "adobe-figma": ADOBE_FIGMA,
    "microsoft-mistral": MICROSOFT_MISTRAL,
    "synthetic-every-factor": SYNTHETIC,
}


# ---------------------------------------------------------------------------------------------


def _analyze(case: str) -> dict[str, Any]:
    args = ["analyze", str(CASES / f"{case}.yaml"), "--format", "json"]
    for jurisdiction in JURISDICTIONS[case]:
        args += ["--jurisdiction", jurisdiction]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(args)
    assert code == 0, f"trustbench analyze {case} exited {code}"
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def analysis() -> Any:
    """One analysis per case, shared by every test of this module."""
    cache: dict[str, dict[str, Any]] = {}

    def get(case: str) -> dict[str, Any]:
        if case not in cache:
            cache[case] = _analyze(case)
        return cache[case]

    return get


def _params() -> list[Any]:
    out = []
    for case, table in EXPECTED.items():
        for key, expected in table.items():
            marks = []
            if isinstance(expected, Disagrees):
                marks = [pytest.mark.xfail(strict=True, reason=expected.reason)]
                expected = expected.status
            out.append(pytest.param(case, key, expected, marks=marks, id=f"{case}:{key}"))
    return out


@pytest.mark.parametrize(("case", "key", "expected"), _params())
def test_finding_agrees_with_the_sources(analysis: Any, case: str, key: str, expected: str) -> None:
    result = analysis(case)
    by_id = {j["id"]: j for j in result["jurisdictions"]}
    if ":" in key:  # a jurisdiction's summary answer
        jurisdiction, question = key.split(":")
        assert by_id[jurisdiction][question] == expected
        return
    findings = {f["rule"]: f for j in result["jurisdictions"] for f in j["findings"]}
    assert key in findings, f"{key} is not among the findings of {case} (rule renamed?)"
    finding = findings[key]
    assert finding["status"] == expected, finding["text"]
    if expected == U:
        assert finding["missing"], f"{key} is unknown but names no missing fact"


def test_every_case_file_has_a_table() -> None:
    assert {p.stem for p in CASES.glob("*.yaml")} == set(EXPECTED) == set(JURISDICTIONS)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_all_of_the_cases_jurisdictions_are_screened(analysis: Any, case: str) -> None:
    declared = load_deal(CASES / f"{case}.yaml").case.jurisdictions
    assert set(declared) <= set(JURISDICTIONS[case])
    screened = [j["id"] for j in analysis(case)["jurisdictions"]]
    assert sorted(screened) == sorted(JURISDICTIONS[case])


@pytest.mark.parametrize("factor", FACTORS)
def test_synthetic_case_triggers_every_us_factor(analysis: Any, factor: str) -> None:
    (us,) = [j for j in analysis("synthetic-every-factor")["jurisdictions"] if j["id"] == "us"]
    triggered = [f["rule"] for f in us["findings"] if f["factor"] == factor and f["status"] == T]
    assert triggered, f"no US finding of factor {factor!r} triggered"
