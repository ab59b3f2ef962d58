"""The read-only, display-safe view of the memo context that templates see.

:func:`memo_view` copies the context once before rendering:

- mappings become ``MappingProxyType`` and lists tuples, so no template (a pack's section
  above all) can change what another part of the memo prints, even through a method the
  sandbox does not know about;
- every text is made safe to lay out (:func:`display_text`): whitespace runs (newlines, tabs,
  ``\\u2028``) become one space, because WeasyPrint asserts on a title of ``"\\n\\n\\n"``;
  other control characters and the explicit bidi controls (embeddings, overrides, isolates)
  are shown as ``⟨U+202E⟩`` instead of acting unseen; a text over ``MAX_FIELD`` characters
  is cut with a note saying so; a text with right-to-left letters is wrapped in a first-strong
  isolate (U+2068 … U+2069, the plain-text form of ``<bdi>``, which WeasyPrint's text engine
  honours too), so a party name cannot reorder the sentence around it.

Markup (already rendered HTML, such as the diagrams' SVG) passes through unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from markupsafe import Markup

MAX_FIELD = 5_000  # characters; the seed memo's longest text has 1,132
FSI, PDI = "\u2068", "\u2069"
_SPACE = re.compile(r"[\s\u0085\u2028\u2029]+")
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_RTL = frozenset({"R", "AL"})
_MARKUP_KEYS = frozenset({"before", "after"})  # the diagram's SVG (see context._diagram)


def memo_view(context: Mapping[str, Any]) -> MappingProxyType[str, Any]:
    """The context, frozen and with every text made safe to display."""
    out = {key: _freeze(value, key) for key, value in context.items()}
    return MappingProxyType(out)


def _freeze(value: Any, key: str = "") -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return value if key in _MARKUP_KEYS and value.startswith("<svg") else display_text(value)
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v, str(k)) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(_freeze(v) for v in value)
    return value


def display_text(text: str) -> str:
    """One line of text, safe to lay out and unable to reorder its surroundings."""
    if text.isascii() and text.isprintable():
        return text if len(text) <= MAX_FIELD else _truncate(text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > MAX_FIELD:
        text = _truncate(text)
    rtl = False
    chars = []
    for ch in text:
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
            chars.append(f"⟨U+{ord(ch):04X}⟩")
            continue
        rtl = rtl or unicodedata.bidirectional(ch) in _RTL
        chars.append(ch)
    shown = "".join(chars)
    return FSI + shown + PDI if rtl else shown


def _truncate(text: str) -> str:
    return f"{text[:MAX_FIELD]}… [cut here: the text has {len(text):,} characters]"
