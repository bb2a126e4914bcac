"""Deterministic mutations of seed files: input ``index`` of a run is a pure function of
(run seed, target, index), so a finding is regenerated with :func:`make_input`.

Besides byte-level mutations (bit flips, insert/delete, chunk duplication, truncation,
trailing garbage) the DER ones change the length and tag of real TLVs found in the seed,
and the PEM ones damage the armour (whitespace runs after header keys, a missing END
line, very long lines) or mutate the DER inside a PEM block.
"""

from __future__ import annotations

import base64
import random
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

MAX_INPUT = 1 << 20  # the harness promises "no file under 1 MB costs more than a few seconds"

Mutator = Callable[[bytes, random.Random], bytes]


@lru_cache(maxsize=256)
def tlvs(data: bytes) -> tuple[tuple[int, int, int], ...]:
    """(tag offset, header length, content length) of every definite DER TLV found.

    Walks from the start and from every ``30 8x`` that parses, descending into
    constructed values and into OCTET/BIT STRINGs that hold DER themselves.
    """
    found: dict[int, tuple[int, int, int]] = {}

    def header(pos: int, end: int) -> tuple[int, int] | None:
        if pos + 2 > end:
            return None
        first = data[pos + 1]
        if first < 0x80:
            return 2, first
        n = first & 0x7F
        if not 1 <= n <= 4 or pos + 2 + n > end:
            return None
        return 2 + n, int.from_bytes(data[pos + 2 : pos + 2 + n], "big")

    def walk(pos: int, end: int, depth: int) -> None:
        while pos < end and depth < 24 and len(found) < 4000:
            h = header(pos, end)
            if h is None or data[pos] & 0x1F == 0x1F or pos + h[0] + h[1] > end:
                return
            hlen, clen = h
            found[pos] = (pos, hlen, clen)
            start = pos + hlen
            tag = data[pos]
            if tag & 0x20 or (tag == 0x04 and clen and data[start] == 0x30):
                walk(start, start + clen, depth + 1)
            elif tag == 0x03 and clen > 1 and data[start + 1] == 0x30:
                walk(start + 1, start + clen, depth + 1)
            pos = start + clen

    walk(0, len(data), 0)
    for m in re.finditer(rb"\x30[\x81-\x83]", data):
        if m.start() not in found:
            walk(m.start(), len(data), 0)
    return tuple(sorted(found.values()))


def _pos(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def bit_flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 8))):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def byte_set(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    if out:
        out[rng.randrange(len(out))] = rng.choice((0, 0x7F, 0x80, 0xFF, rng.randrange(256)))
    return bytes(out)


def insert(data: bytes, rng: random.Random) -> bytes:
    at = _pos(data, rng)
    return data[:at] + rng.randbytes(rng.choice((1, 2, 4, 16, 100))) + data[at:]


def delete(data: bytes, rng: random.Random) -> bytes:
    at = _pos(data, rng)
    return data[:at] + data[at + rng.choice((1, 2, 4, 16, 100)) :]


def duplicate(data: bytes, rng: random.Random) -> bytes:
    start = _pos(data, rng)
    chunk = data[start : start + rng.choice((4, 32, 256, 4096))]
    at = _pos(data, rng)
    return data[:at] + chunk * rng.choice((1, 2, 16)) + data[at:]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: _pos(data, rng)]


def trailing(data: bytes, rng: random.Random) -> bytes:
    tail = rng.choice((b"\0" * rng.randrange(1, 64), rng.randbytes(rng.randrange(1, 64)), data))
    return data + tail


