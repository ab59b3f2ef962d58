"""Named, documented facts computed from the transaction graph (the vocabulary of rules).

Importing this package imports every module under it, which registers their facts; adding a
fact is one decorated function in a module here (a new module needs no registration).
``REGISTRY`` lists them.
"""

import importlib
import pkgutil

from trustbench.facts.context import FactContext
from trustbench.facts.registry import REGISTRY, FactSpec, Value


def _register_all() -> None:
    modules = pkgutil.walk_packages(__path__, prefix=f"{__name__}.")
    for module in sorted(modules, key=lambda m: m.name):
        importlib.import_module(module.name)


_register_all()

__all__ = ["REGISTRY", "FactContext", "FactSpec", "Value"]
