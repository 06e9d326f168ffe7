"""Normalisation benchmark: does the listener hear what they expect, and never worse than raw?

    python bench/normalization.py [--probes FILE] [--set all|t|h|LABEL] [--gate] [--show-fails]

Each probe (``bench/probes/normalization.tsv``) is a news-style sentence, its kind, its
language and the reading(s) a listener expects, written from the rule, not from narrate's
output. The judge is close to what a listener hears: espeak-ng's phonemes (``-q -x``, stress,
pause and length marks stripped) of narrate's speech-script text and of the raw sentence are
compared with those of each expected reading. The sentence is cut as the speech script cuts
it, and must give as many sentences as the expected reading (an abbreviation's period never
ends a sentence). espeak-ng runs once per language and side.

Prints, per kind, the pass rate of narrate and of the raw sentence (the baseline), for the
probes tuned on ("t") and the held-out ones (any other set label: "h", or a fresh batch such as
"fresh3", written before narrate was run on it) separately, then every probe where narrate
fails but raw passes ("worse than raw": the goal is none). ``--gate`` exits 1 when a kind is
under the floor or any probe is worse than raw.
"""

from __future__ import annotations

import argparse
import itertools
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROBES = ROOT / "bench" / "probes" / "normalization.tsv"
GOAL = 0.90  # every kind, on tuned and held-out probes
_MARKER = "Zebra quilt marker."  # separates sentences in one espeak-ng call
_NOISE = re.compile(r"[',_!|:;=\s-]+")


@dataclass(frozen=True)
class Probe:
    kind: str
    language: str
    held_out: bool
    text: str
    expected: tuple[str, ...]
    split: str = ""  # "t", "h" or the label of a fresh batch (held out too)


@dataclass(frozen=True)
class Verdict:
    probe: Probe
    narrate: str
    narrate_ok: bool
    raw_ok: bool


def load_probes(path: Path = PROBES) -> list[Probe]:
    probes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, lang, split, text, expected = line.split("\t")
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        alternatives = tuple(a for alt in expected.split(" | ") for a in _optional(alt.strip()))
        probes.append(Probe(kind, lang, split != "t", text, alternatives, split))
    return probes


def _optional(reading: str) -> list[str]:
    """'one hundred [and] two' -> both readings."""
    parts = re.split(r"\[([^\]]+)\]", reading)
    choices = [[p] if k % 2 == 0 else [p, ""] for k, p in enumerate(parts)]
    return [" ".join("".join(c).split()) for c in itertools.product(*choices)]


def phonemes(texts: list[str], language: str) -> list[str]:
    """espeak-ng's phonemes for each text (one process), marks stripped for comparison."""
    joined = f"\n\n{_MARKER}\n\n".join(t.replace("\n", " ") for t in texts)
    run = subprocess.run(["espeak-ng", "-q", "-x", "-v", language, "--stdin"], input=joined,
                         capture_output=True, text=True, check=True)
    marker = _strip(subprocess.run(["espeak-ng", "-q", "-x", "-v", language, _MARKER],
                                   capture_output=True, text=True, check=True).stdout)
    parts = _strip(run.stdout).split(marker)
    if len(parts) != len(texts):
        raise RuntimeError(f"espeak-ng gave {len(parts)} readings for {len(texts)} texts")
    return parts


def _strip(phon: str) -> str:
    return _NOISE.sub("", phon)


def narrate_reading(text: str, language: str) -> tuple[str, int]:
    """What the speech script says for ``text`` (cut as the script cuts it, each piece
    normalised), and in how many sentences."""
    from narrate.speech.normalize import normalize
    from narrate.speech.script import split_long
    from narrate.speech.sentences import split_written

    sentences = split_written(text, language)
    spoken = [normalize(p, language) for s in sentences for p, _ in split_long(s, language=language)]
    return " ".join(spoken), len(sentences)