def _der_length(n: int, rng: random.Random) -> bytes:
    if n < 0x80 and rng.random() < 0.5:
        return bytes([n])
    width = max(1, (n.bit_length() + 7) // 8) + rng.choice((0, 0, 1))
    return bytes([0x80 | width]) + n.to_bytes(width, "big")


def tlv_length(data: bytes, rng: random.Random) -> bytes:
    """Give a real TLV another length: ±1, ±small, 0, huge, indefinite, overlong form."""
    found = tlvs(data)
    if not found:
        return bit_flip(data, rng)
    pos, hlen, clen = rng.choice(found)
    choice = rng.randrange(7)
    if choice == 5:
        new_header = b"\x80"  # indefinite length
    elif choice == 6:
        new_header = bytes([0x80 | rng.choice((5, 8, 0x7F))]) + b"\xff" * 4  # absurd length
    else:
        new_len = (
            clen + rng.choice((-1, 1)),
            clen + rng.randrange(-16, 17),
            0,
            rng.choice((0x7FFFFFFF, 0xFFFFFFFF, len(data) * 2)),
            clen,  # same value, maybe a longer (non-minimal) encoding
        )[choice]
        new_header = _der_length(max(0, new_len), rng)
    return data[: pos + 1] + new_header + data[pos + hlen :]


_TAGS = (0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0C, 0x13, 0x17, 0x18, 0x1E, 0x1F)


def tlv_tag(data: bytes, rng: random.Random) -> bytes:
    """Give a real TLV another tag (primitive ↔ constructed, another universal, context)."""
    found = tlvs(data)
    if not found:
        return byte_set(data, rng)
    pos = rng.choice(found)[0]
    tag = data[pos]
    new = rng.choice(
        (tag ^ 0x20, rng.choice(_TAGS), rng.choice(_TAGS) | 0x20, 0xA0 | rng.randrange(4), 0x30)
    )
    return data[:pos] + bytes([new]) + data[pos + 1 :]


def tlv_drop(data: bytes, rng: random.Random) -> bytes:
    """Remove or duplicate one whole TLV (a missing or repeated field)."""
    found = tlvs(data)
    if not found:
        return delete(data, rng)
    pos, hlen, clen = rng.choice(found)
    end = pos + hlen + clen
    if rng.random() < 0.5:
        return data[:pos] + data[end:]
    return data[:end] + data[pos:end] + data[end:]


_BIG = (0, 1, 0x7FFFFFFF, 10_000_000, 1 << 64, -1, 1 << 2048)


def tlv_integer(data: bytes, rng: random.Random) -> bytes:
    """Give a real INTEGER another value: iteration counts, versions, key sizes, lengths."""
    found = [t for t in tlvs(data) if data[t[0]] == 0x02]
    if not found:
        return tlv_length(data, rng)
    pos, hlen, clen = rng.choice(found)
    value = rng.choice(_BIG)
    body = value.to_bytes((value.bit_length() + 8) // 8 or 1, "big", signed=True)
    return data[:pos] + b"\x02" + _der_length(len(body), rng) + body + data[pos + hlen + clen :]


_PEM_BLOCK = re.compile(
    rb"(-----BEGIN [^\n-]*-----\r?\n)((?:[^-][^\n]*\n)*?)(-----END [^\n-]*-----)"
)


def pem_text(data: bytes, rng: random.Random) -> bytes:
    """Damage PEM armour: whitespace runs, missing END, long lines, headers, CRLF."""
    if b"-----BEGIN" not in data:
        return insert(data, rng)
    choice = rng.randrange(8)
    if choice == 0:  # a whitespace run after a header key ("Proc-Type:   ...")
        # {1,40}, not +: a long run of letters would make the scan quadratic
        keys = [m.end() for m in re.finditer(rb"[A-Za-z-]{1,40}:", data)] or [data.index(b"-")]
        at = rng.choice(keys)
        run = rng.choice((b" ", b"\t", b" \t")) * rng.choice((10, 1000, 50_000))
        return data[:at] + run + data[at:]
    if choice == 1:  # a missing END line
        ends = [m.span() for m in re.finditer(rb"-----END [^\n]*?-----", data)]
        if not ends:
            return data
        start, end = rng.choice(ends)
        return data[:start] + data[end:]
    if choice == 2:  # one very long base64 line
        return re.sub(
            rb"([A-Za-z0-9+/=])\n(?=[A-Za-z0-9+/])", rb"\1", data, count=rng.randrange(1, 400)
        )
    if choice == 3:  # a long line of junk or dashes
        at = _pos(data, rng)
        junk = rng.choice((b"A", b"-", b" ", b"=", b"-----BEGIN ")) * rng.choice(
            (100, 10_000, 200_000)
        )
        return data[:at] + junk + b"\n" + data[at:]
    if choice == 4:  # CRLF line ends, or lone CRs
        return data.replace(b"\n", rng.choice((b"\r\n", b"\r", b"\n\n")))
    if choice == 5:  # many BEGIN lines without ENDs
        return data + b"-----BEGIN CERTIFICATE-----\nMIIB\n" * rng.choice((10, 1000, 20_000))
    if choice == 6:  # an RFC 1421 header block
        at = data.index(b"-----\n", data.index(b"-----BEGIN")) + 6 if b"-----\n" in data else 0
        hdr = rng.choice(
            (b"Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n", b"X:" + b" " * 5000 + b"\n")
        )
        return data[:at] + hdr + data[at:]
    return pem_der(data, rng)


def pem_der(data: bytes, rng: random.Random) -> bytes:
    """Mutate the DER inside one PEM block with a DER mutation, then re-armour it."""
    blocks = list(_PEM_BLOCK.finditer(data))
    if not blocks:
        return bit_flip(data, rng)
    m = rng.choice(blocks)
    try:
        der = base64.b64decode(m.group(2), validate=False)
    except ValueError:
        return bit_flip(data, rng)
    mutated = rng.choice(_DER)(der, rng)
    body = base64.encodebytes(mutated)
    return data[: m.start(2)] + body + data[m.end(2) :]


_DER: Sequence[Mutator] = (tlv_length, tlv_integer, tlv_tag, tlv_drop, bit_flip, truncate)
_BYTES: Sequence[Mutator] = (bit_flip, byte_set, insert, delete, duplicate, truncate, trailing)
MUTATORS: dict[str, Mutator] = {
    m.__name__: m for m in (*_BYTES, tlv_length, tlv_integer, tlv_tag, tlv_drop, pem_text, pem_der)
}


def _pick(data: bytes, rng: random.Random) -> Mutator:
    if data.lstrip()[:1] == b"-" or b"-----BEGIN" in data[:4096]:
        pool = (*_BYTES, pem_text, pem_text, pem_text, pem_der, pem_der)
    else:
        pool = (*_BYTES, tlv_length, tlv_length, tlv_integer, tlv_integer, tlv_tag, tlv_drop)
    return rng.choice(pool)


def make_input(seeds: Sequence[bytes], run_seed: int, target: str, index: int) -> tuple[int, bytes]:
    """Input ``index`` of a run: (seed number, bytes). The first inputs are the seeds as is."""
    if index < len(seeds):
        return index, seeds[index]
    rng = random.Random(f"{run_seed}/{target}/{index}")
    which = rng.randrange(len(seeds))
    data = seeds[which]
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        mutator = _pick(data, rng)
        try:
            data = mutator(data, rng)
        except (ValueError, IndexError):  # a mutation that does not apply to this input
            data = bit_flip(data, rng)
    return which, data[:MAX_INPUT]
