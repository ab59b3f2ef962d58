"""The pack checks, each a registered object with a stable code, a name, what it finds and
the fixture that shows it (``tests/rules/fixtures/<code>-<name>/``, whose expected output
has exactly that code). Loading reports the TB0xx-TB13x and TB16x codes, lint the rest,
``rules validate`` the checks across packs. ``trustbench rules codes`` lists them.

To add a check: register it here and use the constant where it is found; add its fixture.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["REGISTRY", "Check"]


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    description: str

    @property
    def fixture(self) -> str:
        """The fixture folder's name under ``tests/rules/fixtures``."""
        return f"{self.code}-{self.name}"

    def __str__(self) -> str:
        return self.code


REGISTRY: dict[str, Check] = {}


def _check(code: str, name: str, description: str) -> Check:
    if code in REGISTRY:
        raise ValueError(f"pack check code {code} registered twice")
    REGISTRY[code] = Check(code, name, description)
    return REGISTRY[code]


UNREADABLE = _check(
    "TB010", "yaml", "a pack file cannot be read, or is not valid YAML (syntax, duplicate key, tag)"
)
SCHEMA = _check(
    "TB100", "schema", "a file does not match its schema (unknown key, wrong type, missing key)"
)
UNKNOWN_BASE = _check("TB101", "unknown-base", "`extends` names an unknown pack")
EXTENDS_CYCLE = _check("TB102", "cycle", "`extends` cycle")
EXTENDS_ESCAPE = _check("TB103", "escape", "`extends` by path leaves the rule folders given")
LINK_ESCAPE = _check(
    "TB104", "link-escape", "a pack file is a symbolic link that resolves outside the pack's folder"
)
UNKNOWN_DISABLE = _check("TB110", "disable", "`disable` names an unknown rule or definition")
PARAM_DATE = _check("TB120", "dates", "parameter date invalid, or dates not strictly increasing")
PARAM_TYPE = _check(
    "TB121", "param-type", "parameter value of the wrong type (NaN and infinity included)"
)
PARAM_OVERLAY = _check(
    "TB122",
    "overlay",
    "extending pack changes an inherited parameter's type or unit without `replace`, or "
    "`replace` on a parameter no base pack defines",
)
DATED_BY = _check(
    "TB123", "dated-by", "parameter `dated_by` names no fact, or a fact that gives no date"
)
OVERLAY_REFERENCE = _check(
    "TB124", "overlay-reference", "extending pack adds a dated value without a reference of its own"
)
CONDITION = _check(
    "TB130",
    "condition",
    "condition does not compile or type-check (unknown fact, parameter, definition or rule; "
    "type error)",
)
LITERAL = _check("TB131", "literal", "threshold literal written inside a condition")
DEFINITION_CYCLE = _check(
    "TB132", "definition-cycle", "a definition or rule uses itself, directly or through others"
)
TOO_DEEP = _check(
    "TB133",
    "too-deep",
    "definitions and rule references nested more than 64 levels deep",
)
EXAMPLES = _check(
    "TB140",
    "examples",
    "no triggering or no non-triggering example (for a definition: no true or no false one)",
)
BOUNDARY = _check("TB141", "boundary", "numeric threshold without a boundary example")
EXAMPLE_NAME = _check("TB142", "example-names", "example names an unknown fact or parameter")
EXAMPLE_TYPE = _check("TB143", "example-type", "example value of the wrong type")
AUTHORITY = _check("TB150", "authority", "cited authority is not defined")
AUTHORITY_SECONDARY = _check(
    "TB151",
    "authority-primary",
    "an authority's link is not on the pack's `primary_hosts` (the primary text: legislation, "
    "official journals, the agencies' own guidance)",
)
AUTHORITY_UNDATED = _check(
    "TB152",
    "authority-date",
    "an authority without a `date` (from which it holds), which an as-of memo needs",
)
DUPLICATE_RULE = _check(
    "TB160",
    "duplicate-rule",
    "duplicate rule id (two files of a pack, or two packs that do not extend each other)",
)
DUPLICATE_PACK = _check("TB161", "duplicate-pack", "duplicate pack id")
DEFINITION_NAME = _check(
    "TB162", "definition-name", "a definition's file name is not a name a condition can use"
)
TEXT_NAME = _check("TB170", "text-name", "text uses a name the rule cannot bind")
TEXT_FORMAT = _check("TB171", "text-format", "unknown format in a text")
TEXT_TYPE = _check(
    "TB172",
    "text-type",
    "a text formats a value of the wrong type (`|money` on a text, `|pct` on a list)",
)