def judge(probes: list[Probe]) -> list[Verdict]:
    from narrate.speech.script import split_sentences

    by_lang: dict[str, list[Probe]] = defaultdict(list)
    for p in probes:
        by_lang[p.language].append(p)
    verdicts = {}
    for lang, group in by_lang.items():
        readings = [narrate_reading(p.text, lang) for p in group]
        texts = [r for r, _ in readings] + [p.text for p in group]
        texts += [e for p in group for e in p.expected]
        phon = phonemes(texts, lang)
        ours, raw, rest = phon[:len(group)], phon[len(group):2 * len(group)], phon[2 * len(group):]
        for k, p in enumerate(group):
            want = set(rest[:len(p.expected)])
            rest = rest[len(p.expected):]
            same_count = readings[k][1] == len(split_sentences(p.expected[0]))
            verdicts[id(p)] = Verdict(p, readings[k][0], ours[k] in want and same_count,
                                      raw[k] in want)
    return [verdicts[id(p)] for p in probes]


def table(verdicts: list[Verdict]) -> tuple[str, dict[str, float]]:
    """The per-kind table and the lowest narrate pass rate of each kind (all probes)."""
    rows = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # n_t, ok_t, raw_t, n_h, ok_h, raw_h
    for v in verdicts:
        r = rows[v.probe.kind]
        base = 3 if v.probe.held_out else 0
        r[base] += 1
        r[base + 1] += v.narrate_ok
        r[base + 2] += v.raw_ok
    lines = [f"{'kind':<14}{'tuned n':>8}{'narrate':>9}{'raw':>7}{'held n':>8}{'narrate':>9}{'raw':>7}"]
    rates = {}
    total = [0] * 6
    for kind, r in sorted(rows.items()):
        lines.append(f"{kind:<14}" + _cells(r))
        total = [a + b for a, b in zip(total, r, strict=True)]
        n = r[0] + r[3]
        rates[kind] = (r[1] + r[4]) / n if n else 1.0
    lines.append(f"{'all':<14}" + _cells(total))
    return "\n".join(lines), rates


def _cells(r: list[int]) -> str:
    def pct(k: int, n: int) -> str:
        return f"{100 * k / n:.0f}%" if n else "-"
    return (f"{r[0]:>8}{pct(r[1], r[0]):>9}{pct(r[2], r[0]):>7}"
            f"{r[3]:>8}{pct(r[4], r[3]):>9}{pct(r[5], r[3]):>7}")


def worse_than_raw(verdicts: list[Verdict]) -> list[Verdict]:
    return [v for v in verdicts if v.raw_ok and not v.narrate_ok]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--probes", type=Path, default=PROBES)
    ap.add_argument("--set", default="all",
                    help="all, t (tuned), h (every held-out probe) or one batch's label, e.g. fresh3")
    ap.add_argument("--gate", action="store_true", help=f"exit 1 under {GOAL:.0%} or worse than raw")
    ap.add_argument("--floor", type=float, default=GOAL)
    ap.add_argument("--show-fails", action="store_true", help="list every probe narrate fails")
    args = ap.parse_args(argv)
    probes = load_probes(args.probes)
    if args.set in ("t", "h"):
        probes = [p for p in probes if p.held_out == (args.set == "h")]
    elif args.set != "all":
        probes = [p for p in probes if p.split == args.set]
    if not probes:
        ap.error(f"no probe in set {args.set!r}")
    verdicts = judge(probes)
    text, rates = table(verdicts)
    print(text)
    worse = worse_than_raw(verdicts)
    print(f"\nworse than raw: {len(worse)}")
    for v in worse:
        print(f"  [{v.probe.kind}/{v.probe.language}] {v.probe.text!r} -> {v.narrate!r}")
    if args.show_fails:
        print("\nnarrate fails:")
        for v in verdicts:
            if not v.narrate_ok:
                print(f"  [{v.probe.kind}/{v.probe.language}{'/h' if v.probe.held_out else ''}] "
                      f"{v.probe.text!r} -> {v.narrate!r}")
    low = {k: r for k, r in rates.items() if r < args.floor}
    if args.gate and (worse or low):
        print(f"gate: failed ({len(worse)} worse than raw; under {args.floor:.0%}: "
              f"{', '.join(sorted(low)) or 'none'})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
