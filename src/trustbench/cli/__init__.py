"""The ``trustbench`` command. The application lives in :mod:`trustbench.cli.commands`; this
module only starts it, so that the console script can set up the process before the
application's imports run."""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
import types
from typing import Any, NoReturn


def run() -> None:
    """The console script. Start-up builds tens of thousands of long-lived objects (the
    deal-file models, the commands, the cached packs) and almost no garbage, so the cyclic
    collector is paused while the application imports: it would only walk those objects
    again and again. They are then frozen (later collections skip them) and collection
    resumes, so a large deal is analysed with the collector on as before."""
    _no_pydantic_plugins()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from trustbench.cli.commands import main
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
    _exit(main())


def _exit(code: int) -> NoReturn:
    """End the process as ``sys.exit`` would, without tearing the interpreter down:
    freeing every object one by one (the deal models, the packs, the analysis) cost a
    tenth of a run's CPU, for a process that is about to end anyway. The ``atexit``
    handlers still run (a pool's workers are joined, temporary folders removed) and the
    standard streams are flushed; every file trustbench writes is already closed."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (``| head``)
            stream.flush()
    os._exit(code)


def _no_pydantic_plugins() -> None:
    """Tell pydantic, before it builds the deal-file models, that there are no pydantic
    plugins: trustbench uses none, and looking for them imports ``importlib.metadata`` and
    reads the entry points of every installed distribution, about 30 ms of every run.
    ``TRUSTBENCH_PYDANTIC_PLUGINS=1`` lets pydantic look as usual."""
    name = "pydantic.plugin._loader"
    if os.environ.get("TRUSTBENCH_PYDANTIC_PLUGINS") or name in sys.modules:
        return
    loader = types.ModuleType(name, "no pydantic plugins (set by trustbench's command)")
    loader.get_plugins = tuple  # type: ignore[attr-defined]
    sys.modules[name] = loader


def __getattr__(name: str) -> Any:
    """``main`` and ``app`` (the in-process entry points tests and embedders use), imported
    on first use."""
    if name in ("main", "app"):
        from trustbench.cli import commands

        return getattr(commands, name)
    raise AttributeError(name)
