"""axe-core in headless Debian Chromium: the accessibility rules a real auditor runs.

``axe_violations(html)`` loads the page with axe-core injected at the end of the body, runs it,
and returns the violations (rule id, impact, offending markup). axe-core comes from npm
(``scripts/setup.sh --test`` installs it under ``.cache/axe``); Chromium from Debian.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=15000", "--dump-dom",
]
_RUN = """<script>axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  var p = document.createElement("pre"); p.id = "axe-result";
  p.textContent = JSON.stringify(r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.html; })};
  }));
  document.body.appendChild(p);
});</script>"""


def _need(tool: str, path: str | None) -> str:
    if path:
        return path
    reason = f"{tool} is missing (scripts/setup.sh --test installs it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def axe_violations(html: str) -> list[dict]:
    chromium = _need("chromium", shutil.which("chromium") or shutil.which("chromium-browser"))
    _need("axe-core", str(AXE) if AXE.exists() else None)
    inject = "<script>" + AXE.read_text("utf-8") + "</script>" + _RUN
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html.replace("</body>", inject + "</body>", 1), "utf-8")
        result = subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", page.as_uri()],
            capture_output=True, text=True, timeout=120,
        )
    match = re.search(r'<pre id="axe-result">(.*?)</pre>', result.stdout, re.S)
    assert match, f"axe-core did not report: {result.stderr[-500:]}"
    import html as html_lib

    return json.loads(html_lib.unescape(match.group(1)))
