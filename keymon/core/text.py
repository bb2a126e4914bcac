"""Sentences the GUI can translate: an English template, its context and its values.

The core never imports Qt. It writes its user-facing sentences as templates marked
with :func:`QT_TRANSLATE_NOOP` (a plain function here; pyside6-lupdate finds the
marker by its name, so the templates land in keymon's .ts files) and keeps the
values apart, so the GUI can look the template up in the user's language and fill
it in. ``str(text)`` is the English sentence (command line, JSON, logs).
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Text:
    context: str
    template: str  # English, with {named} placeholders
    values: tuple[tuple[str, str | Text], ...] = ()
    """Each value is plain text or, for a sentence within a sentence, a Text itself."""

    @classmethod
    def of(cls, context: str, template: str, **values: object) -> Text:
        kept = tuple((k, v if isinstance(v, Text) else str(v)) for k, v in values.items())
        return cls(context, template, kept)

    def __str__(self) -> str:
        return self.template.format(**{k: str(v) for k, v in self.values})
