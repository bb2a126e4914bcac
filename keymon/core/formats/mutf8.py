"""Java's modified UTF-8: the names in Java keystores and serialized Java objects."""

from __future__ import annotations

import struct

from keymon.core.errors import CorruptData, UsageError


def decode_modified_utf8(raw: bytes) -> str:
    """Java's modified UTF-8 (NUL as C0 80, supplementary characters as surrogate pairs)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.replace(b"\xc0\x80", b"\x00").decode("utf-8", "surrogatepass")
        return text.encode("utf-16-be", "surrogatepass").decode("utf-16-be")
    except UnicodeError as exc:
        raise CorruptData("A name in the file is not valid text.") from exc


def encode_modified_utf8(text: str) -> bytes:
    """The inverse of :func:`decode_modified_utf8`."""
    if text.isascii() and "\x00" not in text:
        return text.encode("ascii")
    utf16 = text.encode("utf-16-be", "surrogatepass")
    units = [utf16[i : i + 2].decode("utf-16-be", "surrogatepass") for i in range(0, len(utf16), 2)]
    return b"".join(
        b"\xc0\x80" if u == "\x00" else u.encode("utf-8", "surrogatepass") for u in units
    )


def write_utf(text: str) -> bytes:
    """``DataOutputStream.writeUTF``: 2-byte length and modified UTF-8."""
    raw = encode_modified_utf8(text)
    if len(raw) > 0xFFFF:
        raise UsageError(f"The name {text[:40]!r}… is too long for a Java keystore.")
    return struct.pack(">H", len(raw)) + raw
