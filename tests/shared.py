"""Access to ../shared (samples, bench, checks): present in CI, absent from a user's clone.

Tests that need it call ``need_shared()``: outside CI they skip with a clear reason; in CI
(``CI=true``) a missing folder is a failure, so nothing is silently skipped there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NARRATE_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "belarus-op-ed.txt"


def need_shared(path: Path = SAMPLE) -> Path:
    if path.exists():
        return path
    reason = f"{path} is missing (../shared is only beside the repo in CI)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)
