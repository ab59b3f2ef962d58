"""Render the memo context (docs/report-context.md) to HTML and PDF.

Templates run in :class:`~trustbench.report.sandbox.MemoSandbox` (Jinja's immutable sandbox,
autoescaping, strict undefined variables, every resource bounded) over a read-only,
display-safe copy of the context (:func:`~trustbench.report.view.memo_view`). The package's
``templates/`` are the defaults; directories given as ``template_dirs`` (the CLI's
``--template-dir``) come first, so a firm can override ``house.css`` or any one partial
without copying the rest. A rule pack's own templates (``pack_dirs``: pack id → its
``templates/`` folder) are reachable only under the prefix ``pack/<id>/``, so a pack can
supply its jurisdiction's section but cannot replace the house partials; that section is
rendered on its own and cleaned of active content before it enters the memo
(``pack_sections`` in the main template). Every template must resolve inside its folder
(:mod:`~trustbench.report.loader`). Any failure while rendering is a ``TemplateError`` at the
template's file and line. This is the only module that imports WeasyPrint.
"""

from __future__ import annotations

import traceback
from collections.abc import Generator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2 import BaseLoader, ChoiceLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup

from trustbench.errors import TemplateError
from trustbench.report import clock
from trustbench.report.bytecode import bytecode_cache
from trustbench.report.fetch import ASSETS_DIR, AssetFetcher
from trustbench.report.loader import FolderLoader, TemplateEscape, confined
from trustbench.report.sandbox import MemoSandbox, SandboxLimit
from trustbench.report.sanitize import sanitize
from trustbench.report.view import memo_view

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
MAIN_TEMPLATE = "memo.html.j2"
MAX_OUTPUT = 64_000_000  # characters of HTML; the seed memo has 250,000

_SANDBOX_HINT = "memo templates run in a sandbox: no attribute or method outside the context"
_HINTS = {
    "UndefinedError": "templates read only the memo context described in docs/report-context.md",
    "SecurityError": _SANDBOX_HINT,
    "TemplateEscape": "a template and everything it includes must be files inside its folder",
    "TemplateNotFound": "a template can include only files from the template directories",
    "RecursionError": "a macro or template that calls or includes itself?",
    "SandboxLimit": "memo templates are bounded in output, text size, loops and nesting "
    "(see trustbench.report.sandbox); build less",
}
_LAYOUT_HINT = (
    "the PDF engine failed on the memo's layout; write the memo with --html meanwhile, "
    "and report this with the deal file"
)
_LAYOUT_HINTS = {  # only for the options actually in use
    "template-dir": "a rule in the CSS or a template of your --template-dir is not supported "
    "by WeasyPrint 70; bisect them, or try without --template-dir",
    "pack": "a rule pack's templates/section.html.j2 may produce what WeasyPrint 70 cannot lay "
    "out; write the memo with --html to see it",
}


def render_html(
    context: Mapping[str, Any],
    *,
    template_dirs: Sequence[Path] | None = None,
    pack_dirs: Mapping[str, Path] | None = None,
) -> str:
    """The memo as one self-contained HTML document (styles inlined, nothing to fetch)."""
    dirs = _search_path(template_dirs)
    packs = dict(pack_dirs or {})
    try:
        env = _environment(dirs, packs)
        view = memo_view(context)
        sections = MappingProxyType(_pack_sections(env, view))
        template = env.get_template(MAIN_TEMPLATE)
        return _bounded(template.generate({**view, "pack_sections": sections}))
    except (jinja2.TemplateError, RecursionError, MemoryError) as exc:
        raise _template_error(exc, [*dirs, *packs.values()]) from None
    except Exception as exc:  # e.g. ZeroDivisionError, OverflowError in a template expression
        error = _template_error(exc, [*dirs, *packs.values()])
        if error.line == 0:
            raise  # not raised by a template: a bug of ours, reported as one
        raise error from None


def render_pdf(
    context: Mapping[str, Any],
    *,
    template_dirs: Sequence[Path] | None = None,
    pack_dirs: Mapping[str, Path] | None = None,
) -> bytes:
    """The memo as PDF bytes; byte-identical across runs when SOURCE_DATE_EPOCH is set."""
    html = render_html(context, template_dirs=template_dirs, pack_dirs=pack_dirs)
    in_use = "template-dir" if template_dirs else "pack" if pack_dirs else None
    return html_to_pdf(html, custom_templates=in_use)


