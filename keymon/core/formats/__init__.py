"""Codecs: bytes ⇄ entries.

Each keystore codec module exposes

    load(data: bytes, password: str | None) -> list[Entry]
    dump(entries: Sequence[Entry], password: str, ...) -> bytes

and raises only :mod:`keymon.core.errors` types (WrongPassword, IntegrityError,
CorruptData, UnsupportedFormat). ``detect`` picks the codec by content.
"""
