"""``screen PATH...``: many deal files at once, packs loaded once per process, all cores.

A bad file never stops the batch: its located error is reported in the summary and the rest
go on. Exit 2 if any file was bad, else 1 if ``--fail-on`` was met, else 0.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import glob
import io
import multiprocessing
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer

from trustbench.cli.options import (
    AsOf,
    FailOn,
    FailOnMet,
    Jurisdiction,
    RulesDirs,
    ScreenFormat,
    check_folders,
    dump_json,
    parse_date,
)
from trustbench.errors import TrustbenchError

DEAL_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class Settings:
    jurisdiction: list[str] | None
    as_of: str | None
    rules: list[Path] | None
    out: Path | None
    memo: bool
    fail_on: str | None


@dataclass
class Screened:
    """One deal file's outcome: summary rows, or the located error that stopped it."""

    file: str
    rows: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None
    fail_on: str | None = None


def expand(paths: list[str]) -> list[Path]:
    """Files as given, folders searched recursively for deal files, globs expanded; in
    order, each file once. A path that names nothing is kept, to be reported as bad."""
    found: list[Path] = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in DEAL_SUFFIXES and p.is_file())
        elif not path.exists() and glob.has_magic(text):
            found += sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
        else:
            found.append(path)
    return list(dict.fromkeys(found))


# -- one deal, in a worker ---------------------------------------------------------------------

_PACKS: dict[tuple[str, tuple[str, ...]], Any] = {}


def _packs(jurisdictions: list[str], rules: list[Path] | None, deal: Any) -> list[Any]:
    """Packs for a list of jurisdictions. Each jurisdiction's pack is loaded once per
    process (and from the pack cache), whatever combination of jurisdictions a deal names:
    which pack serves a jurisdiction does not depend on the others asked for."""
    from trustbench.analysis import load_packs

    folders = tuple(str(r) for r in rules or [])
    packs = []
    for jurisdiction in dict.fromkeys(jurisdictions):
        key = (jurisdiction, folders)
        if key not in _PACKS:
            _PACKS[key] = load_packs([jurisdiction], rules, cache=True, deal=deal)[0]
        packs.append(_PACKS[key])
    return packs


def screen_one(path: Path, settings: Settings) -> Screened:
    from trustbench.analysis import evaluate
    from trustbench.graph.loops import locate
    from trustbench.graph.ownership import OwnershipError
    from trustbench.model import load_deal
    from trustbench.sources import display_path

    shown = display_path(path)
    try:
        deal = load_deal(path)
        packs = _packs(settings.jurisdiction or deal.case.jurisdictions, settings.rules, deal)
        try:
            analysis = evaluate(deal, packs, parse_date(settings.as_of))
        except OwnershipError as exc:
            raise locate(exc, deal) from None
        if settings.out is not None:
            _write_outputs(analysis, path, settings)
    except TrustbenchError as exc:
        return Screened(shown, error=exc.render())
    except Exception as exc:  # one broken deal must not stop the batch
        return Screened(shown, error=f"{shown}: internal error: {type(exc).__name__}: {exc}")
    return Screened(shown, rows=_rows(analysis), fail_on=_fail_on(analysis, settings.fail_on))


def _rows(analysis: Any) -> list[dict[str, str]]:
    from trustbench.summary import summary_of

    rows = []
    for r in analysis.results:
        s = summary_of(r)
        triggered = sorted({f.factor for f in r.findings if f.status == "triggered"})
        rows.append(
            {
                "deal": analysis.deal.case.id,
                "jurisdiction": r.id,
                "notification": s.notification,
                "concept": s.concept,
                "band": s.band or "",
                "triggered": " ".join(triggered),
            }
        )
    return rows


def _fail_on(analysis: Any, band: str | None) -> str | None:
    from trustbench.cli.analyze_cmd import check_fail_on

    try:
        check_fail_on(analysis, band)
    except FailOnMet as exc:
        return str(exc)
    return None


def _write_outputs(analysis: Any, path: Path, settings: Settings) -> None:
    from trustbench.analysis import result_json
    from trustbench.sources import atomic_write

    assert settings.out is not None
    stem = analysis.deal.case.id
    atomic_write(settings.out / f"{stem}.json", (dump_json(result_json(analysis)) + "\n").encode())
    if settings.memo:
        from trustbench.cli.result_io import template_dirs
        from trustbench.document import full_result
        from trustbench.report import render_pdf
        from trustbench.report.context import build_context

        result = full_result(analysis, path)
        context = build_context(result)
        pdf = render_pdf(context, template_dirs=[], pack_dirs=template_dirs(result, settings.rules))
        atomic_write(settings.out / f"{stem}.pdf", pdf, protect=(path,))


