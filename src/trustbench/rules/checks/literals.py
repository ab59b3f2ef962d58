"""TB131: no threshold is written inside a condition; it is a dated parameter."""

from __future__ import annotations

from collections.abc import Iterator

from trustbench.errors import Diagnostic
from trustbench.expr import LexError, tokenize
from trustbench.rules.checks import Check, Fixture, register
from trustbench.rules.checks.located import own, position
from trustbench.rules.checks.snippets import RULE, edit, pack
from trustbench.rules.pack import Pack

_ALLOWED = {"0", "0.0", "1", "1.0"}


def _literals(pack: Pack) -> Iterator[Diagnostic]:
    for loaded in own(pack):
        if "when" in loaded.broken:
            continue
        source = loaded.rule.when
        try:
            numbers = [t for t in tokenize(source) if t.kind == "number"]
        except LexError:
            continue  # the condition does not compile: TB130 says so
        for token in numbers:
            if token.text in _ALLOWED:
                continue
            row, col = position(loaded, ("when",), source, token.start)
            yield Diagnostic(
                loaded.file,
                row,
                col,
                "rule",
                f"threshold {token.text} written inside the condition",
                "make it a dated parameter in params.yaml and write params.<name> here",
                LITERAL.code,
            )


_WHEN = "acquirer.equity.after > params.threshold"
LITERAL = register(
    Check(
        "TB131",
        "literal",
        "threshold literal written inside a condition",
        Fixture(
            bad=pack(stake=edit(RULE, _WHEN, f"{_WHEN} && acquirer.voting.after > 0.1")),
            expected="""\
pack/stake.yaml:4:75: error[TB131]: threshold 0.1 written inside the condition
  hint: make it a dated parameter in params.yaml and write params.<name> here
1 problem in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _literals,
    )
)
