"""Checks that reading a pack's files makes: YAML, schema, links, parameters, authorities'
dates and definitions' names (raised by :mod:`trustbench.rules.files` and the loader)."""

from __future__ import annotations

from trustbench.rules.checks import Check, Fixture, Link, register
from trustbench.rules.checks.snippets import AUTHORITIES, PARAMS, RULE, edit, pack

UNREADABLE = register(
    Check(
        "TB010",
        "yaml",
        "a pack file cannot be read, or is not valid YAML (syntax, duplicate key, tag)",
        Fixture(
            bad=pack(
                broken="title: [unclosed\n",
                stake=edit(RULE, "weight: 1\n", "weight: 1\nweight: 2\n"),
            ),
            expected="""\
pack/broken.yaml:2:1: error[TB010]: invalid YAML: did not find expected ',' or ']'
pack/stake.yaml:4:1: error[TB010]: duplicate key 'weight' (first defined on line 3)
  hint: each key may appear once in a mapping; merge the two entries
2 problems in 2 files
""",
            good={"pack/broken.yaml": None, "pack/stake.yaml": RULE},
        ),
    )
)

_MISSPELT = edit(
    edit(edit(RULE, "control", "minority_stake"), "weight", "wieght"),
    '  not_triggered: "{acquirer} holds {acquirer.equity.after|pct} of {target}."',
    "  not_trigered: no",
)
SCHEMA = register(
    Check(
        "TB100",
        "schema",
        "a file does not match its schema (unknown key, wrong type, missing key)",
        Fixture(
            bad=pack(stake=_MISSPELT, uncited=edit(RULE, "cites: [act]\n", "")),
            expected="""\
pack/stake.yaml:2:9: error[TB100]: factor: expected 'filing', 'control', 'minority-stake', \
'board', 'vertical', 'information', 'horizontal' or 'personnel', got 'minority_stake'
  hint: did you mean 'minority-stake'?
pack/stake.yaml:3:1: error[TB100]: unknown key 'wieght'
  hint: did you mean 'weight'?
pack/stake.yaml:8:3: error[TB100]: unknown key 'not_trigered' in finding
  hint: did you mean 'not_triggered'?
pack/uncited.yaml:1:1: error[TB100]: missing required key 'cites'
4 problems in 2 files
""",
            good={"pack/stake.yaml": RULE, "pack/uncited.yaml": RULE},
        ),
    )
)

