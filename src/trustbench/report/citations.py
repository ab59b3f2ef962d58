"""Numbered sources and authorities, where each is given in full, and what the memo may cite
as of its date.

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

A memo is as of its date: a source or an authority dated after the case's ``as_of`` is never
cited in the body. It is set aside (``later``) and appears only in the optional "Later
developments" section. A source without a date cannot be shown to predate the memo; it is
cited, and the reviewer's verification notes name it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from trustbench.result import AuthorityOut, JurisdictionOut, SourceOut

URL_CHARS = 48

MAX_UNCITED_LISTED = 50


def source_label(source_id: str) -> str:
    """How the memo names a source: ``s80`` → ``S80`` (deal files write "(S80)" in their
    notes), any other id as written."""
    return source_id.upper() if re.fullmatch(r"s\d+", source_id) else source_id


def short_url(url: str, limit: int = URL_CHARS) -> str:
    """A web address as a reader scans it: host and the start of the path, no scheme, no
    ``www.``, no query (``eur-lex.europa.eu/eli/reg/2004/139/oj``); the link keeps the whole."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url if len(url) <= limit else url[: limit - 1] + "…"
    host = parts.netloc.removeprefix("www.")
    text = host + parts.path.rstrip("/")
    return text if len(text) <= limit else text[: limit - 1].rstrip("/-_.") + "…"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass
class Citations:
    deal_sources: tuple[SourceOut, ...]
    results: list[JurisdictionOut]
    as_of: dt.date
    source_no: dict[str, int] = field(default_factory=dict)
    authority_no: dict[str, int] = field(default_factory=dict)
    later_sources: dict[str, None] = field(default_factory=dict)
    later_authorities: dict[str, None] = field(default_factory=dict)
    undated_sources: dict[str, None] = field(default_factory=dict)
    sources_not_listed: int = 0

    @cached_property
    def _by_id(self) -> dict[str, SourceOut]:
        return {s.id: s for s in self.deal_sources}

    def _later(self, date: str | None) -> bool:
        day = _date(date)
        return day is not None and day > self.as_of

    def _authorities(self, jurisdiction: str) -> dict[str, AuthorityOut]:
        j = next(r for r in self.results if r.id == jurisdiction)
        return j.detail.authorities if j.detail else {}

    def _source(self, sid: str) -> SourceOut | None:
        return self._by_id.get(sid)

    def sources(self, ids: Any) -> list[dict[str, Any]]:
        """``[{n: 3, note: true}, …]``: ``note`` marks the source's first citation. A source
        dated after the memo's date is set aside, never cited."""
        out = []
        for sid in dict.fromkeys(ids or ()):
            source = self._source(sid)
            if source is None:
                continue
            if self._later(source.date):
                self.later_sources.setdefault(sid)
                continue
            if source.date is None:
                self.undated_sources.setdefault(sid)
            first = sid not in self.source_no
            n = self.source_no.setdefault(sid, len(self.source_no) + 1)
            out.append({"n": n, "note": first})
        return sorted(out, key=lambda c: c["n"])

    def authorities(self, jurisdiction: str, ids: list[str]) -> list[dict[str, Any]]:
        """``[{n: 6, full: true}, …]``: ``full`` marks the authority's first citation. An
        authority dated after the memo's date is set aside, never cited."""
        known = self._authorities(jurisdiction)
        out = []
        for aid in dict.fromkeys(ids):
            auth = known.get(aid)
            if auth is None:
                continue
            key = f"{jurisdiction}:{aid}"
            if self._later(auth.date):
                self.later_authorities.setdefault(key)
                continue
            first = key not in self.authority_no
            n = self.authority_no.setdefault(key, len(self.authority_no) + 1)
            out.append({"n": n, "full": first})
        return out

    def _source_item(self, s: SourceOut, number: int | None) -> dict[str, Any]:
        return {
            "number": number,
            "id": s.id,
            "label": source_label(s.id),
            "title": s.title,
            "publisher": s.publisher,
            "date": s.date,
            "url": s.url,
            "url_short": short_url(s.url) if s.url else None,
            "note": s.note,
            "cited": s.id in self.source_no,
        }

    def source_list(self) -> list[dict[str, Any]]:
        """The sources of the deal file dated on or before the memo's date (or undated): the
        ones the memo cites, then (numbered last) the documents no fact cites, as long as there
        are at most MAX_UNCITED_LISTED of them; more are only counted (``sources_not_listed``):
        50,000 would bury the Appendix."""
        current = [s for s in self.deal_sources if not self._later(s.date)]
        cited = set(self.source_no)
        uncited = [s for s in current if s.id not in cited]
        listed = uncited if len(uncited) <= MAX_UNCITED_LISTED else []
        self.sources_not_listed = len(uncited) - len(listed)
        for s in listed:
            self.source_no[s.id] = len(self.source_no) + 1
        return [
            self._source_item(s, self.source_no[s.id]) | {"cited": s.id in cited}
            for s in current
            if s.id in self.source_no
        ]

    def later_source_list(self) -> list[dict[str, Any]]:
        """Sources dated after the memo's date: only for the "Later developments" section."""
        return [
            self._source_item(s, None) | {"cited": s.id in self.later_sources}
            for s in self.deal_sources
            if self._later(s.date)
        ]

    def _authority(self, key: str) -> tuple[str, str, AuthorityOut]:
        jid, aid = key.split(":", 1)
        return jid, aid, self._authorities(jid)[aid]

    def authority_list(self) -> list[dict[str, Any]]:
        out = []
        for key, n in self.authority_no.items():
            jid, aid, auth = self._authority(key)
            out.append(
                {
                    "number": n,
                    "id": aid,
                    "jurisdiction": jid,
                    "short": auth.short,
                    "full": auth.full,
                    "pinpoint": None,
                    "date": auth.date,
                    "url": auth.url,
                    "url_short": short_url(auth.url) if auth.url else None,
                    "confidence": auth.confidence,
                }
            )
        return out

    def later_authority_list(self) -> list[dict[str, Any]]:
        out = []
        for key in self.later_authorities:
            jid, aid, auth = self._authority(key)
            out.append(
                {
                    "id": aid,
                    "jurisdiction": jid,
                    "short": auth.short,
                    "full": auth.full,
                    "date": auth.date,
                    "url": auth.url,
                    "url_short": short_url(auth.url) if auth.url else None,
                }
            )
        return out
