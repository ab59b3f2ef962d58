"""A cache of loaded and compiled packs, so that a command does not re-read, re-validate and
re-compile the same rule files on every run.

Where: ``$XDG_CACHE_HOME/trustbench/packs`` (default ``~/.cache/trustbench/packs``);
``TRUSTBENCH_NO_CACHE=1`` switches it off.

When an entry is used: it is found by the pack folder, the packs it may extend (``known``),
the working directory (messages show paths relative to it), the trustbench version and the
size and time of every module of trustbench; and it is used only if the content hash of
every file under the folders of the pack and of the packs it extends is what it was when
the entry was written (a file added, removed or edited makes it stale). An entry that
cannot be read — corrupt, truncated, from another Python, not owned by the user, writable
by others — is ignored and replaced. Only packs that loaded without a problem are cached.

What is cached: the whole :class:`~trustbench.rules.pack.Pack`. Compiled CEL programs are
not picklable: they are stored in CEL's own serialised (checked) form and deserialised
without being parsed and type-checked again; the :class:`~trustbench.expr.Compiler` that
compiled them is rebuilt from its declarations.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trustbench.expr import Compiler
from trustbench.rules.pack import Pack
from trustbench.sources import Document
from trustbench.version import __version__

FORMAT = 3
"""Bumped when what an entry holds changes shape."""
KEEP = 64
"""Entries kept; the least recently written beyond this are removed."""
PACKAGE = Path(__file__).resolve().parents[1]


def cache_dir() -> Path | None:
    if os.environ.get("TRUSTBENCH_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "trustbench" / "packs"


def load_pack_cached(
    folder: Path, known: dict[str, Path], load: Callable[[Path, dict[str, Path]], Pack]
) -> Pack:
    """``load(folder, known)``, or the same pack from the cache."""
    where = cache_dir()
    if where is None:
        return load(folder, known)
    entry = where / f"{_key(folder, known)}.pickle"
    found = _read(entry)
    if found is not None:
        return found
    pack = load(folder, known)
    _write(where, entry, _with_parts(pack))
    return pack


def _with_parts(pack: Pack) -> Pack:
    """The pack with the top-level parts of every condition compiled: each finding's
    ``decided_by`` evaluates them, and compiling them again on every run cost more than
    reading them from the entry."""
    compiled = [r.compiled for r in pack.rules.values()]
    compiled += [d.compiled for d in pack.definitions.values()]
    for condition in compiled:
        if condition is not None:
            condition.parts  # noqa: B018 -- compiled and kept on first access
    return pack


def _key(folder: Path, known: dict[str, Path]) -> str:
    digest = hashlib.sha256()
    for part in (
        f"format {FORMAT}",
        f"trustbench {__version__}",
        str(folder.resolve()),
        str(Path.cwd().resolve()),
        *(f"{k}={v.resolve()}" for k, v in sorted(known.items())),
        *_code_state(),
    ):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()[:32]


_CODE_STATE: list[list[str]] = []


def _code_state() -> list[str]:
    """Each module of trustbench with its size and modification time: a changed fact,
    compiler or rule schema must not be answered from an entry written before. Worked out
    once per process (the modules a process runs do not change under it)."""
    if not _CODE_STATE:
        out = []
        for rel, path in _files(str(PACKAGE)):
            if rel.endswith(".py"):
                info = os.stat(path)
                out.append(f"{rel} {info.st_size} {info.st_mtime_ns}")
        _CODE_STATE.append(out)
    return _CODE_STATE[0]


def _files(top: str, prefix: str = "") -> list[tuple[str, str]]:
    """``(relative path, path)`` of every file under ``top``, in the order ``sorted(rglob)``
    gives (component by component): like ``rglob``, links to files are followed and links
    to folders are not."""
    out: list[tuple[str, str]] = []
    with os.scandir(top) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        rel = f"{prefix}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            out.extend(_files(entry.path, rel + "/"))
        elif entry.is_file():
            out.append((rel, entry.path))
    return out


def fingerprint(folders: list[Path]) -> str:
    """The content hash of every file under ``folders`` (names and bytes)."""
    digest = hashlib.sha256()
    for folder in folders:
        digest.update(str(folder).encode("utf-8", "surrogateescape") + b"\0")
        for rel, path in _files(str(folder)):
            with open(path, "rb") as handle:
                content = handle.read()
            digest.update(rel.encode("utf-8", "surrogateescape"))
            digest.update(b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def pack_folders(pack: Pack) -> list[Path]:
    """The folder of the pack and of every pack it extends (each has its ``pack.yaml`` in
    ``pack.files``)."""
    return sorted({p.parent.resolve() for p in pack.files if p.name == "pack.yaml"})


def _read(entry: Path) -> Pack | None:
    try:
        info = entry.lstat()
        if not _trusted(info):
            return None
        with entry.open("rb") as handle:
            folders, stamp, pack = _Unpickler(handle).load()
        if not isinstance(pack, Pack) or fingerprint(folders) != stamp:
            return None
        return pack
    except Exception:  # a corrupt or foreign entry is rebuilt, never trusted or fatal
        return None


def _trusted(info: os.stat_result) -> bool:
    """A regular file of this user's, writable by no one else."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    private = not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return stat.S_ISREG(info.st_mode) and owner_ok and private


