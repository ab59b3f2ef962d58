"""Client text: what the memo may say to the client, and what goes to the signing lawyer.

Rule texts and authority citations are written by pack authors, who sometimes speak to the
reviewer in them: "that § 7 covers stock without a vote is recalled, not confirmed", "the
deal file's `gatekeeper` flag", a parameter or rule id. The client version of the memo
carries none of that. :class:`Plain` rewrites each text once, as the context is built:

- a sentence that flags its own reliability (recalled, placeholder, not confirmed, to be
  verified) leaves the client text and becomes a verification note for the reviewer's
  appendix, with the place it came from;
- a rule id becomes the rule's title; tool terms become plain words ("the deal file" → "the
  file", "this pack's screen" → "this screen"); backticks and parameter ids are removed (a
  parameter id is a verification note: the pack does not screen that point).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

MARKERS = re.compile(
    r"\b(recalled|placeholder|not confirmed|to be verified|unconfirmed|never in force)\b",
    re.IGNORECASE,
)
ASIDE = re.compile(r"\s*\(((?:[^()]|\([^()]*\))*)\)")  # one level of nesting: "§ 41(1a)"
INTERNAL = re.compile(r"\bparams\.[a-z0-9_]+|\b[\w/-]+\.ya?ml\b|`")
PARAM_ID = re.compile(r"\bparams\.[a-z0-9_]+")
RULE_ID = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9][a-z0-9-]*){2,}\b")
INLINE_REFS = re.compile(r"\s*\((?:S\d+(?:[,;]\s*|\s+and\s+)?)+\)")
SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(“\"])")
TERMS = (
    (re.compile(r"\bthe deal file's\b"), "the file's"),
    (re.compile(r"\bThe deal file's\b"), "The file's"),
    (re.compile(r"\bthe deal file\b"), "the file"),
    (re.compile(r"\bThe deal file\b"), "The file"),
    (re.compile(r"\bdeal file\b"), "file"),
    (re.compile(r"\bthis pack's screen\b"), "this screen"),
    (re.compile(r"\bthis pack's\b"), "this screen's"),
    (re.compile(r"\bthis pack\b"), "this screen"),
    (re.compile(r"\bthe pack\b"), "the screen"),
)


@dataclass
class Plain:
    """Client wording, collecting the verification notes it takes out."""

    rule_titles: Mapping[str, str]
    notes: dict[str, list[str]] = field(default_factory=dict)

    def note(self, where: str, text: str) -> None:
        items = self.notes.setdefault(where, [])
        if text not in items:
            items.append(text)

    def words(self, text: str) -> str:
        """Tool terms, ids and backticks out; no sentence is dropped."""
        text = RULE_ID.sub(lambda m: self._rule(m.group(0)), text)
        for pattern, plain in TERMS:
            text = pattern.sub(plain, text)
        return text.replace("`", "")

    def deal_text(self, text: str | None) -> str | None:
        """A note of the deal file: its inline "(S80, S81)" go, since the memo cites every
        source in one style (its short form and footnote beside the statement)."""
        return INLINE_REFS.sub("", text) if text else text

    def _rule(self, rid: str) -> str:
        title = self.rule_titles.get(rid)
        return f"“{title}”" if title else rid

    def text(self, text: str | None, where: str) -> str:
        """The client version of ``text``: self-flagged sentences go to the notes of
        ``where``."""
        if not text:
            return ""

        text = self._asides(text, where)
        kept = []
        for sentence in SENTENCE.split(text.strip()):
            if MARKERS.search(sentence) or PARAM_ID.search(sentence):
                self.note(where, sentence.strip())
            else:
                kept.append(sentence)
        return self.words(" ".join(kept))

    def _asides(self, text: str, where: str) -> str:
        """Parenthetical asides that flag reliability or name a pack file go to the notes."""

        def aside(m: re.Match[str]) -> str:
            if MARKERS.search(m.group(1)) or INTERNAL.search(m.group(1)):
                self.note(where, m.group(1).strip())
                return ""
            return m.group(0)

        return ASIDE.sub(aside, text)

    def clause(self, text: str, where: str) -> str:
        """An authority's full citation: asides, " — …" and "; …" clauses that flag its
        reliability go to the notes; the citation itself (the first clause) stays."""
        text = self._asides(text, where)
        parts = re.split(r"(\s—\s|;\s)", text)
        kept = parts[:1]
        for sep, part in zip(parts[1::2], parts[2::2], strict=True):
            if MARKERS.search(part) or INTERNAL.search(part):
                self.note(where, part.strip())
            else:
                kept += [sep, part]
        return self.words("".join(kept))

    def notes_list(self) -> list[dict[str, object]]:
        return [{"where": where, "items": items} for where, items in self.notes.items()]
