"""The URL fetcher: data: URIs and the package's assets only; refusal happens before any I/O."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.request import OpenerDirector

import pytest
from pypdf import PdfReader

from trustbench.report import fetch, render_pdf
from trustbench.report.fetch import ASSETS_DIR, AssetFetcher, FetchRefused

TINY_SVG = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a URL through urllib fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"the fetcher tried to open {args[1:]!r}")

    monkeypatch.setattr(OpenerDirector, "open", refuse)


@pytest.fixture
def assets(tmp_path: Path) -> Path:
    root = tmp_path / "assets"
    root.mkdir()
    (root / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    return root


def test_allows_a_file_inside_the_assets_dir(assets: Path) -> None:
    response = AssetFetcher(assets).fetch((assets / "logo.svg").as_uri())
    assert response.read().startswith(b"<svg")
    assert response.content_type == "image/svg+xml"


def test_allows_a_data_uri() -> None:
    response = AssetFetcher().fetch("data:text/plain;base64,aGVsbG8=")
    assert response.read() == b"hello"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://evil.example.com/etc/passwd",
        "file:///dev/urandom",
        "http://example.com/x.png",
        "https://example.com/x.png",
        "https://127.0.0.1:8080/redirect?to=file:///etc/passwd",
        "ftp://example.com/x.png",
        "//example.com/x.png",
        "x.png",
    ],
)
def test_refuses_everything_else(url: str, no_network: None) -> None:
    with pytest.raises(FetchRefused):
        AssetFetcher().fetch(url)


@pytest.mark.parametrize(
    "tail", ["../secret.txt", "%2e%2e/secret.txt", "sub/../../secret.txt", "link.txt", ""]
)
def test_refuses_escapes_from_the_assets_dir(assets: Path, tail: str, no_network: None) -> None:
    with pytest.raises(FetchRefused):
        AssetFetcher(assets).fetch(f"file://{assets}/{tail}")


def test_refuses_a_missing_asset(assets: Path) -> None:
    with pytest.raises(FetchRefused, match="no such asset"):
        AssetFetcher(assets).fetch((assets / "nope.png").as_uri())


def test_default_root_is_the_package_assets_dir() -> None:
    assert Path(fetch.__file__).resolve().parent / "assets" == ASSETS_DIR
    assert AssetFetcher().root == ASSETS_DIR


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record every URL WeasyPrint asks for, and whether the fetcher served or refused it."""
    calls: list[tuple[str, str]] = []
    original = AssetFetcher.fetch

    def spy(self: AssetFetcher, url: str, headers: Any = None) -> Any:
        try:
            response = original(self, url, headers)
        except FetchRefused:
            calls.append((url, "refused"))
            raise
        calls.append((url, "served"))
        return response

    monkeypatch.setattr(AssetFetcher, "fetch", spy)
    return calls


def test_img_tag_in_deal_text_renders_as_text(
    context: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _spy(monkeypatch)
    context["deal"]["steps"][0]["text"] = '<img src="file:///etc/passwd">'
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(render_pdf(context))).pages)
    assert '<img src="file:///etc/passwd">' in text
    assert calls == []  # nothing to fetch: the tag is text


def test_hostile_user_template_cannot_read_files(
    context: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An untrusted --template-dir template asking for local files and URLs gets nothing.

    "refused" means FetchRefused was raised before any I/O (see test_refuses_everything_else).
    """
    calls = _spy(monkeypatch)
    (tmp_path / "_questions.html.j2").write_text(
        '<img src="file:///etc/passwd"><img src="../templates/memo.css">'
        '<img src="http://example.com/x.png"><link rel="stylesheet" href="https://example.com/a.css">'
        f'<img src="{TINY_SVG}">',
        encoding="utf-8",
    )
    pdf = render_pdf(context, template_dirs=[tmp_path])
    assert pdf.startswith(b"%PDF")
    assert b"root:x:0:0" not in pdf
    refused = {url for url, outcome in calls if outcome == "refused"}
    assert "file:///etc/passwd" in refused
    assert "http://example.com/x.png" in refused
    assert "https://example.com/a.css" in refused
    assert any(url.endswith("/templates/memo.css") for url in refused)
    assert [o for u, o in calls if u.startswith("data:")] == ["served"]
