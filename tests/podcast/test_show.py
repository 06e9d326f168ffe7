"""narrate.toml: defaults, validation, round trip; artwork rules."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PIL import Image

from narrate.errors import CatalogError, ConfigError
from narrate.podcast.artwork import check_artwork
from narrate.podcast.show import dump_settings, load_show
from narrate.podcast.showfolder import init_show


def test_init_writes_defaults_and_files(tmp_path):
    show = init_show(tmp_path / "my_show")
    folder = show.folder
    for name in ("narrate.toml", "catalog.sqlite", "feed.xml", "index.html", "cover.jpg"):
        assert (folder / name).is_file(), name
    assert (folder / "episodes").is_dir()
    settings = tomllib.loads((folder / "narrate.toml").read_text())["show"]
    assert settings["title"] == "My show"
    assert settings["language"] == "en" and settings["category"] == "News"
    assert settings["explicit"] is False and settings["base_url"] == "http://127.0.0.1:8765/"
    assert "@" in settings["email"]
    with Image.open(folder / "cover.jpg") as img:
        assert img.format == "JPEG" and img.mode == "RGB"
        assert img.size[0] == img.size[1] and 1400 <= img.size[0] <= 3000
    assert load_show(folder) == show


def test_init_refuses_existing_show(tmp_path):
    init_show(tmp_path / "s")
    with pytest.raises(ConfigError, match="already a show"):
        init_show(tmp_path / "s", title="Other")


@pytest.mark.parametrize("kwargs,message", [
    ({"category": "Cooking"}, "not one of Apple's"),
    ({"category": "News/Cooking"}, "not a subcategory"),
    ({"language": "english"}, "ISO 639-1"),
    ({"language": "xx"}, "ISO 639-1"),
    ({"email": "nobody"}, "e-mail"),
    ({"base_url": "ftp://example.org/"}, "http"),
    # Every URL of the feed starts with base_url: one that is not a valid URL there (a space,
    # a quote, a control character, a bad port) or that would publish a password is refused.
    ({"base_url": "http://example.org/my show/"}, "spaces"),
    ({"base_url": 'http://example.org/"x/'}, "quotes"),
    ({"base_url": "http://example.org/\x7f/"}, "control"),
    ({"base_url": "http://example.org:99999/"}, "invalid port"),
    ({"base_url": "http://example.org:port/"}, "invalid port"),
    ({"base_url": "http://user:s3cret@example.org/"}, "password"),
    ({"base_url": "http://user:s3cret@host@evil.example/"}, "password"),
    # A text setting that cleaning for XML leaves empty would publish an empty <title>.
    ({"title": "\x01\ufffe"}, "non-empty"),
    ({"author": "\x7f"}, "non-empty"),
])
def test_invalid_settings_are_refused(tmp_path, kwargs, message):
    with pytest.raises(ConfigError, match=message) as info:
        init_show(tmp_path / "bad", **kwargs)
    assert "\n" not in str(info.value) and "s3cret" not in str(info.value)
    assert not (tmp_path / "bad" / "narrate.toml").exists()


def test_settings_round_trip_hostile_strings(tmp_path):
    show = init_show(tmp_path / "s", title='Quote " back\\slash\nnew line', author="Zoë",
                     category="society & culture/philosophy", language="de-CH",
                     base_url="https://example.org/pod", explicit=True)
    assert show.title == 'Quote " back\\slash\nnew line'
    assert (show.category, show.subcategory) == ("Society & Culture", "Philosophy")
    assert show.base_url == "https://example.org/pod/"
    assert show.explicit is True
    assert load_show(show.folder) == show
    assert tomllib.loads(dump_settings(show))["show"]["author"] == "Zoë"


def test_load_show_errors(tmp_path):
    with pytest.raises(CatalogError, match="not a show folder"):
        load_show(tmp_path)
    (tmp_path / "narrate.toml").write_text("[show]\ntitle = 'x'\nemail = 'a@b.c'\nbase_url = 'http://h/'\ncolour = 1\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_show(tmp_path)
    (tmp_path / "narrate.toml").write_text("title = [")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_show(tmp_path)


def _image(path: Path, size: tuple[int, int], mode: str = "RGB", fmt: str = "PNG") -> Path:
    Image.new(mode, size, (10, 20, 30) if mode == "RGB" else None).save(path, fmt)
    return path


def test_given_artwork_is_checked_and_installed(tmp_path):
    good = _image(tmp_path / "good.png", (1500, 1500))
    show = init_show(tmp_path / "s", artwork=good)
    assert show.artwork == "cover.png"
    assert (show.folder / "cover.png").read_bytes() == good.read_bytes()
    assert check_artwork(_image(tmp_path / "g.jpg", (3000, 3000), fmt="JPEG")) == ".jpg"


@pytest.mark.parametrize("size,mode,fmt,message", [
    ((1400, 1500), "RGB", "PNG", "square"),
    ((1000, 1000), "RGB", "PNG", "square"),
    ((3200, 3200), "RGB", "PNG", "square"),
    ((1400, 1400), "RGBA", "PNG", "RGB"),
    ((1400, 1400), "CMYK", "JPEG", "RGB"),
    ((1400, 1400), "RGB", "GIF", "JPEG or PNG"),
])
def test_bad_artwork_is_refused(tmp_path, size, mode, fmt, message):
    bad = _image(tmp_path / f"bad.{fmt.lower()}", size, mode, fmt)
    with pytest.raises(ConfigError, match=message):
        init_show(tmp_path / "s", artwork=bad)
    not_image = tmp_path / "x.jpg"
    not_image.write_bytes(b"not an image")
    with pytest.raises(ConfigError, match="readable"):
        check_artwork(not_image)


def test_missing_or_replaced_artwork_is_caught(tmp_path):
    show = init_show(tmp_path / "s")
    _image(show.folder / "cover.jpg", (600, 600), fmt="JPEG")
    with pytest.raises(ConfigError, match="square"):
        load_show(show.folder)
    (show.folder / "cover.jpg").unlink()
    with pytest.raises(ConfigError, match="missing"):
        load_show(show.folder)


def test_init_describes_a_show_in_its_own_language(tmp_path: Path):
    assert init_show(tmp_path / "a", title="Nachrichten", language="de-CH").description == \
        "Artikel zum Anhören: Nachrichten."
    assert init_show(tmp_path / "b", title="News").description == "Articles narrated for listening: News."
    assert init_show(tmp_path / "c", title="X", language="pt", description="Mine").description == "Mine"
