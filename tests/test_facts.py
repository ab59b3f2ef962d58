"""Hand-computed fixtures for facts."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustbench.facts import REGISTRY, FactContext
from trustbench.facts.concentration import hhi, merger_delta, stake_mhhi_delta
from trustbench.model.load import deal_from_document
from trustbench.sources import parse_document

SEED = Path(__file__).parents[1] / "cases" / "meta-scale-ai.yaml"


def deal_from(text: str):  # type: ignore[no-untyped-def]
    return deal_from_document(parse_document(text, "t.yaml"))


def ctx_for(text: str) -> FactContext:
    return FactContext.for_deal(deal_from(text))


BASE = """\
case: {{id: t, title: T, as_of: 2025-06-13}}
entities:
  - {{id: a, name: A}}
  - {{id: b, name: B}}
  - {{id: t, name: T}}
  - {{id: p, name: P, kind: person}}
{extra}
transaction:
  acquirer: a
  target: t
  steps: {steps}
"""


def test_obrien_salop_worked_example() -> None:
    # legal.md §4.1: shares 30 and 20, a 49 % stake
    assert stake_mhhi_delta(0.30, 0.20, 0.49, "silent") == pytest.approx(294.0)
    assert stake_mhhi_delta(0.30, 0.20, 0.49, "proportional") == pytest.approx(881.8, abs=0.1)
    assert stake_mhhi_delta(0.30, 0.20, 0.49, "total") == pytest.approx(1518.5, abs=0.1)
    assert merger_delta(0.30, 0.20) == pytest.approx(1200.0)
    assert stake_mhhi_delta(0.30, 0.20, 1.0, "total") == pytest.approx(1200.0)


two_shares = st.floats(0, 1).flatmap(lambda s1: st.tuples(st.just(s1), st.floats(0, 1 - s1)))
"""Two firms' shares of one market: each between 0 and 1, together at most 1."""


@given(two_shares)
def test_two_firm_delta_is_twice_the_product(shares: tuple[float, float]) -> None:
    s1, s2 = shares
    assert s1 >= 0 and s2 >= 0 and s1 + s2 <= 1
    assert hhi([s1 + s2]) - hhi([s1, s2]) == pytest.approx(merger_delta(s1, s2), abs=1e-6)


def test_indirect_interest_through_a_chain() -> None:
    extra = (
        "holdings:\n  - {holder: a, issuer: b, equity: 60%}\n"
        "  - {holder: b, issuer: t, equity: 50%}"
    )
    ctx = ctx_for(BASE.format(extra=extra, steps="[]"))
    assert ctx.get("acquirer.equity.before").value == pytest.approx(0.30)
    assert ctx.of("acquirer.voting", phase="before").value == pytest.approx(0.30)
    assert ctx.interests("before").direct("a", "t", "equity") == 0.0
    # a → b (60 %) → t (50 %)
    assert ctx.of("acquirer.controls_target", phase="before").value is True


def test_unknown_share_on_the_chain_is_unknown_not_zero() -> None:
    extra = "holdings:\n  - {holder: a, issuer: b}\n  - {holder: b, issuer: t, equity: 50%}"
    ctx = ctx_for(BASE.format(extra=extra, steps="[]"))
    assert ctx.get("acquirer.equity.before").value is None


def test_missing_revenues_leave_size_of_person_unknown() -> None:
    ctx = ctx_for(BASE.format(extra="", steps="[]"))
    value = ctx.get("hsr.acquiring_person.sales.usd")
    assert value.value is None


def test_fx_conversion_uses_dated_rate_and_says_so() -> None:
    extra = (
        "fx:\n  - {from: EUR, to: USD, rate: 1.1, date: 2025-01-02}\n"
        "  - {from: EUR, to: USD, rate: 1.2, date: 2025-12-31}"
    )
    text = BASE.format(extra=extra, steps="[]").replace(
        "  target: t\n", "  target: t\n  value: EUR 100m\n"
    )
    ctx = FactContext.for_deal(deal_from(text))
    value = ctx.of("deal.value", currency="usd")
    assert value.value == pytest.approx(110e6)
    assert "1 EUR = 1.1000 USD (2025-01-02)" in (value.note or "")
    assert ctx.of("deal.value", currency="gbp").value is None
    assert ctx.get("deal.value.eur").value == pytest.approx(100e6)


def test_seed_case_meta_holds_49_percent_equity_and_no_votes_after() -> None:
    from trustbench.model import load_deal

    ctx = FactContext.for_deal(load_deal(SEED))
    assert ctx.get("acquirer.equity.after").value == pytest.approx(0.49)
    assert ctx.get("acquirer.voting.after").value == 0.0
    assert ctx.get("hsr.voting_securities.acquired").value is False
    assert ctx.get("interlock.officer_director.after").value is True
    assert ctx.of("interlock.officer_director", phase="before").value is False
    assert ctx.get("acquirer.board.designated.after").value == 0
    assert ctx.get("information.target_holds_rival_data").value is True
    assert "Google" in ctx.get("vertical.rivals_supplied").value


