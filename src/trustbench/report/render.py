"""Render the memo context (docs/report-context.md) to HTML and PDF.

Templates run in a Jinja2 sandbox with autoescaping and strict undefined variables. The
package's ``templates/`` are the defaults; directories given as ``template_dirs`` (the CLI's
``--template-dir``) come first, so a firm can override ``house.css`` or any one partial
without copying the rest. A rule pack's own templates (``pack_dirs``: pack id → its
``templates/`` folder) are reachable only under the prefix ``pack/<id>/``, so a pack can
supply its jurisdiction's section but cannot replace the house partials. This is the only
module that imports WeasyPrint.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from trustbench.errors import TemplateError
from trustbench.report import clock
from trustbench.report.fetch import ASSETS_DIR, AssetFetcher

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
MAIN_TEMPLATE = "memo.html.j2"

_HINTS = {
    "UndefinedError": "templates read only the memo context described in docs/report-context.md",
    "SecurityError": "memo templates run in a sandbox: no attribute or method outside the context",
    "TemplateNotFound": "a template can include only files from the template directories",
}


def render_html(
    context: dict[str, Any],
    *,
    template_dirs: Sequence[Path] | None = None,
    pack_dirs: Mapping[str, Path] | None = None,
) -> str:
    """The memo as one self-contained HTML document (styles inlined, nothing to fetch)."""
    dirs = _search_path(template_dirs)
    env = _environment(dirs, pack_dirs or {})
    dirs += [Path(d) for d in (pack_dirs or {}).values()]
    try:
        return env.get_template(MAIN_TEMPLATE).render(context)
    except jinja2.TemplateError as exc:
        raise _template_error(exc, dirs) from exc


def render_pdf(
    context: dict[str, Any],
    *,
    template_dirs: Sequence[Path] | None = None,
    pack_dirs: Mapping[str, Path] | None = None,
) -> bytes:
    """The memo as PDF bytes; byte-identical across runs when SOURCE_DATE_EPOCH is set."""
    html = render_html(context, template_dirs=template_dirs, pack_dirs=pack_dirs)
    return html_to_pdf(html)


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint on the memo HTML, fetching nothing but ``data:`` URIs and package assets."""
    from weasyprint import HTML  # imported here: WeasyPrint is slow to import

    stamp = _timestamp()
    source = HTML(string=html, base_url=ASSETS_DIR.as_uri() + "/", url_fetcher=AssetFetcher())
    try:
        document = source.render()
    except Exception as exc:  # WeasyPrint crashes on some CSS it parses but cannot lay out
        raise TemplateError(
            f"the PDF engine could not lay out the memo: {type(exc).__name__}: {exc}",
            hint="a rule in memo.css or a template is not supported by WeasyPrint 70; "
            "bisect the CSS of your --template-dir",
            code="layout",
        ) from exc
    document.metadata.created = stamp
    document.metadata.modified = stamp
    pdf: bytes = document.write_pdf()
    return pdf


def _search_path(template_dirs: Sequence[Path] | None) -> list[Path]:
    """User directories first (house style), the package templates last."""
    return [Path(d) for d in template_dirs or ()] + [TEMPLATES_DIR]


def _environment(dirs: list[Path], pack_dirs: Mapping[str, Path]) -> SandboxedEnvironment:
    loaders: list[BaseLoader] = [FileSystemLoader(str(d)) for d in dirs]
    if pack_dirs:
        by_pack = {pid: FileSystemLoader(str(d)) for pid, d in sorted(pack_dirs.items())}
        packs = PrefixLoader(dict(by_pack), delimiter="/")
        loaders.insert(0, PrefixLoader({"pack": packs}, delimiter="/"))
    loader = ChoiceLoader(loaders)
    return SandboxedEnvironment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=False,
        keep_trailing_newline=True,
    )


def _template_error(exc: jinja2.TemplateError, dirs: list[Path]) -> TemplateError:
    """A compiler-style TemplateError pointing at the template file and line."""
    kind = type(exc).__name__
    if isinstance(exc, jinja2.TemplateSyntaxError):
        file, line = exc.filename or exc.name, exc.lineno
    else:
        file, line = _template_frame(exc, dirs)
    message = f"{_describe(kind)}: {exc.message or exc}"
    return TemplateError(
        message, file=file or MAIN_TEMPLATE, line=line or 0, hint=_HINTS.get(kind), code=kind
    )


def _describe(kind: str) -> str:
    return {
        "TemplateSyntaxError": "template syntax error",
        "UndefinedError": "undefined value",
        "SecurityError": "forbidden by the template sandbox",
        "TemplateNotFound": "template not found",
    }.get(kind, "template error")


def _template_frame(exc: BaseException, dirs: list[Path]) -> tuple[str | None, int]:
    """The innermost traceback frame inside a template (Jinja rewrites frames to them)."""
    roots = [d.resolve() for d in dirs]
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename)
        if path.is_absolute() and any(path.resolve().is_relative_to(r) for r in roots):
            return frame.filename, frame.lineno or 0
    return None, 0


def _timestamp() -> str:
    """W3C date for the PDF's CreationDate/ModDate: SOURCE_DATE_EPOCH if set, else now."""
    moment = clock.now()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
