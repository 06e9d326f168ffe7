"""Score narrate's extractor on the Article Extraction Benchmark (dev split) against trafilatura
and readability-lxml measured in the same run, and print the speed ratio to trafilatura.

    .venv/bin/python bench/extraction.py             # table + ratios
    .venv/bin/python bench/extraction.py --gate      # exit 1 below the pinned floors
    .venv/bin/python bench/extraction.py --pin       # raise F1_FLOOR to today's score

The floors live in ``narrate/readers/extract/settings.py`` (F1_FLOOR, SPEED_CEILING). ``--pin``
never lowers F1_FLOOR unless ``--allow-regression`` is given. Needs ``../shared/bench`` (or
``--bench DIR``) and, for the references, ``pip install trafilatura readability-lxml html-text``
in the same interpreter (the ``bench`` extra of pyproject.toml).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "narrate" / "readers" / "extract" / "settings.py"
ADAPTER = ROOT / "bench" / "aeb_adapter.py"


def _floors() -> dict[str, float]:
    text = SETTINGS.read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for name in ("F1_FLOOR", "SPEED_CEILING"):
        m = re.search(rf"^{name}\s*=\s*([0-9.]+)", text, re.M)
        if m:
            out[name] = float(m.group(1))
    return out


def _pin(f1: float, allow_regression: bool) -> int:
    current = _floors().get("F1_FLOOR", 0.0)
    new = math.floor(f1 * 1000) / 1000
    if new < current and not allow_regression:
        print(f"refusing to lower F1_FLOOR {current:.3f} -> {new:.3f} "
              "(pass --allow-regression if this is intended)", file=sys.stderr)
        return 1
    text = SETTINGS.read_text(encoding="utf-8")
    text = re.sub(r"^F1_FLOOR\s*=\s*[0-9.]+", f"F1_FLOOR = {new:.3f}", text, count=1, flags=re.M)
    tmp = SETTINGS.with_suffix(".py.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(SETTINGS)
    print(f"F1_FLOOR pinned at {new:.3f} (was {current:.3f})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench",
                    help="folder with evaluate.py, dev.txt and aeb-dev/")
    ap.add_argument("--repeat", type=int, default=3,
                    help="keep the fastest of N timings per page (default 3)")
    ap.add_argument("--rounds", type=int, default=2,
                    help="run the whole comparison N times; each extractor keeps its fastest "
                         "round (the machine is shared: one busy moment should not decide)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (smoke run)")
    ap.add_argument("--no-references", action="store_true", help="score narrate alone")
    ap.add_argument("--gate", action="store_true", help="exit 1 below F1_FLOOR or above SPEED_CEILING")
    ap.add_argument("--pin", action="store_true", help="raise F1_FLOOR to this run's F1")
    ap.add_argument("--allow-regression", action="store_true", help="let --pin lower the floor")
    ap.add_argument("--json", type=Path, help="also keep evaluate.py's JSON output here")
    args = ap.parse_args(argv)

    evaluate = args.bench / "evaluate.py"
    if not evaluate.exists():
        print(f"{evaluate}: not found (the benchmark lives in ../shared/bench)", file=sys.stderr)
        return 2
    summary: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(max(1, args.rounds)):
            out = args.json if (args.json and round_no == 0) else Path(tmp) / f"aeb{round_no}.json"
            cmd = [sys.executable, str(evaluate), "--data", str(args.bench / "aeb-dev"),
                   "--manifest-dir", str(args.bench), "--split", "dev", "--n-bootstrap", "200",
                   "--repeat", str(args.repeat), "--json", str(out),
                   "--extractor", f"narrate={ADAPTER}:extract"]
            cmd += (["--no-builtins"] if args.no_references
                    else ["--only", "trafilatura,readability_lxml"])
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            print(f"# round {round_no + 1}\n$ " + " ".join(cmd), flush=True)
            proc = subprocess.run(cmd, cwd=args.bench)
            if proc.returncode != 0:
                return proc.returncode
            for name, splits in json.loads(out.read_text(encoding="utf-8"))["summary"].items():
                dev = splits["dev"]
                best = summary.get(name)
                if best is None or dev["ms_mean"] < best["dev"]["ms_mean"]:
                    summary[name] = {"dev": dev}

    mine = summary["narrate"]["dev"]
    print(f"\nfastest of {max(1, args.rounds)} round(s) per extractor (scores are deterministic)")
    print(f"narrate: F1 {mine['f1']:.4f}  precision {mine['precision']:.4f}  "
          f"recall {mine['recall']:.4f}  {mine['ms_mean']:.1f} ms/page")
    ratio = None
    for ref in ("trafilatura", "readability_lxml"):
        if ref in summary and "dev" in summary[ref]:
            r = summary[ref]["dev"]
            print(f"{ref}: F1 {r['f1']:.4f}  {r['ms_mean']:.1f} ms/page  "
                  f"narrate/{ref} time ratio {mine['ms_mean'] / r['ms_mean']:.2f}")
            if ref == "trafilatura":
                ratio = mine["ms_mean"] / r["ms_mean"]

    floors = _floors()
    status = 0
    if args.gate:
        if mine["f1"] < floors["F1_FLOOR"]:
            print(f"GATE FAILED: F1 {mine['f1']:.4f} < F1_FLOOR {floors['F1_FLOOR']:.3f}")
            status = 1
        if ratio is not None and ratio > floors["SPEED_CEILING"]:
            print(f"GATE FAILED: time ratio {ratio:.2f} > SPEED_CEILING {floors['SPEED_CEILING']}")
            status = 1
        if status == 0:
            print(f"gate ok: F1 {mine['f1']:.4f} >= {floors['F1_FLOOR']:.3f}"
                  + (f", time ratio {ratio:.2f} <= {floors['SPEED_CEILING']}" if ratio else ""))
    if args.pin and status == 0:
        status = _pin(mine["f1"], args.allow_regression)
    return status


if __name__ == "__main__":
    sys.exit(main())