def html_to_pdf(html: str, *, custom_templates: str | None = None) -> bytes:
    """WeasyPrint on the memo HTML, fetching nothing but ``data:`` URIs and package assets.
    ``custom_templates`` ("template-dir" or "pack") names the user templates in play, for the
    hint of a layout failure."""
    from weasyprint import HTML  # imported here: WeasyPrint is slow to import

    stamp = _timestamp()
    source = HTML(string=html, base_url=ASSETS_DIR.as_uri() + "/", url_fetcher=AssetFetcher())
    try:
        document = source.render()
    except Exception as exc:  # WeasyPrint crashes on some CSS it parses but cannot lay out
        raise TemplateError(
            f"the PDF engine could not lay out the memo: {type(exc).__name__}: {exc}",
            hint=_LAYOUT_HINTS.get(custom_templates or "", _LAYOUT_HINT),
            code="layout",
        ) from exc
    document.metadata.created = stamp
    document.metadata.modified = stamp
    pdf: bytes = document.write_pdf()
    return pdf


def _search_path(template_dirs: Sequence[Path] | None) -> list[Path]:
    """User directories first (house style), the package templates last."""
    return [Path(d) for d in template_dirs or ()] + [TEMPLATES_DIR]


def _environment(dirs: list[Path], pack_dirs: Mapping[str, Path]) -> MemoSandbox:
    loaders: list[BaseLoader] = [FolderLoader(d) for d in dirs]
    if pack_dirs:
        by_pack: dict[str, BaseLoader] = {
            pid: FolderLoader(confined(d, d.parent)) for pid, d in sorted(pack_dirs.items())
        }
        packs = PrefixLoader(by_pack, delimiter="/")
        loaders.insert(0, PrefixLoader({"pack": packs}, delimiter="/"))
    return MemoSandbox(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=False,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(),
    )


def _pack_sections(env: MemoSandbox, view: Mapping[str, Any]) -> dict[str, Markup]:
    """Each pack's section, rendered on its own over the read-only view plus ``j`` (its
    jurisdiction), then cleaned of active content (scripts, frames, event handlers)."""
    out: dict[str, Markup] = {}
    for j in view.get("jurisdictions", ()):
        section = j["pack"]["section"] if isinstance(j, Mapping) and "pack" in j else None
        if section:
            html = _bounded(env.get_template(section).generate({**view, "j": j}))
            out[j["id"]] = Markup(sanitize(html))
    return out


def _bounded(chunks: Generator[str, None, None]) -> str:
    """Join the rendered chunks, stopping the template where the memo exceeds MAX_OUTPUT."""
    parts, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            chunks.throw(SandboxLimit(f"the memo would be over {MAX_OUTPUT:,} characters long"))
        parts.append(chunk)
    return "".join(parts)


def _template_error(exc: BaseException, dirs: list[Path]) -> TemplateError:
    """A compiler-style TemplateError pointing at the template file and line."""
    kind = type(exc).__name__
    if isinstance(exc, jinja2.TemplateSyntaxError):
        file, line = exc.filename or exc.name, exc.lineno
    else:
        file, line = _template_frame(exc, dirs)
    if file is None and isinstance(exc, TemplateEscape):
        file = exc.path
    text = exc.message if isinstance(exc, jinja2.TemplateError) else None
    message = f"{_describe(kind)}: {_read_only(text or str(exc) or kind)}"
    return TemplateError(
        message, file=file or MAIN_TEMPLATE, line=line or 0, hint=_HINTS.get(kind), code=kind
    )


def _read_only(text: str) -> str:
    """Name the context's frozen types as what they are to a template author."""
    return text.replace("'mappingproxy object'", "the read-only mapping").replace(
        "'tuple object'", "the read-only list"
    )


def _describe(kind: str) -> str:
    return {
        "TemplateSyntaxError": "template syntax error",
        "UndefinedError": "undefined value",
        "SecurityError": "forbidden by the template sandbox",
        "TemplateEscape": "forbidden by the template sandbox",
        "SandboxLimit": "over a limit of the template sandbox",
        "TemplateNotFound": "template not found",
        "RecursionError": "templates nest too deeply",
        "MemoryError": "the template ran out of memory",
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
