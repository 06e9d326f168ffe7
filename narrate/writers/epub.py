"""EPUB 3 with accessibility metadata (EPUB Accessibility 1.1) and media overlays, as bytes.

One XHTML content document reuses the HTML writer's markup (it is polyglot XHTML), a
navigation document has the table of contents and landmarks, and the package carries
schema.org accessibility metadata that is true for this book. The writer is pure: the caller
hands it the narration (``EpubMedia``: MP3 bytes and timed sentences) and the image bytes it
could fetch. With audio, a SMIL media overlay has one ``<par>`` per spoken sentence, its clip
times the cue times of the VTT, its text a ``<span id>`` around that sentence (see
``writers/sync.py``). Images it does not get are given as their alt text and caption, and the
accessibility summary says which. Output is reproducible: fixed zip timestamps, identifier
from the URL.
"""

from __future__ import annotations

import dataclasses
import io
import re
import uuid
import zipfile
from dataclasses import dataclass

from narrate.model import Article, Figure, Heading, ListBlock, inline_text
from narrate.wording import has_wording, wording_for
from narrate.writers import html
from narrate.writers.links import heading_ids
from narrate.writers.options import WriteOptions
from narrate.writers.sync import Sentence, place
from narrate.xmlsafe import xml_clean
from narrate.xmlsafe import xml_escape as escape

_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
ACTIVE_CLASS = "narrate-active"
# image types every reading system must support (EPUB 3 core media types)
IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}

_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


@dataclass(frozen=True, slots=True)
class EpubMedia:
    """What the book carries besides text (fetched and narrated by the caller)."""

    audio: bytes = b""  # the narration, MP3
    duration: float = 0.0  # seconds of ``audio``
    sentences: tuple[Sentence, ...] = ()  # one per cue, in order
    images: tuple[tuple[str, bytes, str], ...] = ()  # (figure src, bytes, media type)
    narrator: str = ""  # e.g. "espeak-ng voice en-gb" (schema: who reads)


def write(article: Article, options: WriteOptions, media: EpubMedia | None = None) -> bytes:
    media = media or EpubMedia()
    images = _images(article, media)
    audio = bool(media.audio and media.sentences)
    files: dict[str, str | bytes] = {
        "META-INF/container.xml": _CONTAINER,
        "EPUB/package.opf": _package(article, media, images, audio),
        "EPUB/nav.xhtml": _nav(article),
        "EPUB/article.xhtml": _content(article, options, media, images, audio),
        "EPUB/style.css": html.STYLE + f".{ACTIVE_CLASS}{{background:#ffe066;color:#000}}\n",
    }
    for _src, href, data, _ in images:
        files[f"EPUB/{href}"] = data
    if audio:
        files["EPUB/article.smil"] = _smil(article, media.sentences)
        files["EPUB/audio/narration.mp3"] = media.audio
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        # The mimetype entry comes first, stored uncompressed (OCF 3.3).
        zf.writestr(zipfile.ZipInfo("mimetype", _ZIP_TIME), "application/epub+zip",
                    compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            raw = data.encode("utf-8") if isinstance(data, str) else data
            packed = name.endswith((".mp3", ".jpg", ".png", ".gif", ".webp"))  # already compressed
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), raw,
                        compress_type=zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def figures(article: Article) -> list[Figure]:
    """Every figure of the article, nested ones included, in reading order."""
    found: list[Figure] = []

    def walk(blocks: tuple) -> None:
        for b in blocks:
            if isinstance(b, Figure):
                found.append(b)
            elif isinstance(b, ListBlock):
                for item in b.items:
                    walk(item)
            elif hasattr(b, "blocks"):
                walk(b.blocks)

    walk(article.blocks)
    return found


