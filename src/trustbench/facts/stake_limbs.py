"""The limbs of a theory of harm from a stake short of control, read from the sourced
statements of the ``evidence:`` section (theory ``minority-stake``).

Short of control, the acquirer does not decide the target's conduct: a horizontal, potential-
competition or minority-stake concern needs the stake to give it the *ability* to influence the
target's competitive conduct (blocking special resolutions, share issues or a sale; a voice on
the board) and the *incentive* to use that influence, or to compete less itself, to the
detriment of rivalry between them (Competition Commission, Ryanair/Aer Lingus, 2013; CMA,
Amazon/Deliveroo, 2020 — both decided on these two questions). Material influence only brings
the stake within review (EA 2002 s. 26); it does not answer them. Each limb is unknown until a
statement speaks to it, true if the statements only support it, false if they only tell against
it (:func:`trustbench.facts.evidence.statements`).

Closeness of competition (theory and limb ``closeness``) is read here too, for the EU and
German packs, where no share or diversion figure decides it (the UK horizontal rule flags any
overlap under control, as CMA129 sets no threshold).
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.evidence import statements
from trustbench.facts.registry import Value, fact

_Q = (
    "What can the acquirer do with its stake to influence the target's competitive conduct "
    "(block special resolutions, share issues or a sale; sway the board), and would it gain "
    "from using that influence, or from competing less itself, given its share of the "
    "target's profits (with the documents that say so)?"
)
_TEST = "EA 2002 ss. 26, 35-36; CMA129 ch. 4 (a stake short of control)"
_WORDS = {"uk": "UK"}
_LIMBS = {
    "ability": "stake short of control, ability: the stake lets the acquirer influence the "
    "target's competitive conduct",
    "incentive": "stake short of control, incentive: the acquirer would gain from using that "
    "influence, or from competing less itself",
}


def _register(limb: str, doc: str, where: str) -> None:
    def compute(ctx: FactContext) -> Value:
        return statements(ctx, "minority-stake", limb, where)

    fact(
        f"minority.{limb}.{where}",
        "bool",
        "yes/no",
        f"{doc} ({_WORDS[where]})",
        test=_TEST,
        question=_Q,
        topic="Evidence",
    )(compute)


for _limb, _doc in _LIMBS.items():
    _register(_limb, _doc, "uk")


def _closeness(where: str) -> None:
    def compute(ctx: FactContext) -> Value:
        return statements(ctx, "closeness", "closeness", where)

    fact(
        f"horizontal.closeness.{where}",
        "bool",
        "yes/no",
        f"the sourced statements show the parties to be close competitors ({where.upper()}): "
        "each other's main alternative for customers, with few others",
        test="EU HMG paras 28-30; GWB § 36(1)",
        question="How closely do the parties compete — are they each other's main alternative "
        "for customers, and how many others are there (with the documents that say so)?",
        topic="Evidence",
    )(compute)


for _where in ("eu", "de"):
    _closeness(_where)
