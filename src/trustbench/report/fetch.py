"""The only URL fetcher the memo renderer hands to WeasyPrint.

WeasyPrint's default fetcher reads any ``file://`` URL and any ``http(s)://`` URL it is
given, following redirects (CVE-2025-68616). A memo is built from untrusted text, and a
house-style template from a ``--template-dir`` is untrusted too, so rendering must never
touch the disk or the network on their behalf. This fetcher allows exactly two things:

- ``data:`` URIs (decoded in memory);
- files inside the package's own ``report/assets/`` directory, after resolving symlinks
  and ``..`` (so a link inside ``assets/`` that points elsewhere is refused too).

Everything else raises :class:`FetchRefused` *before* any I/O. WeasyPrint turns that into
a missing resource and a logged warning; the memo still renders.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
MAX_ASSET_BYTES = 8 * 1024 * 1024


class FetchRefused(ValueError):
    """A URL the memo renderer will not fetch (WeasyPrint reports it as a missing resource)."""


class AssetFetcher(URLFetcher):  # type: ignore[misc]
    """A WeasyPrint URL fetcher limited to ``data:`` URIs and files under ``root``."""

    def __init__(self, root: Path = ASSETS_DIR) -> None:
        # The parent handles data: only; file: is served below, everything else refused.
        super().__init__(
            timeout=5, allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=False
        )
        self.root = root.resolve()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            return self._fetch_asset(url)
        raise FetchRefused(f"refused to fetch {url!r}: only data: URIs and memo assets are allowed")

    def _fetch_asset(self, url: str) -> URLFetcherResponse:
        path = asset_path(url, self.root)
        size = path.stat().st_size
        if size > MAX_ASSET_BYTES:
            raise FetchRefused(f"refused to fetch {url!r}: {size} bytes is over the asset limit")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})


def asset_path(url: str, root: Path = ASSETS_DIR) -> Path:
    """The file a ``file://`` URL names, if it is a regular file inside ``root``; else refuse."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise FetchRefused(f"refused to fetch {url!r}: not a local file URL")
    path = Path(url2pathname(parts.path)).resolve()
    root = root.resolve()
    if not path.is_relative_to(root) or path == root:
        raise FetchRefused(f"refused to fetch {url!r}: outside the memo assets directory")
    if not path.is_file():
        raise FetchRefused(f"refused to fetch {url!r}: no such asset")
    return path
