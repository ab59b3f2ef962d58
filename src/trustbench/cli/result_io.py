"""A saved full result (``memo --save-result``) read back for ``memo --from-result``."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from trustbench.analysis import available_packs
from trustbench.errors import InputError
from trustbench.result import Result


def load_result(path: Path) -> Result:
    """The Result saved in ``path``; a user error (located) when it is not one."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the result: {exc}", file=str(path)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not JSON: {exc.msg}", file=str(path), line=exc.lineno, column=exc.colno
        ) from None
    try:
        result = Result.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"{where}: {first['msg'].lower()}",
            file=str(path),
            hint="write it with `trustbench memo DEAL --save-result FILE`",
        ) from None
    if result.deal is None or result.catalogue is None:
        raise InputError(
            "the result has no memo detail (`analyze --format json` prints the contract only)",
            file=str(path),
            hint="write it with `trustbench memo DEAL --save-result FILE`",
        )
    return result


def dump_result(result: Result) -> bytes:
    return (result.model_dump_json(exclude_unset=True, indent=1) + "\n").encode("utf-8")


def template_dirs(result: Result, rules: list[Path] | None = None) -> dict[str, Path]:
    """Pack id → the pack's ``templates/`` folder, for the packs with a memo section of
    their own (found among the built-in packs and ``--rules`` folders by id)."""
    known = available_packs(rules)
    return {
        j.pack.id: known[j.pack.id] / "templates"
        for j in result.jurisdictions
        if j.detail is not None and j.detail.section and j.pack.id in known
    }
