"""Options shared by the writers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WriteOptions:
    # Text for readers of the export; the audio wording lives in the voice profile.
    image_label: str = "Image"
    caption_label: str = "Caption"
    credit_label: str = "Credit"
    pull_quote_label: str = "Pull quote"
    # Where a link points is shown in text and Markdown exports; screen readers can skip it.
    show_link_targets: bool = True
    # Give figures as text ("Image: alt") instead of <img>: for packages that carry no images.
    describe_images: bool = False
