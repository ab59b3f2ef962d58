"""The ``trustbench`` application: thin Typer commands around one error boundary."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

try:  # typer vendors click from 0.2x on; older releases use click itself
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException  # type: ignore[assignment]

from trustbench.cli import analyze_cmd, case_cmd, rules_cmd, screen_cmd, whatif_cmd
from trustbench.errors import TrustbenchError

app = typer.Typer(
    name="trustbench",
    help="Antitrust review-case workbench: deal file → facts → rule packs → cited memo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: placeholders as words, choices listed, no boxes
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("analyze")(analyze_cmd.analyze)
app.command("memo")(analyze_cmd.memo)
app.command("facts")(analyze_cmd.facts)
app.command("screen")(screen_cmd.screen)
app.command("schema")(case_cmd.schema)
app.command("compare")(whatif_cmd.compare)
app.command("whatif")(whatif_cmd.whatif)
app.add_typer(rules_cmd.app, name="rules")
app.add_typer(case_cmd.app, name="case")

_DEBUG = {"on": False}


def _version(value: bool) -> None:
    if value:
        from trustbench.version import __version__

        typer.echo(f"trustbench {__version__}")
        raise typer.Exit()


@app.callback()
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
        code = app(args, standalone_mode=False, prog_name="trustbench")
        return int(code or 0)
    except TrustbenchError as exc:
        print(exc.render(), file=sys.stderr)
        return 2
    except analyze_cmd.FailOnMet as exc:
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
