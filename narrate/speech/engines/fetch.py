"""The publisher's own narration, downloaded from the article's ``<audio src>``.

Registered like any engine so ``narrate voices`` lists it, but it brings whole-article audio
instead of synthesizing utterances (``synthesizes = False``). Only http(s), a size cap, an
audio content type, and a short timeout: a dead link must fail fast so ``--audio auto`` can
fall back to generating.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path

from narrate.errors import SourceError, SynthesisError
from narrate.speech.engines import base

MAX_BYTES = 200 * 1024 * 1024
TIMEOUT = 10.0
AUDIO_TYPES = ("audio/", "application/octet-stream")


class FetchEngine(base.Engine):
    name = "fetch"
    description = "the publisher's narration from the article's <audio src>"
    synthesizes = False
    picks_voice_by_language = False

    def synthesize(self, utterance: str, voice: str) -> base.Audio:
        raise SynthesisError("the fetch engine downloads audio; it does not synthesize", self.name)


def fetch_audio(url: str, dest: Path, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> Path:
    """Download ``url`` to ``dest`` (atomically); SourceError when it cannot be had."""
    if not url.lower().startswith(("http://", "https://")):
        raise SourceError("publisher audio must be an http(s) URL", url)
    req = urllib.request.Request(url, headers={"User-Agent": "narrate/0.1"})
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if not ctype.startswith(AUDIO_TYPES):
                raise SourceError(f"publisher audio has content type {ctype or 'none'!r}, not audio", url)
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise SourceError(f"publisher audio is {int(length)} bytes (cap {max_bytes})", url)
            total = 0
            with open(tmp, "wb") as out:
                while chunk := resp.read(1 << 16):
                    total += len(chunk)
                    if total > max_bytes:
                        raise SourceError(f"publisher audio exceeds the {max_bytes}-byte cap", url)
                    out.write(chunk)
        if total == 0:
            raise SourceError("publisher audio is empty", url)
        os.replace(tmp, dest)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise SourceError(f"cannot fetch publisher audio: {exc}", url) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return dest
