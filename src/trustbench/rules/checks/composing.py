"""Checks that putting a pack together makes: what it extends and disables, conditions that
compile, definitions that do not loop or nest too deep, ids that are unique (raised by the
loader, :mod:`trustbench.rules.compile` and :mod:`trustbench.rules.validate`)."""

from __future__ import annotations

from trustbench.rules.checks import Check, Fixture, register
from trustbench.rules.checks.snippets import DEFINITION_EXAMPLES, MANIFEST, RULE, edit, pack


def _manifest(pid: str, extends: str | None = None, name: str = "Testland") -> str:
    text = edit(edit(MANIFEST, "id: xx", f"id: {pid}"), "Testland", name)
    return text + (f"extends: {extends}\n" if extends else "")


def _us(pid: str, extends: str | None, name: str = "Testland") -> str:
    return edit(_manifest(pid, extends, name), "jurisdiction: xx", "jurisdiction: us")


UNKNOWN_BASE = register(
    Check(
        "TB101",
        "unknown-base",
        "`extends` names an unknown pack",
        Fixture(
            bad={
                "pack/pack.yaml": _us("house", "uss"),
                "pack2/pack.yaml": _us("house2", "../nowhere"),
            },
            expected="""\
pack/pack.yaml:5:10: error[TB101]: extends unknown pack 'uss'
  hint: did you mean 'us'?
pack2/pack.yaml:5:10: error[TB101]: extends '../nowhere': there is no pack.yaml in nowhere
  hint: name a pack id, or a folder with a pack.yaml
2 problems in 2 files
""",
            good={
                "pack/pack.yaml": _us("house", "us"),
                "pack2/pack.yaml": _us("house2", "../pack"),
            },
        ),
    )
)

EXTENDS_CYCLE = register(
    Check(
        "TB102",
        "cycle",
        "`extends` cycle",
        Fixture(
            bad={
                **pack("a", _manifest("a", "../b"), stake=None),
                **pack("b", _manifest("b", "a"), stake=None),
            },
            expected="""\
a/pack.yaml:5:10: error[TB102]: extends cycle: a → b → a
  hint: a pack cannot extend itself, directly or through others
b/pack.yaml:5:10: error[TB102]: extends cycle: b → a → b
  hint: a pack cannot extend itself, directly or through others
2 problems in 2 files
""",
            good={"b/pack.yaml": _manifest("b")},
        ),
    )
)

EXTENDS_ESCAPE = register(
    Check(
        "TB103",
        "escape",
        "`extends` by path leaves the rule folders given",
        Fixture(
            bad={
                "house/pack.yaml": _us("house", "../../TB101-unknown-base/pack", "House"),
                "../TB101-unknown-base/pack/pack.yaml": _us("house", "uss"),
            },
            expected="""\
house/pack.yaml:5:10: error[TB103]: extends '../../TB101-unknown-base/pack' leaves the rule \
folders given
  hint: a pack may extend only packs in the folders passed with --rules (or the built-in \
packs), or a sibling pack; copy the base pack there
1 problem in 1 file
""",
            good={
                "house/pack.yaml": _us("house", "../base", "House"),
                "base/pack.yaml": _us("base", "us"),
            },
        ),
    )
)

_DISABLE = "disable:\n  - rule: us.hsr.filing-requird\n    reason: counsel handles HSR separately\n"
UNKNOWN_DISABLE = register(
    Check(
        "TB110",
        "disable",
        "`disable` names an unknown rule or definition",
        Fixture(
            bad={"pack/pack.yaml": _us("house", "us") + _DISABLE},
            expected="""\
pack/pack.yaml:7:11: error[TB110]: cannot disable unknown rule 'us.hsr.filing-requird'
  hint: did you mean 'us.hsr.filing-required'?
1 problem in 1 file
""",
            good={"pack/pack.yaml": _us("house", "us") + edit(_DISABLE, "requird", "required")},
        ),
    )
)

_CONDITION = """\
when: >-
  acquirer.equity.aftr > params.threshold
  && acquirer.board.seats.after > 0.0
  && acquirer.voting.after > params.treshold
"""
_DEAL_LEVEL = "when: def.xx.concentrated"
_MARKET_DEFINITION = """\
title: A concentrated market
each: market
when: market.share.merged > params.threshold
cites: [act]
examples:
  - {name: above, facts: {market.share.merged: 0.3}, expect: true}
  - {name: at-threshold, facts: {market.share.merged: 0.25}, expect: false}
"""
CONDITION = register(
    Check(
        "TB130",
        "condition",
        "condition does not compile or type-check (unknown fact, parameter, definition or rule; "
        "type error)",
        Fixture(
            bad=pack(
                stake=edit(RULE, "when: acquirer.equity.after > params.threshold\n", _CONDITION),
                market=edit(RULE, "acquirer.equity.after > params", "market.hhi.delta > params"),
                deal_level=edit(
                    RULE, "when: acquirer.equity.after > params.threshold", _DEAL_LEVEL
                ),
                definitions__concentrated=_MARKET_DEFINITION,
            ),
            expected="""\
pack/deal_level.yaml:4:7: error[TB130]: 'def.xx.concentrated' is a definition over each market
  hint: add `each: market` to use it, so that it is evaluated once per market
pack/market.yaml:4:7: error[TB130]: 'market.hhi.delta' is a fact of each market
  hint: add `each: market` to the rule to evaluate it once per market
pack/stake.yaml:5:3: error[TB130]: unknown fact 'acquirer.equity.aftr'
  hint: did you mean 'acquirer.equity.after'?
pack/stake.yaml:6:33: error[TB130]: type error: '>' cannot be applied to int and double
  hint: CEL does not mix whole numbers and decimals: write 0 (not 0.0) to compare a count \
(int), 0.0 (not 0) to compare a share or an amount (double)
pack/stake.yaml:7:30: error[TB130]: unknown parameter 'params.treshold'
  hint: did you mean 'params.threshold'?
5 problems in 3 files
""",
            good={
                "pack/stake.yaml": RULE,
                "pack/market.yaml": None,
                "pack/deal_level.yaml": None,
                "pack/definitions/concentrated.yaml": None,
            },
        ),
    )
)


