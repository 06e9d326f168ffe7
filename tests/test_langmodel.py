"""The detector's model is unpacked once per user (the cache) and then memory-mapped: the same
classifier as py3langid's own, without 0.45 s of LZMA in every process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from py3langid import langid

from narrate import langmodel

TEXTS = (
    "The committee met on Tuesday and agreed the budget for the harbour works.",
    "Le comité s'est réuni mardi et a approuvé le budget des travaux du port de la ville.",
    "Der Ausschuss trat am Dienstag zusammen und billigte den Haushalt für die Hafenarbeiten.",
    "El comité se reunió el martes y aprobó el presupuesto de las obras del puerto.",
    "Комитет собрался во вторник и утвердил бюджет на работы в порту города.",
    "委员会周二开会，批准了港口工程的预算，工程将在明年春天开始。",
    "ok",
    "",
)


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of our own and a py3langid that has loaded nothing yet; the 70 MB
    of arrays are removed afterwards (pytest keeps the temp folders of recent runs)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(langid, "IDENTIFIER", None)
    yield tmp_path / "narrate"
    shutil.rmtree(tmp_path / "narrate", ignore_errors=True)


def model_folders(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("py3langid-*") if p.is_dir())


def test_the_cached_model_ranks_every_language_as_py3langid_does(cache: Path) -> None:
    own = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    first = langmodel._cached(langid)  # unpacks and writes the cache
    mapped = langmodel._cached(langid)  # reads it back, memory-mapped
    assert len(model_folders(cache)) == 1
    for text in TEXTS:
        assert first.rank(text) == own.rank(text), text
        assert mapped.rank(text) == own.rank(text), text


def test_install_makes_py3langid_use_the_cache(cache: Path) -> None:
    langmodel.install()
    assert langid.IDENTIFIER is not None
    assert langid.classify(TEXTS[1])[0] == "fr"
    assert {p.name for p in model_folders(cache)[0].iterdir()} == {
        f"{name}.npy" for name in ("ptc", "pc", "classes", "nextmove", "row", "out")}


CHILD = """
import sys
from py3langid import modelio
def refuse(path):
    raise AssertionError("unpacked the LZMA model again")
if sys.argv[2] == "cached":
    modelio.load_model = refuse
import narrate
print(narrate.read(sys.argv[1]).language)
"""


def read_language(source: Path, cache_home: Path, mode: str) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    out = subprocess.run([sys.executable, "-c", CHILD, str(source), mode], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_a_later_process_never_unpacks_the_model_again(tmp_path: Path) -> None:
    text = tmp_path / "essay.txt"
    text.write_text("Harbour\n\n" + " ".join(TEXTS[:1] * 6), encoding="utf-8")
    home = tmp_path / "cache"
    assert read_language(text, home, "first") == "en"
    assert read_language(text, home, "cached") == "en"
    # the guard can fail: with no cache, the same child must unpack
    with pytest.raises(AssertionError, match="unpacked the LZMA model again"):
        read_language(text, tmp_path / "empty", "cached")
    shutil.rmtree(home)


def test_a_damaged_cache_is_written_again(cache: Path) -> None:
    langmodel.install()
    folder = model_folders(cache)[0]
    whole = (folder / "nextmove.npy").stat().st_size
    with open(folder / "nextmove.npy", "r+b") as handle:
        handle.truncate(1000)
    langid.IDENTIFIER = None
    langmodel.install()
    assert langid.classify(TEXTS[2])[0] == "de"
    assert (folder / "nextmove.npy").stat().st_size == whole


def test_caches_of_other_versions_are_removed(cache: Path) -> None:
    old = cache / "py3langid-0.1-123-456"
    old.mkdir(parents=True)
    (old / "ptc.npy").write_bytes(b"old")
    langmodel.install()
    assert len(model_folders(cache)) == 1
    assert not old.exists()


def test_a_cache_that_cannot_be_written_still_detects(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(langid, "IDENTIFIER", None)
    langmodel.install()
    assert langid.classify(TEXTS[3])[0] == "es"
    assert blocker.is_file()


def test_no_home_folder_still_detects(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    monkeypatch.setattr(langid, "IDENTIFIER", None)
    langmodel.install()
    assert langid.classify(TEXTS[1])[0] == "fr"
