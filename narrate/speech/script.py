"""The article as a speech script: utterances of about one sentence, in reading order.

Each utterance carries its written text (what the transcript shows), the spoken form
(normalised, then the voice's lexicon: what the engine gets), the pause after it, the block it came from, and the
chapter it starts. Title and byline open the script; headings start chapters; informative
images are announced with alt text and caption; decorative ones are skipped. An alt text is
said once: not when it repeats the title or a heading (a lead picture described by the
headline, a section heading set beside its picture), nor again for another picture given the
same alt (a site's "Image for post" on every picture); the model keeps every alt as written.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from narrate.model import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    Table,
    inline_text,
)
from narrate.speech import unspaced
from narrate.speech.normalize import apply_lexicon, normalize
from narrate.speech.passages import passage_language
from narrate.speech.rules.cleanup import clean
from narrate.speech.sentences import can_cut, split_written
from narrate.speech.voices import VoiceProfile, choose_profile
from narrate.speech.wording import wording
from narrate.wording import join_names, wording_for

# pauses after an utterance, in seconds
PAUSE_SENTENCE = 0.35
PAUSE_CLAUSE = 0.12
PAUSE_BLOCK = 0.7
PAUSE_HEADING = 0.9
PAUSE_TITLE = 1.0
# longer sentences are split at clause boundaries (cues stay <= 2 lines of 65 characters)
MAX_UTTERANCE_CHARS = 125
MIN_PIECE_CHARS = 30

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Utterance:
    text: str  # the written sentence (or clause): what the transcript shows
    spoken: str  # normalised, then the voice's lexicon: what the engine is given
    pause: float  # seconds of silence after it
    block: int  # index into Article.blocks; -1 for title and byline
    chapter: str = ""  # non-empty: this utterance starts a chapter with this title
    written: str = ""  # the same words as the article writes them, for read-along highlighting
    # "": the article's voice reads it; else a passage in a script that voice cannot read, in
    # this language (narrate.speech.passages): the render gives it that language's voice or
    # leaves it out
    language: str = ""


def build_script(article: Article, profile: VoiceProfile | None = None) -> list[Utterance]:
    """The whole article as utterances (the dry run of what will be spoken)."""
    profile = profile or choose_profile(None, article.language)
    b = _Builder(profile, article.language or profile.language)
    title = " ".join(article.title.split()) or "Untitled"
    b.heard_alts.add(tuple(_words(title)))  # the headline, said first
    b.heard_alts.update(tuple(_words(inline_text(x.inlines))) for x in article.blocks
                        if isinstance(x, Heading))  # said where the section starts
    b.say(_sentence(title), -1, PAUSE_TITLE if not article.subtitle else PAUSE_SENTENCE, chapter=title)
    if article.subtitle:
        b.say(article.subtitle, -1, PAUSE_TITLE)
    if article.authors:
        names = join_names(article.authors, wording_for(b.language).and_)
        b.say(b.wording["by"].format(authors=names), -1, PAUSE_TITLE)
    for index, block in enumerate(article.blocks):
        b.block(block, index)
    if b.out:
        last = b.out[-1]
        b.out[-1] = dataclasses.replace(last, pause=0.0)
    return b.out


def script_text(article: Article, voice: str | None = None) -> str:
    """``narrate export --format script``: one utterance a line, exactly as the engine gets it."""
    profile = choose_profile(voice, article.language)
    return "".join(u.spoken + "\n" for u in build_script(article, profile))


class _Builder:
    def __init__(self, profile: VoiceProfile, language: str) -> None:
        self.profile = profile
        self.language = language
        self.out: list[Utterance] = []
        self.wording = wording(profile, language)
        self.heard_alts: set[tuple[str, ...]] = set()  # texts an alt must not say again

    def say(self, text: str, block: int, pause: float, chapter: str = "") -> None:
        """Cut the written ``text`` into sentences (long ones into clauses), normalise each
        piece for the engine, append. The transcript keeps the written piece.

        A piece in a script the article's voice cannot read (a passage: see
        narrate.speech.passages) gets only the Unicode clean-up: the article's rules and lexicon
        are for the article's language, and the passage's own voice reads its numbers in its
        own language."""
        written = _ASCII_SPACE.sub(" ", text).strip()  # no-break spaces may group digits
        pieces = []
        for sentence in split_written(written, self.language):
            for piece, within in split_long(sentence, language=self.language):
                language = passage_language(piece, self.language)
                spoken = " ".join(clean(piece).split()) if language else normalize(piece, self.language)
                if speakable(spoken):
                    pieces.append((piece, spoken, within, language))
        for k, (piece, spoken, within_sentence, language) in enumerate(pieces):
            last = k == len(pieces) - 1
            gap = pause if last else (PAUSE_CLAUSE if within_sentence else PAUSE_SENTENCE)
            if not language:
                spoken = apply_lexicon(spoken, self.profile.lexicon)
            self.out.append(Utterance(piece, spoken, gap, block, chapter if k == 0 else "", piece,
                                      language))

    def block(self, block: Block, index: int) -> None:  # noqa: C901 - one branch per block type
        w = self.wording
        if isinstance(block, Heading):
            self._pause_before(PAUSE_HEADING)
            title = " ".join(inline_text(block.inlines).split())
            self.say(_sentence(title), index, PAUSE_HEADING, chapter=title)
        elif isinstance(block, Paragraph):
            self.say(inline_text(block.inlines), index, PAUSE_BLOCK)
        elif isinstance(block, Figure):
            alt, caption = block.alt.strip(), block.caption.strip()
            if not alt and not caption:
                return  # decorative
            heard = bool(alt) and tuple(_words(alt)) in self.heard_alts  # title, heading, alt
            if heard and (not caption or _words(caption) == _words(alt)):
                return
            if alt and not heard:
                self.heard_alts.add(tuple(_words(alt)))
                self.say(_sentence(w["image"].format(alt=alt)), index, PAUSE_SENTENCE)
            if caption and _words(caption) != _words(alt):
                self.say(_sentence(w["caption"].format(caption=caption)), index, PAUSE_SENTENCE)
            self._pause_before(PAUSE_BLOCK)
        elif isinstance(block, ListBlock):
            if block.navigation:
                return  # a table of contents: each heading is heard where its section starts
            for item in block.items:
                for sub in item:
                    self.block(sub, index)
        elif isinstance(block, BlockQuote):
            self.say(w["quote"], index, PAUSE_SENTENCE)
            for sub in block.blocks:
                self.block(sub, index)
            if block.attribution:
                self.say(block.attribution, index, PAUSE_SENTENCE)
            self.say(w["end_quote"], index, PAUSE_BLOCK)
        elif isinstance(block, CodeBlock):
            self.say(w["code"], index, PAUSE_BLOCK)
        elif isinstance(block, Table):
            if block.caption:
                self.say(w["table"].format(caption=block.caption), index, PAUSE_SENTENCE)
            for row in block.rows:
                cells = [f"{h}: {c}" if h else c for h, c in zip(block.header or ("",) * len(row), row, strict=False) if c]
                self.say(_sentence(", ".join(cells)), index, PAUSE_SENTENCE)
            self._pause_before(PAUSE_BLOCK)
        elif isinstance(block, PullQuote):
            return  # repeats body text for display; the body is narrated once

    def _pause_before(self, seconds: float) -> None:
        if self.out and self.out[-1].pause < seconds:
            u = self.out[-1]
            self.out[-1] = dataclasses.replace(u, pause=seconds)


def _sentence(text: str) -> str:
    """A heading or label as a sentence: its own end, or the end its script writes."""
    text = text.strip()
    if text.endswith((".", "!", "?", "。", "！", "？")):
        return text
    return text + ("。" if unspaced.is_unspaced(text) else ".")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def speakable(text: str) -> bool:
    """False for text with no letter or digit (rules, dingbats, a line of underscores): the
    engine would make no sound for it, so it is dropped rather than failing the article."""
    return _LETTER_OR_DIGIT.search(text) is not None


def split_sentences(text: str) -> list[str]:
    """Sentences of already normalised text (every period left is a sentence end)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def split_long(sentence: str, limit: int = MAX_UTTERANCE_CHARS,
               language: str | None = None) -> list[tuple[str, bool]]:
    """Split a sentence longer than ``limit`` into pieces of ``MIN_PIECE_CHARS`` to ``limit``
    characters: at clause punctuation when it can, else before a conjunction or preposition
    near the middle, else between words; a single word longer than ``limit`` is cut. Each
    piece is synthesized on its own, so its start and end are exact. Linear in the length.
    With a ``language``, a cut that would change how the pieces are normalised ("March 14,
    2021") is avoided when another cut will do.

    Returns (piece, True when more of the same sentence follows) pairs.
    """
    if len(sentence) <= limit and len(sentence) <= unspaced.UNSPACED_CHARS:
        return [(sentence, False)]
    if unspaced.is_unspaced(sentence):  # Chinese, Japanese: a character is a syllable
        cut = unspaced.clauses(sentence, max(1, limit * unspaced.UNSPACED_CHARS // MAX_UTTERANCE_CHARS))
        return [(p, k < len(cut) - 1) for k, p in enumerate(cut)]
    if len(sentence) <= limit:
        return [(sentence, False)]
    pieces: list[list[str]] = []
    sizes: list[int] = []
    for clause in re.split(r"(?<=[,;:])\s+", sentence):
        merge = pieces and (sizes[-1] < MIN_PIECE_CHARS or len(clause) < MIN_PIECE_CHARS
                            or sizes[-1] + 1 + len(clause) <= limit)
        if pieces and (merge and sizes[-1] + 1 + len(clause) <= 4 * limit
                       or language is not None and not can_cut(pieces[-1][-1], clause, language)):
            pieces[-1].append(clause)
            sizes[-1] += 1 + len(clause)
        else:
            pieces.append([clause])
            sizes.append(len(clause))
    out: list[str] = []
    for piece in pieces:
        out.extend(_halve(" ".join(piece).split(), limit, language))
    return [(p, k < len(out) - 1) for k, p in enumerate(out)]


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_BREAK_BEFORE = frozenset(
    "and but or nor so because while when where whereas which who whom whose that after before "
    "although though since until unless including in on at for with without from to into "
    "about against between during through under over than".split()
)


def _halve(words: list[str], limit: int, language: str | None = None) -> list[str]:
    """Split ``words`` until every piece fits, preferring clause commas, then break words.

    Candidate cuts are scored only near the middle, so the whole is O(n log n); a word longer than ``limit`` is cut into ``limit``-sized parts."""
    out: list[str] = []
    stack = [words]
    while stack:
        part = stack.pop()
        length = sum(len(w) for w in part) + len(part) - 1
        if length <= limit:
            if part:
                out.append(" ".join(part))
            continue
        if len(part) == 1:
            word = part[0]
            out.extend(word[k:k + limit] for k in range(0, len(word), limit))
            continue
        ends = list(accumulate(len(w) + 1 for w in part))  # end of word i, plus one
        middle = length / 2
        centre = bisect_left(ends, middle)

        def score(i: int, ends: list[int] = ends, part: list[str] = part,
                  middle: float = middle) -> float:
            bonus = 0 if part[i - 1].endswith((",", ";", ":")) else (
                20 if part[i].lower() in _BREAK_BEFORE else 45)
            return abs(ends[i - 1] - 1 - middle) + bonus

        # a cut more than ~45 characters from the middle never beats one at the middle
        window = range(max(1, centre - 40), min(len(part), centre + 40))
        ranked = sorted(window, key=score)
        cut = ranked[0]
        if language is not None:
            cut = next((i for i in ranked[:4]
                        if can_cut(" ".join(part[max(0, i - 8):i]), " ".join(part[i:i + 8]), language)),
                       cut)
        stack.append(part[cut:])
        stack.append(part[:cut])
    return out
