"""Normalisation rules, one module per kind of text, each a pure ``str -> str`` function.

``narrate.speech.normalize`` runs them in order. A rule rewrites only what it is sure of and
leaves everything else to the engine: a reading that changes the meaning is worse than none.
Rules emit words, never digits, so a later rule cannot re-read what an earlier one decided.
"""
