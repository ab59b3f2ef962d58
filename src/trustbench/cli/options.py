"""The options several commands share, with one meaning and one parser each: dates, pack
folders, jurisdictions, output formats and statuses. Choices are enums, so ``--help`` lists
them; placeholders are words (DATE, DIR, CODE), never Python types."""

from __future__ import annotations

import datetime as dt
import json
import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from trustbench.errors import TrustbenchError


class FailOnMet(Exception):
    """``--fail-on BAND`` was met (exit 1)."""


class Format(StrEnum):
    text = "text"
    json = "json"


class ScreenFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


STATUSES = ("triggered", "unknown", "not_triggered")
BUILTIN_BANDS = "low, medium, high"


def parse_date(text: str | None) -> dt.date | None:
    """The one date parser of the command line: ISO 8601, YYYY-MM-DD."""
    if text is None or isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(f"expected a date YYYY-MM-DD, got {text!r}") from None


def parse_statuses(text: str | None) -> tuple[str, ...] | None:
    """``triggered,unknown`` → the statuses named (``not-triggered`` is accepted too)."""
    if text is None:
        return None
    names = tuple(n.strip().replace("-", "_") for n in text.split(",") if n.strip())
    wrong = [n for n in names if n not in STATUSES]
    if wrong or not names:
        raise typer.BadParameter(
            f"expected statuses separated by commas among {', '.join(STATUSES)}, got {text!r}"
        )
    return names


Jurisdiction = Annotated[
    list[str] | None,
    typer.Option(
        "--jurisdiction",
        "-j",
        metavar="CODE",
        help="screen only this jurisdiction (repeat for several; default: the case's list)",
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="apply the thresholds in force on this date (YYYY-MM-DD; default: the case's as_of)",
    ),
]
RulesDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        metavar="DIR",
        help="a folder of rule packs to add to the built-in packs (house packs, other "
        "jurisdictions); a pack there that extends a built-in one replaces it. Repeatable.",
    ),
]
FailOn = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        metavar="BAND",
        help=f"exit 1 if a jurisdiction's band reaches BAND (built-in bands: {BUILTIN_BANDS}; "
        "a house pack may define others)",
    ),
]


def check_folders(option: str, folders: list[Path] | None) -> None:
    for folder in folders or []:
        if not folder.is_dir():
            raise TrustbenchError(f"{option}: not a folder", file=str(folder))


def finite(value: Any) -> Any:
    """``value`` with every non-finite float (NaN, ±inf) replaced by ``None`` (unknown), so
    that no NaN can reach a JSON document."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


def dump_json(value: Any, *, indent: int | None = 2) -> str:
    """The one JSON writer of the command line: sorted keys, UTF-8 text, NaN impossible."""
    return json.dumps(
        finite(value), indent=indent, sort_keys=True, ensure_ascii=False, allow_nan=False
    )
