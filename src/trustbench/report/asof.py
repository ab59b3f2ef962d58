"""A fact that rests only on a source dated after the case's ``as_of``.

A memo is as of its date: such a source is never cited, so a fact that rests on nothing else
stands in the memo without a document behind it — or worse, decides something on later
knowledge. ``case validate`` warns about each one, with the place in the deal file, so the
reviewer can date the fact properly, find an earlier source, or leave the fact out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from trustbench.errors import Diagnostic
from trustbench.model.deal import Deal
from trustbench.model.types import source_ids

Path = tuple[str | int, ...]


def _sourced(value: Any, path: Path) -> Iterator[tuple[Path, tuple[str, ...]]]:
    """(path, source ids) for every part of the deal that names its sources."""
    if isinstance(value, BaseModel):
        ids = (
            source_ids(getattr(value, "source", None))
            if "source" in type(value).model_fields
            else ()
        )
        if ids:
            yield path, ids
        for name in type(value).model_fields:
            if name != "source":
                yield from _sourced(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _sourced(item, (*path, i))


def later_only(deal: Deal) -> list[Diagnostic]:
    """A warning for each statement whose every source is dated after ``case.as_of``."""
    as_of = deal.case.as_of
    dates = {s.id: s.date for s in deal.sources}
    out = []
    for path, ids in _sourced(deal, ()):
        if path[:1] == ("sources",) or not all((dates.get(i) or as_of) > as_of for i in ids):
            continue
        file, line, column = deal.locate((*path, "source"))
        later = ", ".join(f"{i} ({dates[i]})" for i in ids)
        out.append(
            Diagnostic(
                file,
                line,
                column,
                "deal",
                f"{_dotted(path)}: rests only on sources dated after the case date "
                f"{as_of.isoformat()}: {later}",
                "the memo cannot cite them; give a source of or before that date, or move "
                "the fact out of the case",
                code="later-source",
                severity="warning",
            )
        )
    return out


def _dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
