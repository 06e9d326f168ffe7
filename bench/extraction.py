"""Score narrate's extractor on the Article Extraction Benchmark (dev split) against trafilatura
and readability-lxml measured in the same run, and print the speed ratio to trafilatura.

    .venv/bin/python bench/extraction.py             # table + ratios + site split
    .venv/bin/python bench/extraction.py --gate      # exit 1 below the pinned floors
    .venv/bin/python bench/extraction.py --pin       # raise F1_FLOOR to today's score

**Site split.** Every rule was tuned on these pages, so the whole-set F1 is in-sample. Beside
it the bench prints F1 on two halves split by *site* (the page URL's host without ``www.``):
a host whose SHA-256 digest starts with an even byte is in the ``tune`` half, odd in
``held-out``. The split is fixed (it depends on nothing but the host name) and whole sites
fall on one side, so a rule fitted to one site's pages can only lift the half it was tuned
on. Tune on ``tune``; read ``held-out`` as the estimate for unseen sites. narrate and
trafilatura are scored on the same halves in the same run.

The floors live in ``narrate/readers/extract/settings.py``: ``HELDOUT_F1_FLOOR`` (set from
the held-out half), ``F1_FLOOR`` (in-sample, never below the issue's 0.975) and
``SPEED_CEILING``. ``--pin`` never lowers F1_FLOOR unless ``--allow-regression`` is given. Needs ``../shared/bench`` (or
``--bench DIR``) and, for the references, ``pip install trafilatura readability-lxml html-text``
in the same interpreter (the ``bench`` extra of pyproject.toml).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
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
    for name in ("F1_FLOOR", "HELDOUT_F1_FLOOR", "SPEED_CEILING"):
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


def site_half(url: str) -> str:
    """``"tune"`` or ``"held-out"``: the fixed site split (see the module docstring)."""
    host = (re.sub(r"^[a-z]+://", "", url or "").split("/")[0].split(":")[0].lower()
            .removeprefix("www."))
    return "tune" if hashlib.sha256(host.encode()).digest()[0] % 2 == 0 else "held-out"


def _split_scores(bench: Path, pages: dict[str, dict]) -> dict[str, dict[str, dict]]:
    """Corpus F1 per extractor per half, with evaluate.py's own metric."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", bench / "evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("aeb_evaluate", evaluate)  # dataclasses look their module up
    spec.loader.exec_module(evaluate)
    truth = json.loads((bench / "aeb-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, dict]] = {}
    for name, per_page in pages.items():
        halves: dict[str, list[tuple[float, float, float]]] = {"tune": [], "held-out": []}
        for pid, row in per_page.items():
            halves[site_half(truth[pid].get("url", ""))].append((row["tp"], row["fp"], row["fn"]))
        out[name] = {h: {**evaluate.corpus_prf(t), "n": len(t)} for h, t in halves.items() if t}
    return out


def _print_split(split: dict[str, dict[str, dict]]) -> None:
    if not split:
        return
    print("\nsite split (tune / held-out halves by host, fixed; see the docstring)")
    for name, halves in split.items():
        cells = "  ".join(f"{h} F1 {m['f1']:.4f} (P {m['precision']:.3f} R {m['recall']:.3f},"
                          f" {m['n']} pages)" for h, m in halves.items())
        print(f"{name}: {cells}")
    if "trafilatura" in split and "held-out" in split.get("narrate", {}):
        gap = split["narrate"]["held-out"]["f1"] - split["trafilatura"]["held-out"]["f1"]
        print(f"held-out: narrate - trafilatura = {gap:+.4f} F1 (goal >= +0.01)")


def _gate(mine: dict, split: dict[str, dict[str, dict]], ratio: float | None) -> int:
    floors = _floors()
    status = 0
    if mine["f1"] < floors["F1_FLOOR"]:
        print(f"GATE FAILED: F1 {mine['f1']:.4f} < F1_FLOOR {floors['F1_FLOOR']:.3f}")
        status = 1
    held = split.get("narrate", {}).get("held-out")
    if held is not None and held["f1"] < floors.get("HELDOUT_F1_FLOOR", 0.0):
        print(f"GATE FAILED: held-out F1 {held['f1']:.4f} < HELDOUT_F1_FLOOR "
              f"{floors['HELDOUT_F1_FLOOR']:.3f}")
        status = 1
    if ratio is not None and ratio > floors["SPEED_CEILING"]:
        print(f"GATE FAILED: time ratio {ratio:.2f} > SPEED_CEILING {floors['SPEED_CEILING']}")
        status = 1
    if status == 0:
        print(f"gate ok: F1 {mine['f1']:.4f} >= {floors['F1_FLOOR']:.3f}"
              + (f", held-out F1 {held['f1']:.4f} >= {floors['HELDOUT_F1_FLOOR']:.3f}"
                 if held is not None else "")
              + (f", time ratio {ratio:.2f} <= {floors['SPEED_CEILING']}" if ratio else ""))
    return status


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
    pages: dict = {}
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
            result = json.loads(out.read_text(encoding="utf-8"))
            if not pages:
                pages = {name: {p["id"] if isinstance(p, dict) and "id" in p else pid: p
                                for pid, p in rows.items()}
                         for name, rows in result.get("pages", {}).items()}
            for name, splits in result["summary"].items():
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

    split = _split_scores(args.bench, pages) if pages else {}
    _print_split(split)
    status = _gate(mine, split, ratio) if args.gate else 0
    if args.pin and status == 0:
        status = _pin(mine["f1"], args.allow_regression)
    return status


if __name__ == "__main__":
    sys.exit(main())