def _images(article: Article, media: EpubMedia) -> list[tuple[str, str, bytes, str]]:
    """(src, href in the package, bytes, media type) for each figure image the caller gave."""
    given = {src: (data, mtype) for src, data, mtype in media.images if mtype in IMAGE_TYPES and data}
    out, seen = [], set()
    for fig in figures(article):
        if fig.src in given and fig.src not in seen:
            seen.add(fig.src)
            data, mtype = given[fig.src]
            out.append((fig.src, f"images/image{len(out) + 1}.{IMAGE_TYPES[mtype]}", data, mtype))
    return out


def _identifier(article: Article) -> str:
    key = article.url or f"{article.title}\n{article.published}\n{','.join(article.authors)}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, xml_clean(key))}"


def _modified(article: Article) -> str:
    match = _ISO_DATE.match(article.published or "")
    if not match:
        return "2000-01-01T00:00:00Z"
    y, mo, d, h, mi, s = (g or "00" for g in match.groups())
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}Z"


def clock(seconds: float) -> str:
    """A SMIL full clock value, to the millisecond: 0:01:02.345."""
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    return f"{h}:{m:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _accessibility(article: Article, images: list, audio: bool) -> list[str]:
    """schema.org accessibility metadata that is true for this book."""
    informative = [f for f in figures(article) if f.alt.strip() or f.caption.strip()]
    packaged = {src for src, *_ in images}
    shown = [f for f in informative if f.src in packaged]
    described = [f for f in informative if f.src not in packaged]
    modes = ["textual"] + (["visual"] if shown else []) + (["auditory"] if audio else [])
    sufficient = ["textual"] if all(f.alt.strip() for f in shown) else []
    if shown:
        sufficient.append("textual,visual")
    features = ["structuralNavigation", "tableOfContents", "readingOrder"]
    if informative:
        features.append("alternativeText")
    if audio:
        features.append("synchronizedAudioText")
    words = wording_for(article.language)  # the summary is in the book's language
    summary = [words.summary_order]
    if audio:
        summary.append(words.summary_audio)
    if shown:
        summary.append(words.summary_images[len(shown) != 1].format(n=len(shown)))
    if described:
        what = "; ".join(" ".join((f.alt or f.caption).split())[:80] for f in described)
        summary.append(words.summary_missing[len(described) != 1].format(n=len(described), what=what))
    # a book in a language with no wording of its own gets the English summary, and says so
    english = "" if has_wording(article.language) else ' xml:lang="en"'
    meta = [f'<meta property="schema:accessMode">{m}</meta>' for m in modes]
    meta += [f'<meta property="schema:accessModeSufficient">{m}</meta>' for m in sufficient]
    meta += [f'<meta property="schema:accessibilityFeature">{f}</meta>' for f in features]
    meta += [
        '<meta property="schema:accessibilityHazard">none</meta>',
        f'<meta property="schema:accessibilitySummary"{english}>{escape(" ".join(summary))}</meta>',
        '<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>',
    ]
    return meta