TYPES = ("bool", "double", "int", "string", "list", "table")


def test_every_fact_is_documented() -> None:
    """Each name rules may use says what it is (doc, unit, type), what legal test it serves,
    what to ask the client when it is unknown and under which topic; the placeholders of its
    definition are all filled in, and the phase it stands for is spelled out."""
    assert len(REGISTRY.names()) >= 30
    for name in REGISTRY.names():
        spec = REGISTRY[name]
        assert spec.type in TYPES, name
        assert spec.doc and spec.unit and spec.test and spec.question, name
        assert spec.topic != "General", name
        text = spec.doc + spec.unit + spec.question.replace("{market}", "")
        assert "{" not in text and "}" not in text, name
        phase = dict(spec.coords).get("phase")
        if phase:
            assert name.endswith(f".{phase}") and f"{phase} the deal" in spec.doc, name
        assert spec.definition.name(spec.coords) == name


def test_one_definition_gives_the_flattened_names_of_each_coordinate() -> None:
    turnover = REGISTRY.definitions["turnover"]
    assert turnover.dimensions == ("currency", "geography", "party")
    spec = REGISTRY["turnover.acquirer.uk.gbp"]
    assert spec.definition is turnover
    assert dict(spec.coords) == {"party": "acquirer", "geography": "uk", "currency": "gbp"}
    assert spec.unit == "GBP" and "in the UK" in spec.doc and "acquirer's group" in spec.doc
    assert REGISTRY["hsr.acquired_person.sales.usd"].coords == (("party", "target"),)
    # a coordinate without a name is computable, but not a name rules may use
    assert "turnover.acquirer.uk.usd" not in REGISTRY
    ctx = ctx_for(BASE.format(extra="", steps="[]"))
    assert ctx.of("turnover", party="acquirer", geography="uk", currency="usd").value is None
    with pytest.raises(KeyError):
        ctx.of("turnover", party="acquirer", geography="mars", currency="usd")


def test_the_catalogue_shows_the_dimensions() -> None:
    rows = {row["name"]: row for row in REGISTRY.catalogue()}
    assert set(rows) == set(REGISTRY.names())
    row = rows["turnover.target.de.eur"]
    assert row["definition"] == "turnover.{party}.{geography}.{currency}"
    assert row["dimensions"] == {"party": "target", "geography": "de", "currency": "eur"}
    assert rows["acquirer.equity.after"]["dimensions"] == {"phase": "after"}
    assert rows["parties.compete"]["dimensions"] == {}


ROOT = Path(__file__).parents[1]


def _strings(data: object, skip: str = "examples") -> Iterator[str]:
    """Every string in a YAML document but those under ``examples`` (an example that gives
    a fact does not make a rule use it)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key != skip:
                yield str(key)
                yield from _strings(value, skip)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item, skip)


def fact_users() -> str:
    """The text of everything that may use a fact: the built-in packs' rules, definitions
    and parameters (conditions and finding texts), and the memo's code and templates."""
    parts = [s for p in sorted((ROOT / "rules").rglob("*.yaml")) for s in _strings(_yaml(p))]
    report = ROOT / "src" / "trustbench" / "report"
    parts += [p.read_text(encoding="utf-8") for p in sorted(report.rglob("*")) if _text(p)]
    return "\n".join(parts)


def _yaml(path: Path) -> object:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _text(path: Path) -> bool:
    return path.is_file() and path.suffix in (".py", ".j2", ".html", ".txt", ".md")


def names_in(text: str) -> set[str]:
    """Every dotted name in ``text``, whole (``acquirer.equity.after``, never a prefix)."""
    return set(re.findall(r"(?<![\w.])[A-Za-z_]\w*(?:\.\w+)+", text))


def used(name: str, text: str) -> bool:
    return name in names_in(text)


def test_every_fact_is_used_by_a_rule_a_definition_or_the_memo() -> None:
    found = names_in(fact_users())
    assert "acquirer.equity.after" in found  # the scan sees what it should
    assert not used("acquirer.equity", "{acquirer.equity.after|pct}")  # a prefix is no use
    assert used("parties.compete", "!parties.compete && x") and used("a.b", "(a.b).")
    unused = [name for name in REGISTRY.names() if name not in found]
    assert not unused, f"facts nothing uses (remove them, or use them): {unused}"


def test_no_import_cycle_among_the_fact_modules() -> None:
    import grimp

    graph = grimp.build_graph("trustbench")
    modules = sorted(m for m in graph.modules if m.startswith("trustbench.facts"))
    cycles = [
        (a, b)
        for a in modules
        for b in graph.find_modules_directly_imported_by(a)
        if b.startswith("trustbench.facts") and graph.chain_exists(importer=b, imported=a)
    ]
    assert not cycles
    assert not graph.chain_exists(
        importer="trustbench.facts.registry", imported="trustbench.facts.context"
    )
