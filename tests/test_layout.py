"""The house rules of STYLE.md that a grep can check, held as tests so they stay true."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted((ROOT / "narrate").rglob("*.py"))
MAX_LINES = 600


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def importers(pattern: str) -> set[str]:
    rx = re.compile(rf"^\s*(?:from|import)\s+(?:{pattern})\b", re.M)
    return {rel(p) for p in MODULES if rx.search(p.read_text("utf-8"))}


@pytest.mark.parametrize("path", MODULES, ids=rel)
def test_modules_stay_small(path):
    assert len(path.read_text("utf-8").splitlines()) <= MAX_LINES


def test_only_the_cli_imports_click():
    assert {p for p in importers("click") if not p.startswith("narrate/cli/")} == set()


def test_only_readers_import_parsers():
    found = importers(r"bs4|yaml|lxml|markdown_it|markdown|trafilatura|html5lib")
    assert {p for p in found if not p.startswith("narrate/readers/")} == set()


def test_only_tags_import_mutagen_id3():
    assert importers(r"mutagen\.id3") <= {"narrate/audio/tags.py"}


def test_only_the_catalog_runs_sql():
    assert importers("sqlite3") <= {"narrate/podcast/catalog.py"}


def test_readers_do_no_io():
    for path in (ROOT / "narrate" / "readers").rglob("*.py"):
        text = path.read_text("utf-8")
        assert not re.search(r"\bopen\(|urllib|requests|httpx", text), rel(path)


def test_broad_excepts_only_where_failures_are_rendered():
    rx = re.compile(r"except\s+(?:Exception|BaseException)\b|except\s*:")
    found = {rel(p) for p in MODULES if rx.search(p.read_text("utf-8"))}
    assert found <= {"narrate/cli/__init__.py", "narrate/batch.py"}


def test_model_is_standard_library_only():
    text = (ROOT / "narrate" / "model.py").read_text("utf-8")
    assert not re.search(r"^\s*(?:from|import)\s+narrate\b", text, re.M)
