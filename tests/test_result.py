"""The analysis result: one typed document, its JSON Schema, the per-jurisdiction summary,
and the seed case's whole JSON output against a golden file."""

import functools
import json
import os
from pathlib import Path

import pytest

from trustbench.analysis import evaluate, load_packs, result, result_json
from trustbench.cli import main
from trustbench.model.deal import Waiver
from trustbench.model.load import load_deal
from trustbench.result import Result
from trustbench.rules.loader import load_pack
from trustbench.rules.schema import THEORIES

ROOT = Path(__file__).parents[1]
CASES = sorted((ROOT / "cases").glob("*.yaml"))
GOLDEN = Path(__file__).parent / "golden" / "meta-scale-ai.json"


@functools.cache
def _analysed(path: Path) -> str:
    deal = load_deal(path)
    return json.dumps(result_json(evaluate(deal, load_packs(deal.case.jurisdictions))))


def _analyze(path: Path) -> dict:  # type: ignore[type-arg]
    """The case's result JSON, analysed once for the module (a fresh copy each call)."""
    return json.loads(_analysed(path))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def seed() -> dict:  # type: ignore[type-arg]
    return _analyze(ROOT / "cases" / "meta-scale-ai.yaml")


def test_seed_json_matches_golden_file(seed: dict) -> None:  # type: ignore[type-arg]
    """Set UPDATE_GOLDEN=1 to rewrite the golden file after a deliberate change."""
    text = json.dumps(seed, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_cli_json_is_the_typed_result(capsys: pytest.CaptureFixture[str], seed: dict) -> None:  # type: ignore[type-arg]
    assert main(["analyze", str(ROOT / "cases" / "meta-scale-ai.yaml"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == seed


def test_result_is_immutable(seed: dict) -> None:  # type: ignore[type-arg]
    typed = Result.model_validate(seed)
    with pytest.raises(ValueError):
        typed.case.id = "other"  # type: ignore[misc]
    assert isinstance(typed.jurisdictions, tuple)


def test_schema_result_describes_every_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "result"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["required"]) == {"case", "trustbench", "jurisdictions"}
    assert "SummaryOut" in schema["$defs"]
    for path in CASES:
        Result.model_validate(_analyze(path))  # every case's output fits the documented model


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_printed_json_is_what_the_model_gives_back(path: Path) -> None:
    # analyze prints analysis_json as built (no validation per run): it must be the
    # validated model's own dump, key for key and type for type
    printed = _analyze(path)
    typed = Result.model_validate(printed).model_dump(mode="json", exclude_unset=True)
    assert json.dumps(typed, sort_keys=True) == json.dumps(printed, sort_keys=True)


def test_result_rejects_unknown_keys(seed: dict) -> None:  # type: ignore[type-arg]
    broken = json.loads(json.dumps(seed))
    broken["jurisdictions"][0]["findings"][0]["status"] = "maybe"
    with pytest.raises(ValueError, match="status"):
        Result.model_validate(broken)
    broken = json.loads(json.dumps(seed))
    broken["jurisdictions"][0]["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        Result.model_validate(broken)


def _summary(doc: dict, jurisdiction: str) -> dict:  # type: ignore[type-arg]
    return next(j for j in doc["jurisdictions"] if j["id"] == jurisdiction)["summary"]


def test_uk_answers_jurisdiction_not_filing(seed: dict) -> None:  # type: ignore[type-arg]
    uk = _summary(seed, "uk")
    assert uk["regime"] == "voluntary"
    assert uk["notification_text"].startswith("Voluntary, non-suspensory")
    assert "CMA" in uk["notification_text"]
    assert "required before closing" not in uk["notification_text"]


def test_band_rests_only_on_the_theories_a_pack_screens(seed: dict) -> None:  # type: ignore[type-arg]
    """Each pack's band names the theories it screens as its scope; every other theory is
    "not screened", never a low score."""
    expected = {
        "eu": {"horizontal", "potential-competition", "vertical", "conglomerate", "information"},
        "de": {"horizontal", "vertical", "conglomerate", "information"},
    }
    for jurisdiction, screened in expected.items():
        summary = _summary(seed, jurisdiction)
        assert set(summary["band_scope"]) == screened and summary["band"] is not None
        others = {t["status"] for t in summary["theories"] if t["factor"] not in screened}
        assert others == {"not_screened"}


FLAGS = {"us.mg2023.g8-serial-acquisitions", "us.clayton8.third-party-interlock"}


def test_theories_follow_the_findings(seed: dict) -> None:  # type: ignore[type-arg]
    us = next(j for j in seed["jurisdictions"] if j["id"] == "us")
    theories = {t["factor"]: t for t in us["summary"]["theories"]}
    statuses = {f["rule"]: f["status"] for f in us["findings"]}
    # a note informs and screens no theory (summary._theory): it neither raises nor opens one
    notes = {rid for rid, r in load_packs(["us"])[0].rules.items() if r.rule.kind == "note"}
    for theory in theories.values():
        mine = [f for f in us["findings"] if f["theory"] == theory["factor"]]
        assert mine, theory
        mine = [f for f in mine if f["rule"] not in notes]
        if theory["status"] == "raised":
            assert all(statuses[r] == "triggered" for r in theory["rules"]) and theory["rules"]
        if theory["status"] == "not_raised":
            # a flag left unknown (Guideline 8) does not keep a decided theory open
            tests = [f for f in mine if f["rule"] not in FLAGS]
            assert tests and {f["status"] for f in tests} == {"not_triggered"}
            assert all(f["status"] != "triggered" for f in mine)
    # the US concept is Clayton § 7, said in those words, not "control"
    assert "Clayton Act § 7" in us["summary"]["concept_text"]
    assert us["summary"]["band"] == us["band"]


def test_waived_findings_do_not_raise_a_theory() -> None:
    deal = load_deal(ROOT / "cases" / "meta-scale-ai.yaml")
    packs = load_packs(["us"])
    base = result(evaluate(deal, packs))
    us = base.jurisdictions[0]
    raised = next(t for t in us.summary.theories if t.factor == "personnel")
    assert raised.status == "raised"
    waived = deal.model_copy(
        update={"waivers": [Waiver(rule=r, reason="test", by="tester") for r in raised.rules]}
    )
    after = result(evaluate(waived, packs)).jurisdictions[0]
    assert next(t for t in after.summary.theories if t.factor == "personnel").status != "raised"


def test_pack_without_substantive_rules_shows_no_band(tmp_path: Path) -> None:
    """A pack whose substantive rules are all disabled screens no theory: no band, and every
    theory "not screened" — never a low score."""
    eu = load_pack(ROOT / "rules" / "eu", {})
    ids = sorted(
        rid
        for rid, r in eu.rules.items()
        if (r.rule.theory or r.rule.factor) in THEORIES and r.rule.kind != "note"
    )
    disabled = "".join(f"  - rule: {i}\n    reason: test\n" for i in ids)
    (tmp_path / "pack.yaml").write_text(
        "id: eu-procedure-only\njurisdiction: eu\nname: EU (procedure only)\n"
        f'version: "1"\nextends: eu\ndisable:\n{disabled}',
        encoding="utf-8",
    )
    deal = load_deal(ROOT / "cases" / "meta-scale-ai.yaml")
    doc = result_json(evaluate(deal, load_packs(["eu"], [tmp_path])))
    summary = _summary(doc, "eu")
    assert summary["band"] is None and summary["band_scope"] == []
    assert {t["status"] for t in summary["theories"]} == {"not_screened"}
