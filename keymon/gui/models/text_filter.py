"""Matching the filter box's words: word and field prefixes, not fragments.

A filter word matches where a word of a field starts ("cert" finds "Bulk Cert 15",
"ulk" does not), and a fingerprint or serial number only from its start, with or
without colons ("AB:CD" and "abcd" find a SHA-256 that starts so; "999" inside a
fingerprint finds nothing). Both sides are prepared once, so matching a row stays a
plain substring test: punctuation becomes a space, every field starts with a space
and ends at a newline, and every filter word is looked for after a space.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

# ASCII punctuation and white space become spaces. bytes.translate on the UTF-8 costs about
# a plain lower() of the row; str.translate took twice that and a regex marking word starts
# six times (non-ASCII bytes pass through, so umlauts stay letters).
_BREAKS = (string.punctuation + string.whitespace).encode()
_SPACES = bytes.maketrans(_BREAKS, b" " * len(_BREAKS))
_FIELD_BREAK = "\x00"
_COLON_HEX = re.compile(r"[0-9a-f]{1,2}(?::[0-9a-f]{1,2})+:?")


def searchable(word_fields: Sequence[str], hex_fields: Sequence[str]) -> str:
    """A row's text to filter: fields of words, then hex values (colons dropped)."""
    words = _spaced(_FIELD_BREAK.join(word_fields).lower())
    hexes = "".join(["\n " + value for value in hex_fields]).replace(":", "").lower()
    return " " + words.replace(_FIELD_BREAK, "\n ") + hexes


def _spaced(text: str) -> str:
    return text.encode().translate(_SPACES).decode()


def filter_words(text: str) -> tuple[str, ...]:
    """The filter's words, each prepared to be found in :func:`searchable` text.

    ``AB:CD:EF`` (a pasted fingerprint or serial) loses its colons; punctuation inside
    other words matches any punctuation ("cn=bulk" finds "CN=Bulk").
    """
    words = []
    for word in text.lower().split():
        if _COLON_HEX.fullmatch(word):
            words.append(" " + word.replace(":", ""))
        else:
            words.append(" " + _spaced(word).strip())
    return tuple(dict.fromkeys(w for w in words if w.strip()))
