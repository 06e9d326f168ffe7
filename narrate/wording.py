"""The words narrate adds to an article ("By", "Image", "Caption", "Contents" …), per language.

One table for everything that speaks or shows them: the speech script's announcements
(``narrate.speech.wording``, where a voice profile may override them), the text, Markdown,
HTML and EPUB exports, the read-along page and the bylines of the index page and feed.

The rules:

- The article's language picks the row: language and region when there is a regional row
  (``pt-BR``), else the primary subtag (``de-AT`` → ``de``); a language with no row, or none
  given, gets English. A label is never a mix of two languages.
- A label and its text are joined the language's way: ``Image: …`` but ``Image : …`` in French.
- Names are joined with the language's "and": ``Von Ana Berg und Jo Lim``; three or more with
  commas before it (``A, B and C``, no serial comma).
- What is the article's own text (title, captions, alt text, names) is never translated.

Pure data and string functions: writers, speech and podcast modules may all import it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Wording:
    """Every word narrate adds to an article, in one language."""

    by: str  # template with {authors}: the byline of exports (speech adds a full stop)
    and_: str  # joins the last two names
    image: str  # labels, written "<label><colon><text>"
    caption: str
    credit: str
    table: str
    pull_quote: str
    source: str
    links: str
    listen: str
    contents: str  # EPUB navigation: the table of contents' heading
    landmarks: str
    start: str  # the landmark of the article's start
    quote: str  # spoken around a block quote
    end_quote: str
    code: str  # spoken instead of a code block
    download_narration: str  # read-along page: the player's fallback link
    download_mp3: str
    readalong_note: str
    transcript: str  # the link to an episode's WebVTT transcript (read-along and index pages)
    # the index page and feed.xml, per episode (in the episode's language)
    subtitles: str
    chapters: str
    read_text: str  # link texts of the episode's copies of the article, by format
    read_markdown: str
    read_along: str
    read_epub: str
    download_mp3_of: str  # template with {title}
    files_for: str  # template with {title}
    original_article: str
    synthetic: str  # "Narrated by a synthetic voice."
    months: tuple[str, ...]
    date: str  # template with {day}, {month}, {year}
    # the index page, for the show (in the show's language)
    skip: str
    cover_of: str  # template with {title}
    subscribe: str
    episodes: str  # template with {count}
    no_episodes: str
    made_with: str
    show_description: str  # `narrate init`'s default description, template with {title}
    # the EPUB's accessibility summary; (one, several) with {n} and {what}
    summary_order: str
    summary_audio: str
    summary_images: tuple[str, ...]
    summary_missing: tuple[str, ...]
    colon: str = ": "

    def label(self, word: str, text: str) -> str:
        """``label("image", "A harbour")`` → "Image: A harbour" (the language's colon)."""
        return f"{getattr(self, word)}{self.colon}{text}"

    def credit_line(self, name: str, label: str = "") -> str:
        """A picture's credit as exports show it. The page's own label, as the page wrote it,
        is kept (pandoc and Readability keep the page's words): "Photo: Ann Lee" (this
        language's colon), but "Photo by Ann Lee" and "© Ann Lee" (a "by" word or a copyright
        mark takes no colon). A credit the page gave no label gets this table's:
        "Credit: Ann Lee", "Bildnachweis: Ann Lee"."""
        if not label:
            return self.label("credit", name)
        last = label.split()[-1].casefold()
        joiner = " " if last in CREDIT_BY or last in _CREDIT_MARKS else self.colon
        return f"{label}{joiner}{name}"

    def file_label(self, ext: str, fallback: str) -> str:
        """The link text of an episode's file with extension ``ext`` (``fallback`` for a kind
        of file this table does not know, e.g. a plugin writer's)."""
        field = _FILE_FIELDS.get(ext)
        return getattr(self, field) if field else fallback

    def day(self, year: int, month: int, day: int) -> str:
        """A date as people of this language write it: "20 May 2025", "20. Mai 2025"."""
        return self.date.format(day=day, month=self.months[month - 1], year=year)

    def byline(self, names: Sequence[str]) -> str:
        """"By A, B and C" in this language; "" when there are no names."""
        joined = join_names(names, self.and_)
        return self.by.format(authors=joined) if joined else ""


# the words that make a credit's label read "Photo by", "Foto von", "Photo par" … in the
# languages of TABLE (the HTML reader's caption rules match the same words)
CREDIT_BY = ("by", "von", "par", "de", "di", "por", "door")
_CREDIT_MARKS = ("©", "(c)", "copyright")  # "© Ann Lee": a mark, not a label with a colon

_FILE_FIELDS = {"vtt": "transcript", "srt": "subtitles", "chapters.json": "chapters",
                "txt": "read_text", "md": "read_markdown", "html": "read_along", "epub": "read_epub"}


def join_names(names: Sequence[str], and_: str) -> str:
    names = [n for n in names if n.strip()]  # as written: escaping is the writers' job
    if len(names) <= 2:
        return f" {and_} ".join(names)
    return ", ".join(names[:-1]) + f" {and_} " + names[-1]


TABLE: dict[str, Wording] = {
    "en": Wording(
        by="By {authors}", and_="and", image="Image", caption="Caption", credit="Credit",
        table="Table", pull_quote="Pull quote", source="Source", links="Links", listen="Listen",
        contents="Contents", landmarks="Landmarks", start="Start of the article",
        quote="Quote.", end_quote="End quote.", code="A code listing follows in the text version.",
        download_narration="Download the narration (MP3)", download_mp3="Download MP3",
        transcript="Transcript (WebVTT)",
        subtitles="Subtitles (SRT)", chapters="Chapters (JSON)", read_text="Read as plain text",
        read_markdown="Read as Markdown", read_along="Read along (web page)",
        read_epub="Read as e-book (EPUB 3)", download_mp3_of="Download the MP3 of {title}",
        files_for="Files for {title}", original_article="Original article",
        synthetic="Narrated by a synthetic voice.",
        months=tuple("January February March April May June July August September October November December".split()),
        date="{day} {month} {year}", skip="Skip to the episodes", cover_of="Cover of {title}",
        subscribe="Subscribe: podcast feed (RSS)", episodes="Episodes ({count})",
        no_episodes="No episodes yet.", made_with="Made with narrate.",
        show_description="Articles narrated for listening: {title}.",
        summary_order="The article in reading order, with headings for navigation.",
        summary_audio="A synthetic voice reads the whole text; each sentence is highlighted as it is read.",
        summary_images=("{n} image included with text descriptions and captions.",
                        "{n} images included with text descriptions and captions."),
        summary_missing=("{n} image could not be included and is given as text descriptions: {what}.",
                         "{n} images could not be included and are given as text descriptions: {what}."),
        readalong_note="Narrated by a synthetic voice; the sentence being read is highlighted. "
                       "Select a sentence to listen from there."),
    "de": Wording(
        by="Von {authors}", and_="und", image="Bild", caption="Bildunterschrift",
        credit="Bildnachweis", table="Tabelle", pull_quote="Hervorgehobenes Zitat", source="Quelle",
        links="Links", listen="Anhören", contents="Inhalt", landmarks="Orientierungspunkte",
        start="Beginn des Artikels", quote="Zitat.", end_quote="Zitat Ende.",
        code="Ein Codebeispiel folgt in der Textfassung.",
        download_narration="Die gesprochene Fassung herunterladen (MP3)",
        download_mp3="MP3 herunterladen",
        transcript="Transkript (WebVTT)",
        subtitles="Untertitel (SRT)", chapters="Kapitel (JSON)", read_text="Als reinen Text lesen",
        read_markdown="Als Markdown lesen", read_along="Mitlesen (Webseite)",
        read_epub="Als E-Book lesen (EPUB 3)", download_mp3_of="{title} als MP3 herunterladen",
        files_for="Dateien zu {title}", original_article="Originalartikel",
        synthetic="Gelesen von einer synthetischen Stimme.",
        months=tuple("Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()),
        date="{day}. {month} {year}", skip="Zu den Folgen springen",
        cover_of="Titelbild von {title}", subscribe="Abonnieren: Podcast-Feed (RSS)",
        episodes="Folgen ({count})", no_episodes="Noch keine Folgen.",
        made_with="Erstellt mit narrate.",
        show_description="Artikel zum Anhören: {title}.",
        summary_order="Der Artikel in Lesereihenfolge, mit Überschriften zur Navigation.",
        summary_audio="Eine synthetische Stimme liest den ganzen Text; jeder Satz wird hervorgehoben, während er gelesen wird.",
        summary_images=("{n} Bild mit Textbeschreibung und Bildunterschrift enthalten.",
                        "{n} Bilder mit Textbeschreibungen und Bildunterschriften enthalten."),
        summary_missing=("{n} Bild konnte nicht aufgenommen werden und ist als Textbeschreibung wiedergegeben: {what}.",
                         "{n} Bilder konnten nicht aufgenommen werden und sind als Textbeschreibungen wiedergegeben: {what}."),
        readalong_note="Gelesen von einer synthetischen Stimme; der Satz, der gerade gelesen wird, "
                       "ist hervorgehoben. Wählen Sie einen Satz, um ab dort zu hören."),
    "fr": Wording(
        by="Par {authors}", and_="et", image="Image", caption="Légende", credit="Crédit",
        table="Tableau", pull_quote="Citation en exergue", source="Source", links="Liens",
        listen="Écouter", contents="Table des matières", landmarks="Repères",
        start="Début de l’article", quote="Citation.", end_quote="Fin de citation.",
        code="Un extrait de code figure dans la version texte.",
        download_narration="Télécharger la lecture audio (MP3)", download_mp3="Télécharger le MP3",
        transcript="Transcription (WebVTT)",
        subtitles="Sous-titres (SRT)", chapters="Chapitres (JSON)", read_text="Lire en texte brut",
        read_markdown="Lire en Markdown", read_along="Lire en écoutant (page web)",
        read_epub="Lire en livre numérique (EPUB 3)",
        download_mp3_of="Télécharger le MP3 de {title}", files_for="Fichiers de {title}",
        original_article="Article original", synthetic="Lu par une voix de synthèse.",
        months=tuple("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()),
        date="{day} {month} {year}", skip="Aller aux épisodes", cover_of="Couverture de {title}",
        subscribe="S’abonner : flux du podcast (RSS)", episodes="Épisodes ({count})",
        no_episodes="Aucun épisode pour l’instant.", made_with="Réalisé avec narrate.",
        show_description="Des articles lus à voix haute : {title}.",
        summary_order="L’article dans l’ordre de lecture, avec des titres pour la navigation.",
        summary_audio="Une voix de synthèse lit tout le texte ; chaque phrase est surlignée pendant sa lecture.",
        summary_images=("{n} image incluse avec description textuelle et légende.",
                        "{n} images incluses avec descriptions textuelles et légendes."),
        summary_missing=("{n} image n’a pas pu être incluse et est donnée sous forme de description textuelle : {what}.",
                         "{n} images n’ont pas pu être incluses et sont données sous forme de descriptions textuelles : {what}."),
        readalong_note="Lu par une voix de synthèse ; la phrase en cours de lecture est surlignée. "
                       "Sélectionnez une phrase pour écouter à partir de là.",
        colon=" : "),
    "es": Wording(
        by="Por {authors}", and_="y", image="Imagen", caption="Pie de foto", credit="Crédito",
        table="Tabla", pull_quote="Cita destacada", source="Fuente", links="Enlaces",
        listen="Escuchar", contents="Índice", landmarks="Puntos de referencia",
        start="Inicio del artículo", quote="Cita.", end_quote="Fin de la cita.",
        code="Un fragmento de código sigue en la versión de texto.",
        download_narration="Descargar la narración (MP3)", download_mp3="Descargar MP3",
        transcript="Transcripción (WebVTT)",
        subtitles="Subtítulos (SRT)", chapters="Capítulos (JSON)",
        read_text="Leer como texto sin formato", read_markdown="Leer en Markdown",
        read_along="Leer mientras se escucha (página web)",
        read_epub="Leer como libro electrónico (EPUB 3)",
        download_mp3_of="Descargar el MP3 de {title}", files_for="Archivos de {title}",
        original_article="Artículo original", synthetic="Narrado por una voz sintética.",
        months=tuple("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()),
        date="{day} de {month} de {year}", skip="Saltar a los episodios",
        cover_of="Portada de {title}", subscribe="Suscribirse: feed del pódcast (RSS)",
        episodes="Episodios ({count})", no_episodes="Todavía no hay episodios.",
        made_with="Hecho con narrate.",
        show_description="Artículos narrados para escuchar: {title}.",
        summary_order="El artículo en orden de lectura, con encabezados para navegar.",
        summary_audio="Una voz sintética lee todo el texto; cada frase se resalta mientras se lee.",
        summary_images=("{n} imagen incluida con descripción textual y pie de foto.",
                        "{n} imágenes incluidas con descripciones textuales y pies de foto."),
        summary_missing=("{n} imagen no se pudo incluir y se ofrece como descripción textual: {what}.",
                         "{n} imágenes no se pudieron incluir y se ofrecen como descripciones textuales: {what}."),
        readalong_note="Narrado por una voz sintética; la frase que se está leyendo aparece "
                       "resaltada. Seleccione una frase para escuchar desde ahí."),
    "it": Wording(
        by="Di {authors}", and_="e", image="Immagine", caption="Didascalia", credit="Crediti",
        table="Tabella", pull_quote="Citazione in evidenza", source="Fonte", links="Link",
        listen="Ascolta", contents="Indice", landmarks="Punti di riferimento",
        start="Inizio dell’articolo", quote="Citazione.", end_quote="Fine citazione.",
        code="Un listato di codice segue nella versione testuale.",
        download_narration="Scarica la narrazione (MP3)", download_mp3="Scarica l’MP3",
        transcript="Trascrizione (WebVTT)",
        subtitles="Sottotitoli (SRT)", chapters="Capitoli (JSON)",
        read_text="Leggi come testo semplice", read_markdown="Leggi in Markdown",
        read_along="Leggi mentre ascolti (pagina web)", read_epub="Leggi come e-book (EPUB 3)",
        download_mp3_of="Scarica l’MP3 di {title}", files_for="File di {title}",
        original_article="Articolo originale", synthetic="Letto da una voce sintetica.",
        months=tuple("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split()),
        date="{day} {month} {year}", skip="Vai agli episodi", cover_of="Copertina di {title}",
        subscribe="Abbonati: feed del podcast (RSS)", episodes="Episodi ({count})",
        no_episodes="Ancora nessun episodio.", made_with="Realizzato con narrate.",
        show_description="Articoli letti ad alta voce: {title}.",
        summary_order="L’articolo in ordine di lettura, con titoli per la navigazione.",
        summary_audio="Una voce sintetica legge tutto il testo; ogni frase viene evidenziata mentre viene letta.",
        summary_images=("{n} immagine inclusa con descrizione testuale e didascalia.",
                        "{n} immagini incluse con descrizioni testuali e didascalie."),
        summary_missing=("{n} immagine non è stata inclusa ed è fornita come descrizione testuale: {what}.",
                         "{n} immagini non sono state incluse e sono fornite come descrizioni testuali: {what}."),
        readalong_note="Letto da una voce sintetica; la frase in lettura è evidenziata. "
                       "Seleziona una frase per ascoltare da lì."),
    "pt": Wording(
        by="Por {authors}", and_="e", image="Imagem", caption="Legenda", credit="Crédito",
        table="Tabela", pull_quote="Citação em destaque", source="Fonte", links="Ligações",
        listen="Ouvir", contents="Índice", landmarks="Pontos de referência",
        start="Início do artigo", quote="Citação.", end_quote="Fim da citação.",
        code="Um trecho de código segue na versão em texto.",
        download_narration="Descarregar a narração (MP3)", download_mp3="Descarregar o MP3",
        transcript="Transcrição (WebVTT)",
        subtitles="Legendas (SRT)", chapters="Capítulos (JSON)", read_text="Ler como texto simples",
        read_markdown="Ler em Markdown", read_along="Ler enquanto ouve (página web)",
        read_epub="Ler como livro digital (EPUB 3)", download_mp3_of="Descarregar o MP3 de {title}",
        files_for="Ficheiros de {title}", original_article="Artigo original",
        synthetic="Narrado por uma voz sintética.",
        months=tuple("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split()),
        date="{day} de {month} de {year}", skip="Saltar para os episódios",
        cover_of="Capa de {title}", subscribe="Subscrever: feed do podcast (RSS)",
        episodes="Episódios ({count})", no_episodes="Ainda não há episódios.",
        made_with="Feito com narrate.",
        show_description="Artigos narrados para ouvir: {title}.",
        summary_order="O artigo em ordem de leitura, com títulos para navegação.",
        summary_audio="Uma voz sintética lê todo o texto; cada frase é destacada enquanto é lida.",
        summary_images=("{n} imagem incluída com descrição textual e legenda.",
                        "{n} imagens incluídas com descrições textuais e legendas."),
        summary_missing=("{n} imagem não pôde ser incluída e é apresentada como descrição textual: {what}.",
                         "{n} imagens não puderam ser incluídas e são apresentadas como descrições textuais: {what}."),
        readalong_note="Narrado por uma voz sintética; a frase em leitura fica destacada. "
                       "Selecione uma frase para ouvir a partir dela."),
    "nl": Wording(
        by="Door {authors}", and_="en", image="Afbeelding", caption="Bijschrift", credit="Beeld",
        table="Tabel", pull_quote="Uitgelicht citaat", source="Bron", links="Links",
        listen="Luisteren", contents="Inhoud", landmarks="Oriëntatiepunten",
        start="Begin van het artikel", quote="Citaat.", end_quote="Einde citaat.",
        code="Een codevoorbeeld staat in de tekstversie.",
        download_narration="De voorgelezen versie downloaden (MP3)", download_mp3="MP3 downloaden",
        transcript="Transcript (WebVTT)",
        subtitles="Ondertitels (SRT)", chapters="Hoofdstukken (JSON)",
        read_text="Lezen als platte tekst", read_markdown="Lezen als Markdown",
        read_along="Meelezen (webpagina)", read_epub="Lezen als e-book (EPUB 3)",
        download_mp3_of="De MP3 van {title} downloaden", files_for="Bestanden bij {title}",
        original_article="Oorspronkelijk artikel",
        synthetic="Voorgelezen door een synthetische stem.",
        months=tuple("januari februari maart april mei juni juli augustus september oktober november december".split()),
        date="{day} {month} {year}", skip="Naar de afleveringen", cover_of="Omslag van {title}",
        subscribe="Abonneren: podcastfeed (RSS)", episodes="Afleveringen ({count})",
        no_episodes="Nog geen afleveringen.", made_with="Gemaakt met narrate.",
        show_description="Voorgelezen artikelen: {title}.",
        summary_order="Het artikel in leesvolgorde, met koppen om te navigeren.",
        summary_audio="Een synthetische stem leest de hele tekst voor; elke zin wordt gemarkeerd terwijl hij wordt voorgelezen.",
        summary_images=("{n} afbeelding opgenomen met tekstbeschrijving en bijschrift.",
                        "{n} afbeeldingen opgenomen met tekstbeschrijvingen en bijschriften."),
        summary_missing=("{n} afbeelding kon niet worden opgenomen en wordt als tekstbeschrijving gegeven: {what}.",
                         "{n} afbeeldingen konden niet worden opgenomen en worden als tekstbeschrijvingen gegeven: {what}."),
        readalong_note="Voorgelezen door een synthetische stem; de zin die wordt voorgelezen is "
                       "gemarkeerd. Kies een zin om vanaf daar te luisteren."),
}
# Regional rows: only the words that differ (Portugal's "Descarregar", "Ficheiros" above;
# Brazil's "Baixar", "Arquivos").
TABLE["pt-br"] = dataclasses.replace(
    TABLE["pt"], links="Links", download_narration="Baixar a narração (MP3)",
    download_mp3="Baixar o MP3", download_mp3_of="Baixar o MP3 de {title}",
    files_for="Arquivos de {title}", skip="Pular para os episódios",
    subscribe="Assinar: feed do podcast (RSS)")
ENGLISH = TABLE["en"]


def primary_language(language: str) -> str:
    """The primary subtag, lower case: 'de-AT' → 'de', 'pt_BR' → 'pt', '' → ''."""
    return (language or "").strip().lower().replace("_", "-").split("-")[0]


def wording_for(language: str) -> Wording:
    """The row for ``language`` (a BCP 47 tag): language and region first (``pt-BR``), then the
    language alone; English when there is none."""
    tag = (language or "").strip().lower().replace("_", "-")
    region = "-".join(tag.split("-")[:2])
    return TABLE.get(region) or TABLE.get(primary_language(tag), ENGLISH)


def has_wording(language: str) -> bool:
    """Whether ``language`` has words of its own here (English counts; Finnish does not)."""
    return wording_for(language) is not ENGLISH or primary_language(language) == "en"
