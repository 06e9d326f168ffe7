"""The README's two commands stay true: the files they name exist and CI runs the test command."""

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text("utf-8"))


def test_readme_opens_with_setup_then_test_command():
    setup, test = commands()[:2]
    assert setup.startswith("scripts/setup.sh && ")
    assert test == "./scripts/test"
    words = shlex.split(setup.replace("&&", " "))
    for word in words:
        if word.startswith(("scripts/", "examples/")):
            assert (ROOT / word).exists(), word
    assert "narrate add" in setup and "--show" in setup


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    test = commands()[1]
    assert re.search(rf"^{re.escape(test)}\s*$", ci, re.M), ci