LINK_ESCAPE = register(
    Check(
        "TB104",
        "link-escape",
        "a pack file is a symbolic link that resolves outside the pack's folder",
        Fixture(
            bad={**pack(stake=Link("../outside.yaml")), "outside.yaml": RULE},
            expected="""\
pack/stake.yaml: error[TB104]: this pack file is a link to outside.yaml, outside the pack's folder
  hint: copy the file into the pack instead of linking to it
1 problem in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
    )
)

_DATES = "    2021-01-01: 0.25\n    2020-01-01: 0.2\n    2025-13-01: 0.3\n"
PARAM_DATE = register(
    Check(
        "TB120",
        "dates",
        "parameter date invalid, or dates not strictly increasing",
        Fixture(
            bad=pack(params=edit(PARAMS, "    2020-01-01: 0.25\n", _DATES)),
            expected="""\
pack/params.yaml:7:5: error[TB120]: parameter 'threshold': dates must be strictly increasing \
(2021-01-01 then 2020-01-01)
  hint: list the values oldest first, one per effective date
pack/params.yaml:8:5: error[TB120]: threshold.values: '2025-13-01' is not a valid date (month \
value is outside expected range of 1-12)
  hint: write effective dates as YYYY-MM-DD
2 problems in 1 file
""",
            good={"pack/params.yaml": PARAMS},
        ),
    )
)

PARAM_TYPE = register(
    Check(
        "TB121",
        "param-type",
        "parameter value of the wrong type (NaN and infinity included)",
        Fixture(
            bad=pack(params=edit(PARAMS, "0.25", '"25%"')),
            expected="""\
pack/params.yaml:6:17: error[TB121]: parameter 'threshold' (2020-01-01): expected a double, \
got '25%'
  hint: write a number, e.g. 0.25 for 25 % or 126_400_000 for USD 126.4m
1 problem in 1 file
""",
            good={"pack/params.yaml": PARAMS},
        ),
    )
)

_HOUSE = 'id: house\njurisdiction: us\nname: Testland\nversion: "1"\nextends: us\n'
_OVERLAY = """\
hsr_size_of_transaction_floor:
  unit: EUR
  values:
    2027-01-01: 140_000_000
  reference:
    title: House estimate
house_threshold:
  description: a house threshold
  unit: share
  values:
    2025-01-01: 0.05
  reference:
    title: House policy
  replace: true
"""
PARAM_OVERLAY = register(
    Check(
        "TB122",
        "overlay",
        "extending pack changes an inherited parameter's type or unit without `replace`, or "
        "`replace` on a parameter no base pack defines",
        Fixture(
            bad=pack(manifest=_HOUSE, params=_OVERLAY, authorities=None, stake=None),
            expected="""\
pack/params.yaml:2:9: error[TB122]: parameter 'hsr_size_of_transaction_floor': unit 'EUR' \
differs from the base pack's 'USD'
  hint: keep the base's, or write `replace: true` to replace the whole series
pack/params.yaml:14:12: error[TB122]: parameter 'house_threshold': `replace: true`, but no base \
pack defines it
  hint: remove `replace` (it only applies to an inherited parameter)
2 problems in 1 file
""",
            good={
                "pack/params.yaml": edit(
                    edit(_OVERLAY, "unit: EUR", "unit: USD"), "  replace: true\n", ""
                )
            },
        ),
    )
)

_DATED_BY = """\
mhhi_screen_delta:
  dated_by: hsr.acquisiton.date
  reference: {title: "House policy"}
  values:
    2026-01-01: 50
"""
DATED_BY = register(
    Check(
        "TB123",
        "dated-by",
        "parameter `dated_by` names no fact, or a fact that gives no date",
        Fixture(
            bad=pack(manifest=_HOUSE, params=_DATED_BY, authorities=None, stake=None),
            expected="""\
pack/params.yaml:2:13: error[TB123]: parameter 'mhhi_screen_delta': dated_by \
'hsr.acquisiton.date' is not a fact that gives a date
  hint: did you mean 'hsr.acquisition.date'?
1 problem in 1 file
""",
            good={"pack/params.yaml": edit(_DATED_BY, "acquisiton", "acquisition")},
        ),
    )
)

_UNREFERENCED = "mhhi_screen_delta:\n  values:\n    2026-01-01: 50\n"
OVERLAY_REFERENCE = register(
    Check(
        "TB124",
        "overlay-reference",
        "extending pack adds a dated value without a reference of its own",
        Fixture(
            bad=pack(manifest=_HOUSE, params=_UNREFERENCED, authorities=None, stake=None),
            expected="""\
pack/params.yaml:3:5: error[TB124]: parameter 'mhhi_screen_delta': the value for 2026-01-01 \
has no reference of its own
  hint: add `reference:` to the parameter (it covers this pack's values) or write the value as \
{value: …, reference: …}
1 problem in 1 file
""",
            good={"pack/params.yaml": _UNREFERENCED + "  reference:\n    title: House policy\n"},
        ),
    )
)

AUTHORITY_UNDATED = register(
    Check(
        "TB152",
        "authority-date",
        "an authority without a `date` (from which it holds), which an as-of memo needs",
        Fixture(
            bad=pack(authorities=edit(AUTHORITIES, "  date: 2020-01-01\n", "")),
            expected="""\
pack/authorities.yaml:1:1: error[TB152]: authority 'act' has no date
  hint: add `date: YYYY-MM-DD`, the date from which it holds (entry into force, publication, \
a notice's effective date), so that a memo as of an earlier date does not rely on it
1 problem in 1 file
""",
            good={"pack/authorities.yaml": AUTHORITIES},
        ),
    )
)
