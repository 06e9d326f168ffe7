"""Issue 12: extraction time grows linearly with the page. A page of a million empty
paragraphs (7 MB of markup) is read in seconds; quadratic work (an XPath union over large node
sets) took minutes. Run in a subprocess with a timeout so a regression fails instead of hanging
the suite."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from tests.shared import ROOT

SCRIPT = r"""
import sys, narrate
kind = sys.argv[1]
# "mixed": two large node sets at once, what made the XPath union quadratic (minutes);
# "repeats": the same paragraph and quote over and over (a linear search per paragraph was)
units = {"paragraphs": ("<p></p>", 1_000_000), "mixed": ("<p></p><h2></h2>", 420_000),
         "repeats": ("<p>The same short line.</p><blockquote><p>The same quoted words, said "
                     "again and again.</p></blockquote>", 70_000)}
unit, count = units[kind]
html = ("<html><body><article><p>" + "A real sentence about the harbour and its keepers. " * 5
        + "</p>" + unit * count + "</article></body></html>")
article = narrate.parse_html(html)
print(len(html) // 1_000_000, "MB", article.body_text().count("harbour"))
"""


@pytest.mark.parametrize("kind", ["paragraphs", "mixed", "repeats"])
def test_seven_megabytes_of_empty_elements_in_seconds(kind: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the wall-clock timeout only stops a hang; the bound is the child's CPU time, which a
    # busy shared machine does not inflate (linear: 10-25 s; quadratic: minutes)
    proc = subprocess.run([sys.executable, "-c", SCRIPT, kind], capture_output=True,
                          text=True, timeout=400, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert cpu < 60, f"{cpu:.0f} s of CPU for a 7 MB page"
    assert proc.stdout.split()[:2] == [{"paragraphs": "7", "mixed": "6", "repeats": "7"}[kind], "MB"]
    assert int(proc.stdout.split()[2]) >= 5
