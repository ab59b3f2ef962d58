"""A template loader that never leaves its folder.

Jinja's ``FileSystemLoader`` rejects ``..`` in template names but follows symlinks: a
symlinked file, a template that is itself a symlink, or a symlinked sub-folder would put
any local file (``/etc/passwd``, the user's other deals) into the memo. :class:`FolderLoader`
resolves every template's real path and serves it only if it lies inside the real path of
its folder, is a regular file (a FIFO would block the render) and is not over
``MAX_TEMPLATE_BYTES``. Anything else is a :class:`TemplateEscape` (a ``SecurityError``),
which the renderer reports at the line that includes the template (or at the link itself
for the main template).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024


class TemplateEscape(SecurityError):
    """A template (or a pack's ``templates/`` folder) that resolves outside its folder."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = str(path)


class FolderLoader(BaseLoader):
    """Templates from one folder, each resolving (symlinks followed) inside it."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(os.path.abspath(folder))
        self.root = Path(os.path.realpath(folder))

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # raises TemplateNotFound on '..'
        named = self.folder.joinpath(*pieces)
        if not os.path.lexists(named):
            raise TemplateNotFound(template)
        real = Path(os.path.realpath(named))
        if not real.is_relative_to(self.root):
            raise TemplateEscape(
                f"template {template!r} is a symlink that leaves its folder "
                f"({named} -> {real}); templates must resolve inside {self.folder}",
                named,
            )
        info = real.stat() if real.exists() else None
        if info is None or not stat.S_ISREG(info.st_mode):
            raise TemplateEscape(f"template {template!r} is not a regular file ({named})", named)
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise TemplateEscape(
                f"template {template!r} has {info.st_size:,} bytes; "
                f"the limit is {MAX_TEMPLATE_BYTES:,}",
                named,
            )
        source = real.read_bytes().decode("utf-8", errors="replace")
        return source, str(named), lambda: True


def confined(folder: Path, parent: Path) -> Path:
    """``folder`` if its real path lies inside ``parent``'s (a pack's ``templates/`` inside
    the pack); else a SecurityError naming the link."""
    real, root = Path(os.path.realpath(folder)), Path(os.path.realpath(parent))
    if not real.is_relative_to(root):
        raise TemplateEscape(
            f"{folder} is a symlink that leaves {parent} ({folder} -> {real}); "
            "a pack's templates must lie inside the pack",
            folder,
        )
    return folder
