"""The read-along episode page: the article (the HTML export), a player, and the sentence
being read highlighted as it plays.

One small inline script and no framework; nothing is fetched from elsewhere. The cues come
from the narration (the same times as the VTT): the element of the current sentence, and
only it, carries ``aria-current="true"`` and a visible style. Clicking a sentence, or pressing
Enter on it, seeks there; focus is never moved; scrolling follows the reading only while the
audio plays, and is instant for ``prefers-reduced-motion``. Without scripts the page is the
article and a player.
"""

from __future__ import annotations

import dataclasses
import json

from narrate.model import Article
from narrate.wording import wording_for
from narrate.writers import html
from narrate.writers.options import WriteOptions
from narrate.writers.sync import Sentence, place
from narrate.xmlsafe import xml_escape as escape

_CSS = """.reading{background:#ffe066;color:#000;outline:2px solid #7a5c00;border-radius:.15em}
[data-seek]{cursor:pointer}[data-seek]:focus{outline:3px solid #c60}
.player{position:sticky;top:0;background:#fff;padding:.5em 0;z-index:1}audio{width:100%}"""

# Kept small and readable: it is shipped inside every episode page.
_SCRIPT = """(function () {
  var audio = document.getElementById("narration");
  var cues = JSON.parse(document.getElementById("cues").textContent);
  var still = window.matchMedia("(prefers-reduced-motion: reduce)");
  var current = null;
  var first = {};
  cues.forEach(function (c) {
    var el = document.getElementById(c[2]);
    if (!el || first[c[2]] !== undefined) return;
    first[c[2]] = c[0];
    el.setAttribute("data-seek", "");
    if (el.tagName === "SPAN") el.tabIndex = 0;
  });
  function at(t) {
    var lo = 0, hi = cues.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (cues[mid][0] <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found >= 0 && t < cues[found][1] ? found : -1;
  }
  function show() {
    var k = at(audio.currentTime);
    var el = k >= 0 ? document.getElementById(cues[k][2]) : null;
    if (el === current) return;
    if (current) { current.classList.remove("reading"); current.removeAttribute("aria-current"); }
    current = el;
    if (!el) return;
    el.classList.add("reading");
    el.setAttribute("aria-current", "true");
    if (!audio.paused) {
      var box = el.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        el.scrollIntoView({block: "center", behavior: still.matches ? "auto" : "smooth"});
      }
    }
  }
  function seek(event) {
    var el = event.target.closest("[data-seek]");
    if (!el || event.target.closest("a")) return;
    audio.currentTime = first[el.id];
    show();
  }
  audio.addEventListener("timeupdate", show);
  audio.addEventListener("seeked", show);
  document.addEventListener("click", seek);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.hasAttribute && event.target.hasAttribute("data-seek")) {
      event.preventDefault();
      seek(event);
    }
  });
  function tick() { show(); if (!audio.paused) window.requestAnimationFrame(tick); }
  audio.addEventListener("play", tick);
})();"""


def write(article: Article, sentences: tuple[Sentence, ...], audio_href: str,
          options: WriteOptions | None = None, links: tuple[tuple[str, str], ...] = ()) -> str:
    """The page; ``audio_href`` is the MP3 relative to the page, ``links`` extra (href, label)."""
    options = dataclasses.replace(options or WriteOptions(), sentences=sentences)
    page = html.write(article, options)
    targets = place(article, sentences).targets
    cues = [[round(s.start, 3), round(s.end, 3), t] for s, t in zip(sentences, targets, strict=True)]
    data = json.dumps(cues, separators=(",", ":")).replace("</", "<\\/")
    href = escape(audio_href)
    extra = "".join(f' · <a href="{escape(h)}">{escape(label)}</a>' for h, label in links)
    words = wording_for(article.language)
    listen = escape(words.label("listen", article.title))
    player = (f'<div class="player"><audio id="narration" controls preload="metadata" src="{href}" '
              f'aria-label="{listen}"><a href="{href}">{escape(words.download_narration)}</a></audio>'
              f'<p>{escape(words.readalong_note)} '
              f'<a href="{href}" download="">{escape(words.download_mp3)}</a>{extra}</p></div>')
    page = page.replace("</style>", _CSS + "</style>", 1)
    page = page.replace("</header>", "</header>\n" + player, 1)
    script = (f'<script type="application/json" id="cues">{data}</script>\n'
              f"<script>{_SCRIPT}</script>\n")
    return page.replace("</body>", script + "</body>", 1)
