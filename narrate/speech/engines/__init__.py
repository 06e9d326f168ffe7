"""The engine registry: built-ins and plugins register the same way.

A plugin is any module with ``register_engines(register)`` exposed through the
``narrate.engines`` entry-point group (like llm's hooks); narrate's own engines are registered
by the very same function in ``narrate.speech.engines.builtin``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points

from narrate.errors import EngineUnavailable
from narrate.speech.engines.base import Audio, Engine, EngineInfo, Options

__all__ = ["Audio", "Engine", "Options", "ENGINES", "register", "add_plugin", "get_engine",
           "engine_rows", "load_engines", "reset"]

ENTRY_POINT_GROUP = "narrate.engines"
ENGINES: dict[str, EngineInfo] = {}
_loaded = False


def register(cls: type[Engine], origin: str = "narrate") -> None:
    """Add an engine class under ``cls.name`` (a later registration replaces an earlier one)."""
    if not cls.name:
        raise ValueError(f"engine class {cls.__name__} has no name")
    ENGINES[cls.name] = EngineInfo(cls, origin)


def add_plugin(register_engines: Callable[[Callable[[type[Engine]], None]], None],
               origin: str = "plugin") -> None:
    """Call a plugin's ``register_engines(register)``."""
    register_engines(lambda cls: register(cls, origin))


def load_engines() -> dict[str, EngineInfo]:
    """Register the built-ins and every ``narrate.engines`` entry point, once."""
    if not _loaded:
        reset()
    return ENGINES


def reset(*, plugins: bool = True) -> dict[str, EngineInfo]:
    """Empty the registry and register the built-ins again, and the installed ``narrate.engines``
    entry points unless ``plugins`` is false (tests: a registry that does not depend on what
    happens to be installed)."""
    global _loaded
    _loaded = True
    ENGINES.clear()
    from narrate.speech.engines import builtin

    add_plugin(builtin.register_engines, "narrate")
    if plugins:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            add_plugin(ep.load().register_engines, ep.name)
    return ENGINES


def get_engine(name: str) -> type[Engine]:
    """The engine class called ``name``; EngineUnavailable when unknown or not installed."""
    engines = load_engines()
    if name not in engines:
        raise EngineUnavailable(f"unknown engine {name!r} (known: {', '.join(sorted(engines))})", name)
    cls = engines[name].cls
    reason = cls.available()
    if reason:
        raise EngineUnavailable(reason, name)
    return cls


def engine_rows() -> list[tuple[str, str]]:
    """(engine name, "ok" or why it is unavailable) for ``narrate voices``."""
    return [(name, info.cls.available() or "ok") for name, info in sorted(load_engines().items())]
