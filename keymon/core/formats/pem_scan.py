"""A linear-time scanner for PEM armour, as lenient as openssl's reader.

One pass over the lines: an armour line may carry leading or trailing spaces, tabs and a
CR (openssl strips them too), and the first line a UTF-8 byte order mark; a BEGIN without
its END is dropped when the next armour line or the end of the data comes. Every line is
looked at once and no pattern backtracks, so a crafted file costs time in proportion to
its size (regular expressions took minutes on a few kilobytes). Blocks come back
normalised: armour and body lines stripped, LF line ends.
"""

from __future__ import annotations

from keymon.core.formats.limits import check_size
from keymon.core.records import Record, put

_WS = b" \t\r\f\v"
_BOM = b"\xef\xbb\xbf"  # UTF-8 byte order mark: Windows editors write one (openssl reads past it)
_LABEL_CHARS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
_MAX_LABEL = 64


class Block(Record):
    label: str
    block: bytes
    """The whole block, normalised (what cryptography's PEM loaders read)."""
    before: bytes
    """The text between the previous block (or the start) and this one."""
    __slots__ = FIELDS = COMPARED = SHOWN = ("label", "block", "before")

    def __init__(self, label: str, block: bytes, before: bytes) -> None:
        put(self, "label", label)
        put(self, "block", block)
        put(self, "before", before)


def _label(line: bytes, kind: bytes) -> bytes | None:
    """LABEL of a stripped ``-----BEGIN LABEL-----`` line (``kind`` b"BEGIN " / b"END ")."""
    head = b"-----" + kind
    if not (line.startswith(head) and line.endswith(b"-----")):
        return None
    label = line[len(head) : -5]
    if not 0 < len(label) <= _MAX_LABEL or label.translate(None, _LABEL_CHARS):
        return None
    return label


def _normalised(label: bytes, body: list[bytes]) -> bytes:
    lines = [b"-----BEGIN " + label + b"-----", *body, b"-----END " + label + b"-----", b""]
    return b"\n".join(lines)


def scan(data: bytes) -> list[Block]:
    """Every complete PEM block in ``data``, in order; a block above the limit is refused."""
    out: list[Block] = []
    size = len(data)
    pos = len(_BOM) if data.startswith(_BOM) else 0
    before = pos  # where the text before the next block starts
    label: bytes | None = None
    begin = 0
    body: list[bytes] = []
    body_size = 0
    while pos < size:
        newline = data.find(b"\n", pos)
        stop = size if newline < 0 else newline
        start, line = pos, data[pos:stop].strip(_WS)
        pos = stop + 1
        if label is not None and not line.startswith(b"-----"):
            body.append(line)
            body_size += len(line) + 1
            check_size(body_size, "A PEM block", "PEM blocks")
            continue
        if label is not None and line == b"-----END " + label + b"-----":
            out.append(Block(label.decode("ascii"), _normalised(label, body), data[before:begin]))
            before, label = pos, None
            continue
        # outside a block, or an armour line that ends the open block without closing it
        label = _label(line, b"BEGIN ") if line.startswith(b"-----BEGIN ") else None
        begin, body, body_size = start, [], 0
    return out


def any_begin(data: bytes) -> bool:
    """True when some line of ``data`` is a BEGIN armour line (each line looked at once)."""
    pos = 0
    while True:
        found = data.find(b"-----BEGIN ", pos)
        if found < 0:
            return False
        line_start = max(pos, data.rfind(b"\n", pos, found) + 1)
        newline = data.find(b"\n", found)
        stop = len(data) if newline < 0 else newline
        armour = data[found:stop].strip(_WS)
        indent = data[line_start:found]
        if line_start == 0:
            indent = indent.removeprefix(_BOM)
        if not indent.strip(_WS) and _label(armour, b"BEGIN ") is not None:
            return True
        pos = stop + 1


def attribute(text: bytes, key: bytes) -> bytes | None:
    """The value after the first ``key`` (e.g. b"friendlyName:") in ``text``, to the line end."""
    found = text.find(key)
    if found < 0:
        return None
    newline = text.find(b"\n", found)
    value = text[found + len(key) : len(text) if newline < 0 else newline].strip()
    return value or None
