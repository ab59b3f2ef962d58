"""Shared fixtures for the memo renderer's tests."""

from __future__ import annotations

from typing import Any

import pytest

from .fixtures import sample_context


@pytest.fixture
def context() -> dict[str, Any]:
    return sample_context()
