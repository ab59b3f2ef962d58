"""The ``trustbench`` command: thin Typer commands around one error boundary."""

from __future__ import annotations

import os
import sys

import typer

from trustbench.cli import analyze_cmd, case_cmd, rules_cmd, whatif_cmd
from trustbench.errors import TrustbenchError

app = typer.Typer(
    name="trustbench",
    help="Antitrust review-case workbench: deal file → facts → rule packs → cited memo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("analyze")(analyze_cmd.analyze)
app.command("memo")(analyze_cmd.memo)
app.command("facts")(analyze_cmd.facts)
app.command("schema")(case_cmd.schema)
app.command("compare")(whatif_cmd.compare)
app.command("whatif")(whatif_cmd.whatif)
app.add_typer(rules_cmd.app, name="rules")
app.add_typer(case_cmd.app, name="case")


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors print compiler-style and exit 2, never a traceback."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    args = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--debug"]
    try:
        # without standalone mode click *returns* the code of `raise typer.Exit(n)`
        code = app(args, standalone_mode=False, prog_name="trustbench")
        return int(code or 0)
    except TrustbenchError as exc:
        print(exc.render(), file=sys.stderr)
        return 2
    except analyze_cmd.FailOn as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", getattr(exc, "code", 0))
        return int(code or 0)
    except typer.Abort:
        return 130
    except Exception as exc:
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # click/typer usage errors
            exc.show()
            return int(exc.exit_code)
        if debug or os.environ.get("TRUSTBENCH_DEBUG"):
            raise
        print(
            f"trustbench: internal error: {type(exc).__name__}: {exc}\n"
            "  hint: rerun with --debug for a traceback and report it",
            file=sys.stderr,
        )
        return 3
    return 0


def run() -> None:
    sys.exit(main())
