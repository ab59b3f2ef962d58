"""The deal-file model: pydantic models, value types and loading with located errors."""

from trustbench.model.deal import Deal
from trustbench.model.load import load_deal

__all__ = ["Deal", "load_deal"]
