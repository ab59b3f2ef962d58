"""The memo: context → HTML (Jinja2 sandbox) → PDF (WeasyPrint)."""

from trustbench.report.render import render_html, render_pdf

__all__ = ["render_html", "render_pdf"]