def _package(article: Article, media: EpubMedia, images: list, audio: bool) -> str:
    lang = escape(article.language or "und")
    meta = [
        f'<dc:identifier id="uid">{_identifier(article)}</dc:identifier>',
        f"<dc:title>{escape(article.title)}</dc:title>",
        f"<dc:language>{lang}</dc:language>",
        f'<meta property="dcterms:modified">{_modified(article)}</meta>',
    ]
    meta += [f"<dc:creator>{escape(name)}</dc:creator>" for name in article.authors]
    day = re.match(r"\d{4}-\d{2}-\d{2}", article.published or "")
    if day:  # W3CDTF: the day is always valid; a time would need its zone
        meta.append(f"<dc:date>{day.group()}</dc:date>")
    if article.description:
        meta.append(f"<dc:description>{escape(article.description)}</dc:description>")
    if article.site_name:
        meta.append(f"<dc:publisher>{escape(article.site_name)}</dc:publisher>")
    if article.url:
        meta.append(f"<dc:source>{escape(article.url)}</dc:source>")
    meta += [f"<dc:subject>{escape(tag)}</dc:subject>" for tag in article.tags]
    meta += _accessibility(article, images, audio)
    items = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="css" href="style.css" media-type="text/css"/>',
    ]
    overlay = ""
    if audio:
        duration = clock(max(media.duration, media.sentences[-1].end))
        meta += [
            f'<meta property="media:duration" refines="#overlay">{duration}</meta>',
            f'<meta property="media:duration">{duration}</meta>',
            f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>',
        ]
        if media.narrator:
            meta.append(f'<meta property="media:narrator">{escape(media.narrator)}</meta>')
        items += ['<item id="overlay" href="article.smil" media-type="application/smil+xml"/>',
                  '<item id="narration" href="audio/narration.mp3" media-type="audio/mpeg"/>']
        overlay = ' media-overlay="overlay"'
    cover = article.cover.src if article.cover else ""
    for n, (src, href, _, mtype) in enumerate(images, 1):
        props = ' properties="cover-image"' if src == cover else ""
        items.append(f'<item id="image{n}" href="{href}" media-type="{mtype}"{props}/>')
    items.append(f'<item id="article" href="article.xhtml" media-type="application/xhtml+xml"{overlay}/>')
    body = "\n    ".join(meta)
    manifest = "\n    ".join(items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    {body}
  </metadata>
  <manifest>
    {manifest}
  </manifest>
  <spine>
    <itemref idref="article"/>
  </spine>
</package>
"""


def _xhtml(lang: str, title: str, body: str, epub_ns: bool = False) -> str:
    ns = ' xmlns:epub="http://www.idpf.org/2007/ops"' if epub_ns else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"{ns} lang="{lang}" xml:lang="{lang}">
<head>
<meta charset="utf-8" />
<title>{title}</title>
<link rel="stylesheet" type="text/css" href="style.css" />
</head>
<body>
{body}
</body>
</html>
"""


def _content(article: Article, options: WriteOptions, media: EpubMedia, images: list, audio: bool) -> str:
    opts = dataclasses.replace(options, describe_images=True,
                               sentences=media.sentences if audio else (),
                               image_files=tuple((src, href) for src, href, *_ in images))
    page = html.write(article, opts)
    body = page.split("<body>", 1)[1].rsplit("</body>", 1)[0].strip()
    return _xhtml(escape(article.language or "und"), escape(article.title), body, epub_ns=True)


def _smil(article: Article, sentences: tuple[Sentence, ...]) -> str:
    """One <par> per spoken sentence: its element in the text, its clip of the narration."""
    targets = place(article, sentences).targets
    pars = "\n".join(
        f'<par id="par{n}"><text src="article.xhtml#{target}"/>'
        f'<audio src="audio/narration.mp3" clipBegin="{clock(s.start)}" clipEnd="{clock(s.end)}"/></par>'
        for n, (s, target) in enumerate(zip(sentences, targets, strict=True), 1))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
<body>
<seq id="seq1" epub:textref="article.xhtml#{targets[0]}" epub:type="bodymatter">
{pars}
</seq>
</body>
</smil>
"""


def _nav(article: Article) -> str:
    ids = heading_ids(article)
    items = [f'<li><a href="article.xhtml">{escape(article.title)}</a>']
    sub = "".join(
        f'<li><a href="article.xhtml#{ids[i]}">{escape(" ".join(inline_text(b.inlines).split()))}</a></li>'
        for i, b in enumerate(article.blocks) if isinstance(b, Heading) and i in ids)
    if sub:
        items.append(f"<ol>{sub}</ol>")
    items.append("</li>")
    words = wording_for(article.language)
    contents = escape(words.contents)
    toc = f'<nav epub:type="toc" id="toc" role="doc-toc"><h1>{contents}</h1><ol>{"".join(items)}</ol></nav>'
    landmarks = (f'<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>{escape(words.landmarks)}</h2>'
                 f'<ol><li><a epub:type="bodymatter" href="article.xhtml">{escape(words.start)}</a></li>'
                 '</ol></nav>')
    return _xhtml(escape(article.language or "und"), contents, toc + "\n" + landmarks, epub_ns=True)
