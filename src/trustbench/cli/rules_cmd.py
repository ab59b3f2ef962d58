"""``rules list | show | validate | test | codes | new``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trustbench.cli.options import parse_date
from trustbench.errors import Diagnostic, ErrorGroup, TrustbenchError, did_you_mean
from trustbench.rules import results as formats
from trustbench.rules.checks import Files, Link, all_checks
from trustbench.rules.loader import discover_all
from trustbench.rules.pack import LoadedRule, Pack, builtin_dir, is_example
from trustbench.rules.scaffold import CURRENCIES, scaffold, todos
from trustbench.rules.schema import FACTORS
from trustbench.rules.show import describe
from trustbench.rules.validate import check, run_all_examples
from trustbench.sources import display_path

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(help="List, inspect, validate, test and create rule packs.", no_args_is_help=True)

PackDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--packs",
        metavar="DIR",
        help="pack folders to list or show instead of the built-in packs. Repeatable. (Not "
        "--rules: elsewhere --rules adds packs to the built-in ones.)",
    ),
]
OldRules = Annotated[
    list[Path] | None,
    typer.Option("--rules", metavar="DIR", hidden=True, help="deprecated spelling of --packs"),
]


def _packs_option(packs: list[Path] | None, old: list[Path] | None) -> list[Path] | None:
    """``--packs``, with the old ``--rules`` spelling still accepted (and a note saying
    why it was renamed)."""
    if old:
        typer.echo(
            "note: `rules list|show --rules` is now --packs (these packs instead of the "
            "built-in ones); --rules in analyze, memo, screen and whatif adds packs to them",
            err=True,
        )
    return [*(packs or []), *(old or [])] or None


Dirs = Annotated[
    list[Path] | None,
    typer.Argument(
        help="pack folders, or folders of packs (default: every pack shipped with trustbench, "
        "the worked examples included)",
        show_default=False,
    ),
]


def _folders(dirs: list[Path] | None) -> list[Path]:
    for folder in dirs or []:
        if not folder.is_dir():
            raise TrustbenchError(
                "not a folder", file=str(folder), hint="name a pack folder (one with a pack.yaml)"
            )
    return list(dirs) if dirs else [builtin_dir()]


def _selected(rules: list[Path] | None, jurisdiction: str | None = None) -> list[Pack]:
    """The packs named with --rules, or the built-in jurisdiction packs (not the worked
    examples, which apply only when named); only those of ``jurisdiction`` if given."""
    folders = _folders(rules)
    found = discover_all(folders)
    if jurisdiction is not None and jurisdiction not in {f.jurisdiction for f in found}:
        known = sorted({f.jurisdiction for f in found})
        raise TrustbenchError(
            f"--jurisdiction: no pack for {jurisdiction!r}",
            hint=did_you_mean(jurisdiction, known) or "jurisdictions: " + ", ".join(known),
        )
    checked = check(
        folders,
        lint=False,
        where=lambda f: (
            (bool(rules) or not is_example(f.folder)) and jurisdiction in (None, f.jurisdiction)
        ),
    )
    if checked.diagnostics:
        raise ErrorGroup(items=checked.diagnostics)
    if not checked.packs:
        raise TrustbenchError(
            "no rule packs found (a pack is a folder with a pack.yaml)",
            file=", ".join(str(d) for d in rules or []),
        )
    return checked.packs


def _report(problems: list[Diagnostic]) -> None:
    for diag in problems:
        typer.echo(diag.render(), err=True)
    files = len({d.file for d in problems})
    typer.echo(f"{_count(len(problems), 'problem')} in {_count(files, 'file')}", err=True)


@app.command("list")
def list_rules(
    jurisdiction: Annotated[
        str | None,
        typer.Option("--jurisdiction", "-j", help="only this jurisdiction's rules"),
    ] = None,
    factor: Annotated[
        str | None,
        typer.Option("--factor", help="only rules of this factor: " + ", ".join(FACTORS)),
    ] = None,
    packs: PackDirs = None,
    old_rules: OldRules = None,
) -> None:
    """A table of rules: id, factor, weight, title (disabled rules with their reason),
    at most 100 columns wide (titles wrap)."""
    if factor is not None and factor not in FACTORS:
        raise TrustbenchError(
            f"--factor: unknown factor {factor!r}",
            hint=did_you_mean(factor, FACTORS) or "factors: " + ", ".join(FACTORS),
        )
    from trustbench.cli.output import DEFAULT_WIDTH, console

    out = console()
    out = console(width=min(out.width, DEFAULT_WIDTH))
    for pack in _selected(_packs_option(packs, old_rules), jurisdiction):
        _table(out, pack, factor)


def _table(out: Console, pack: Pack, factor: str | None) -> None:
    from rich.markup import escape

    from trustbench.cli.output import table

    rows = [(rid, r) for rid, r in sorted(pack.rules.items()) if factor in (None, r.rule.factor)]
    origin = f", extends {' → '.join(reversed(pack.lineage))}" if pack.lineage else ""
    out.print(
        escape(
            f"{pack.id} — {pack.manifest.name} {pack.manifest.version} "
            f"({display_path(pack.root)}{origin})"
        ),
        soft_wrap=True,
    )
    cells = [
        [
            escape(rid),
            loaded.rule.factor,
            f"{loaded.rule.weight:g}",
            escape(loaded.rule.title + _mark(pack, rid, loaded)),
        ]
        for rid, loaded in rows
    ]
    out.print(table(("RULE", "FACTOR", "WEIGHT", "TITLE"), cells, wrap=(3,)))
    out.print(f"  {_count(len(rows), 'rule')}")


def _mark(pack: Pack, rid: str, loaded: LoadedRule) -> str:
    if rid in pack.disabled:
        off = pack.disabled[rid]
        return f"  [disabled by {off.pack}: {off.reason}]"
    if pack.lineage and loaded.pack == pack.id:
        return f"  [{pack.id}]"
    return ""


@app.command("show")
def show(
    rule_id: Annotated[str, typer.Argument(help="e.g. us.hsr.filing-required")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="show the parameters in force on this date (default: today)"),
    ] = None,
    packs: PackDirs = None,
    old_rules: OldRules = None,
) -> None:
    """Everything about one rule, with its parameters as of a date."""
    rules = _packs_option(packs, old_rules)
    when = parse_date(as_of) or dt.date.today()
    prefix = rule_id.split(".")[0]
    known = {f.jurisdiction for f in discover_all(_folders(rules))}
    selected = _selected(rules, prefix if prefix in known and not rules else None)
    for pack in selected:
        if rule_id in pack.rules:
            typer.echo(describe(pack, pack.rules[rule_id], when))
            return
    ids = [rid for p in selected for rid in p.rules]
    raise TrustbenchError(
        f"no rule {rule_id!r}", hint=did_you_mean(rule_id, ids) or "see `trustbench rules list`"
    )


@app.command("validate")
def validate(dirs: Dirs = None) -> None:
    """Load packs, compile every condition, lint every rule; report every problem with its
    code and file:line (exit 2 on any)."""
    checked = check(_folders(dirs))
    if checked.diagnostics:
        _report(checked.diagnostics)
        raise SystemExit(2)
    for pack in checked.packs:
        own = len(pack.own_rules())
        rules = (
            _count(own, "rule")
            if not pack.lineage
            else (
                f"{_count(len(pack.rules), 'rule')} ({own} its own, {len(pack.disabled)} disabled)"
            )
        )
        definitions = f"{_count(len(pack.definitions), 'definition')}, " if pack.definitions else ""
        typer.echo(
            f"{pack.id}: ok — {rules}, {definitions}{_count(len(pack.params), 'parameter')}, "
            f"{_count(len(pack.authorities), 'authority', 'authorities')} "
            f"({display_path(pack.root)})"
        )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


@app.command("test")
def test(
    dirs: Dirs = None,
    format: Annotated[str, typer.Option("--format", help="text, json or junit")] = "text",
) -> None:
    """Run every rule's examples and report all failures (exit 1 if any fails, 2 if a pack
    has problems)."""
    if format not in ("text", "json", "junit"):
        raise TrustbenchError(f"--format: expected text, json or junit, got {format!r}")
    checked = check(_folders(dirs), lint=False)
    results = run_all_examples(checked.packs)
    if checked.diagnostics and format == "text":
        _report(checked.diagnostics)
    render = {"text": formats.as_text, "json": formats.as_json, "junit": formats.as_junit}
    typer.echo(render[format](results, checked.diagnostics))
    if checked.diagnostics:
        raise SystemExit(2)
    if any(not r.passed for r in results):
        raise SystemExit(1)


@app.command("codes")
def list_codes(
    code: Annotated[
        str | None, typer.Argument(help="a code (e.g. TB131): show its fixture as well")
    ] = None,
) -> None:
    """The pack checks: each code with its name and what it finds (`rules validate`
    reports them); with a CODE, a pack snippet that raises it, what it prints, and the fix."""
    checks = {c.code: c for c in all_checks()}
    if code is None:
        for each in checks.values():
            typer.echo(f"{each.code}  {each.name:<18} {each.description}")
        return
    item = checks.get(code.upper())
    if item is None:
        raise TrustbenchError(
            f"no pack check {code!r}",
            hint=did_you_mean(code.upper(), checks) or "see `rules codes`",
        )
    typer.echo(f"{item.code} {item.name}: {item.description}\n")
    typer.echo("A pack that raises it (`rules validate .` in a folder holding these files):")
    _files(item.fixture.bad)
    typer.echo("What it prints:\n" + item.fixture.expected)
    typer.echo("Put right:")
    _files(item.fixture.good)


def _files(files: Files) -> None:
    for path, text in files.items():
        if text is None:
            typer.echo(f"--- {path}: removed\n")
        else:
            body = f"-> {text.target}\n" if isinstance(text, Link) else text
            typer.echo(f"--- {path}\n{body}")


@app.command("new")
def new(
    jurisdiction: Annotated[str, typer.Argument(help="the pack's id, e.g. fr or br-cade")],
    dir: Annotated[Path, typer.Option("--dir", help="where to create the pack")] = Path("rules"),
    name: Annotated[
        str | None,
        typer.Option("--name", help="the jurisdiction's name as memos print it"),
    ] = None,
    currency: Annotated[
        str, typer.Option("--currency", help="the pack's currency: " + ", ".join(CURRENCIES))
    ] = "EUR",
) -> None:
    """Create a new jurisdiction pack that passes `rules validate`, and list what to fill in."""
    folder = scaffold(jurisdiction, dir, name, currency)
    checked = check([folder])
    if checked.diagnostics:  # pragma: no cover - the scaffold is tested to validate
        _report(checked.diagnostics)
        raise SystemExit(2)
    shown = display_path(folder)
    typer.echo(
        f"created {shown}/ — pack.yaml, params.yaml, authorities.yaml and one rule, "
        "filing/notification-required.yaml; it passes `trustbench rules validate`.\n"
        "Fill in every TODO:"
    )
    for line in todos(folder):
        typer.echo(f"  {line}")
    typer.echo(
        f"Then check and use it:\n  trustbench rules validate {shown}\n"
        f"  trustbench rules test {shown}\n"
        f"  trustbench analyze DEAL --rules {shown} --jurisdiction {jurisdiction}\n"
        "docs/writing-rules.md explains each file."
    )
