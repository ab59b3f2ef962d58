"""What the console script does to start fast must not change what it does: a run builds
only the command it runs (the same command as the whole application's), pydantic is told
there are no plugins, and the cyclic collector is back on once the application is loaded."""

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from trustbench.cli import commands

ROOT = Path(__file__).parents[1]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"


def _invoke(app: object, args: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code: object = app(args, standalone_mode=False, prog_name="trustbench")  # type: ignore[operator]
        except SystemExit as exc:
            code = exc.code
        except Exception as exc:  # a usage error: compare its message
            code = f"{type(exc).__name__}: {exc}"
    return code, out.getvalue(), err.getvalue()


HELP = [
    *([name, "--help"] for name in commands.COMMANDS),
    *([name, "--help"] for name in commands.GROUPS),
    ["rules", "list", "--help"],
    ["case", "validate", "--help"],
    ["analyze", "--no-such-option"],
    ["--debug", "memo", "--help"],
]


@pytest.mark.parametrize("args", HELP, ids=" ".join)
def test_a_command_alone_is_the_command_of_the_whole_application(args: list[str]) -> None:
    command = next(a for a in args if not a.startswith("-"))
    assert _invoke(commands.build(command), args) == _invoke(commands.build(), args)


def test_every_command_of_the_application_is_in_the_table() -> None:
    listed = _invoke(commands.build(), ["--help"])[1]
    names = [*commands.COMMANDS, *commands.GROUPS]
    section = listed.split("Commands:", 1)[1]
    assert [line.split()[0] for line in section.strip().splitlines() if line[2:3] != " "] == names


def test_the_console_script_gives_the_same_document_without_pydantic_plugin_lookup() -> None:
    probe = (
        "import atexit, gc, json, sys\n"
        "atexit.register(lambda: print(json.dumps({'metadata': 'importlib.metadata' in "
        "sys.modules, 'gc': gc.isenabled()}), file=sys.stderr))\n"
        "from trustbench.cli import run\n"
        f"sys.argv = ['trustbench', 'analyze', {str(SEED)!r}, '--format', 'json']\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    state = json.loads(done.stderr.strip().splitlines()[-1])
    assert state == {"metadata": False, "gc": True}
    in_process = io.StringIO()
    with redirect_stdout(in_process):
        assert commands.main(["analyze", str(SEED), "--format", "json"]) == 0
    assert json.loads(done.stdout) == json.loads(in_process.getvalue())


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["analyze", "no-such-deal.yaml"], 2, "no-such-deal.yaml: error[input]"),
        (["analyze", str(SEED), "--fail-on", "low"], 1, "reaches --fail-on low"),
        (["--version"], 0, ""),
    ],
)
def test_the_console_script_ends_with_the_commands_exit_code(
    args: list[str], code: int, message: str
) -> None:
    """The script ends the process without tearing the interpreter down: the exit code,
    the streams and the atexit handlers are as ``sys.exit`` leaves them."""
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('atexit ran', file=sys.stderr))\n"
        "from trustbench.cli import run\n"
        f"sys.argv = ['trustbench', *{args!r}]\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == code
    assert message in done.stderr
    assert done.stderr.rstrip().endswith("atexit ran")
    if args == ["--version"]:
        assert done.stdout.startswith("trustbench ")
