"""Mutations of deal files for fuzzing: structural (on the parsed data) and textual."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).parents[2]
SEEDS = sorted((ROOT / "cases").glob("*.yaml"))

ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    -1,
    0,
    1,
    49,
    101,
    -0.5,
    1e308,
    -1e308,
    2**70,
    "",
    " ",
    "x" * 5000,
    "49%",
    "149%",
    "-3%",
    "USD -5bn",
    "USD 1e400",
    "EUR",
    "€",
    "2025-02-30",
    "0000-00-00",
    "\u202egnirts desrever\u202c",
    "\u200b",
    "nul\x00byte",
    "ＵＳＤ １４ｂｎ",
    "{{ 7*7 }}",
    "<script>alert(1)</script>",
    [],
    {},
    [[[[[]]]]],
    {"a": {"b": {"c": None}}},
    [1, "a", None],
]
UNICODE = ["\u202e", "\u2066", "\u200f", "\ufeff", "\x00", "\x1b[31m", "\ud7ff", "🦄", "\t"]


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out.extend(paths(value, (*prefix, i)))
    return out


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def mutate_data(data: Any, rng: random.Random, steps: int = 3) -> Any:
    data = copy.deepcopy(data)
    for _ in range(steps):
        candidates = [p for p in paths(data) if p]
        if not candidates:
            break
        path = rng.choice(candidates)
        parent = _parent(data, path)
        op = rng.randrange(5)
        if op == 0:  # delete
            del parent[path[-1]]
        elif op == 1:  # type swap / odd value
            parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif op == 2 and isinstance(parent, list):  # duplicate an item (duplicate ids)
            parent.append(copy.deepcopy(parent[path[-1]]))
        elif op == 3 and isinstance(parent[path[-1]], str):  # odd unicode in text
            text = parent[path[-1]]
            cut = rng.randrange(len(text) + 1)
            parent[path[-1]] = text[:cut] + rng.choice(UNICODE) + text[cut:]
        elif (
            op == 4
            and isinstance(parent[path[-1]], int | float)
            and not isinstance(parent[path[-1]], bool)
        ):  # out of range
            parent[path[-1]] = rng.choice([-1, 10**9, -(10**9), 1e-320, 1.0000001, 100])
    return data


def mutate_text(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    op = rng.randrange(6)
    i = rng.randrange(len(lines))
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, lines[i])  # duplicate a line: duplicate keys
    elif op == 2:
        lines[i] = "\t" + lines[i]
    elif op == 3:
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    elif op == 4:
        lines.insert(
            i,
            rng.choice(
                [
                    "!!python/object:os.system x\n",
                    "a: &a [*a]\n",
                    "<<: *x\n",
                    "- !!binary aGVsbG8=\n",
                    "? [complex, key]\n: v\n",
                    "%YAML 1.1\n",
                    "--- \n",
                    "...\n",
                ]
            ),
        )
    else:
        cut = rng.randrange(len(text) + 1)
        return text[:cut] + rng.choice(UNICODE) + text[cut:]
    return "".join(lines)


def seed_documents() -> list[tuple[str, Any]]:
    return [
        (p.read_text(encoding="utf-8"), yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in SEEDS
    ]


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def deal_input(docs: list[tuple[str, Any]], seed: int) -> str:
    """The mutated deal file of one seed: textual or structural mutations of a case file."""
    rng = random.Random(seed)
    text, data = docs[rng.randrange(len(docs))]
    if rng.random() < 0.4:
        for _ in range(rng.randrange(1, 4)):
            text = mutate_text(text, rng)
        return text
    return dump(mutate_data(data, rng, rng.randrange(1, 5)))


def pack_input(files: list[Path], seed: int) -> tuple[Path, str]:
    """The pack file one seed mutates, and its mutated text."""
    rng = random.Random(seed)
    path = files[rng.randrange(len(files))]
    original = path.read_text(encoding="utf-8")
    if rng.random() < 0.5:
        return path, mutate_text(original, rng)
    return path, dump(mutate_data(yaml.safe_load(original), rng, rng.randrange(1, 4)))
