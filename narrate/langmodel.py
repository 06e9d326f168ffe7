"""The language detector's model, unpacked once per user and memory-mapped by every process.

py3langid ships its model LZMA-compressed (4.5 MB) and unpacks it (68 MB) in every process
that detects a language: about 0.45 s of CPU and 100 MB of memory, again in each worker of a
batch. Unpacked once into the user's cache folder as plain ``.npy`` arrays, it is
memory-mapped instead: loading takes milliseconds, a process reads only the pages its text
touches, and the page cache shares them between processes. Same arrays, same classifier, same
answers. When the cache cannot be written (a read-only home), or py3langid's model is not the
layout this module knows, py3langid loads its own model as it always did.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "out")
_PREFIX = "py3langid-"
STALE_WRITE = 3600  # seconds after which a half-written cache is another process's leftover
# what a cache that is not the layout written here, or a py3langid of another layout, raises
_UNUSABLE = (OSError, ValueError, KeyError, TypeError, AttributeError, ImportError, EOFError,
             RuntimeError)  # RuntimeError: Path.home() when there is no home


def cache_folder() -> Path:
    """Where narrate keeps what it can compute again: ``$XDG_CACHE_HOME/narrate``, by default
    ``~/.cache/narrate``. Deleting it is always safe."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "narrate"


def install() -> None:
    """Give py3langid its model from the cache (``py3langid.classify`` then uses it); when the
    cache is unusable, leave py3langid to load its own, as it always did."""
    from py3langid import langid

    if langid.IDENTIFIER is None:
        with contextlib.suppress(*_UNUSABLE):
            langid.IDENTIFIER = _cached(langid)


def _cached(langid: Any) -> Any:
    import numpy as np

    model = langid.MODEL_DIR / langid.MODEL_FILE
    folder = _folder(model)
    try:
        arrays = {name: _mapped(folder / f"{name}.npy") for name in _ARRAYS}
    except _UNUSABLE:
        arrays = _unpack(model)
        _store(folder, arrays)
    return langid.LanguageIdentifier(
        np.asarray(arrays["ptc"]), np.array(arrays["pc"]), arrays["classes"].tolist(),
        np.asarray(arrays["nextmove"]), arrays["out"].tolist(), tk_row=arrays["row"].tolist())


def _mapped(path: Path) -> Any:
    """The array in ``path``, memory-mapped; read page by page as the classifier walks it
    (no read-ahead: a text touches a few hundred scattered rows of 70 MB)."""
    import numpy as np

    array = np.load(path, mmap_mode="r", allow_pickle=False)
    with contextlib.suppress(AttributeError, OSError, ValueError):
        array._mmap.madvise(mmap.MADV_RANDOM)
    return array


def _folder(model: Path) -> Path:
    """The cache's name changes with py3langid's version and its model file."""
    import py3langid

    st = model.stat()
    version = getattr(py3langid, "__version__", "0")
    return cache_folder() / f"{_PREFIX}{version}-{st.st_size}-{st.st_mtime_ns}"


def _unpack(model: Path) -> dict[str, Any]:
    """The model's arrays, unpacked from py3langid's own file (the slow step, once per user)."""
    import numpy as np
    from py3langid import modelio

    ptc, pc, classes, nextmove, row, out = modelio.load_model(model)
    return {"ptc": np.asarray(ptc), "pc": np.asarray(pc), "classes": np.array(classes),
            "nextmove": np.frombuffer(nextmove, dtype=np.dtype(nextmove.typecode)),
            "row": np.frombuffer(row, dtype=np.dtype(row.typecode)),
            "out": np.asarray(out, dtype=np.int32)}


def _store(folder: Path, arrays: dict[str, Any]) -> None:
    """Write the arrays into a temporary folder beside ``folder`` and rename it into place, so
    a reader never sees half a cache; caches of other versions are removed. Best effort: a
    cache that cannot be written only means the next process unpacks the model again."""
    import numpy as np

    tmp = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(folder, ignore_errors=True)  # one np.load refused: rewrite it whole
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        for name, array in arrays.items():
            with open(tmp / f"{name}.npy", "wb") as handle:
                np.save(handle, array, allow_pickle=False)
                handle.flush()
                os.fsync(handle.fileno())
        os.rename(tmp, folder)  # fails when another process was first: its copy is as good
        tmp = None
        for old in folder.parent.glob(f"{_PREFIX}*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
        for left in folder.parent.glob(f".{_PREFIX}*"):  # of a process killed while writing
            if time.time() - left.stat().st_mtime > STALE_WRITE:
                shutil.rmtree(left, ignore_errors=True)
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                shutil.rmtree(tmp)
