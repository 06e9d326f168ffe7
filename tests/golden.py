"""Golden files (pandoc's ``--accept``): compare output with ``tests/golden/NAME``.

Run ``pytest --update-golden`` (or set ``NARRATE_UPDATE_GOLDEN=1``) to rewrite them after an
intended change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"
UPDATE = {"on": bool(os.environ.get("NARRATE_UPDATE_GOLDEN"))}


def check_golden(name: str, actual: str | bytes) -> None:
    path = GOLDEN / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if UPDATE["on"] or not path.exists():
        if not UPDATE["on"]:
            raise AssertionError(f"{path} does not exist; run pytest --update-golden to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    expected = path.read_bytes()
    if isinstance(actual, str):
        assert actual == expected.decode("utf-8"), f"{name} differs from its golden file"
    else:
        assert data == expected, f"{name} differs from its golden file"


def pytest_addoption(parser) -> None:  # loaded as a plugin: addopts = "-p tests.golden"
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output")


def pytest_configure(config) -> None:
    if config.getoption("--update-golden"):
        UPDATE["on"] = True
