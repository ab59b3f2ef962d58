"""Numbered sources and authorities, and where each is given in full (its first citation).

A memo cites the same few documents many times. Repeating the whole reference in a footnote
at every fact buries the page in notes, so the context says, for every citation, whether it
is the *first* in reading order:

- a **source** is shown everywhere by its short form ``S3`` (every fact shows its source);
  its first citation also carries the one footnote that gives it in full, and the Appendix
  lists them all;
- an **authority** is cited in a footnote each time: in full (with its URL) the first time,
  by its short form afterwards.

The context builder asks for citations in the order the memo prints them (transaction, then
analysis), so "first" is the first on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from trustbench.model.deal import Deal
from trustbench.rules.evaluate import JurisdictionResult

MAX_UNCITED_LISTED = 50


def source_label(source_id: str) -> str:
    """How the memo names a source: ``s80`` → ``S80`` (deal files write "(S80)" in their
    notes), any other id as written."""
    return source_id.upper() if re.fullmatch(r"s\d+", source_id) else source_id


@dataclass
class Citations:
    deal: Deal
    results: list[JurisdictionResult]
    source_no: dict[str, int] = field(default_factory=dict)
    authority_no: dict[str, int] = field(default_factory=dict)
    sources_not_listed: int = 0

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(s.id for s in self.deal.sources)

    def sources(self, ids: Any) -> list[dict[str, Any]]:
        """``[{n: 3, note: true}, …]``: ``note`` marks the source's first citation."""
        out = []
        for sid in dict.fromkeys(ids or ()):
            if sid not in self._known:
                continue
            first = sid not in self.source_no
            n = self.source_no.setdefault(sid, len(self.source_no) + 1)
            out.append({"n": n, "note": first})
        return sorted(out, key=lambda c: c["n"])

    def authorities(self, jurisdiction: str, ids: list[str]) -> list[dict[str, Any]]:
        """``[{n: 6, full: true}, …]``: ``full`` marks the authority's first citation."""
        pack = next(r.pack for r in self.results if r.id == jurisdiction)
        out = []
        for aid in dict.fromkeys(ids):
            if aid not in pack.authorities:
                continue
            key = f"{jurisdiction}:{aid}"
            first = key not in self.authority_no
            n = self.authority_no.setdefault(key, len(self.authority_no) + 1)
            out.append({"n": n, "full": first})
        return out

    def source_list(self) -> list[dict[str, Any]]:
        """The sources the memo cites, in the file's order, then (numbered last) the documents
        of the deal file it does not cite, as long as there are at most MAX_UNCITED_LISTED of
        them; more are only counted (``sources_not_listed``): 50,000 would bury the Appendix."""
        cited = set(self.source_no)
        uncited = [s.id for s in self.deal.sources if s.id not in self.source_no]
        listed = uncited if len(uncited) <= MAX_UNCITED_LISTED else []
        self.sources_not_listed = len(uncited) - len(listed)
        for sid in listed:
            self.source_no[sid] = len(self.source_no) + 1
        return [
            {
                "number": self.source_no[s.id],
                "id": s.id,
                "label": source_label(s.id),
                "title": s.title,
                "publisher": s.publisher,
                "date": s.date.isoformat() if s.date else None,
                "url": s.url,
                "note": s.note,
                "cited": s.id in cited,
            }
            for s in self.deal.sources
            if s.id in self.source_no
        ]

    def authority_list(self) -> list[dict[str, Any]]:
        out = []
        for key, n in self.authority_no.items():
            jid, aid = key.split(":", 1)
            pack = next(r.pack for r in self.results if r.id == jid)
            auth = pack.authorities[aid]
            out.append(
                {
                    "number": n,
                    "id": aid,
                    "jurisdiction": jid,
                    "short": auth.cite(),
                    "full": auth.full,
                    "pinpoint": None,
                    "url": auth.url,
                    "confidence": auth.confidence,
                }
            )
        return out
