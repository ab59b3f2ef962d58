"""One exception hierarchy for everything a user can get wrong.

Every user-facing error renders compiler-style, so editors and CI can jump to the spot::

    cases/acme.yaml:22:7: error[deal]: transaction.steps[0].voting: expected a share ...
      hint: write 49% as 0.49 (or "49%")
"""

from __future__ import annotations

import difflib
import functools
import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_VALUE = 80  # characters of one value quoted in a message, ellipsis included
MAX_TOKEN = 120  # an unquoted run without spaces (a pasted value) longer than this is cut
MAX_PATH = 240  # a file path, in the location or in the message
MAX_MESSAGE = 2_000
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_QUOTED = re.compile(r"""(?<!\w)(['"])(.+?)\1(?!\w)""")
_TOKEN = re.compile(rf"\S{{{MAX_TOKEN + 1},}}")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in an input file, with a stable code for linters."""

    file: str
    line: int
    column: int
    kind: str
    message: str
    hint: str | None = None
    code: str | None = None
    severity: str = "error"

    def render(self) -> str:
        """One line ``file:line:col: error[code]: message`` (plus ``  hint: ...``), with
        control, bidi and zero-width characters escaped and long values cut (legible)."""
        where = _middle(escape(self.file), MAX_PATH)
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        label = f"{self.severity}[{self.code or self.kind}]"
        text = f"{where}: {label}: {legible(self.message)}"
        if self.hint:
            text += f"\n  hint: {legible(self.hint)}"
        return text


def escape(text: str) -> str:
    """``text`` with every character that is not visible ink or a plain space written as an
    escape: newlines, control characters, bidi controls (U+202E), zero-width characters."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _ESCAPES.get(ch) or _code(ord(ch)) for ch in text)


def legible(message: str) -> str:
    """A message as printed: escaped, each quoted value cut to MAX_VALUE characters, each
    unquoted run over MAX_TOKEN characters (a path over MAX_PATH) cut, the whole bounded."""
    text = _QUOTED.sub(lambda m: m[1] + _cut(m[2], MAX_VALUE - 2) + m[1], escape(message))
    text = _TOKEN.sub(lambda m: _token(m[0]), text)
    return _cut(text, MAX_MESSAGE)


def _code(point: int) -> str:
    return f"\\x{point:02x}" if point <= 0xFF else f"\\u{point:04x}"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _token(token: str) -> str:
    if "/" in token and len(token) <= MAX_PATH:
        return token
    return _cut(token, MAX_VALUE)


def _middle(text: str, limit: int) -> str:
    """A long path keeps its start and its file name."""
    if len(text) <= limit:
        return text
    tail = limit // 2
    return text[: limit - tail - 1] + "…" + text[-tail:]


class TrustbenchError(Exception):
    """Base of every error trustbench reports to a user (exit code 2, no traceback)."""

    kind = "input"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int = 0,
        column: int = 0,
        hint: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        self.code = code
        self.diagnostics: list[Diagnostic] = [self.diagnostic()]

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(
            file=self.file or "<input>",
            line=self.line,
            column=self.column,
            kind=self.kind,
            message=self.message,
            hint=self.hint,
            code=self.code,
        )

    def render(self) -> str:
        return "\n".join(d.render() for d in self.diagnostics)

    def __str__(self) -> str:
        return self.render()


class InputError(TrustbenchError):
    """A file could not be read or parsed (YAML/JSON syntax, size, nesting)."""

    kind = "input"


class DealError(TrustbenchError):
    """The deal file is readable but does not describe a valid deal."""

    kind = "deal"


class TemplateError(TrustbenchError):
    """A memo template is invalid or tried something the sandbox forbids."""

    kind = "template"


class LimitError(TrustbenchError):
    """An input exceeds a documented size or complexity limit."""

    kind = "limit"


@dataclass
class ErrorGroup(TrustbenchError):
    """Several diagnostics reported at once (deal validation, pack lint)."""

    items: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        first = self.items[0] if self.items else None
        Exception.__init__(self, first.message if first else "no diagnostics")
        self.message = first.message if first else ""
        self.file = first.file if first else None
        self.line = first.line if first else 0
        self.column = first.column if first else 0
        self.hint = first.hint if first else None
        self.code = first.code if first else None
        self.diagnostics = sorted(self.items)

    def __str__(self) -> str:
        return self.render()


def dotted(loc: Sequence[str | int]) -> str:
    """A location in a document as users read it: ``transaction.steps[0].voting``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out or "(top level)"


SMALL = 200  # up to this many candidates, compare with each
POOL = 40  # beyond it, compare with the candidates sharing the most letter triples


@functools.lru_cache(maxsize=16)
def _triples_index(candidates: tuple[str, ...]) -> dict[str, list[int]]:
    """Letter triple → the candidates containing it (built once per set of candidates)."""
    index: dict[str, list[int]] = {}
    for i, cand in enumerate(candidates):
        for triple in _triples(cand):
            index.setdefault(triple, []).append(i)
    return index


def _triples(text: str) -> set[str]:
    padded = f" {text} "  # so that short words have triples too
    return {padded[j : j + 3] for j in range(len(padded) - 2)}


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """``did you mean 'x'?`` for the closest candidate (difflib ratio of at least 0.6), or
    ``None``. Near-linear in the number of candidates: a large set is indexed once by
    letter triples, and only the ``POOL`` candidates sharing the most triples with the word
    (and whose length allows a ratio of 0.6) are compared — so thousands of unknown names
    against thousands of candidates take seconds, not minutes."""
    pool = tuple(candidates)
    if len(pool) > SMALL:
        pool = _nearest(word, pool)
    match = difflib.get_close_matches(word, sorted(pool), n=1, cutoff=0.6)
    return f"did you mean {match[0]!r}?" if match else None


def _nearest(word: str, candidates: tuple[str, ...]) -> tuple[str, ...]:
    index = _triples_index(candidates)
    shared: dict[int, int] = {}
    postings = sorted((index.get(t, []) for t in _triples(word)), key=len)
    budget = 4 * SMALL * max(1, len(postings))  # the rarest triples first, within a budget
    for posting in postings:
        budget -= len(posting)
        if budget < 0 and shared:
            break
        for i in posting:
            shared[i] = shared.get(i, 0) + 1
    n = len(word)
    fits = [
        (count, candidates[i])
        for i, count in shared.items()
        if 2 * min(n, len(candidates[i])) >= 0.6 * (n + len(candidates[i]))
    ]
    best = heapq.nsmallest(POOL, fits, key=lambda x: (-x[0], x[1]))
    return tuple(c for _, c in best)
