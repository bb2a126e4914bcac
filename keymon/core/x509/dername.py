"""Names read straight from their DER: the RFC 4514 string and the first CN, cached.

cryptography builds a ``Name`` of ``NameAttribute`` objects for each read of a subject or
issuer; for 10,000 certificates that and its RFC 4514 formatting cost about a second. This
reads the common case itself (one attribute per RDN, UTF-8/Printable/IA5/... strings, BMP
and Universal strings) and formats it exactly as ``Name.rfc4514_string()`` does. A name
it does not recognise as plain (multi-valued RDNs, bit strings, other tags, invalid text,
lengths cryptography warns about) gives None: the caller asks cryptography, which then
decides, warns or refuses as before. Results are cached per DER (CA-issued certificates
share their issuer name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from keymon.core.errors import CorruptData
from keymon.core.formats.der import oid_text

#: cryptography's short names (``x509.name._NAMEOID_TO_NAME``), by dotted OID.
SHORT_NAMES = {
    "2.5.4.3": "CN",
    "2.5.4.7": "L",
    "2.5.4.8": "ST",
    "2.5.4.10": "O",
    "2.5.4.11": "OU",
    "2.5.4.6": "C",
    "2.5.4.9": "STREET",
    "0.9.2342.19200300.100.1.25": "DC",
    "0.9.2342.19200300.100.1.1": "UID",
}
_COMMON_NAME = "2.5.4.3"
#: Byte-length limits cryptography warns about (``x509.name._NAMEOID_LENGTH_LIMIT``).
_LENGTH_LIMITS = {"2.5.4.6": (2, 2), "1.3.6.1.4.1.311.60.2.1.3": (2, 2), _COMMON_NAME: (1, 64)}
#: String tags cryptography decodes as UTF-8 (UTF8, Numeric, Printable, T61, IA5, Visible).
_UTF8_TAGS = frozenset((0x0C, 0x12, 0x13, 0x14, 0x16, 0x1A))
_CODECS = {0x1E: "utf_16_be", 0x1C: "utf_32_be"}  # BMPString, UniversalString
#: What a PrintableString may hold (X.680; cryptography refuses a name with anything else).
_PRINTABLE = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?"
)


_SPECIAL = re.compile(r'[\\"+,;<>\x00]')
"""Characters that are escaped wherever they are (most values hold none)."""


def escape(value: str) -> str:
    """An attribute value escaped as RFC 4514 (and cryptography) do."""
    if not value or (_SPECIAL.search(value) is None and value[0] not in "# " and value[-1] != " "):
        return value
    for char, escaped in (
        ("\\", "\\\\"),
        ('"', '\\"'),
        ("+", "\\+"),
        (",", "\\,"),
        (";", "\\;"),
        ("<", "\\<"),
        (">", "\\>"),
        ("\0", "\\00"),
    ):
        if char in value:
            value = value.replace(char, escaped)
    if value[0] == "#" or (value[0] == " " and len(value) > 1):
        value = "\\" + value
    if value[-1] == " ":
        value = value[:-1] + "\\ "
    return value


def _value(tag: int, content: bytes) -> str | None:
    try:
        if tag == 0x13 and not _PRINTABLE.issuperset(content):
            return None
        if tag in _UTF8_TAGS:
            return content.decode("utf-8")
        codec = _CODECS.get(tag)
        return None if codec is None else content.decode(codec)
    except UnicodeDecodeError:
        return None


def _head(der: bytes, pos: int, limit: int) -> tuple[int, int, int]:
    """(tag, content start, content end) of the DER element at ``pos``; ValueError if odd."""
    first = der[pos + 1]
    if first < 0x80:
        start, end = pos + 2, pos + 2 + first
    elif first == 0x81:
        start, end = pos + 3, pos + 3 + der[pos + 2]
    elif first == 0x82:
        start, end = pos + 4, pos + 4 + (der[pos + 2] << 8 | der[pos + 3])
    else:
        raise ValueError("an unusual length")
    if end > limit or der[pos] & 0x1F == 0x1F:
        raise ValueError("an element overruns its container")
    return der[pos], start, end


@lru_cache(maxsize=1024)
def _oid(content: bytes) -> str:
    return oid_text(content, strict=True)


def _rdn(der: bytes, pos: int, end: int) -> tuple[int, bytes, int, bytes] | None:
    """(RDN end, OID content, value tag, value content) of the RDN at ``pos`` when it holds
    one attribute; None otherwise. ValueError or IndexError when the DER is broken.
    """
    size = der[pos + 1]
    stop = pos + 2 + size
    if (  # short lengths only, as almost every name is written: read without _head
        der[pos] == 0x31
        and size < 0x80
        and stop <= end
        and der[pos + 2] == 0x30
        and der[pos + 3] == size - 2
        and der[pos + 4] == 0x06
        and (oid_size := der[pos + 5]) < 0x80
    ):
        vpos = pos + 6 + oid_size
        vtag, vsize = der[vpos], der[vpos + 1]
        if vsize < 0x80 and vpos + 2 + vsize == stop and vtag & 0x1F != 0x1F:
            return stop, der[pos + 6 : vpos], vtag, der[vpos + 2 : stop]
    tag, start, stop = _head(der, pos, end)  # the RDN: a SET of one attribute
    if tag != 0x31 or start == stop:
        return None
    tag, start, seq_end = _head(der, start, stop)
    if tag != 0x30 or seq_end != stop:
        return None
    tag, ostart, oend = _head(der, start, seq_end)
    vtag, vstart, vend = _head(der, oend, seq_end)
    if tag != 0x06 or vend != seq_end:
        return None
    return stop, der[ostart:oend], vtag, der[vstart:vend]


def _attributes(der: bytes) -> list[tuple[str, str]] | None:
    """(dotted OID, text) of each attribute in DER order; None unless the name is plain."""
    try:
        tag, pos, end = _head(der, 0, len(der))
        if tag != 0x30 or end != len(der):
            return None
        out = []
        while pos < end:
            stop = pos + 2 + der[pos + 1]  # a short length; else no entry is found
            known = _RDNS.get(der[pos:stop]) if stop <= end else None
            if known is not None:  # seen before: the same bytes read the same
                out.append(known)
                pos = stop
                continue
            start = pos
            rdn = _rdn(der, pos, end)
            if rdn is None:
                return None
            pos, oid_der, vtag, content = rdn
            oid = _oid(oid_der)
            text = _value(vtag, content)
            if text is None:
                return None
            limits = _LENGTH_LIMITS.get(oid)
            if limits and not limits[0] <= len(text.encode("utf-8")) <= limits[1]:
                return None
            out.append((oid, text))
            if len(_RDNS) >= _RDNS_MAX:
                _RDNS.clear()
            _RDNS[der[start:pos]] = (oid, text)
    except (CorruptData, ValueError, IndexError):
        return None
    return out


#: RDN DER → (dotted OID, text) of RDNs read before (names share C=, O=, OU= and the like).
_RDNS: dict[bytes, tuple[str, str]] = {}
_RDNS_MAX = 4096


def _plain_texts(texts: list[str]) -> bool:
    """No value needs escaping: checked over all of them at once (a regex with alternatives
    cost a microsecond per value); a false alarm only sends each through :func:`escape`."""
    joined = "\n".join(texts)
    return (
        _SPECIAL.search(joined) is None
        and "\n#" not in joined
        and "\n " not in joined
        and " \n" not in joined
        and not joined.startswith(("#", " "))
        and not joined.endswith(" ")
    )


class PlainName:
    """A plain name read from its DER: the first CN at once, the RFC 4514 string when first
    asked for (a text listing shows only the CN); the attributes are dropped once it is made.
    """

    __slots__ = ("_attributes", "_rfc4514", "cn")

    def __init__(self, attributes: list[tuple[str, str]]) -> None:
        self._attributes: list[tuple[str, str]] | None = attributes
        self._rfc4514: str | None = None
        self.cn: str | None = next((text for oid, text in attributes if oid == _COMMON_NAME), None)
        """The first CN; None when the name has none."""

    @property
    def rfc4514(self) -> str:
        """The name as ``Name.rfc4514_string()`` writes it."""
        if self._rfc4514 is None:
            attributes = (self._attributes or [])[::-1]
            if _plain_texts([text for _, text in attributes]):
                parts = [f"{SHORT_NAMES.get(oid, oid)}={text}" for oid, text in attributes]
            else:
                parts = [f"{SHORT_NAMES.get(oid, oid)}={escape(text)}" for oid, text in attributes]
            self._rfc4514 = ",".join(parts)
            self._attributes = None
        return self._rfc4514

    @property
    def first_cn(self) -> str:
        """The first CN, or else the RFC 4514 string."""
        return self.rfc4514 if self.cn is None else self.cn


@lru_cache(maxsize=65536)
def plain(der: bytes) -> PlainName | None:
    """The name as a :class:`PlainName` when it is plain; None otherwise (cached per DER)."""
    attributes = _attributes(der)
    return None if attributes is None else PlainName(attributes)


def same(a: bytes, b: bytes) -> bool | None:
    """Whether two names are equal as cryptography's ``Name.__eq__`` says (OID and value of
    each attribute, in order), read from their DER without building Name objects; None
    unless both are plain (then only cryptography can tell)."""
    if a == b:
        return True
    first, second = _attributes(a), _attributes(b)
    if first is None or second is None:
        return None
    return first == second


def describe(der: bytes) -> tuple[str, str] | None:
    """(RFC 4514 string, first CN or else that string) of a plain name; None otherwise."""
    name = plain(der)
    return None if name is None else (name.rfc4514, name.first_cn)


Layout = list[tuple[int, int, int, int]]
"""(tag, element start, content start, end) of each TBS field of a certificate."""


def _tbs_fields(cert: bytes) -> Layout:
    """(tag, element start, content start, end) of each TBS field, any version skipped."""
    tag, pos, end = _head(cert, 0, len(cert))
    inner, pos, end = _head(cert, pos, end)  # the TBSCertificate
    if tag != 0x30 or inner != 0x30:
        raise ValueError("not a certificate")
    fields: Layout = []
    while pos < end:
        tag, start, stop = _head(cert, pos, end)
        if fields or tag != 0xA0:
            fields.append((tag, pos, start, stop))
        pos = stop
    return fields


Spans = tuple[int, int, int, int, int, int, int, int]
"""Where a certificate's serial number content, issuer, subject and extensions ([3] content)
are: (start, end) each, -1 where absent. Eight numbers: kept for each of 10,000 listed
certificates, where the list of all TBS fields cost ~8 MiB."""


def layout(cert: bytes) -> Spans | None:
    """Where the fields :func:`outline` and :func:`extensions` read are; None if unusual.
    Give it to them to skip through the TBS only once.
    """
    try:
        fields = _tbs_fields(cert)
    except (ValueError, IndexError):
        return None
    at = [-1] * 8
    if len(fields) >= 5:
        serial, _, issuer, _, subject = fields[:5]
        at[:6] = serial[2], serial[3], issuer[1], issuer[3], subject[1], subject[3]
    wrapped = [f for f in fields[6:] if f[0] == 0xA3]
    if wrapped:
        at[6:] = wrapped[0][2], wrapped[0][3]
    return tuple(at)  # type: ignore[return-value]  # eight numbers


def outline(cert: bytes, at: Spans | None = None) -> tuple[bytes, bytes, bytes] | None:
    """(serial number content, issuer DER, subject DER) of a DER certificate, by skipping
    through its TBS (``at``: its :func:`layout` when known); None when it is laid out
    unusually (the caller parses it in full).
    """
    at = layout(cert) if at is None else at
    if at is None or at[0] < 0:
        return None
    return cert[at[0] : at[1]], cert[at[2] : at[3]], cert[at[4] : at[5]]


def extensions(cert: bytes, at: Spans | None = None) -> dict[bytes, bytes] | None:
    """Extension OID content → extnValue content (the first of duplicates); None if unusual.
    ``at``: the certificate's :func:`layout` when known.
    """
    at = layout(cert) if at is None else at
    if at is None:
        return None
    out: dict[bytes, bytes] = {}
    try:
        if at[6] < 0:
            return out
        tag, pos, end = _head(cert, at[6], at[7])
        if tag != 0x30 or end != at[7]:
            return None
        while pos < end:
            tag, start, stop = _head(cert, pos, end)
            otag, ostart, oend = _head(cert, start, stop)
            vtag, vstart, vend = _head(cert, oend, stop)
            if vtag == 0x01:  # critical
                vtag, vstart, vend = _head(cert, vend, stop)
            if tag != 0x30 or otag != 0x06 or vtag != 0x04 or vend != stop:
                return None
            out.setdefault(cert[ostart:oend], cert[vstart:vend])
            pos = stop
    except (ValueError, IndexError):
        return None
    return out
