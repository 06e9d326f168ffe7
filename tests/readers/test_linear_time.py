"""Issue 12: extraction time grows linearly with the page. A page of a million empty
paragraphs (7 MB of markup) is read in seconds; quadratic work (an XPath union over large node
sets) took minutes. Run in a subprocess with a timeout so a regression fails instead of hanging
the suite."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.shared import ROOT

SCRIPT = r"""
import sys, narrate
kind = sys.argv[1]
# "mixed": two large node sets at once, what made the XPath union quadratic (minutes)
unit = "<p></p>" if kind == "paragraphs" else "<p></p><h2></h2>"
count = 1_000_000 if kind == "paragraphs" else 420_000
html = ("<html><body><article><p>" + "A real sentence about the harbour and its keepers. " * 5
        + "</p>" + unit * count + "</article></body></html>")
article = narrate.parse_html(html)
print(len(html) // 1_000_000, "MB", article.body_text().count("harbour"))
"""


@pytest.mark.parametrize("kind", ["paragraphs", "mixed"])
def test_seven_megabytes_of_empty_elements_in_seconds(kind: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, kind], capture_output=True,
                          text=True, timeout=150, env=env)  # linear: 15-45 s on a busy 2-core box
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["7" if kind == "paragraphs" else "6", "MB", "5"]
