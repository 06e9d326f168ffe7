"""The words narrate adds to an article ("By", "Image", "Caption", "Contents" …), per language.

One table for everything that speaks or shows them: the speech script's announcements
(``narrate.speech.wording``, where a voice profile may override them), the text, Markdown,
HTML and EPUB exports, the read-along page and the bylines of the index page and feed.

The rules:

- The article's language picks the row: its primary subtag (``de-AT`` → ``de``); a language
  with no row, or none given, gets English. A label is never a mix of two languages.
- A label and its text are joined the language's way: ``Image: …`` but ``Image : …`` in French.
- Names are joined with the language's "and": ``Von Ana Berg und Jo Lim``; three or more with
  commas before it (``A, B and C``, no serial comma).
- What is the article's own text (title, captions, alt text, names) is never translated.

Pure data and string functions: writers, speech and podcast modules may all import it.
"""

from __future__ import annotations

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
    transcript: str  # read-along page: the link to the WebVTT transcript
    colon: str = ": "

    def label(self, word: str, text: str) -> str:
        """``label("image", "A harbour")`` → "Image: A harbour" (the language's colon)."""
        return f"{getattr(self, word)}{self.colon}{text}"

    def byline(self, names: Sequence[str]) -> str:
        """"By A, B and C" in this language; "" when there are no names."""
        joined = join_names(names, self.and_)
        return self.by.format(authors=joined) if joined else ""


def join_names(names: Sequence[str], and_: str) -> str:
    names = [" ".join(n.split()) for n in names if n.strip()]
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
        readalong_note="Voorgelezen door een synthetische stem; de zin die wordt voorgelezen is "
                       "gemarkeerd. Kies een zin om vanaf daar te luisteren."),
}
ENGLISH = TABLE["en"]


def primary_language(language: str) -> str:
    """The primary subtag, lower case: 'de-AT' → 'de', 'pt_BR' → 'pt', '' → ''."""
    return (language or "").strip().lower().replace("_", "-").split("-")[0]


def wording_for(language: str) -> Wording:
    """The row for ``language`` (a BCP 47 tag); English when there is none."""
    return TABLE.get(primary_language(language), ENGLISH)


def has_wording(language: str) -> bool:
    return primary_language(language) in TABLE
