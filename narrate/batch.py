"""``narrate add``: many sources -> episodes of one show, one catalog, feed rebuilt once.

Per source: read -> decide (new, changed or unchanged, from a hash of the article and voice) ->
speak into ``episodes/<stem>.mp3`` with its sidecars -> text exports -> one catalog transaction.
Reading and the catalog stay in this process; narration runs here (``jobs=1``), in a local
process pool, or on a Dask cluster (``scheduler``), since it is the slow part. A failing source
is recorded with a one-line message and never stops the others (the one place besides the CLI
that catches every exception).
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import email.utils
import hashlib
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from narrate import errors, workers
from narrate.errors import ConfigError, EmptyDocument, NarrateError
from narrate.model import Article
from narrate.podcast import layout
from narrate.podcast.catalog import Catalog, Episode, utc_now
from narrate.podcast.show import Show, load_show
from narrate.sourcelist import expand_sources, folders_without_articles
from narrate.sources import redact

SLUG_MAX = 60
MIN_WORDS = 12  # fewer words of body text is a note or a stub, not an article worth an episode

WORKER_DIED = ("a narration worker died (killed, or out of memory) before this source was "
               "done; run narrate add again for it")

Progress = Callable[[str], None]
Notice = Callable[[str, str], None]  # (source, one line): a failure or a skip, as it happens


@dataclass
class BatchReport:
    added: list[Episode] = field(default_factory=list)  # new or re-narrated episodes
    unchanged: list[Episode] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line message)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, why it was left out)


@dataclass(frozen=True, slots=True)
class Produced:
    """What a worker made of one article: the facts the catalog records, or why it failed."""

    audio_bytes: int = 0
    duration: float = 0.0  # seconds
    engine: str = ""
    voice: str = ""
    files: tuple[str, ...] = ()  # extensions present beside the MP3 (layout.episode_files)
    error: str = ""  # one line; set = nothing usable was made


@dataclass(frozen=True, slots=True)
class Job:
    """One source to narrate, decided before any audio is made."""

    spec: str
    article: Article
    key: str
    content_hash: str
    slug: str
    stem: str
    existing: Episode | None
    words: int = 0  # of body text: how long narrating it will take, roughly


# ---------------------------------------------------------------- identity


_TRANSLIT = str.maketrans({"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "ł": "l", "Ł": "L",
                           "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH", "œ": "oe", "Œ": "OE"})


def slugify(text: str, max_len: int = SLUG_MAX) -> str:
    """ASCII, lower case, hyphens; cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len]
        slug = slug.rsplit("-", 1)[0] if "-" in slug[max_len // 2:] else slug
        slug = slug.strip("-")
    return slug or "episode"


def unique_slug(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
        n += 1
    return slug


def article_key(article: Article, spec: str) -> str:
    """What makes two adds "the same article": the canonical URL, else where it was read from.

    A site's home page is no article's canonical URL: many sites name it on every page, and
    each story then replaced the one added before it."""
    if article.url and not _site_root(article.url):
        return article.url.strip()
    if spec not in ("-", "") and not re.match(r"^https?://", spec, re.IGNORECASE):
        return "file:" + str(Path(spec).resolve())
    if re.match(r"^https?://", spec, re.IGNORECASE):
        return spec
    # Piped in without a URL: the title alone made "Weekly notes" of one week replace the
    # episode of the week before. Its date and authors tell such articles apart; the same
    # article piped again (corrected) has the same ones and still updates its episode.
    key = _title_key(article)
    parts = [published_iso(article.published) or "",
             ", ".join(a.strip().lower() for a in article.authors if a.strip())]
    return key if not any(parts) else f"{key}\0{parts[0]}\0{parts[1]}"


def _site_root(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query


def _title_key(article: Article) -> str:
    return "title:" + " ".join(article.title.split()).lower()


def _legacy_match(cat: Catalog, article: Article, key: str) -> Episode | None:
    """The episode an earlier narrate keyed otherwise, when it is this very article: by the
    title alone (same date and authors) or by a site-root canonical URL (same title). Found
    under its old key, so re-adding it is no duplicate."""
    authors = tuple(a.strip() for a in article.authors if a.strip())
    title = " ".join(article.title.split())
    if key.startswith("title:") and "\0" in key:
        old = cat.find(_title_key(article))
        if old and old.published == published_iso(article.published) and old.authors == authors:
            return old
    if article.url and _site_root(article.url) and key != article.url.strip():
        old = cat.find(article.url.strip())
        if old and old.title == title:
            return old
    return None


def content_hash(article: Article, voice: str | None, audio: str) -> str:
    """Equal hash: narrating again would give the same episode (where it was read from is ignored)."""
    data = article.replace(source="").to_json(indent=None)
    return hashlib.sha256(f"{data}\0{voice or ''}\0{audio}".encode()).hexdigest()[:16]


def episode_guid(podcast_guid: str, key: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.UUID(podcast_guid), key))


def published_iso(value: str) -> str | None:
    """The article's date as ISO 8601 UTC, or None when it has none or it does not parse."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def summary(article: Article, limit: int = 600) -> str:
    text = article.description or article.subtitle or article.body_text().split("\n", 1)[0]
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _slug_source(article: Article) -> str:
    front = dict(article.extra).get("slug", "")
    return front if front and len(front) <= SLUG_MAX else article.title


# ---------------------------------------------------------------- the work


def produce(folder: str, article_json: str, stem: str, voice: str | None, audio: str,
            podcast: str = "") -> Produced:
    """Narrate one article into ``episodes/<stem>.*`` and write its text copies (``podcast``:
    the show's title, for the JSON chapters).

    Runs in a worker process (plain arguments in, a picklable ``Produced`` out); a failure is
    returned as ``Produced(error=...)``, never raised.
    """
    def path(ext: str) -> Path:
        return layout.episode_file(Path(folder), stem, ext)

    exts = (layout.AUDIO.ext, *(f.ext for f in layout.episode_files()))
    had = {ext for ext in exts if path(ext).exists()}
    try:
        from narrate.book import episode_copy
        from narrate.fileio import write_atomic
        from narrate.speak import speak

        article = Article.from_json(article_json)
        out = path(layout.AUDIO.ext)
        out.parent.mkdir(exist_ok=True)
        result = speak(article, out, voice=voice or None, audio=audio, podcast=podcast,
                       progress=workers.check_parent)
        for copy in layout.exports():  # the HTML and EPUB copies read along with this audio
            content = episode_copy(article, copy.writer, result, stem)
            workers.check_parent()
            write_atomic(path(copy.ext), content)
        files = tuple(f.ext for f in layout.episode_files() if path(f.ext).is_file())
        return Produced(out.stat().st_size, float(result.duration), str(result.engine),
                        str(result.voice), files)
    except Exception as e:  # noqa: BLE001 - reported per source, never stops the batch
        _remove_new(path, exts, had)
        return Produced(error=one_line(e))
    except BaseException:  # Ctrl-C, SIGTERM: the same, then stop
        _remove_new(path, exts, had)
        raise


def _remove_new(path: Callable[[str], Path], exts: tuple[str, ...], had: set[str]) -> None:
    """A failed source leaves nothing in the show: the files this attempt made (its MP3 and
    sidecars, written before the EPUB copy hit a full disk) are removed; files an existing
    episode already had are left to it."""
    for ext in exts:
        if ext not in had:
            try:
                path(ext).unlink(missing_ok=True)
            except OSError:
                pass


def one_line(e: BaseException) -> str:
    """A failed source's line (an OSError says what to do: ``errors.one_line``)."""
    return errors.one_line(e)


class Skip(NarrateError):
    """A source left out on purpose (too short, a duplicate): named, but not a failure."""


def _plan(cat: Catalog, show: Show, spec: str, voice: str | None, audio: str,
          taken: set[str], seen: dict[str, tuple[str, Episode | None]],
          any_voice: bool = False) -> Job | Episode:
    """Read the source and decide; an Episode means unchanged. Raises Skip for a source left
    out (too short, the same article as an earlier source of this batch).

    ``any_voice``: no voice was asked for, so an unchanged article keeps the episode it has,
    whichever voice made it (not narrated again with the default)."""
    from narrate import read

    try:
        article = read(spec)
    except EmptyDocument:
        raise Skip("empty: no text to read", spec) from None
    words = len(article.body_text().split())
    if words < MIN_WORDS:
        raise Skip(f"too short to be an article ({words} word{'s' * (words != 1)} of text)", spec)
    key = article_key(article, spec)
    if key in seen:
        raise Skip(f"the same article as {seen[key][0]}, added once", spec)
    digest = content_hash(article, voice, audio)
    existing = cat.find(key)
    if existing is None:
        existing = _legacy_match(cat, article, key)
        key = existing.key if existing else key
    seen[key] = (spec, existing)
    if existing is not None:
        mp3 = layout.episode_file(show.folder, existing.stem, layout.AUDIO.ext)
        if existing.content_hash != digest and any_voice and _made_by_any_voice(article, audio, existing):
            digest = existing.content_hash
        if existing.content_hash == digest and _intact(show, existing, mp3):
            return existing
        stem = existing.stem if existing.content_hash == digest else f"{existing.slug}-{digest[:8]}"
        return Job(spec, article, key, digest, existing.slug, stem, existing, words)
    slug = unique_slug(slugify(_slug_source(article)), taken)
    taken.add(slug)
    return Job(spec, article, key, digest, slug, slug, None, words)


def _intact(show: Show, existing: Episode, mp3: Path) -> bool:
    """Whether an episode's published files are all there and its MP3 is the size the feed
    announces: one deleted or truncated by hand is narrated again, not kept as unchanged (the
    feed would announce a length the file does not have and link files that are gone)."""
    try:
        if mp3.stat().st_size != existing.audio_bytes:
            return False
    except OSError:
        return False
    return all(layout.episode_file(show.folder, existing.stem, ext).is_file() for ext in existing.files)


def _made_by_any_voice(article: Article, audio: str, existing: Episode) -> bool:
    """Whether ``existing`` was made from this very article with some voice profile."""
    from narrate.speech.voices import profiles

    return any(content_hash(article, name, audio) == existing.content_hash
               for name in (None, *profiles()))


def _episode(cat: Catalog, job: Job, made: Produced) -> Episode:
    article = job.article
    published = published_iso(article.published) or (job.existing.published if job.existing else utc_now())
    return Episode(
        guid=job.existing.guid if job.existing else episode_guid(cat.podcast_guid, job.key),
        key=job.key, slug=job.slug, stem=job.stem, title=" ".join(article.title.split()) or job.slug,
        audio_bytes=made.audio_bytes, duration=made.duration, content_hash=job.content_hash,
        published=published, description=summary(article), link=article.url,
        authors=tuple(a.strip() for a in article.authors if a.strip()), language=article.language,
        files=made.files, engine=made.engine, voice=made.voice,
    )


def add_sources(folder: Path, specs: list[str], *, voice: str | None = None, audio: str = "auto",
                jobs: int = 1, scheduler: str | None = None,
                progress: Progress | None = None, notice: Notice | None = None) -> BatchReport:
    """Add sources to the show in ``folder``; rebuild feed.xml and index.html once at the end.

    ``progress`` gets one status line at a time; ``notice`` each failure and skip as it happens
    (they are also in the report)."""
    from narrate.podcast.showfolder import rebuild

    folder = Path(folder)
    show = load_show(folder)
    if scheduler:
        from narrate import deps

        if deps.distributed is None:
            raise ConfigError("--scheduler needs Dask: pip install 'narrate[dask]'", scheduler)
    any_voice = voice is None
    voice = voice or show.voice or None
    say = progress or (lambda message: None)
    report = BatchReport()
    sources, report.failed = expand_sources(specs, exclude=folder, skipped=report.skipped)
    tell = notice or (lambda source, message: None)
    for source, message in report.failed:
        tell(source, message)
    for source, message in report.skipped:
        tell(source, f"skipped: {message}")
    with Catalog.open(folder, feed_url=show.feed_url) as cat:
        taken, seen = cat.slugs(), {}
        articles: set[str] = set()  # sources read as articles (narrated, unchanged or failing later)
        narrator = _Narrator(cat, folder, voice, audio, jobs, scheduler, report, say, tell,
                             show.title)
        try:
            for n, spec in enumerate(sources, 1):
                say(f"[{n}/{len(sources)}] reading {redact(spec)}")
                try:
                    decided = _plan(cat, show, spec, voice, audio, taken, seen, any_voice)
                except Skip as e:
                    report.skipped.append((spec, e.reason))
                    tell(spec, f"skipped: {e.reason}")
                    continue
                except Exception as e:  # noqa: BLE001 - one bad source never stops the batch
                    report.failed.append((spec, one_line(e)))
                    tell(spec, one_line(e))
                    continue
                articles.add(spec)
                if isinstance(decided, Job):
                    _warn_other_language(voice, decided, tell)
                    narrator.add(decided, more=n < len(sources))
                else:
                    report.unchanged.append(decided)
            narrator.finish()
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM: no worker may go on writing into the show
            narrator.stop()
            raise
        finally:
            narrator.close()
        rebuild(show, cat)  # the show loaded above: settings and artwork are not read again
    for spec, why in folders_without_articles(specs, sources, articles):
        report.failed.append((spec, why))
        tell(spec, why)
    return report


def _warn_other_language(voice: str | None, job: Job, tell: Notice) -> None:
    """A named voice is kept, but says so when it speaks another language than the article's."""
    if voice:
        from narrate.speech.voices import choose_profile, language_mismatch

        note = language_mismatch(choose_profile(voice, job.article.language), job.article.language)
        if note:
            tell(job.spec, f"warning: {note}")



class _Narrator:
    """Narrates planned jobs and records each in the catalog as it is done.

    With one job at a time they are narrated here, after all sources are read. With a pool
    (``jobs`` > 1 or a Dask ``scheduler``) jobs are handed out while later sources are still
    read, so workers start and narrate meanwhile; the pool is started only once a second job
    needs narrating (one changed article is narrated here). A local pool gets a job when a
    worker is about to be free, the longest of those planned, so the batch does not end
    waiting on one long article; finished jobs are recorded as they come (this process alone
    writes the catalog)."""

    def __init__(self, cat: Catalog, folder: Path, voice: str | None, audio: str, jobs: int,
                 scheduler: str | None, report: BatchReport, say: Progress, tell: Notice,
                 podcast: str) -> None:
        self.cat, self.folder, self.voice, self.audio = cat, folder, voice, audio
        self.jobs, self.scheduler, self.report, self.say, self.tell = jobs, scheduler, report, say, tell
        self.podcast = podcast
        self.held: list[Job] = []  # planned, not yet handed to a pool
        self.pool = None
        self.futures: dict = {}  # future -> Job
        self.pending: list = []  # in submission order: the first few are being narrated
        self.done = 0

    def _args(self, job: Job) -> tuple:
        return (str(self.folder), job.article.to_json(indent=None), job.stem, self.voice,
                self.audio, self.podcast)

    def record(self, job: Job, made: Produced) -> None:
        self.done += 1
        if made.error:
            self.report.failed.append((job.spec, made.error))
            self.tell(job.spec, made.error)
            return
        try:
            self.report.added.append(self.cat.upsert(_episode(self.cat, job, made)))
        except NarrateError as e:
            self.report.failed.append((job.spec, one_line(e)))
            self.tell(job.spec, one_line(e))

    def add(self, job: Job, more: bool = False) -> None:
        """Hand ``job`` on. The pool starts with the first job when ``more`` sources follow,
        so that it narrates while they are read; a single article is narrated here."""
        self.held.append(job)
        if self.pool is None and (self.scheduler
                                  or (self.jobs > 1 and (len(self.held) > 1 or more))):
            self.pool = workers.pool(self.jobs, self.scheduler)
        if self.pool is not None:
            self._feed()
            self._collect(wait=False)

    def _feed(self) -> None:
        """Submit held jobs, longest first, while the local pool has a worker free or about
        to be (one job queued beyond the running ones); a Dask cluster gets all at once."""
        room = len(self.held) if self.scheduler else self.jobs + 1 - len(self.pending)
        self.held.sort(key=lambda job: job.words)
        while self.held and room > 0:
            job = self.held.pop()
            try:
                future = self.pool.submit(produce, *self._args(job))
            except cf.BrokenExecutor:  # a worker was killed: no job can run in this pool
                self.record(job, Produced(error=WORKER_DIED))
                continue
            self.futures[future] = job
            self.pending.append(future)
            room -= 1

    def finish(self) -> None:
        if self.pool is None:  # narrated here, one after the other, in the order given
            total = len(self.held)
            for n, job in enumerate(self.held):
                self.say(f"[{n}/{total} done] narrating {redact(job.spec)}")
                self.record(job, produce(*self._args(job)))
            self.held.clear()
            return
        self._collect(wait=True)

    def _collect(self, wait: bool) -> None:
        """Record the pool's finished jobs, feeding it more; with ``wait``, until all are done."""
        self._status()
        while self.pending:
            if wait:
                done = self._wait_first()
            else:
                done = {f for f in self.pending if f.done()}
                if not done:
                    return
            for future in [f for f in self.pending if f in done]:
                job = self.futures[future]
                self.pending.remove(future)
                try:
                    made = future.result()
                except cf.BrokenExecutor:
                    made = Produced(error=WORKER_DIED)
                except Exception as e:  # noqa: BLE001 - a worker that died is one failed source
                    made = Produced(error=one_line(e))
                self.record(job, made)
            self._feed()
            self._status()

    def _wait_first(self) -> set:
        if isinstance(self.pool, cf.Executor):
            return cf.wait(self.pending, return_when=cf.FIRST_COMPLETED).done
        from narrate import deps

        return set(deps.distributed.wait(self.pending, return_when="FIRST_COMPLETED").done)

    def _status(self) -> None:
        if self.pending:
            total = len(self.futures) + len(self.held)
            self.say(f"[{self.done}/{total} done] narrating "
                     f"{_now(self.pending, self.futures, self.jobs)}")

    def stop(self) -> None:
        if self.pool is not None:
            workers.stop(self.pool)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown() if isinstance(self.pool, cf.Executor) else self.pool.close()
            self.pool = None


def _now(pending: list, futures: dict, jobs: int) -> str:
    """The sources being narrated now: the oldest still pending, one per worker."""
    names = [Path(redact(futures[f].spec)).name or redact(futures[f].spec)
             for f in pending[:max(1, jobs)]]
    return ", ".join(names)
