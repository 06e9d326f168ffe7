"""Options shared by the writers."""

from __future__ import annotations

from dataclasses import dataclass

from narrate.writers.sync import Sentence


@dataclass(frozen=True, slots=True)
class WriteOptions:
    # Labels ("Image:", "By", "Source:") come from narrate.wording in the article's language.
    # Plain text lists link targets at the end only when asked (pandoc's plain writer drops
    # them too): the text export then holds just what is read, for screen readers and braille.
    show_link_targets: bool = False
    # Give figures as text ("Image: alt") instead of <img>: for packages that carry no images.
    describe_images: bool = False
    # Timed sentences of the narration (media overlays, read-along page): see writers/sync.py.
    sentences: tuple[Sentence, ...] = ()
    # Image source URL -> path inside the package, for images the package carries.
    image_files: tuple[tuple[str, str], ...] = ()
