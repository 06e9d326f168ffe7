"""PNGs that are small on disk and enormous once decoded (made here, never downloaded)."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int, *, pixels: bool = True) -> bytes:
    """A valid greyscale ``side`` x ``side`` PNG of zeros; ``pixels=False`` stops after the
    header (enough for anything that only reads the size)."""
    head = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
    if not pixels:
        return head + _chunk(b"IEND", b"")
    packer = zlib.compressobj(9)
    row = bytes(side + 1)  # filter byte + one byte per pixel
    idat = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    return head + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
