"""TB150–TB151: every authority a rule cites is defined, and each links to the primary text."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from trustbench.errors import Diagnostic, did_you_mean
from trustbench.rules.checks import Check, Fixture, register
from trustbench.rules.checks.located import diag, own
from trustbench.rules.checks.snippets import AUTHORITIES, MANIFEST, RULE, edit, pack
from trustbench.rules.pack import Pack
from trustbench.sources import load_document


def _cites(pack: Pack) -> Iterator[Diagnostic]:
    for loaded in own(pack):
        if "cites" in loaded.broken:
            continue
        for i, cite in enumerate(loaded.rule.cites):
            if cite not in pack.authorities:
                yield diag(
                    loaded,
                    ("cites", i),
                    AUTHORITY.code,
                    f"authority {cite!r} is not defined",
                    did_you_mean(cite, pack.authorities)
                    or "define it in the pack's authorities.yaml",
                )


AUTHORITY = register(
    Check(
        "TB150",
        "authority",
        "cited authority is not defined",
        Fixture(
            bad=pack(stake=edit(RULE, "cites: [act]", "cites: [act, akt, merger-regulation]")),
            expected="""\
pack/stake.yaml:9:14: error[TB150]: authority 'akt' is not defined
  hint: did you mean 'act'?
pack/stake.yaml:9:19: error[TB150]: authority 'merger-regulation' is not defined
  hint: define it in the pack's authorities.yaml
2 problems in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _cites,
    )
)


def _primary(pack: Pack) -> Iterator[Diagnostic]:
    """Each authority of the pack's own authorities.yaml that has a link links the primary
    text — its ``url`` on one of the pack's ``primary_hosts`` (a subdomain counts); a
    secondary source may support it under ``also`` but never stand alone. A pack that lists no
    primary hosts is not checked; an authority without any link is a print citation."""
    hosts = pack.manifest.primary_hosts
    path = pack.root / "authorities.yaml"
    if not hosts or not path.is_file():
        return
    doc = load_document(path)
    for key in sorted(doc.data if isinstance(doc.data, dict) else {}):
        auth = pack.authorities.get(str(key))
        if auth is None:
            continue  # it did not load: TB100 says why
        link = auth.url or next(iter(auth.also), None)
        if link is None or is_primary(link, hosts):
            continue
        line, col = doc.locate((key, "url") if auth.url else (key, "also", 0))
        yield Diagnostic(
            doc.path,
            line,
            col,
            "rule",
            f"authority {key!r} links to {host_of(link) or link!r}, not to a primary text",
            "put the primary text in `url` (hosts in pack.yaml `primary_hosts`: "
            f"{', '.join(hosts)}), with its pinpoint; a secondary source may stay under `also:`",
            AUTHORITY_SECONDARY.code,
        )


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_primary(url: str, hosts: list[str]) -> bool:
    """Whether ``url`` is on one of ``hosts`` or a subdomain of one."""
    host = host_of(url)
    return any(host == h.lower() or host.endswith("." + h.lower()) for h in hosts)


_LINKED = """\
  url: https://www.legislation.example.gov/act/2020/1/section/1
  also:
    - https://lawfirm.example.com/notes/test-act
note:
  date: 2021-01-01
  short: Newsletter
  full: A law firm's note on the Test Act
  url: https://lawfirm.example.com/notes/test-act
commentary:
  date: 2021-01-01
  short: Commentary
  full: A commentary on the Test Act, with no primary link
  also:
    - https://mirror.example.org/test-act.pdf
print:
  date: 1999-01-01
  short: Test Law Report 1999, 1
  full: A decision reported in print only
"""
_PRIMARY = "url: https://www.legislation.example.gov/act/2020/1/section/1"
AUTHORITY_SECONDARY = register(
    Check(
        "TB151",
        "authority-primary",
        "an authority's link is not on the pack's `primary_hosts` (the primary text: "
        "legislation, official journals, the agencies' own guidance)",
        Fixture(
            bad=pack(
                manifest=MANIFEST + "primary_hosts: [legislation.example.gov]\n",
                authorities=AUTHORITIES + _LINKED,
                stake=edit(RULE, "cites: [act]", "cites: [act, note, commentary, print]"),
            ),
            expected="""\
pack/authorities.yaml:12:8: error[TB151]: authority 'note' links to 'lawfirm.example.com', \
not to a primary text
  hint: put the primary text in `url` (hosts in pack.yaml `primary_hosts`: \
legislation.example.gov), with its pinpoint; a secondary source may stay under `also:`
pack/authorities.yaml:18:7: error[TB151]: authority 'commentary' links to \
'mirror.example.org', not to a primary text
  hint: put the primary text in `url` (hosts in pack.yaml `primary_hosts`: \
legislation.example.gov), with its pinpoint; a secondary source may stay under `also:`
2 problems in 1 file
""",
            good={
                "pack/authorities.yaml": edit(
                    edit(
                        AUTHORITIES + _LINKED,
                        "url: https://lawfirm.example.com/notes/test-act",
                        _PRIMARY,
                    ),
                    "  also:\n    - https://mirror.example.org/test-act.pdf\n",
                    f"  {_PRIMARY}\n  also:\n    - https://mirror.example.org/test-act.pdf\n",
                )
            },
        ),
        _primary,
    )
)
