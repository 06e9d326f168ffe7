"""Audio-area fixtures: a 127.0.0.1 HTTP server for covers and publisher audio, and the sample
narrated ONCE per session per voice (every read-back test shares it)."""

from __future__ import annotations

import http.server
import os
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.shared import SAMPLE, need_shared


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"missing"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class LocalServer:
    base: str
    routes: dict[str, tuple[int, str, bytes]]

    def add(self, path: str, body: bytes, ctype: str = "application/octet-stream",
            status: int = 200) -> str:
        self.routes[path] = (status, ctype, body)
        return self.base + path


@pytest.fixture(scope="session")
def local_server() -> Iterator[LocalServer]:
    routes: dict[str, tuple[int, str, bytes]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield LocalServer(f"http://127.0.0.1:{srv.server_address[1]}", routes)
    srv.shutdown()
    srv.server_close()


def make_mp3(path: Path, seconds: float, freq: int = 330) -> Path:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"sine=f={freq}:d={seconds}", "-ac", "1", "-ar", "44100", "-b:a", "64k",
                    str(path)], check=True)
    return path


@dataclass(frozen=True)
class Episode:
    result: object  # narrate.speak.SpeakResult
    article: object  # narrate.model.Article
    seconds: float  # wall time of the narration


def _narrate_sample(tmp: Path, voice: str | None) -> Episode:
    import time

    import narrate
    from narrate.speak import speak

    need_shared()
    article = narrate.read(str(SAMPLE))
    start = time.monotonic()
    result = speak(article, tmp / "sample.mp3", voice=voice, audio="generate")
    return Episode(result, article, time.monotonic() - start)


@pytest.fixture(scope="session")
def espeak_episode(tmp_path_factory: pytest.TempPathFactory) -> Episode:
    return _narrate_sample(tmp_path_factory.mktemp("espeak"), None)


@pytest.fixture(scope="session")
def piper_episode(tmp_path_factory: pytest.TempPathFactory) -> Episode:
    from narrate.speech.engines.piper_tts import PiperEngine

    reason = PiperEngine.available()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return _narrate_sample(tmp_path_factory.mktemp("piper"), "joe")


@pytest.fixture(scope="session", params=["espeak", "piper"])
def episode(request: pytest.FixtureRequest) -> Episode:
    return request.getfixturevalue(f"{request.param}_episode")
