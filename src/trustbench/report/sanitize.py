"""Cleaning the HTML a rule pack's section template produces.

A pack comes from someone else. Its section template runs in the sandbox, so it cannot read
or change anything outside the memo context, but it could still *emit* active content:
``<script>``, ``<iframe>``, ``<object>``, ``<form>``, ``<style>`` that hides the findings,
``on*`` handlers, ``javascript:`` links. Opening the HTML memo would then run it. What a
section produces is therefore cleaned with nh3 (the Python binding of the maintained Rust
sanitiser *ammonia*) against the allow-list below: the text-level and table elements the memo
partials use, their layout attributes, and links to web or mail addresses only. Elements
outside the list are dropped (script and style with their content); their text stays.

The HTML memo also carries a strict Content-Security-Policy (memo.html.j2), which blocks
scripts and every network request even from a ``--template-dir`` the user chose.
"""

from __future__ import annotations

import nh3

TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure", "h3", "h4", "h5", "h6",
        "hr", "i", "ins", "li", "mark", "ol", "p", "q", "s", "section", "small", "span",
        "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
        "bdi", "bdo",
    }
)  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title"},
    "a": {"href"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
DROP_WITH_CONTENT = frozenset({"script", "style", "template", "noscript"})


def sanitize(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    cleaned: str = nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    return cleaned
