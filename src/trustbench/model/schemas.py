"""JSON Schema fragments for the value types that deal files write as text.

``trustbench schema deal`` must accept what the loader accepts: an amount written
``"USD 870m"``, a share ``"49%"``, a bound ``"< GBP 70m"``. The loader's parsers are
regular expressions plus arithmetic checks; these patterns are the same expressions
(without the arithmetic: a ``"120%"`` passes the schema and fails the loader, with a
message). JSON Schema patterns are ECMA-262 without flags, hence the spelled-out cases.
"""

from __future__ import annotations

from typing import Any

_CUR = r"(?:[A-Za-z]{3}|US\$|\$|€|£)"
_NUM = r"[-+]?[0-9][0-9,_]*(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_SCALE = (
    r"(?:[kK]|[mM]|[mM][nN]|[mM][iI][oO]|[bB][nN]|[bB]|[tT][nN]|thousand|million|billion|trillion)"
)
MONEY_PATTERN = rf"^\s*(?:{_CUR}\s*)?{_NUM}\s*{_SCALE}?\.?\s*(?:[A-Za-z]{{3}})?\s*$"

_OPS = (
    "<=|≤|<|=<|>=|≥|>|=>|[Aa]t most|[Uu]p to|[Nn]o more than|[Nn]ot more than|[Bb]elow|"
    "[Uu]nder|[Ll]ess than|[Aa]t least|[Nn]o less than|[Nn]ot less than|[Aa]bove|[Oo]ver|"
    "[Mm]ore than|[Ee]xceeding"
)
BOUND_PATTERN = rf"^\s*(?:(?:{_OPS})\s*\S.*|[^-+\s].*?\s*(?:-|–|—|\bto\b)\s*\S.*)$"
SHARE_PATTERN = r"^\s*[0-9]+(?:[.,][0-9]+)?\s*%\s*$|^\s*[0-9]*\.?[0-9]+\s*$"
ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"

_BOUND_OBJECT: dict[str, Any] = {
    "type": "object",
    "description": "a range: either end may be left out; *_open: true for a strict bound",
    "properties": {
        "min": {},
        "max": {},
        "min_open": {"type": "boolean"},
        "max_open": {"type": "boolean"},
    },
    "additionalProperties": False,
    "anyOf": [{"required": ["min"]}, {"required": ["max"]}],
}

ID: dict[str, Any] = {"type": "string", "pattern": ID_PATTERN}
CURRENCY: dict[str, Any] = {"type": "string", "pattern": r"^\s*[A-Za-z]{3}\s*$"}
SOURCE_REF: dict[str, Any] = {
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"type": "null"}]
}
MONEY: dict[str, Any] = {
    "description": "an amount: 'USD 14.3bn', 'EUR 250m', '$1,200,000' or a number in the "
    "case's currency",
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": MONEY_PATTERN},
        {
            "type": "object",
            "properties": {"amount": {"type": "number"}, "currency": CURRENCY},
            "required": ["amount"],
            "additionalProperties": False,
        },
    ],
}
MONEY_OR_BOUND: dict[str, Any] = {
    "description": MONEY["description"] + ", or a bound: '< GBP 70m', '> EUR 400m', "
    "'GBP 60-70m', {min: EUR 1bn, max: EUR 2bn, currency: EUR}",
    "anyOf": [
        *MONEY["anyOf"],
        {"type": "string", "pattern": BOUND_PATTERN},
        {
            **_BOUND_OBJECT,
            "properties": {**_BOUND_OBJECT["properties"], "currency": CURRENCY},
        },
    ],
}
SHARE: dict[str, Any] = {
    "description": "a share: 0.49 or '49%'",
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 1},
        {"type": "string", "pattern": SHARE_PATTERN},
    ],
}
SHARE_OR_BOUND: dict[str, Any] = {
    "description": "a share (0.49, '49%') or a bound: '60-70%', '< 5%', 'at most 7 %', "
    "{min: 0.6, max: 0.7}",
    "anyOf": [
        *SHARE["anyOf"],
        {"type": "string", "pattern": BOUND_PATTERN},
        _BOUND_OBJECT,
        {"type": "null"},
    ],
}
COUNT_OR_BOUND: dict[str, Any] = {
    "description": "a whole number or a bound: '> 1,000', '10-20', {min: 10, max: 20}",
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": r"^\s*[0-9][0-9,_]*\s*$"},
        {"type": "string", "pattern": BOUND_PATTERN},
        _BOUND_OBJECT,
        {"type": "null"},
    ],
}
