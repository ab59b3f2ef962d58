"""What a signing lawyer checks first, on the seed and the example memos: nothing cited
postdates the memo's date outside "Later developments", and no tool internals reach the
client's text (ids, backticks, markup, "recalled", "placeholder")."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from pathlib import Path
from typing import Any

import pytest

from trustbench.analysis import evaluate, load_packs
from trustbench.document import full_result
from trustbench.model import load_deal
from trustbench.report import render_html
from trustbench.report.citations import short_url
from trustbench.report.context import Options, build_context

ROOT = Path(__file__).parents[2]
CASES = sorted(p for p in (ROOT / "cases").glob("*.yaml"))
FORBIDDEN = [
    (re.compile(r"\bparams\.[a-z_]"), "a parameter id"),
    (re.compile(r"\b(?:us|eu|uk|de)\.[a-z0-9-]+\.[a-z0-9-]+"), "a rule id"),
    (re.compile(r"\b[a-z_]+(?:\.[a-z_]+)+\.(?:after|before)\b"), "a fact id"),
    (re.compile(r"`"), "a backtick"),
    (re.compile(r"\brecalled\b", re.I), "'recalled'"),
    (re.compile(r"\bplaceholder\b", re.I), "'placeholder'"),
    (re.compile(r"\bto be verified\b", re.I), "'to be verified'"),
    (re.compile(r"\bnever in force\b", re.I), "'never in force'"),
    (re.compile(r"\b(?:rule pack|deal file)\b", re.I), "a tool term"),
    (re.compile(r"[<>]"), "markup"),
]


@pytest.fixture(scope="module", params=CASES, ids=[p.stem for p in CASES])
def memo(request: pytest.FixtureRequest) -> tuple[Any, dict[str, Any], str]:
    deal = load_deal(request.param)
    analysis = evaluate(deal, load_packs(deal.case.jurisdictions))
    options = Options(later_developments=True)
    ctx = build_context(full_result(analysis, request.param), options=options)
    return analysis, ctx, render_html(ctx)


def _body_text(html: str) -> str:
    """The text a client reads, before the integrity table: tags out, entities decoded."""
    body = html.split("</style>", 1)[1].split('<h3 id="app-integrity">')[0]
    body = re.sub(r"<svg.*?</svg>", " ", body, flags=re.S)  # the charts: labels only
    body = re.sub(r"<[^>]+>", " ", body)
    return htmllib.unescape(body)


def test_nothing_cited_postdates_the_memo(memo: tuple[Any, dict[str, Any], str]) -> None:
    analysis, ctx, html = memo
    as_of = analysis.as_of
    for s in ctx["sources"]:
        assert s["date"] is None or dt.date.fromisoformat(s["date"]) <= as_of, s
    for a in ctx["authorities"]:
        assert a["date"] is None or dt.date.fromisoformat(a["date"]) <= as_of, a
    before, _, rest = html.partition('<h2 id="later">')
    later_section, _, after = rest.partition("</section>")
    outside = before + after
    for s in analysis.deal.sources:
        if s.date is not None and s.date > as_of:
            assert s.title not in htmllib.unescape(outside), (s.id, "cited outside")
            if s.url:
                assert short_url(s.url) in htmllib.unescape(later_section), s.id


def test_client_text_has_no_internals(memo: tuple[Any, dict[str, Any], str]) -> None:
    text = _body_text(memo[2])
    for pattern, what in FORBIDDEN:
        found = pattern.search(text)
        assert found is None, f"{what}: …{text[max(0, found.start() - 60) : found.end() + 60]}…"


def test_requests_ask_the_most_decisive_first(memo: tuple[Any, dict[str, Any], str]) -> None:
    """Issue 15: within a topic, a request whose answer decides more findings comes first
    (after the requests that decide something at all)."""
    for group in memo[1]["questions"]:
        keys = [
            (
                0 if any(r["effect"] == "decide" for r in q["rules"]) else 1,
                -sum(1 for r in q["rules"] if r["effect"] == "decide"),
            )
            for q in group["items"]
        ]
        assert keys == sorted(keys), group["topic"]


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATES = re.compile(
    rf"\b(?:(\d{{4}})-(\d{{2}})-(\d{{2}})|(?:(\d{{1,2}}) )?({_MONTHS}) (\d{{4}}))\b"
)


def _dates_in(text: str) -> list[tuple[dt.date, str]]:
    """Every date written in ``text`` (ISO, "18 December 2023" or "December 2023": the first
    of the month), with the words around it."""
    months = _MONTHS.split("|")
    out = []
    for m in _DATES.finditer(text):
        if m.group(1):
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        else:
            day = dt.date(int(m.group(6)), months.index(m.group(5)) + 1, int(m.group(4) or 1))
        out.append((day, text[max(0, m.start() - 80) : m.end() + 20]))
    return out


def test_the_deal_is_told_as_of_its_date(memo: tuple[Any, dict[str, Any], str]) -> None:
    """Issue 13: the cover, the summary and "The transaction" tell the deal as it stood on the
    as-of date; what happened since (clearance, closing, abandonment) is only under "Later
    developments" (the deal file's ``case.later`` and its dates after that day)."""
    analysis, _, html = memo
    front = html.split("</style>", 1)[1].split('<h2 id="analysis">')[0]
    front = re.sub(r"<svg.*?</svg>", " ", front, flags=re.S)
    front = re.sub(r'<tr><th scope="row">Generated</th>.*?</tr>', " ", front, flags=re.S)
    text = " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", front)).split())
    later = [(day, words) for day, words in _dates_in(text) if day > analysis.as_of]
    assert later == [], later
