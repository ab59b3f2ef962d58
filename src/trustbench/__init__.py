"""trustbench: an antitrust review-case workbench.

The public Python API mirrors the CLI: ``load_deal``, ``load_packs``, ``evaluate``,
``render_html``, ``render_pdf`` and ``render_docx``. They are imported lazily so that
``import trustbench`` stays cheap and the layering of the package is not inverted.
"""

from __future__ import annotations

from typing import Any

from trustbench.version import __version__

__all__ = [
    "__version__",
    "evaluate",
    "load_deal",
    "load_packs",
    "render_docx",
    "render_html",
    "render_pdf",
]


def __getattr__(name: str) -> Any:
    if name == "load_deal":
        from trustbench.model.load import load_deal

        return load_deal
    if name in ("load_packs", "evaluate"):
        from trustbench import analysis

        return getattr(analysis, name)
    if name in ("render_html", "render_pdf"):
        from trustbench import report

        return getattr(report, name)
    if name == "render_docx":
        from trustbench.report.docx import render_docx

        return render_docx
    raise AttributeError(name)
