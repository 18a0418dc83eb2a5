"""Language readers: one sub-package per language behind :class:`LanguageReader`.

``reader_for("ja")`` returns the process-wide reader of a language (its spaCy pipeline is
loaded lazily, once). ``READERS`` is the registry: a third language is a new folder
under ``graph/lang/`` and one line here.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from graph.errors import KgError
from graph.lang.base import LanguageReader

__all__ = ["LANGUAGES", "READERS", "LanguageReader", "UnsupportedLanguageError", "reader_for"]

#: Language code -> "module:class" of its reader.
READERS: dict[str, str] = {
    "en": "graph.lang.en:EnglishReader",
    "ja": "graph.lang.ja:JapaneseReader",
}
LANGUAGES: tuple[str, ...] = tuple(sorted(READERS))


class UnsupportedLanguageError(KgError):
    """A language we have no reader for."""


@cache
def reader_for(language: str) -> LanguageReader:
    target = READERS.get(language)
    if target is None:
        raise UnsupportedLanguageError(
            f"no reader for language {language!r}; we read {', '.join(LANGUAGES)}"
        )
    module, name = target.split(":")
    return getattr(import_module(module), name)()
