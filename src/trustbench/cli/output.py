"""What the terminal shows: the summary table, findings, facts — with rich, fitted to the
width, coloured by status only on a terminal and never when ``NO_COLOR`` is set.

Only text output imports rich (``--format json`` never does). :func:`table` is generic:
headers, rows and the columns that may wrap, so that any command's list fits its width.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from trustbench.analysis import Analysis
from trustbench.rules.evaluate import Finding, JurisdictionResult
from trustbench.summary import Summary, summary_of

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

MARK = {"triggered": "●", "not_triggered": "○", "unknown": "?"}
STYLE = {"triggered": "bold red", "not_triggered": "dim", "unknown": "yellow"}
DECISION_STYLE = {"yes": "bold", "no": "green", "open": "yellow", "not_screened": "dim"}
DEFAULT_WIDTH = 100
"""Width when the output is not a terminal and ``COLUMNS`` is not set."""


def console(file: IO[str] | None = None, *, width: int | None = None) -> Console:
    """A console on ``file`` (stdout by default): colour only on a terminal without
    ``NO_COLOR``; the terminal's width, else ``COLUMNS``, else :data:`DEFAULT_WIDTH`."""
    from rich.console import Console

    out = file or sys.stdout
    tty = out.isatty()
    columns = os.environ.get("COLUMNS", "")
    fallback = int(columns) if columns.isdigit() else DEFAULT_WIDTH
    return Console(
        file=out,
        width=width or (None if tty else fallback),
        no_color=bool(os.environ.get("NO_COLOR")) or not tty,
        force_terminal=tty,
        highlight=False,
        soft_wrap=False,
    )


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], *, wrap: Sequence[int] = ()
) -> Table:
    """A plain table: the columns in ``wrap`` wrap at word boundaries, the others stay on
    one line (ids, codes, bands)."""
    from rich import box
    from rich.table import Table

    out = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    for k, header in enumerate(headers):
        out.add_column(
            header, no_wrap=k not in wrap, overflow="fold", ratio=2 if k in wrap else None
        )
    for row in rows:
        out.add_row(*row)
    return out


# -- analyze ------------------------------------------------------------------------------


def theories(summary: Summary) -> str:
    groups: dict[str, list[str]] = {}
    for t in summary.theories:
        groups.setdefault(t.status, []).append(t.factor)
    parts = [
        f"{label}: " + ", ".join(groups[key])
        for key, label in (
            ("raised", "raised"),
            ("remedied", "remedied"),
            ("open", "open"),
            ("not_raised", "not raised"),
            ("not_screened", "not screened"),
        )
        if groups.get(key)
    ]
    return "; ".join(parts)


def band_text(summary: Summary) -> str:
    if summary.band is None:
        return "none: no theory screened"
    if summary.provisional:
        return "not yet given (theories open)"
    if len(summary.band_scope) == len(summary.theories):
        return f"{summary.band} (all theories)"
    return f"{summary.band} ({', '.join(summary.band_scope)})"


def summary_table(analysis: Analysis) -> Table:
    rows = []
    for r in analysis.results:
        s = summary_of(r)
        rows.append(
            [
                f"{r.id}",
                _styled(s.notification_text, DECISION_STYLE[s.notification]),
                _styled(s.concept_text, DECISION_STYLE[s.concept]),
                theories(s),
                band_text(s),
            ]
        )
    return table(
        ["", "notification", "merger", "theories of harm", "band (scope)"], rows, wrap=(1, 2, 3, 4)
    )


def _styled(text: str, style: str) -> str:
    from rich.markup import escape

    return f"[{style}]{escape(text)}[/]"


def print_analysis(
    analysis: Analysis,
    out: Console,
    *,
    only: Sequence[str] | None = None,
    quiet: bool = False,
    verbose: bool = False,
) -> None:
    from rich.markup import escape

    case = analysis.deal.case
    out.print(f"[bold]{escape(case.title)}[/]  as of {analysis.as_of.isoformat()}")
    out.print(summary_table(analysis))
    if quiet:
        return
    shown = tuple(only or STATUSES_SHOWN)
    for result in analysis.results:
        _print_jurisdiction(result, out, shown, verbose)
    out.print(
        "[dim]● triggered  ? unknown (missing facts: questions)  ○ not triggered  "
        "(--verbose, --explain RULE)[/]"
    )


STATUSES_SHOWN = ("triggered", "unknown", "not_triggered")


def _print_jurisdiction(
    result: JurisdictionResult, out: Console, shown: Sequence[str], verbose: bool
) -> None:
    from rich.markup import escape

    findings = [f for f in result.findings if f.status in shown]
    if not findings:
        return
    out.print()
    out.print(
        f"[bold]{escape(result.name)}[/] ({result.id}) — band {result.band}, score {result.score:g}"
    )
    order = {"triggered": 0, "unknown": 1, "not_triggered": 2}
    for f in sorted(findings, key=lambda f: (order[f.status], f.rule)):
        if f.status == "not_triggered" and not verbose:
            out.print(_compact(f), overflow="ellipsis", no_wrap=True, crop=True)
            continue
        out.print(_head(f))
        out.print(_body(f, out.width))


def _head(f: Finding) -> str:
    from rich.markup import escape

    tag = " [waived]" if f.waiver else ""
    label = f.status.replace("_", " ")
    return (
        f"  [{STYLE[f.status]}]{MARK[f.status]} {label:<13}[/] [bold]{escape(f.rule)}[/]"
        f"{escape(tag)} — {escape(f.title)}"
    )


def _body(f: Finding, width: int) -> str:
    from rich.markup import escape

    text = f.text
    if f.status == "unknown" and f.missing:
        text += "  Missing: " + ", ".join(f.missing) + "."
    wrapped = textwrap.fill(
        text, width=max(width - 2, 40), initial_indent=" " * 6, subsequent_indent=" " * 6
    )
    return escape(wrapped)


def _compact(f: Finding) -> str:
    from rich.markup import escape

    return f"  [{STYLE[f.status]}]{MARK[f.status]}[/] {escape(f.rule)} — {escape(f.title)}"


# -- facts --------------------------------------------------------------------------------

PHASES = ("before", "after")


def fact_rows(
    facts: dict[str, dict[str, Any]], show: Callable[[str, object], str]
) -> dict[str, list[list[str]]]:
    """Topic (the first part of the name) → rows of fact, before, after, sources:
    ``x.before`` and ``x.after`` share a row; a fact without a phase shows its one value in
    the ``after`` column. ``show(name, value)`` formats a value."""
    grouped: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
    for name, item in facts.items():
        base, _, market = name.partition("@")
        stem, _, phase = base.rpartition(".")
        if phase not in PHASES:
            stem, phase = base, "value"
        key = stem + (f" @{market}" if market else "")
        grouped.setdefault(key.split(".")[0], {}).setdefault(key, {})[phase] = item
    out: dict[str, list[list[str]]] = {}
    for topic in sorted(grouped):
        rows = []
        for key, phases in sorted(grouped[topic].items()):
            sources = sorted({s for item in phases.values() for s in item.get("sources") or []})
            cells = [_value(show, key, phases.get(p)) for p in ("before", "after")]
            if "value" in phases:
                cells = ["", _value(show, key, phases["value"])]
            rows.append([key, *cells, ", ".join(sources)])
        out[topic] = rows
    return out


def _value(show: Callable[[str, object], str], name: str, item: dict[str, Any] | None) -> str:
    if item is None:
        return ""
    return show(name, item["value"])
