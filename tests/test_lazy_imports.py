"""A run imports only what its source needs: every module imported costs CPU in every
`narrate speak` and `narrate export` before any work is done (the fixed cost that
bench/narration.py measures against raw espeak-ng at 1,000 words).

Each case runs the real CLI in a fresh interpreter and reads, at exit, which of the heavy
packages ended up in ``sys.modules``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

WATCHED = ("trafilatura", "htmldate", "lxml", "markdown_it", "yaml", "num2words", "mutagen",
           "numpy", "PIL", "py3langid")

CHILD = f"""
import atexit, sys
atexit.register(lambda: print("LOADED", *[m for m in {WATCHED!r} if m in sys.modules],
                              file=sys.stderr))
sys.argv = ["narrate", *sys.argv[1:]]
from narrate.cli import main
main()
"""

BODY = ("The committee met on Tuesday and agreed the budget for the harbour works. "
        "Nobody had expected a decision before the summer, yet the vote took ten minutes.")


def loaded(*args: str) -> set[str]:
    """The watched packages a fresh ``narrate ARGS`` imported."""
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("LOADED")][-1]
    return set(line.split()[1:])


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(f'<html lang="en"><head><title>Harbour</title></head><body><article>'
                    f"<h1>Harbour</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>",
                    encoding="utf-8")
    return path


def test_the_command_line_alone_imports_none_of_them() -> None:
    assert loaded("--help") == set()


def test_a_web_page_needs_no_markdown_yaml_or_other_languages_numbers(page: Path) -> None:
    got = loaded("export", str(page), "--format", "script")
    assert {"trafilatura", "lxml"} <= got  # the page's extractor: what the watch can see
    assert not got & {"markdown_it", "yaml", "num2words", "mutagen", "PIL"}


def test_plain_markdown_needs_no_extractor_and_no_yaml(tmp_path: Path) -> None:
    text = tmp_path / "essay.md"
    text.write_text(f"# Harbour\n\n{BODY}\n\n{BODY}\n", encoding="utf-8")
    got = loaded("export", str(text), "--format", "text")
    assert "markdown_it" in got
    assert not got & {"trafilatura", "htmldate", "yaml", "num2words", "mutagen", "PIL"}


def test_front_matter_brings_yaml_and_nothing_else(tmp_path: Path) -> None:
    text = tmp_path / "essay.md"
    text.write_text(f"---\ntitle: Harbour\nlang: en\n---\n\n{BODY}\n\n{BODY}\n", encoding="utf-8")
    got = loaded("export", str(text), "--format", "text")
    assert {"yaml", "markdown_it"} <= got
    assert not got & {"trafilatura", "htmldate", "py3langid", "num2words"}