def _write(where: Path, entry: Path, pack: Pack) -> None:
    """Write the entry whole under a temporary name, then rename it into place: a process
    reading (or writing) the same entry at the same time sees the old entry, the new one or
    none, never a part. A write that fails leaves no temporary file behind."""
    tmp = None
    try:
        folders = pack_folders(pack)
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(
            (folders, fingerprint(folders), pack)
        )
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=where, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(buffer.getvalue())
        os.replace(tmp, entry)
        tmp = None
        _prune(where)
    except Exception:  # a cache that cannot be written only costs time
        return
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(where: Path) -> None:
    """Keep the ``KEEP`` newest entries. Another process may remove an entry while this one
    looks at it: that entry is simply gone."""
    dated = []
    for path in where.glob("*.pickle"):
        try:
            dated.append((path.stat().st_mtime, path))
        except FileNotFoundError:
            continue
    for _, old in sorted(dated, reverse=True)[KEEP:]:
        old.unlink(missing_ok=True)


def _is_expression(obj: object) -> bool:
    kind = type(obj)
    return kind.__module__.startswith("cel_expr_python") and kind.__name__ == "Expression"


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:
        if _is_expression(obj):
            return _expression, (obj.serialize(),)  # type: ignore[attr-defined]
        if isinstance(obj, Document):
            return _document, (_dumps(_fields(obj)),)
        if isinstance(obj, Compiler):
            return Compiler, (obj.declarations,)
        return NotImplemented


_ENV: list[Any] = []


def _expression(data: bytes) -> Any:
    """A compiled CEL program from its serialised form, in an environment made as the
    compiler makes its own (so that any function it declares is there)."""
    if not _ENV:
        _ENV.append(Compiler({})._env)
    return _ENV[0].deserialize(data)


def _dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def _fields(doc: Document) -> dict[str, Any]:
    return {f: getattr(doc, f) for f in _DOCUMENT_FIELDS}


_DOCUMENT_FIELDS = ("path", "data", "marks", "text", "key_marks")


def _lazy(name: str) -> Any:
    def get(self: _Deferred) -> Any:
        return self.state()[name]

    def put(self: _Deferred, value: Any) -> None:
        self.state()[name] = value

    return property(get, put)


class _Deferred(Document):
    """The document of a rule file of a cached pack, read from the entry when something
    first asks for it. Lint, the examples and error positions read documents; evaluating a
    deal never does, and they were a third of what reading an entry cost."""

    path = _lazy("path")
    data = _lazy("data")
    marks = _lazy("marks")
    text = _lazy("text")
    key_marks = _lazy("key_marks")

    def __init__(self, blob: bytes) -> None:
        self._blob: bytes | None = blob
        self._state: dict[str, Any] = {}

    def state(self) -> dict[str, Any]:
        if self._blob is not None:
            self._state = _Unpickler(io.BytesIO(self._blob)).load()
            self._blob = None
        return self._state


def _document(blob: bytes) -> Document:
    return _Deferred(blob)


class _Unpickler(pickle.Unpickler):
    """Only trustbench's own classes, plain containers and pydantic's machinery may be
    rebuilt from an entry. This is defence in depth: what keeps a planted entry out is
    that only the user's own, private files are read (:func:`_trusted`)."""

    ALLOWED = ("trustbench.", "pathlib", "datetime", "collections", "copyreg", "pydantic")
    BUILTINS = frozenset(
        {"set", "frozenset", "dict", "list", "tuple", "str", "bytes", "int", "float", "bool"}
    )

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name in ("_expression", "_document"):
            return _expression if name == "_expression" else _document
        allowed = module.startswith(self.ALLOWED) or (module == "_codecs" and name == "encode")
        if allowed or (module == "builtins" and name in self.BUILTINS):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not expected in a pack cache")
