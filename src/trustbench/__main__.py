"""``python -m trustbench`` runs the CLI."""

from trustbench.cli import run

run()
