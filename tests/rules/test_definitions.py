"""Definitions, rule references and scales: the law written once and used by name."""

import datetime as dt
from pathlib import Path

import pytest

from trustbench.errors import ErrorGroup
from trustbench.rules.examples import example_outcome, run_examples
from trustbench.rules.loader import load_checked, load_pack
from trustbench.rules.pack import rule_ref
from trustbench.rules.schema import Example
from trustbench.rules.validate import known_packs

MANIFEST = "id: {id}\njurisdiction: zz\nname: Test\nversion: '1'\n{extra}"
PARAMS = """\
floor:
  description: a floor
  unit: share
  values: {2020-01-01: 0.25}
  reference: {title: Test Act s. 1}
fee:
  description: a fee schedule
  unit: USD
  type: scale
  values:
    2020-01-01: [{from: 0, value: 10}, {from: 100, value: 20}, {from: 200, value: null}]
  reference: {title: Test Act s. 2}
"""
AUTH = "act: {short: Test Act, full: The Test Act 2020, date: 2020-01-01}\n"
DEFINITION = """\
title: Big stake
when: acquirer.equity.after > params.floor
cites: [act]
examples:
  - {name: above, facts: {acquirer.equity.after: 0.3}, expect: true}
  - {name: at, facts: {acquirer.equity.after: 0.25}, expect: false}
"""
RULE = """\
title: {title}
factor: control
weight: 1
when: {when}
test: a test
finding: {{triggered: yes, not_triggered: no}}
cites: [act]
examples:
  - {{name: yes, facts: {{acquirer.equity.after: 0.3}}, expect: triggered}}
  - {{name: no, facts: {{acquirer.equity.after: 0.25}}, expect: not_triggered}}
"""


def _pack(folder: Path, files: dict[str, str], pid: str = "zz", extra: str = "") -> Path:
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(MANIFEST.format(id=pid, extra=extra))
    for rel, text in {"params.yaml": PARAMS, "authorities.yaml": AUTH, **files}.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text)
    return folder


def _rule(when: str, title: str = "A rule") -> str:
    return RULE.format(title=title, when=when)


def test_a_rule_uses_a_definition_and_another_rules_outcome(tmp_path: Path) -> None:
    folder = _pack(
        tmp_path / "zz",
        {
            "definitions/big_stake.yaml": DEFINITION,
            "control/big.yaml": _rule("def.zz.big_stake"),
            "control/follow-on.yaml": _rule("rule.zz.control.big"),
        },
    )
    pack = load_pack(folder, known_packs([folder]))
    assert set(pack.definitions) == {"def.zz.big_stake"}
    follow = pack.rules["zz.control.follow-on"]
    assert follow.compiled is not None and follow.compiled.names == ("rule.zz.control.big",)
    assert pack.leaves(follow.compiled.names) == ("acquirer.equity.after", "params.floor")
    assert all(r.passed for r in run_examples(pack)), run_examples(pack)
    as_of = dt.date(2025, 1, 1)
    example = Example(name="x", facts={}, expect="unknown")
    outcome, _ = example_outcome(pack, follow.compiled, example, as_of)
    assert (outcome.value, outcome.missing) == (None, ("acquirer.equity.after",))
    given = Example(name="y", facts={"def.zz.big_stake": True}, expect="triggered")
    assert example_outcome(pack, follow.compiled, given, as_of)[0].value is True


def test_a_definition_cycle_is_reported_where_it_closes(tmp_path: Path) -> None:
    cyclic = DEFINITION.replace(
        "when: acquirer.equity.after > params.floor", "when: def.zz.b || def.zz.a"
    )
    other = DEFINITION.replace(
        "when: acquirer.equity.after > params.floor", "when: rule.zz.uses_a && def.zz.a"
    )
    folder = _pack(
        tmp_path / "zz",
        {
            "definitions/a.yaml": cyclic,
            "definitions/b.yaml": other,
            "uses_a.yaml": _rule("def.zz.a"),
        },
    )
    _, problems = load_checked(folder, known_packs([folder]))
    at = f"{folder / 'definitions/a.yaml'}:2:7: error[TB132]: definition cycle: "
    assert [d.render().split("\n")[0] for d in problems] == [
        at + "def.zz.a → def.zz.a",
        at + "def.zz.a → def.zz.b → def.zz.a",
        at + "def.zz.a → def.zz.b → rule.zz.uses_a → def.zz.a",
    ]
    with pytest.raises(ErrorGroup):
        load_pack(folder, known_packs([folder]))


