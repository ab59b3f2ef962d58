"""The examples of docs/writing-deals.md, as the tests read them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trustbench.sources import parse_document

ROOT = Path(__file__).parents[1]
GUIDE = ROOT / "docs" / "writing-deals.md"
_BLOCK = re.compile(r'<!-- deal: (base|section|broken "([^"]*)") -->\n```yaml\n(.*?)```', re.S)


@dataclass(frozen=True)
class Example:
    kind: str  # base | section | broken
    expect: str  # the message a broken example must give
    text: str
    line: int  # where the block starts in the guide

    @property
    def id(self) -> str:
        return f"writing-deals.md:{self.line}"


def examples() -> list[Example]:
    text = GUIDE.read_text(encoding="utf-8")
    return [
        Example(
            m.group(1).split()[0], m.group(2) or "", m.group(3), text[: m.start()].count("\n") + 1
        )
        for m in _BLOCK.finditer(text)
    ]


def base() -> dict[str, Any]:
    first = examples()[0]
    assert first.kind == "base"
    data = parse_document(first.text, "base").data
    assert isinstance(data, dict)
    return data


def whole(example: Example) -> str:
    """The example as a whole deal file: a section replaces the base's section of that name.
    JSON is YAML, so the merged document is written as JSON."""
    if example.kind == "base":
        return example.text
    merged = base()
    fragment = parse_document(example.text, example.id).data
    merged.update(fragment)
    return json.dumps(merged, indent=1)
