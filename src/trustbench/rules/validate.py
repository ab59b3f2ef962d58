"""``rules validate`` and ``rules test`` behind the CLI: load every pack found in some
folders, lint each, check ids across packs, and list every problem at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from trustbench.errors import Diagnostic
from trustbench.rules import codes
from trustbench.rules.examples import ExampleResult, run_examples
from trustbench.rules.lint import lint_pack
from trustbench.rules.loader import Found, builtin_dir, discover, discover_all, load_checked
from trustbench.rules.pack import Pack
from trustbench.sources import display_path


@dataclass
class Checked:
    packs: list[Pack] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def known_packs(extra: list[Path] | None = None) -> dict[str, Path]:
    """Pack id → folder: the folders given first, then the built-in packs (for
    ``extends:`` by id)."""
    found = discover(list(extra or []))
    for pid, folder in discover([builtin_dir()]).items():
        found.setdefault(pid, folder)
    return found


def check(
    dirs: list[Path], *, lint: bool = True, where: Callable[[Found], bool] | None = None
) -> Checked:
    """Load (and lint) every pack in or under ``dirs`` — or those ``where`` selects — and
    never stop at the first problem."""
    known = known_packs(dirs)
    found = [f for f in discover_all(dirs) if where is None or where(f)]
    result = Checked(diagnostics=_duplicate_packs(found))
    for item in found:
        pack, problems = load_checked(item.folder, known)
        result.diagnostics.extend(problems)
        if pack is not None:
            result.packs.append(pack)
            if lint:
                result.diagnostics.extend(lint_pack(pack))
    result.diagnostics.extend(_clashing_rules(result.packs))
    result.diagnostics = sorted(set(result.diagnostics))
    return result


def run_all_examples(packs: list[Pack]) -> list[ExampleResult]:
    return [r for pack in packs for r in run_examples(pack)]


def _duplicate_packs(found: list[Found]) -> list[Diagnostic]:
    first: dict[str, Found] = {}
    out = []
    for item in found:
        if item.id in first:
            other = display_path(first[item.id].folder / "pack.yaml")
            out.append(
                Diagnostic(
                    display_path(item.folder / "pack.yaml"),
                    item.line,
                    1,
                    "rule",
                    f"pack id {item.id!r} is also declared by {other}",
                    "give each pack its own id",
                    codes.DUPLICATE_PACK.code,
                )
            )
        else:
            first[item.id] = item
    return out


def _clashing_rules(packs: list[Pack]) -> list[Diagnostic]:
    """A rule id defined by two packs neither of which extends the other: whichever loads
    would silently take the other's place."""
    out = []
    for i, pack in enumerate(packs):
        for other in packs[:i]:
            if other.id == pack.id or other.id in pack.lineage or pack.id in other.lineage:
                continue
            for rid in sorted(set(pack.own_rules()) & set(other.own_rules())):
                loaded = pack.rules[rid]
                out.append(
                    Diagnostic(
                        loaded.file,
                        1,
                        1,
                        "rule",
                        f"rule id {rid!r} is also defined by pack "
                        f"{other.id!r} ({other.rules[rid].file}), which this pack does not extend",
                        f"add `extends: {other.id}` to pack.yaml to replace that rule, or give "
                        "this pack another jurisdiction or the file another name",
                        codes.DUPLICATE_RULE.code,
                    )
                )
    return out