_SETTINGS: list[Settings] = []


def _work(path: Path) -> Screened:
    return screen_one(path, _SETTINGS[0])


def _init(settings: Settings) -> None:
    _SETTINGS[:] = [settings]


def _warm(settings: Settings) -> None:
    """Import what screening uses and load the packs once, before the workers fork: each
    then starts with them instead of paying for them again. A pack that does not load is
    left for the deals that name it to report."""
    from trustbench.analysis import available_packs
    from trustbench.model import Deal

    Deal.model_rebuild()  # the deal model's validator, built on first use: once, here
    wanted = settings.jurisdiction or sorted(available_packs(settings.rules))
    with contextlib.suppress(TrustbenchError):
        _packs(wanted, settings.rules, None)
    gc.freeze()  # the workers' collections then skip everything loaded so far


def run_all(files: list[Path], settings: Settings, jobs: int) -> Iterator[Screened]:
    """Screen ``files`` in order, on ``jobs`` processes."""
    if jobs <= 1 or len(files) <= 1:
        _init(settings)
        yield from (_work(f) for f in files)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        _warm(settings)
    with multiprocessing.get_context(method).Pool(jobs, _init, (settings,)) as pool:
        yield from pool.imap(_work, files, chunksize=max(1, min(16, len(files) // (jobs * 8))))


# -- the command ----------------------------------------------------------------------------


def screen(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="deal files, folders (searched for deal files) or globs"
        ),
    ],
    jurisdiction: Jurisdiction = None,
    as_of: AsOf = None,
    rules: RulesDirs = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-J", metavar="N", min=0, help="processes to use (0: all cores)"),
    ] = 0,
    format: Annotated[
        ScreenFormat, typer.Option("--format", help="summary format")
    ] = ScreenFormat.table,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR", help="write each deal's JSON result into DIR"),
    ] = None,
    memo: Annotated[
        bool, typer.Option("--memo", help="with --out: write each deal's memo (PDF) too")
    ] = False,
    fail_on: FailOn = None,
) -> None:
    """Screen many deal files at once: one summary row per deal and jurisdiction."""
    check_folders("--rules", rules)
    parse_date(as_of)
    if memo and out is None:
        raise TrustbenchError("--memo needs --out DIR (where to write the memos)")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    files = expand(paths)
    if not files:
        raise TrustbenchError("no deal files found", hint="give files, folders or globs")
    settings = Settings(jurisdiction, as_of, rules, out, memo, fail_on)
    results = _with_progress(run_all(files, settings, jobs or os.cpu_count() or 1), len(files))
    _print(results, format)
    if any(r.error for r in results):
        raise typer.Exit(2)
    met = [r.fail_on for r in results if r.fail_on]
    if met:
        for line in met:
            typer.echo(line, err=True)
        raise typer.Exit(1)


def _with_progress(results: Iterator[Screened], total: int) -> list[Screened]:
    if not sys.stderr.isatty():
        return list(results)
    from rich.progress import Progress

    from trustbench.cli.output import console

    done = []
    with Progress(console=console(sys.stderr), transient=True) as bar:
        task = bar.add_task("screening", total=total)
        for item in results:
            done.append(item)
            bar.advance(task)
    return done


COLUMNS = ("deal", "jurisdiction", "notification", "concept", "band", "triggered")


def _print(results: list[Screened], format: ScreenFormat) -> None:
    if format == ScreenFormat.jsonl:
        for r in results:
            for row in r.rows or [{"file": r.file, "error": r.error or ""}]:
                typer.echo(dump_json({"file": r.file, **row}, indent=None))
        return
    if format == ScreenFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["file", *COLUMNS, "error"])
        for r in results:
            for row in r.rows or [{}]:
                writer.writerow([r.file, *(row.get(c, "") for c in COLUMNS), r.error or ""])
        typer.echo(buffer.getvalue(), nl=False)
        return
    _print_table(results)


def _print_table(results: list[Screened]) -> None:
    from rich.markup import escape

    from trustbench.cli.output import console, table

    rows = [[escape(row[c]) for c in COLUMNS] for r in results for row in r.rows]
    out = console()
    out.print(table(COLUMNS, rows, wrap=(5,)))
    bad = [r for r in results if r.error]
    deals = len(results) - len(bad)
    out.print(
        f"{deals} deal{'s' * (deals != 1)} screened, {len(bad)} bad file{'s' * (len(bad) != 1)}"
    )
    for r in bad:
        out.print(escape(r.error or ""), soft_wrap=True)
