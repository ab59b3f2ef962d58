"""The ``trustbench`` application: thin Typer commands around one error boundary."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any

import typer

try:  # typer vendors click from 0.2x on; older releases use click itself
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException  # type: ignore[assignment]

from trustbench.cli.options import FailOnMet
from trustbench.errors import TrustbenchError

COMMANDS = {
    "analyze": ("analyze_cmd", "analyze"),
    "memo": ("analyze_cmd", "memo"),
    "facts": ("analyze_cmd", "facts"),
    "screen": ("screen_cmd", "screen"),
    "schema": ("case_cmd", "schema"),
    "compare": ("whatif_cmd", "compare"),
    "whatif": ("whatif_cmd", "whatif"),
}
"""Command → (module of trustbench.cli, function), in the order ``--help`` lists them."""
GROUPS = {"rules": "rules_cmd", "case": "case_cmd"}
"""Command group → the module of trustbench.cli whose ``app`` it is."""


def build(only: str | None = None) -> typer.Typer:
    """The application; with ``only``, a command or group of it, the application with that
    one alone (the same command, reached the same way): a run then imports and declares
    only the command it runs, not all fifteen."""
    made = typer.Typer(
        name="trustbench",
        help="Antitrust review-case workbench: deal file → facts → rule packs → cited memo.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: placeholders as words, choices listed, no boxes
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    for name, (module, function) in COMMANDS.items():
        if only in (None, name):
            made.command(name)(getattr(_module(module), function))
    for name, module in GROUPS.items():
        if only in (None, name):
            made.add_typer(_module(module).app, name=name)
    made.callback()(_options)
    return made


def _module(name: str) -> Any:
    return importlib.import_module(f"trustbench.cli.{name}")


def __getattr__(name: str) -> Any:
    """``app``: the whole application (for embedders and tests), built on first use."""
    if name == "app":
        globals()["app"] = made = build()
        return made
    raise AttributeError(name)


_DEBUG = {"on": False}


def _version(value: bool) -> None:
    if value:
        from trustbench.version import __version__

        typer.echo(f"trustbench {__version__}")
        raise typer.Exit()


def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="print the version and exit"
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help="show a traceback for an internal error (also TRUSTBENCH_DEBUG=1); user "
            "errors stay one located message. Accepted anywhere on the line.",
        ),
    ] = False,
) -> None:
    """Antitrust review-case workbench: deal file → facts → rule packs → cited memo."""
    _DEBUG["on"] = debug


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors print compiler-style and exit 2, never a traceback."""
    args = list(argv if argv is not None else sys.argv[1:])
    debug = "--debug" in args
    if debug:  # a global option, accepted after the command too
        args = ["--debug", *(a for a in args if a != "--debug")]
    try:
        # without standalone mode click *returns* the code of `raise typer.Exit(n)`
        command = next((a for a in args if not a.startswith("-")), None)
        known = command in COMMANDS or command in GROUPS
        code = build(command if known else None)(
            args, standalone_mode=False, prog_name="trustbench"
        )
        return int(code or 0)
    except TrustbenchError as exc:
        print(exc.render(), file=sys.stderr)
        return 2
    except FailOnMet as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except ClickException as exc:  # usage errors: unknown option, bad value, missing file
        exc.show()
        return int(exc.exit_code)
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", getattr(exc, "code", 0))
        return int(code or 0)
    except typer.Abort:
        return 130
    except Exception as exc:
        if debug or _DEBUG["on"] or os.environ.get("TRUSTBENCH_DEBUG"):
            raise
        print(
            f"trustbench: internal error: {type(exc).__name__}: {exc}\n"
            "  hint: rerun with --debug for a traceback and report it",
            file=sys.stderr,
        )
        return 3
