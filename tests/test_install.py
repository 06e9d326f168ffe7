"""narrate as a user installs it: the built wheel in fresh venvs, under every Python 3.11-3.13 here.

Which Pythons (the rule): every minor version 3.11, 3.12 and 3.13 this machine has, found as
``python3.X`` on PATH, in /usr/bin or /usr/local/bin, or in a pyenv ``versions`` folder, is
smoke-tested; a machine without some of them tests the others, and never fewer than the Python
running the tests. Each venv is made by ``python -m venv`` and installs the wheel with the pip it
comes with (never upgraded: an old pip must get every dependency too). Venvs are cached in
``.cache/venvs/`` under a hash of pyproject.toml and the Python, so the dependencies are
installed again only when pyproject.toml changes; every run reinstalls the freshly built wheel.
The Python that `python3` is (the one a README reader has) is smoke-tested in the [neural] venv.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import need_tool

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "venvs"
PAGE = ROOT / "tests" / "fixtures" / "readers" / "harbour-page.html"
SHIPPED = sorted(p.stem for p in (ROOT / "narrate" / "speech" / "profiles").glob("*.toml"))
MINORS = (11, 12, 13)


def _clean_env() -> dict[str, str]:
    """The environment a user has: not this checkout on the path, not this test venv."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "NARRATE_VOICES",
                        "NARRATE_DEBUG")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _version(python: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run([python, "-c", "import sys, venv, ensurepip; "
                              "print(*sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30, env=_clean_env())
    except (OSError, subprocess.TimeoutExpired):
        return None
    parts = out.stdout.split()
    return (int(parts[0]), int(parts[1])) if out.returncode == 0 and len(parts) == 2 else None


def find_pythons() -> dict[str, str]:
    """``{"3.11": path, ...}``: the first working interpreter of each minor version."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found: dict[str, str] = {}
    for minor in MINORS:
        name = f"python3.{minor}"
        candidates = [shutil.which(name), f"/usr/bin/{name}", f"/usr/local/bin/{name}",
                      *sorted(str(p) for p in pyenv.glob(f"3.{minor}*/bin/{name}"))]
        for cand in candidates:
            if cand and Path(cand).exists() and _version(cand) == (3, minor):
                found[f"3.{minor}"] = cand
                break
    return found


PYTHONS = find_pythons()


def _run(args: list[str | Path], *, cwd: Path | None = None,
         timeout: float = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=_clean_env())
    if proc.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} exited {proc.returncode}:\n"
                             f"{proc.stdout[-1500:]}\n{proc.stderr[-3000:]}")
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the sources (a stale build/ folder cannot leak in)."""
    src = tmp_path_factory.mktemp("wheel-src")
    shutil.copytree(ROOT / "narrate", src / "narrate",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, src])
    (built,) = dist.glob("narrate-*.whl")
    return built


@pytest.fixture(scope="module")
def venvs(wheel: Path) -> dict[str, Path]:
    """"neural": ``python3`` with ``narrate[neural]``; "3.X": one per Python found (python3's own
    version reuses the neural one). Installed in parallel: pip waits on the network and disk."""
    python3 = shutil.which("python3") or sys.executable
    own = "{}.{}".format(*(_version(python3) or (0, 0)))
    plan = {"neural": (python3, "wheel-neural", "neural")}
    plan.update({v: (py, f"smoke-py{v}", "") for v, py in PYTHONS.items() if v != own})
    with ThreadPoolExecutor(max_workers=len(plan)) as pool:
        jobs = {key: pool.submit(venv, py, tag, wheel, extras)
                for key, (py, tag, extras) in plan.items()}
        made = {key: job.result() for key, job in jobs.items()}
    return {**{v: made["neural"] for v in PYTHONS}, **made}


def venv(python: str, tag: str, wheel: Path, extras: str = "") -> Path:
    """A venv of ``python`` holding ``wheel``, its dependencies installed by the venv's own pip."""
    key = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + tag.encode()).hexdigest()[:12]
    folder = CACHE / f"{tag}-{key}"
    ready = folder / ".narrate-ready"
    bin_python = folder / "bin" / "python"
    if not ready.exists():
        for old in CACHE.glob(f"{tag}-*"):
            shutil.rmtree(old, ignore_errors=True)
        CACHE.mkdir(parents=True, exist_ok=True)
        _run([python, "-m", "venv", folder])
        _run([bin_python, "-m", "pip", "install", "-q", f"{wheel}[{extras}]" if extras else wheel])
        ready.write_text(_run([bin_python, "-m", "pip", "--version"]).stdout)
    else:
        _run([bin_python, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", wheel])
    return folder


def test_the_wheel_holds_every_file_of_the_package(wheel: Path) -> None:
    # package data (voice profiles, and whatever is added next) must be declared to ship
    import zipfile

    with zipfile.ZipFile(wheel) as zf:
        shipped = set(zf.namelist())
    files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "narrate").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    assert files - shipped == set()


def test_the_wheel_in_a_fresh_venv_reads_pages_and_has_every_voice(venvs: dict[str, Path],
                                                                    tmp_path: Path) -> None:
    folder = venvs["neural"]
    pip_major = int((folder / ".narrate-ready").read_text().split()[1].split(".")[0])
    assert pip_major < 100  # the venv's own pip answered (it is never upgraded here)
    narrate = folder / "bin" / "narrate"
    listing = _run([narrate, "voices"], cwd=tmp_path).stdout
    rows = {line.split()[0]: line.split()[-1] for line in
            listing.split("Engines:")[0].splitlines()[2:] if line.strip()}
    assert SHIPPED and set(SHIPPED) <= set(rows), listing
    assert all(rows[name] == "ok" for name in SHIPPED), listing
    out = tmp_path / "page.html"
    _run([narrate, "export", PAGE, "--format", "html", "-o", out], cwd=tmp_path)
    assert "<html" in out.read_text(encoding="utf-8")


def test_every_extra_resolves_with_a_fresh_venvs_pip(venvs: dict[str, Path], wheel: Path) -> None:
    # pip 23.2 (a new venv's on Python 3.11) once failed '.[bench]' with "Internal issue:
    # Candidate is not for this requirement": lxml was asked for with and without an extra
    import tomllib

    extras = sorted(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
                    ["optional-dependencies"])
    bin_python = venvs["neural"] / "bin" / "python"
    _run([bin_python, "-m", "pip", "install", "--dry-run", "-q", f"{wheel}[{','.join(extras)}]"])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_every_python_here_is_found() -> None:
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert running not in {f"3.{m}" for m in MINORS} or running in PYTHONS
    assert PYTHONS, "no Python 3.11-3.13 found"


def _serve_once(narrate: Path, show: Path, port: int) -> bytes:
    """Start ``narrate serve``, GET /feed.xml once, stop it."""
    proc = subprocess.Popen([str(narrate), "serve", str(show), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_clean_env())
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/feed.xml", timeout=5) as r:
                    return r.read()
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    raise AssertionError("narrate serve did not answer: "
                                         + proc.stderr.read().decode()[-500:]) from None
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("version", sorted(PYTHONS))
def test_cli_smoke_under_every_python(version: str, venvs: dict[str, Path],
                                      tmp_path: Path) -> None:
    need_tool("espeak-ng")
    need_tool("ffmpeg")
    narrate = venvs[version] / "bin" / "narrate"
    mp3 = tmp_path / "a.mp3"
    _run([narrate, "speak", PAGE, "-o", mp3, "--audio", "generate"], cwd=tmp_path)
    assert mp3.stat().st_size > 10_000 and mp3.with_suffix(".vtt").read_text().startswith("WEBVTT")
    html = tmp_path / "a.html"
    _run([narrate, "export", PAGE, "--format", "html", "-o", html], cwd=tmp_path)
    assert "<html" in html.read_text(encoding="utf-8")
    port = _free_port()
    show = tmp_path / "show"
    _run([narrate, "init", show, "--base-url", f"http://127.0.0.1:{port}/"], cwd=tmp_path)
    _run([narrate, "add", "--show", show, PAGE], cwd=tmp_path)
    feed = (show / "feed.xml").read_bytes()
    assert feed.count(b"<item>") == 1 and len(list((show / "episodes").glob("*.mp3"))) == 1
    assert _serve_once(narrate, show, port) == feed