def _definition(title: str, when: str, examples: str = DEFINITION_EXAMPLES) -> str:
    return f"title: {title}\nwhen: {when}\n{examples}"


_CONTROL = """\
cites: [act]
examples:
  - {name: above, facts: {acquirer.equity.after: 0.3, def.xx.influence: true}, expect: true}
  - {name: at, facts: {acquirer.equity.after: 0.25}, expect: false}
"""
_INFLUENCE = """\
cites: [act]
examples:
  - {name: above, facts: {acquirer.equity.after: 0.3}, expect: true}
  - {name: at, facts: {acquirer.equity.after: 0.25, def.xx.control: false}, expect: false}
"""
_STAKE = "acquirer.equity.after > params.threshold"
DEFINITION_CYCLE = register(
    Check(
        "TB132",
        "definition-cycle",
        "a definition or rule uses itself, directly or through others",
        Fixture(
            bad=pack(
                definitions__control=_definition(
                    "Control", f"def.xx.influence && {_STAKE}", _CONTROL
                ),
                definitions__influence=_definition(
                    "Influence", f"{_STAKE} || def.xx.control", _INFLUENCE
                ),
            ),
            expected="""\
pack/definitions/control.yaml:2:7: error[TB132]: definition cycle: def.xx.control → \
def.xx.influence → def.xx.control
  hint: a definition or rule cannot use itself, directly or through others
1 problem in 1 file
""",
            good={"pack/definitions/influence.yaml": _definition("Influence", _STAKE)},
        ),
    )
)

_LEVELS = {
    f"definitions__level_{i:02}": _definition(
        f"Level {i}", f"def.xx.level_{i + 1:02}" if i < 65 else _STAKE
    )
    for i in range(66)
}
TOO_DEEP = register(
    Check(
        "TB133",
        "too-deep",
        "definitions and rule references nested more than 64 levels deep",
        Fixture(
            bad=pack(**_LEVELS),
            expected="""\
pack/definitions/level_01.yaml:2:7: error[TB133]: def.xx.level_01 nests definitions and rule \
references 65 deep
  hint: at most 64 levels: join steps into fewer, larger definitions
1 problem in 1 file
""",
            good={"pack/definitions/level_01.yaml": _definition("Level 1", _STAKE)},
        ),
    )
)

DUPLICATE_RULE = register(
    Check(
        "TB160",
        "duplicate-rule",
        "duplicate rule id (two files of a pack, or two packs that do not extend each other)",
        Fixture(
            bad={
                **pack("one", stake=None, **{"a.stake": RULE, "a__stake": RULE}),
                **pack("two", _manifest("yy"), stake=None, a__stake=RULE),
            },
            expected="""\
one/a.stake.yaml:1:1: error[TB160]: rule id 'xx.a.stake' is also the id of one/a/stake.yaml
  hint: rename one of the two files: a rule's id is its path in the pack, with / read as .
two/a/stake.yaml:1:1: error[TB160]: rule id 'xx.a.stake' is also defined by pack 'xx' \
(one/a/stake.yaml), which this pack does not extend
  hint: add `extends: xx` to pack.yaml to replace that rule, or give this pack another \
jurisdiction or the file another name
2 problems in 2 files
""",
            good={"one/a.stake.yaml": None, "two/a/stake.yaml": None, "two/b/stake.yaml": RULE},
        ),
    )
)

DUPLICATE_PACK = register(
    Check(
        "TB161",
        "duplicate-pack",
        "duplicate pack id",
        Fixture(
            bad={**pack("one"), **pack("two")},
            expected="""\
two/pack.yaml:1:1: error[TB161]: pack id 'xx' is also declared by one/pack.yaml
  hint: give each pack its own id
1 problem in 1 file
""",
            good={"two/pack.yaml": _manifest("yy"), "two/stake.yaml": None, "two/other.yaml": RULE},
        ),
    )
)

DEFINITION_NAME = register(
    Check(
        "TB162",
        "definition-name",
        "a definition's file name is not a name a condition can use",
        Fixture(
            bad=pack(**{"definitions__big-stake": _definition("Big stake", _STAKE)}),
            expected="""\
pack/definitions/big-stake.yaml:1:1: error[TB162]: definition file name 'big-stake' is not a \
name a condition can use
  hint: use lower-case letters, digits and underscores (e.g. size_of_person_met)
1 problem in 1 file
""",
            good={
                "pack/definitions/big-stake.yaml": None,
                "pack/definitions/big_stake.yaml": _definition("Big stake", _STAKE),
            },
        ),
    )
)
