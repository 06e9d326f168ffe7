"""Web text: URLs, e-mail addresses, bare domain names, @handles and #hashtags.

A URL is read as its host ("example dot com"); a path is noise to a listener, unless it is one
or two plain words ("gov.uk/apply" -> "gov dot uk slash apply"), which say where to go. A bare domain
is recognised only with a known top-level domain, so "e.g." or "3.5" never become one.
"""

from __future__ import annotations

import re

from narrate.speech.rules.vocab import word

_TLDS = ("com|org|net|edu|gov|int|mil|info|io|co|uk|us|de|fr|es|it|pt|nl|be|ch|at|eu|ca|au|"
         "nz|ie|in|jp|cn|ru|br|mx|ar|se|no|dk|fi|pl|cz|gr|tr|za|news|tv|app|dev|ai|ly|me|int")
_EMAIL = re.compile(r"(?:mailto:)?(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)(?<!\.)")
_URL = re.compile(r"\b(?:https?://|www\.)([\w-]+(?:\.[\w-]+)+)(?::\d+)?(?:[/?#][^\s\"')\]]*)?")
_DOMAIN = re.compile(rf"(?<![\w@./-])((?:[A-Za-z0-9-]+\.)+(?:{_TLDS}))(?![\w-]|\.[A-Za-z0-9])"
                     r"(?:/[^\s\"')\]]*[^\s\"')\].,;:!?])?")
# "/apply", "/live/news": a path of one or two plain lower-case words, nothing after it ("/KQLpng"
# is an opaque id)
_SHORT_PATH = re.compile(r"(?:/[a-z][a-z-]{0,24}){1,2}/?")
_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z_]\w{0,30})\b")
_HASHTAG = re.compile(r"(?<![\w#&])#([^\W\d_]\w*)")


def web(text: str, language: str) -> str:
    dot = f" {word('dot', language)} "

    def dotted(host: str) -> str:
        return dot.join(re.sub(r"^www\.", "", host, flags=re.IGNORECASE).split("."))

    text = _EMAIL.sub(lambda m: f"{m.group(1)} {word('at', language)} {dotted(m.group(2))}", text)
    def with_path(m: re.Match[str]) -> str:
        path = m.group(0)[m.end(1) - m.start(0):]
        end = re.search(r"[.,;:!?]*$", path).group(0)  # a sentence's period is no part of it
        path = path[:len(path) - len(end)]
        if _SHORT_PATH.fullmatch(path):
            slash = f" {word('slash', language)} "
            return dotted(m.group(1)) + "".join(slash + p for p in path.strip("/").split("/")) + end
        return dotted(m.group(1)) + end

    text = _URL.sub(with_path, text)
    text = _DOMAIN.sub(with_path, text)
    text = _HANDLE.sub(lambda m: f"{word('at', language)} {m.group(1)}", text)
    return _HASHTAG.sub(lambda m: f"{word('hashtag', language)} {m.group(1)}", text)