def test_an_extending_pack_replaces_and_disables_a_definition(tmp_path: Path) -> None:
    base = _pack(
        tmp_path / "base",
        {"definitions/big_stake.yaml": DEFINITION, "big.yaml": _rule("def.zz.big_stake")},
        pid="base",
    )
    stricter = DEFINITION.replace("> params.floor", "> params.floor && false").replace(
        "expect: true", "expect: false"
    )
    house = _pack(
        tmp_path / "house",
        {"definitions/big_stake.yaml": stricter},
        pid="house",
        extra="extends: base\n",
    )
    known = known_packs([base, house])
    pack = load_pack(house, known)
    loaded = pack.definitions["def.zz.big_stake"]
    assert loaded.pack == "house" and "false" in loaded.definition.when
    rule = pack.rules["zz.big"].compiled
    assert rule is not None
    example = Example(name="x", facts={"acquirer.equity.after": 0.9}, expect="triggered")
    assert example_outcome(pack, rule, example, dt.date(2025, 1, 1))[0].value is False
    off = _pack(
        tmp_path / "off",
        {},
        pid="off",
        extra="extends: base\ndisable:\n  - {rule: def.zz.big_stake, reason: not our law}\n",
    )
    pack = load_pack(off, known_packs([base, off]))
    assert "def.zz.big_stake" in pack.disabled
    outcome, _ = example_outcome(pack, rule, example, dt.date(2025, 1, 1))
    assert outcome.value is None


@pytest.mark.parametrize(
    ("amount", "fee"),
    [(0.0, True), (99.0, True), (100.0, False), (150.0, False), (250.0, None)],
)
def test_a_scale_is_read_step_by_step(tmp_path: Path, amount: float, fee: bool | None) -> None:
    folder = _pack(
        tmp_path / "zz",
        {"fee.yaml": _rule("scale(params.fee, hsr.size_of_transaction.usd) < 15.0")},
    )
    pack = load_pack(folder, known_packs([folder]))
    compiled = pack.rules["zz.fee"].compiled
    assert compiled is not None
    example = Example(name="x", facts={"hsr.size_of_transaction.usd": amount}, expect="unknown")
    assert example_outcome(pack, compiled, example, dt.date(2025, 1, 1))[0].value is fee


def test_rule_references_read_hyphens_as_underscores() -> None:
    assert rule_ref("de.filing.notification-required") == "rule.de.filing.notification_required"


def test_a_rule_that_fails_validation_is_a_draft_never_a_rule_with_none(tmp_path: Path) -> None:
    from trustbench.rules.schema import Rule

    broken = _rule("acquirer.equity.after > params.floor").replace("factor: control", "factor: x")
    folder = _pack(tmp_path / "zz", {"broken.yaml": broken})
    pack, problems = load_checked(folder, known_packs([folder]))
    assert pack is not None and [d.code for d in problems] == ["TB100"]
    loaded = pack.rules["zz.broken"]
    assert not isinstance(loaded.rule, Rule) and loaded.broken == frozenset({"factor"})
    assert loaded.rule.factor is None and loaded.rule.title == "A rule"


@pytest.mark.parametrize("weight", [".nan", ".inf", "-.inf", "1e400", "NaN"])
def test_a_weight_that_is_not_a_finite_number_is_rejected_where_it_is_written(
    tmp_path: Path, weight: str
) -> None:
    rule = _rule("acquirer.equity.after > params.floor").replace("weight: 1", f"weight: {weight}")
    folder = _pack(tmp_path / "zz", {"nan.yaml": rule})
    _, problems = load_checked(folder, known_packs([folder]))
    # 1e400 overflows a float: the YAML reader stops it, where it is written
    code = "TB010" if weight == "1e400" else "TB100"
    assert [(d.code, d.line, d.column) for d in problems] == [(code, 3, 9)]
    assert problems[0].message.startswith("weight: " if code == "TB100" else "")


def test_a_parameter_value_that_is_not_finite_is_rejected(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "zz", {})
    params = (
        (folder / "params.yaml").read_text().replace("{2020-01-01: 0.25}", "{2020-01-01: .nan}")
    )
    (folder / "params.yaml").write_text(params)
    _, problems = load_checked(folder, known_packs([folder]))
    assert [(d.code, d.line) for d in problems] == [("TB121", 4)]


def test_a_long_chain_of_definitions_is_a_located_error_not_a_crash(tmp_path: Path) -> None:
    """1,000 definitions each using the next: no RecursionError, one located TB133."""
    chain = {
        f"definitions/d{i}.yaml": DEFINITION.replace(
            "when: acquirer.equity.after > params.floor", f"when: def.zz.d{i + 1}"
        )
        for i in range(999)
    }
    chain["definitions/d999.yaml"] = DEFINITION
    folder = _pack(tmp_path / "zz", {**chain, "r.yaml": _rule("def.zz.d0")})
    _, problems = load_checked(folder, known_packs([folder]))
    assert [(d.code, Path(d.file).name) for d in problems] == [("TB133", "d935.yaml")]
