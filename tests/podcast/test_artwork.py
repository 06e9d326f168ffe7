"""A show's --artwork is judged from its header: a pixel bomb is never decoded."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from narrate.errors import ConfigError
from narrate.podcast.artwork import MAX_FILE_BYTES, check_artwork
from narrate.podcast.showfolder import init_show
from tests.pngbomb import png_bomb


@pytest.mark.parametrize(("side", "pixels"), [(12845, True), (15000, False)])
def test_a_pixel_bomb_is_one_line_and_never_decoded(tmp_path: Path, side: int,
                                                   pixels: bool) -> None:
    # 165 MP is under Pillow's hard limit (it only warns), 225 MP is over it (it raises)
    path = tmp_path / "bomb.png"
    path.write_bytes(png_bomb(side, pixels=pixels))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(ConfigError) as err:
        init_show(tmp_path / "show", artwork=path)
    assert time.monotonic() - started < 2.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB
    text = str(err.value)
    assert "\n" not in text and text.startswith(str(path))
    assert f"{side}x{side}" in text or "too many pixels" in text
    assert "1400-3000 px" in text


def test_an_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as fh:
        fh.write(png_bomb(1400, pixels=False))
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ConfigError, match="larger than 20 MB"):
        check_artwork(path)
