"""The error of holdings that define no integrated ownership, shared by the dense
(:mod:`trustbench.graph.ownership`) and sparse (:mod:`trustbench.graph.sparse`) solvers, so
that neither imports the other to raise it."""

from __future__ import annotations

from collections.abc import Sequence

from trustbench.errors import DealError


class OwnershipError(DealError, ValueError):
    """The holdings do not define integrated ownership: an issuer held more than 100 % in
    total, or a closed loop (``loop`` is true). ``entities`` are the indices of the entities
    concerned; :meth:`named` gives them their ids, and
    :func:`trustbench.graph.loops.locate` their holdings' file:line."""

    def __init__(
        self,
        message: str,
        *,
        entities: Sequence[int] = (),
        hint: str | None = None,
        loop: bool = False,
        names: Sequence[str] = (),
    ) -> None:
        super().__init__(message, hint=hint)
        self.entities = tuple(entities)
        self.loop = loop
        self.names = tuple(names)

    def named(self, ids: Sequence[str]) -> OwnershipError:
        """The same error with the entities' ids in the message."""
        names = [ids[i] for i in self.entities]
        if self.loop:
            message = "ownership loop among " + ", ".join(names) + " with no outside holder"
        elif names:
            message = self.message.replace(f"entity #{self.entities[0]}", names[0])
        else:
            message = self.message
        return OwnershipError(
            message, entities=self.entities, hint=self.hint, loop=self.loop, names=names
        )


def closed_loop_error(members: Sequence[int]) -> OwnershipError:
    return OwnershipError(
        "ownership loop: a set of entities holds all of itself, with no outside holder",
        entities=sorted(members),
        hint="integrated ownership is then infinite; give the outside holders' stakes, "
        "or correct the shares of the cross-holdings",
        loop=True,
    )
