"""RC2 (RFC 2268) in CBC mode with any effective key size, in pure Python.

PKCS#12's RC2-40 (``pbeWithSHAAnd40BitRC2-CBC``) uses a 5-byte key with 40 effective bits,
which ``cryptography`` does not offer.
"""

from __future__ import annotations

# RC2 (RFC 2268): PITABLE from section 2 of the RFC.
_PITABLE = bytes.fromhex(
    "d978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2"
    "179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82"
    "54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626"
    "6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7"
    "08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec"
    "c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731"
    "2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9"
    "0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad"
)


_RC2_SHIFTS = (1, 2, 3, 5)


def rc2_schedule(key: bytes, bits: int) -> list[int]:
    t = len(key)
    expanded = bytearray(key) + bytearray(128 - t)
    for i in range(t, 128):
        expanded[i] = _PITABLE[(expanded[i - 1] + expanded[i - t]) & 0xFF]
    t8 = (bits + 7) // 8
    tm = 0xFF >> (8 * t8 - bits)
    expanded[128 - t8] = _PITABLE[expanded[128 - t8] & tm]
    for i in range(127 - t8, -1, -1):
        expanded[i] = _PITABLE[expanded[i + 1] ^ expanded[i + t8]]
    return [expanded[2 * i] | expanded[2 * i + 1] << 8 for i in range(64)]


def rc2_block(k: list[int], block: bytes, *, decrypt: bool) -> bytes:
    """One RC2 block: 5 mixing rounds, a mash, 6 mixing rounds, a mash, 5 mixing rounds."""
    r = [block[i] | block[i + 1] << 8 for i in (0, 2, 4, 6)]
    rounds = (5, 0, 6, 0, 5)  # 0 = mash
    if decrypt:
        j = 63
        for count in rounds:
            if not count:
                for i in (3, 2, 1, 0):
                    r[i] = (r[i] - k[r[i - 1] & 63]) & 0xFFFF
            for _ in range(count):
                for i in (3, 2, 1, 0):
                    s = _RC2_SHIFTS[i]
                    x = ((r[i] >> s) | (r[i] << (16 - s))) & 0xFFFF
                    r[i] = (x - k[j] - (r[i - 1] & r[i - 2]) - (~r[i - 1] & r[i - 3])) & 0xFFFF
                    j -= 1
    else:
        j = 0
        for count in rounds:
            if not count:
                for i in (0, 1, 2, 3):
                    r[i] = (r[i] + k[r[i - 1] & 63]) & 0xFFFF
            for _ in range(count):
                for i in (0, 1, 2, 3):
                    s = _RC2_SHIFTS[i]
                    x = (r[i] + k[j] + (r[i - 1] & r[i - 2]) + (~r[i - 1] & r[i - 3])) & 0xFFFF
                    r[i] = ((x << s) | (x >> (16 - s))) & 0xFFFF
                    j += 1
    return b"".join(w.to_bytes(2, "little") for w in r)


def rc2_cbc(key: bytes, iv: bytes, data: bytes, *, decrypt: bool) -> bytes:
    """RC2-CBC with effective key bits = key length (PKCS#12's RC2-40), in pure Python."""
    k = rc2_schedule(key, 8 * len(key))
    out, prev = bytearray(), iv
    for pos in range(0, len(data), 8):
        block = data[pos : pos + 8]
        if decrypt:
            plain = rc2_block(k, block, decrypt=True)
            out += bytes(a ^ b for a, b in zip(plain, prev, strict=True))
            prev = block
        else:
            prev = rc2_block(
                k, bytes(a ^ b for a, b in zip(block, prev, strict=True)), decrypt=False
            )
            out += prev
    return bytes(out)
