"""The ``trustbench`` command. The application lives in :mod:`trustbench.cli.commands`; this
module only starts it, so that the console script can set up the process before the
application's imports run."""

from __future__ import annotations

import gc
import sys
from typing import Any


def run() -> None:
    """The console script. Start-up builds tens of thousands of long-lived objects (the
    deal-file models, the commands, the cached packs) and almost no garbage, so the cyclic
    collector is paused while the application imports: it would only walk those objects
    again and again. They are then frozen (later collections skip them) and collection
    resumes, so a large deal is analysed with the collector on as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from trustbench.cli.commands import main
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
    sys.exit(main())


def __getattr__(name: str) -> Any:
    """``main`` and ``app`` (the in-process entry points tests and embedders use), imported
    on first use."""
    if name in ("main", "app"):
        from trustbench.cli import commands

        return getattr(commands, name)
    raise AttributeError(name)
