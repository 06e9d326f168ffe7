"""Announcements ("Image:", "Caption:", "By", "Quote.") in the article's language.

Each language has default wording; a voice profile's ``[wording]`` overrides it. A profile
value equal to the English default is not an override (it is what every profile inherits),
so a German article read with the default profile still hears "Bild:", not "Image:".
"""

from __future__ import annotations

from narrate.speech.rules.vocab import primary
from narrate.speech.voices import WORDING, VoiceProfile

DEFAULTS: dict[str, dict[str, str]] = {
    "en": dict(WORDING),
    "de": {"by": "Von {authors}.", "image": "Bild: {alt}", "caption": "Bildunterschrift: {caption}",
           "quote": "Zitat.", "end_quote": "Zitat Ende.",
           "code": "Ein Codebeispiel folgt in der Textfassung.", "table": "Tabelle: {caption}"},
    "fr": {"by": "Par {authors}.", "image": "Image : {alt}", "caption": "Légende : {caption}",
           "quote": "Citation.", "end_quote": "Fin de citation.",
           "code": "Un extrait de code figure dans la version texte.", "table": "Tableau : {caption}"},
    "es": {"by": "Por {authors}.", "image": "Imagen: {alt}", "caption": "Pie de foto: {caption}",
           "quote": "Cita.", "end_quote": "Fin de la cita.",
           "code": "Un fragmento de código sigue en la versión de texto.", "table": "Tabla: {caption}"},
    "it": {"by": "Di {authors}.", "image": "Immagine: {alt}", "caption": "Didascalia: {caption}",
           "quote": "Citazione.", "end_quote": "Fine citazione.",
           "code": "Un listato di codice segue nella versione testuale.", "table": "Tabella: {caption}"},
    "pt": {"by": "Por {authors}.", "image": "Imagem: {alt}", "caption": "Legenda: {caption}",
           "quote": "Citação.", "end_quote": "Fim da citação.",
           "code": "Um trecho de código segue na versão em texto.", "table": "Tabela: {caption}"},
    "nl": {"by": "Door {authors}.", "image": "Afbeelding: {alt}", "caption": "Bijschrift: {caption}",
           "quote": "Citaat.", "end_quote": "Einde citaat.",
           "code": "Een codevoorbeeld staat in de tekstversie.", "table": "Tabel: {caption}"},
}


def wording(profile: VoiceProfile, language: str) -> dict[str, str]:
    """The announcement templates for an article in ``language`` read with ``profile``."""
    out = dict(DEFAULTS.get(primary(language), DEFAULTS["en"]))
    out.update({k: v for k, v in profile.wording.items() if WORDING.get(k) != v})
    return out
