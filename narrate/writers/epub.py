"""EPUB 3 with accessibility metadata (EPUB Accessibility 1.1), as bytes.

One XHTML content document reuses the HTML writer's markup (it is polyglot XHTML), a
navigation document lists the headings, and the package carries schema.org accessibility
metadata. The writer is pure, so it embeds no images: each figure is described by its alt
text and caption (what a screen reader speaks anyway), and the package says so in its
accessibility summary. Output is reproducible: fixed zip timestamps, identifier from the URL.
"""

from __future__ import annotations

import dataclasses
import io
import re
import uuid
import zipfile

from narrate.model import Article, Figure, Heading, inline_text
from narrate.writers import html
from narrate.writers.options import WriteOptions
from narrate.xmlsafe import xml_clean
from narrate.xmlsafe import xml_escape as escape

_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")

_CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def write(article: Article, options: WriteOptions) -> bytes:
    files = {
        "META-INF/container.xml": _CONTAINER,
        "EPUB/package.opf": _package(article),
        "EPUB/nav.xhtml": _nav(article),
        "EPUB/article.xhtml": _content(article, options),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        # The mimetype entry comes first, stored uncompressed (OCF 3.3).
        zf.writestr(zipfile.ZipInfo("mimetype", _ZIP_TIME), "application/epub+zip",
                    compress_type=zipfile.ZIP_STORED)
        for name, text in files.items():
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), text.encode("utf-8"),
                        compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _identifier(article: Article) -> str:
    key = article.url or f"{article.title}\n{article.published}\n{','.join(article.authors)}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, xml_clean(key))}"


def _modified(article: Article) -> str:
    match = _ISO_DATE.match(article.published or "")
    if not match:
        return "2000-01-01T00:00:00Z"
    y, mo, d, h, mi, s = (g or "00" for g in match.groups())
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}Z"


def _package(article: Article) -> str:
    lang = escape(article.language or "und")
    meta = [
        f'<dc:identifier id="uid">{_identifier(article)}</dc:identifier>',
        f"<dc:title>{escape(article.title)}</dc:title>",
        f"<dc:language>{lang}</dc:language>",
        f'<meta property="dcterms:modified">{_modified(article)}</meta>',
    ]
    meta += [f"<dc:creator>{escape(name)}</dc:creator>" for name in article.authors]
    if article.published:
        meta.append(f"<dc:date>{escape(article.published)}</dc:date>")
    if article.description:
        meta.append(f"<dc:description>{escape(article.description)}</dc:description>")
    if article.site_name:
        meta.append(f"<dc:publisher>{escape(article.site_name)}</dc:publisher>")
    if article.url:
        meta.append(f"<dc:source>{escape(article.url)}</dc:source>")
    meta += [f"<dc:subject>{escape(tag)}</dc:subject>" for tag in article.tags]
    has_figures = any(isinstance(b, Figure) for b in article.blocks)
    summary = ("Text only, in reading order, with headings for navigation."
               + (" Images are given as their text descriptions and captions." if has_figures else ""))
    meta += [
        '<meta property="schema:accessMode">textual</meta>',
        '<meta property="schema:accessModeSufficient">textual</meta>',
        '<meta property="schema:accessibilityFeature">structuralNavigation</meta>',
        '<meta property="schema:accessibilityFeature">tableOfContents</meta>',
        '<meta property="schema:accessibilityFeature">readingOrder</meta>',
        *(['<meta property="schema:accessibilityFeature">alternativeText</meta>'] if has_figures else []),
        '<meta property="schema:accessibilityHazard">none</meta>',
        f'<meta property="schema:accessibilitySummary">{summary}</meta>',
        '<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>',
    ]
    body = "\n    ".join(meta)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    {body}
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="article" href="article.xhtml" media-type="application/xhtml+xml"/>
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
</head>
<body>
{body}
</body>
</html>
"""


def _content(article: Article, options: WriteOptions) -> str:
    page = html.write(article, dataclasses.replace(options, describe_images=True))
    body = _number_headings(page.split("<body>", 1)[1].rsplit("</body>", 1)[0].strip())
    return _xhtml(escape(article.language or "und"), escape(article.title), body)


def _number_headings(body: str) -> str:
    """Give each body heading an id the navigation document can point at."""
    counter = iter(range(1, 10_000))
    return re.sub(r"<h([2-6])>", lambda m: f'<h{m.group(1)} id="s{next(counter)}">', body)


def _nav(article: Article) -> str:
    items = [f'<li><a href="article.xhtml">{escape(article.title)}</a>']
    headings = [b for b in article.blocks if isinstance(b, Heading)]
    if headings:
        sub = "".join(
            f'<li><a href="article.xhtml#s{n}">{escape(" ".join(inline_text(h.inlines).split()))}</a></li>'
            for n, h in enumerate(headings, 1)
        )
        items.append(f"<ol>{sub}</ol>")
    items.append("</li>")
    body = f'<nav epub:type="toc" id="toc" role="doc-toc"><h1>Contents</h1><ol>{"".join(items)}</ol></nav>'
    return _xhtml(escape(article.language or "und"), "Contents", body, epub_ns=True)
