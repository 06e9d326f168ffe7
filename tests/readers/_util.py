"""Read a fixture under tests/fixtures/readers the way the CLI would, minus the file path."""

from __future__ import annotations

from narrate.model import Article
from narrate.readers import read_source
from narrate.sources import Source
from tests.golden import FIXTURES

READER_FIXTURES = FIXTURES / "readers"


def read_fixture(name: str, *, url: str | None = None, media_type: str | None = None) -> Article:
    data = (READER_FIXTURES / name).read_bytes()
    return read_source(Source(name=name, url=url, data=data, media_type=media_type))
