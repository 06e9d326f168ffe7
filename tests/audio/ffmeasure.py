"""ffmpeg's own measurements, the independent reference the audio tests hold narrate to."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

_I = re.compile(r"Integrated loudness:\s*\n\s*I:\s*(-?[\d.]+|-inf) LUFS")


def ebur128(pcm: Path, rate: int, filters: str = "", fmt: str = "s16le") -> float:
    """Integrated loudness (LUFS) of a raw mono file after ``filters``, by ffmpeg's ebur128."""
    af = f"{filters}," if filters else ""
    cmd = ["ffmpeg", "-hide_banner", "-nostats", "-nostdin", "-f", fmt, "-ar", str(rate),
           "-ac", "1", "-i", str(pcm), "-af", af + "ebur128=framelog=verbose", "-f", "null", "-"]
    log = subprocess.run(cmd, capture_output=True, text=True, check=True).stderr
    return float(_I.findall(log)[-1])
