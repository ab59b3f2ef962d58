"""The memo context of the seed case: the contract of docs/report-context.md, citations,
information requests, conclusions and the Appendix."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trustbench.analysis import Analysis, evaluate, load_packs
from trustbench.document import full_result
from trustbench.model import load_deal
from trustbench.report.context import Options, build_context

from .fixtures import sample_context

ROOT = Path(__file__).parents[2]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"
DOC = ROOT / "docs" / "report-context.md"


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    deal = load_deal(SEED)
    return evaluate(deal, load_packs(deal.case.jurisdictions))


@pytest.fixture(scope="module")
def ctx(analysis: Analysis) -> dict[str, Any]:
    return build_context(full_result(analysis, SEED))


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def _documented_keys() -> set[str]:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    keys = set()
    for block in blocks:
        for line in block.splitlines():
            code = line.split("#", 1)[0]
            keys |= set(re.findall(r"(?:^\s*-?\s*|[{,]\s*)([a-z_0-9]+):", code))
    return keys


def test_context_is_plain_data_without_paths(ctx: dict[str, Any]) -> None:
    text = json.dumps(ctx, ensure_ascii=False)
    assert str(ROOT) not in text


def test_context_matches_its_documentation(ctx: dict[str, Any]) -> None:
    documented = _documented_keys()
    used = set(_keys(ctx)) | set(_keys(sample_context(reviewer=True, later=True)))
    assert set(_keys(ctx)) - documented == set(), "keys missing from docs/report-context.md"
    aliases = {"cite", "line", "instance", "source", "authority"}  # names of repeated shapes
    assert documented - used - aliases == set(), "documented keys the context never has"


def _cites(value: Any, flag: str) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if set(value) == {"n", flag}:
            yield value
        for item in value.values():
            yield from _cites(item, flag)
    elif isinstance(value, list):
        for item in value:
            yield from _cites(item, flag)


def test_each_source_is_given_in_full_once(ctx: dict[str, Any]) -> None:
    cites = list(_cites(ctx, "note"))
    firsts = Counter(c["n"] for c in cites if c["note"])
    assert set(firsts.values()) == {1}
    assert set(firsts) == {c["n"] for c in cites}  # every source cited has its full note
    cited = {s["number"] for s in ctx["sources"] if s["cited"]}
    assert cited == set(firsts)
    labels = {s["label"] for s in ctx["sources"]}
    assert {"S80", "S81", "usine-digitale"} <= labels  # the deal file's own names


def test_each_authority_is_given_in_full_once(ctx: dict[str, Any]) -> None:
    cites = list(_cites(ctx, "full"))
    firsts = Counter(c["n"] for c in cites if c["full"])
    assert set(firsts.values()) == {1}
    assert {a["number"] for a in ctx["authorities"]} == set(firsts)


def _triggered(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for j in ctx["jurisdictions"] for factor in j["factors"] for f in factor["triggered"]]


def test_every_triggered_finding_is_complete(ctx: dict[str, Any]) -> None:
    findings = _triggered(ctx)
    assert len(findings) >= 5
    for f in findings:
        assert f["test"] and f["text"], f["rule"]
        assert bool(f["conclusion"]) == (f["kind"] != "note"), f["rule"]  # a note has none
        assert f["cites"], f["rule"]
        for fact in f["facts"]:
            assert fact["label"][:1].isupper()
            assert "the acquirer" not in fact["label"] and "the target" not in fact["label"]
            assert fact["known"] or fact["question"], (f["rule"], fact["name"])


def test_conclusions_follow_the_kind_of_finding(ctx: dict[str, Any]) -> None:
    """A test is met, a flag is raised for review, a note has no conclusion line."""
    findings = _triggered(ctx)
    kinds = {f["kind"] for f in findings}
    assert kinds == {"test", "flag", "note"}, "the seed should exercise every kind"
    for f in findings:
        if f["kind"] == "flag":
            assert f["conclusion"].startswith("Raised — for review."), f
            assert "met" not in f["conclusion"].split(), f
        elif f["kind"] == "note":
            assert f["conclusion"] == "", f
        elif f["conclusion_generated"]:
            assert f["conclusion"].startswith("Met on the facts in the file."), f
    own = next(f for f in findings if f["rule"] == "us.mg2023.g11-influence")
    assert not own["conclusion_generated"] and own["conclusion"]


def test_every_unknown_fact_is_asked(analysis: Analysis, ctx: dict[str, Any]) -> None:
    asked = {name for group in ctx["questions"] for q in group["items"] for name in q["facts"]}
    for r in analysis.results:
        for f in r.findings:
            if f.waiver:
                continue
            if f.status == "not_triggered":  # an answer would change nothing the client is told
                continue
            for u in f.facts.values():
                if u.value is None and not u.name.startswith("params."):
                    assert u.name in asked, (f.rule, u.name)
    numbers = [q["number"] for group in ctx["questions"] for q in group["items"]]
    assert numbers == list(range(1, len(numbers) + 1))


def test_questions_are_questions_a_client_can_answer(ctx: dict[str, Any]) -> None:
    for group in ctx["questions"]:
        for q in group["items"]:
            assert q["question"].endswith("?") or q["question"].startswith("Please "), q
            assert not re.search(r"\bthe (acquirer|target)\b", q["question"]), q
            assert q["rules"] and all(r["effect"] in ("decide", "weigh") for r in q["rules"])


def test_appendix_hashes_can_be_checked(analysis: Analysis, ctx: dict[str, Any]) -> None:
    deal, pack, *_others = ctx["appendix"]["hashes"]  # the deal file, then one per pack
    assert deal["name"] == SEED.name
    assert deal["sha256"] == hashlib.sha256(SEED.read_bytes()).hexdigest()
    root = analysis.results[0].pack.root
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".yaml", ".j2"))
    listing = "".join(
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(root).as_posix()}\n"
        for p in files
    )
    assert pack["sha256"] == hashlib.sha256(listing.encode()).hexdigest()


def test_appendix_lists_what_the_findings_shown_use(
    analysis: Analysis, ctx: dict[str, Any]
) -> None:
    shown = {f.rule for r in analysis.results for f in r.findings if f.status != "not_triggered"}
    assert {r["id"] for r in ctx["appendix"]["rules"]} == shown
    used = {
        p.name
        for r in analysis.results
        for f in r.findings
        if f.rule in shown
        for p in f.params.values()
        if p.value is not None
    }
    assert {p["name"] for p in ctx["appendix"]["params"]} == used


def test_full_appendix_lists_everything(analysis: Analysis) -> None:
    ctx = build_context(full_result(analysis, SEED), options=Options(full_appendix=True))
    rules = {r["id"] for r in ctx["appendix"]["rules"]}
    assert rules == {f.rule for r in analysis.results for f in r.findings}
    floor = next(
        p for p in ctx["appendix"]["params"] if p["name"] == "params.hsr_size_of_transaction_floor"
    )
    assert floor["value"] == "USD 126.4m" and floor["effective"] == "2025-02-21"
    assert floor["reference"] and floor["label"] != floor["name"]


@pytest.mark.parametrize(
    ("width", "height", "paired"),
    [(404.1, 349.4, True), (379.6, 208.5, False), (900.0, 300.0, False), (200.0, 300.0, True)],
)
def test_diagrams_pair_only_when_half_the_width_costs_them_no_size(
    width: float, height: float, paired: bool
) -> None:
    """The seed's tall charts (capped by height anyway) go side by side; a wide chart, which
    half the width would shrink to 60 %, stays full width (issue 13: the body's length)."""
    from trustbench.report.context import _alone_scale, _paired_scale

    svg = f'<svg viewBox="0 0 {width} {height}">'
    assert (_paired_scale(svg) >= 0.9 * _alone_scale(svg)) is paired


def test_seed_diagrams_are_set_side_by_side(ctx: dict[str, Any]) -> None:
    assert ctx["diagram"]["pair"] is True


def test_definitions_are_named_reasoning_steps(ctx: dict[str, Any]) -> None:
    """Issue 10: a finding that rests on a named definition shows it as a step (its title and
    outcome, never its id); the seed's EU findings turn on the Art. 3 concentration."""
    eu = next(j for j in ctx["jurisdictions"] if j["id"] == "eu")
    lines = [x for f in eu["factors"] for x in [*f["triggered"], *f["unknown"]]]
    steps = [s for x in lines for s in x["steps"]]
    assert {"title": "Concentration under Art. 3 EUMR", "outcome": "open", "cites": []} in steps
    assert all(not s["title"].startswith(("def.", "rule.")) for s in steps)
