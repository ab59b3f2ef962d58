"""The trustbench version (one place; the package and memos read it)."""

__version__ = "0.1.0"
