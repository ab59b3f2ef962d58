"""The memo's clock: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from trustbench.errors import InputError


def now() -> datetime:
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(raw), UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise InputError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds, got {raw!r}",
            hint="unset it, or set it to e.g. $(git log -1 --format=%ct)",
        ) from exc
