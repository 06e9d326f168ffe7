"""Run the real ``narrate`` console script, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

NARRATE = Path(sys.executable).with_name("narrate")


def run_narrate(*args: str, cwd: Path | None = None, input: bytes | None = None,
                timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("NARRATE_DEBUG", None)
    return subprocess.run([str(NARRATE), *args], cwd=cwd, input=input, capture_output=True,
                          timeout=timeout, env=env)


@pytest.fixture
def narrate_cli():
    return run_narrate
