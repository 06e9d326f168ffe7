"""What ``narrate add`` is given -> the sources it reads: folders, globs and ``@list.txt`` files
are expanded (URLs and ``-`` pass through), and a folder that yields no article is named."""

from __future__ import annotations

import glob
import re
from collections.abc import Iterator
from pathlib import Path

from narrate.errors import NarrateError, StorageError
from narrate.fileio import read_regular

LIST_MAX_BYTES = 16 * 1024 * 1024  # a hundred thousand URLs
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".md", ".markdown")


def expand_sources(specs: list[str], *, exclude: Path | None = None,
                   skipped: list[tuple[str, str]] | None = None,
                   ) -> tuple[list[str], list[tuple[str, str]]]:
    """Folders, globs and ``@list.txt`` -> source specs (URLs and ``-`` pass through).

    A folder without articles is a failure naming it; files a folder holds that are not taken
    as articles (by extension) are named in ``skipped``."""
    out: list[str] = []
    failed: list[tuple[str, str]] = []
    for spec in specs:
        try:
            out.extend(_expand(spec, exclude, 0, skipped if skipped is not None else []))
        except NarrateError as e:
            failed.append((spec, str(e)))
    return out, failed


def _expand(spec: str, exclude: Path | None, depth: int, skipped: list[tuple[str, str]]) -> Iterator[str]:
    if not spec.strip() or not spec[1:].strip() and spec.startswith("@"):
        # an unset "$VAR": Path("") is the current folder, never meant
        raise NarrateError("empty source name: give a file, a folder, an http(s) URL or -", repr(spec))
    if spec == "-" or re.match(r"^https?://", spec, re.IGNORECASE):
        yield spec
    elif spec.startswith("@"):
        yield from _expand_list(spec[1:], exclude, depth, skipped)
    elif Path(spec).is_dir():
        yield from _folder(Path(spec), exclude, skipped)
    elif glob.has_magic(spec):
        matches = sorted(p for p in glob.glob(spec, recursive=True) if Path(p).is_file())
        if not matches:
            raise NarrateError("no file matches this pattern", spec)
        yield from matches
    else:
        yield spec


def _expand_list(name: str, exclude: Path | None, depth: int,
                 skipped: list[tuple[str, str]]) -> Iterator[str]:
    if depth > 5:
        raise NarrateError("@lists nest too deeply", name)
    path = Path(name)
    try:  # a regular file of a sane size: a FIFO blocked the run, /dev/zero filled the memory
        lines = read_regular(path, LIST_MAX_BYTES, "list of sources").decode("utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise NarrateError("cannot read the source list (not UTF-8 text)", name) from e
    except StorageError as e:
        raise NarrateError(f"cannot read the source list ({e.reason}); give a text file of "
                           "sources, one a line", name) from e
    named = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    if not named:  # like a folder without articles: the run would silently do nothing
        raise NarrateError("the source list names no sources (one file, folder or URL a line)", name)
    for line in named:
        if not re.match(r"^(https?://|@|-$)", line) and not Path(line).is_absolute():
            relative = path.parent / line
            line = str(relative) if relative.exists() or glob.has_magic(line) else line
        yield from _expand(line, exclude, depth + 1, skipped)


def _folder(folder: Path, exclude: Path | None, skipped: list[tuple[str, str]]) -> Iterator[str]:
    skip = exclude.resolve() if exclude else None
    found, others = 0, []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if skip and path.resolve().is_relative_to(skip):
            continue  # never narrate a show's own exports
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            others.append(str(rel))
            continue
        found += 1
        yield str(path)
    if others:
        names = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        skipped.append((str(folder), f"not taken as articles (extension is not one of "
                                     f"{' '.join(ARTICLE_SUFFIXES)}): {names}"))
    if not found:
        raise NarrateError(f"no articles in this folder (files ending {' '.join(ARTICLE_SUFFIXES)})",
                           str(folder))


def folders_without_articles(specs: list[str], sources: list[str],
                              articles: set[str]) -> Iterator[tuple[str, str]]:
    """A folder given whose every file was skipped (too short, empty, a repeat) holds no
    article: that is a failure naming the folder, as for a folder of no article files."""
    for spec in specs:
        folder = Path(spec)
        if spec.startswith("@") or not folder.is_dir():
            continue
        inside = [s for s in sources if Path(s).is_relative_to(folder)]
        if inside and not any(s in articles for s in inside):
            yield spec, f"no articles in this folder ({len(inside)} file{'s' * (len(inside) != 1)} skipped)"
