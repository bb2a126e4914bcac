"""A tiny DER reader for the few places that need raw structure (sniffing, PkiPath)."""

from __future__ import annotations

from keymon.core.errors import CorruptData


def read_tlv(data: bytes, pos: int = 0) -> tuple[int, int, int]:
    """(tag, start of value, end of value) of the DER element at ``pos`` (definite lengths)."""
    if pos + 2 > len(data):
        raise CorruptData("The data ends in the middle of a DER element.")
    tag = data[pos]
    if tag & 0x1F == 0x1F:
        raise CorruptData("Multi-byte DER tags are not expected here.")
    first = data[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    elif first == 0x80:
        raise CorruptData("Indefinite lengths are not allowed in DER.")
    else:
        count = first & 0x7F
        if count > 4 or pos + count > len(data):
            raise CorruptData("A DER length is invalid.")
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    end = pos + length
    if end > len(data):
        raise CorruptData("A DER element is longer than the data.")
    return tag, pos, end


def first_element(data: bytes) -> bytes:
    """The bytes of the first DER element in ``data``."""
    _, _, end = read_tlv(data, 0)
    return data[:end]


def children(data: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(tag, element start, value start, value end) of each element in data[start:end]."""
    out = []
    pos = start
    while pos < end:
        tag, vstart, vend = read_tlv(data, pos)
        if vend > end:
            raise CorruptData("A DER element overruns its container.")
        out.append((tag, pos, vstart, vend))
        pos = vend
    return out
