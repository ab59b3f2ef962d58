"""A cache of the memo templates' compiled code, so that a memo does not recompile its
templates on every run (about 0.2 s of the seed memo's own time, next to WeasyPrint's).

Where: ``$XDG_CACHE_HOME/trustbench/templates/<key>`` (default ``~/.cache/trustbench/…``);
``TRUSTBENCH_NO_CACHE=1`` switches it off, as for the pack cache. Jinja finds an entry by the
template's name and a hash of its source, so an edited template (the package's or a
``--template-dir``'s) is compiled again. The folder's ``key`` is a hash of what shapes the
compiled code besides the source: the trustbench and Jinja versions, the Python version and
the sandbox's own code (its code generator bounds loops and output), so a cache written by
another version is never read. Compiled code is executed, so the folder is used only when
it is owned by the user and writable by no one else; otherwise the memo compiles as before.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, FileSystemBytecodeCache

from trustbench.report import sandbox
from trustbench.version import __version__


def bytecode_cache() -> BytecodeCache | None:
    """The cache, or None (switched off, or no private folder to keep it in)."""
    if os.environ.get("TRUSTBENCH_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    where = Path(base) / "trustbench" / "templates" / _key()
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = where.stat()
    except OSError:
        return None
    if not _private(info):
        return None
    return FileSystemBytecodeCache(str(where), pattern="%s.jinja")


def _private(info: os.stat_result) -> bool:
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == owner
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


@functools.cache
def _key() -> str:
    digest = hashlib.sha256()
    for part in (__version__, jinja2.__version__, sys.version, Path(sandbox.__file__).read_bytes()):
        digest.update(part if isinstance(part, bytes) else part.encode())
    return digest.hexdigest()[:24]
