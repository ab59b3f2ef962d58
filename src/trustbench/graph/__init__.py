"""Deal → transaction graph (before and after) and the ownership and control algebra."""

from trustbench.graph.build import Phase, TransactionGraph, build, market_node
from trustbench.graph.interests import Interests

__all__ = ["Interests", "Phase", "TransactionGraph", "build", "market_node"]
