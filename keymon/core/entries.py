"""Keystore entries: key pairs, trusted certificates and secret keys.

Entries are frozen values. Each certificate is wrapped in a :class:`CertInfo`
that parses the DER once and derives its :class:`CertSummary` once, on first
use, so that listing thousands of entries never re-decodes anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa, x448, x25519
from cryptography.hazmat.primitives.asymmetric.types import (
    CertificatePublicKeyTypes,
    PrivateKeyTypes,
    PublicKeyTypes,
)
from cryptography.x509.oid import NameOID

from keymon.core.compat import DECODE_ERRORS, NO_EXTENSION, decoding
from keymon.core.entry_kind import EntryKind as EntryKind  # re-exported
from keymon.core.errors import CorruptData, KeyLocked
from keymon.core.formats.der import Der, parse
from keymon.core.records import Names, Record, put
from keymon.core.x509 import dername, issuance

if TYPE_CHECKING:
    from functools import cached_property

    from cryptography.hazmat.primitives.serialization import Encoding

    from keymon.core.locked import LockedKey
else:

    class cached_property:
        """functools.cached_property without its lock: on Python 3.11 that lock took a fifth
        of the time to derive 10,000 table rows. Values here are pure, so two threads that
        both compute one get equal results.
        """

        def __init__(self, func: Any) -> None:
            self.func = func
            self.attrname = func.__name__
            self.__doc__ = func.__doc__

        def __set_name__(self, owner: type, name: str) -> None:
            self.attrname = name

        def __get__(self, instance: Any, owner: type | None = None) -> Any:
            if instance is None:
                return self
            value = instance.__dict__[self.attrname] = self.func(instance)
            return value


#: What a list shows for a name cryptography cannot decode (details add its DER in hex).
UNDECODABLE_NAME = "(undecodable name)"

_CURVE_NAMES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}


def key_description(key: PublicKeyTypes | PrivateKeyTypes) -> tuple[str, int | None, str | None]:
    """Algorithm name, size in bits and curve name of a public or private key."""
    kind = _KINDS.get(type(key))
    if kind is None:
        kind = _KINDS[type(key)] = _kind(key)
    return kind(key)


_Description = Callable[[Any], tuple[str, int | None, str | None]]
#: The description of each key class met (isinstance against cryptography's abstract
#: classes cost ~0.3 us each, up to 14 per key: ~15 ms of listing 10,000 certificates).
_KINDS: dict[type, _Description] = {}


def _kind(key: PublicKeyTypes | PrivateKeyTypes) -> _Description:
    if isinstance(key, (rsa.RSAPublicKey, rsa.RSAPrivateKey)):
        return lambda k: ("RSA", k.key_size, None)
    if isinstance(key, (ec.EllipticCurvePublicKey, ec.EllipticCurvePrivateKey)):
        return lambda k: ("EC", k.curve.key_size, _CURVE_NAMES.get(k.curve.name, k.curve.name))
    if isinstance(key, (ed25519.Ed25519PublicKey, ed25519.Ed25519PrivateKey)):
        return lambda k: ("Ed25519", 256, None)
    if isinstance(key, (ed448.Ed448PublicKey, ed448.Ed448PrivateKey)):
        return lambda k: ("Ed448", 456, None)
    if isinstance(key, (dsa.DSAPublicKey, dsa.DSAPrivateKey)):
        return lambda k: ("DSA", k.key_size, None)
    if isinstance(key, (x25519.X25519PublicKey, x25519.X25519PrivateKey)):
        return lambda k: ("X25519", 256, None)
    if isinstance(key, (x448.X448PublicKey, x448.X448PrivateKey)):
        return lambda k: ("X448", 448, None)
    return lambda k: (type(k).__name__, None, None)


def key_label(algorithm: str, size: int | None, curve: str | None) -> str:
    """Short human label such as ``RSA 4096`` or ``EC P-256``."""
    if curve:
        return f"{algorithm} {curve}"
    if algorithm in {"Ed25519", "Ed448", "X25519", "X448"} or size is None:
        return algorithm
    return f"{algorithm} {size}"


def _first_cn(name: x509.Name | None) -> str:
    if name is None:
        return UNDECODABLE_NAME
    attrs = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if attrs:
        value = attrs[0].value
        return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return name.rfc4514_string()


def _plain_name(info: CertInfo, index: int) -> dername.PlainName | None:
    """The issuer (0) or subject (1) read from the DER, if plain."""
    der = info.names[index]
    return None if der is None else dername.plain(der)


def _signature_name(cert: x509.Certificate) -> str:
    oid = cert.signature_algorithm_oid
    name = getattr(oid, "_name", None)
    if name and name != "Unknown OID":
        return str(name)
    return oid.dotted_string


class CertSummary:
    """Everything a list or table shows about one certificate.

    Each field is derived once, on first use: a list of 10,000 entries that
    shows only names and dates never pays for fingerprints or signature checks.
    """

    __slots__ = ("__dict__", "_info")

    def __init__(self, info: CertInfo) -> None:
        self._info = info

    def __repr__(self) -> str:
        return f"CertSummary({self.subject!r})"

    @cached_property
    def subject(self) -> str:
        if plain := _plain_name(self._info, 1):
            return plain.rfc4514
        name = self._info.subject_name
        return UNDECODABLE_NAME if name is None else name.rfc4514_string()

    @cached_property
    def issuer(self) -> str:
        if plain := _plain_name(self._info, 0):
            return plain.rfc4514
        name = self._info.issuer_name
        return UNDECODABLE_NAME if name is None else name.rfc4514_string()

    @cached_property
    def subject_cn(self) -> str:
        if plain := _plain_name(self._info, 1):
            return plain.first_cn
        return _first_cn(self._info.subject_name)

    @cached_property
    def issuer_cn(self) -> str:
        if plain := _plain_name(self._info, 0):
            return plain.first_cn
        return _first_cn(self._info.issuer_name)

    @cached_property
    def serial(self) -> int:
        outline = self._info.outline
        if outline is not None and outline[0]:  # cryptography's number, without its warning
            return int.from_bytes(outline[0], "big", signed=True)
        with decoding():  # a serial that is not positive warns on each read: a note
            return int(self._info.cert.serial_number)

    @cached_property
    def not_before(self) -> dt.datetime:
        return self._info.cert.not_valid_before_utc

    @cached_property
    def not_after(self) -> dt.datetime:
        return self._info.cert.not_valid_after_utc

    @cached_property
    def _key(self) -> tuple[str, int | None, str | None]:
        try:
            return key_description(self._info.public_key)
        except CorruptData:
            return "unknown", None, None

    @property
    def key_algorithm(self) -> str:
        return self._key[0]

    @property
    def key_size(self) -> int | None:
        return self._key[1]

    @property
    def curve(self) -> str | None:
        return self._key[2]

    @cached_property
    def signature_algorithm(self) -> str:
        return _signature_name(self._info.cert)

    @cached_property
    def sha1(self) -> str:
        return hashlib.sha1(self._info.der).hexdigest()  # noqa: S324 - a fingerprint

    @property
    def sha256(self) -> str:
        return self._info.sha256

    @cached_property
    def is_ca(self) -> bool:
        try:
            with decoding():  # the first decode of extensions re-warns about a serial of 0
                bc = self._info.cert.extensions.get_extension_for_class(x509.BasicConstraints)
        except NO_EXTENSION:
            return False
        return bool(bc.value.ca)

    @cached_property
    def self_signed(self) -> bool:
        """Subject equals issuer and, where both are present, AKI equals SKI (no signature)."""
        return issuance.is_self_signed(self._info)

    @property
    def key_label(self) -> str:
        return key_label(self.key_algorithm, self.key_size, self.curve)

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "x")


def self_signed(summary: CertSummary) -> bool:
    """``summary.self_signed``, False when a name or the key cannot be decoded."""
    try:
        return summary.self_signed
    except DECODE_ERRORS:
        return False


class CertInfo(Record):
    """One certificate: its DER bytes, the parsed object and a lazily derived summary.

    ``load_notes`` holds what loading it said (cryptography's warnings, such as a serial
    number that is not positive); :attr:`notes` adds what the names and the other fields
    show. The names are read when first asked for, not at load: a listing of 10,000
    certificates reads them in the two processes that write it (cli/halves.py).

    Use :attr:`subject_name` and :attr:`issuer_name`, never ``cert.subject`` or
    ``cert.issuer``: cryptography warns about a name only the first time it decodes it,
    and these catch that warning as a note (:attr:`name_notes`).
    """

    der: bytes
    cert: x509.Certificate
    load_notes: tuple[str, ...]
    FIELDS = ("der", "cert", "load_notes")

    def __init__(
        self, der: bytes, cert: x509.Certificate, load_notes: tuple[str, ...] = ()
    ) -> None:
        put(self, "der", der)
        put(self, "cert", cert)
        put(self, "load_notes", load_notes)

    @classmethod
    def from_der(cls, der: bytes) -> CertInfo:
        try:
            with decoding() as notes:  # e.g. serial 0 (9 roots in Java's cacerts) warns
                cert = x509.load_der_x509_certificate(der)
        except DECODE_ERRORS as exc:
            raise CorruptData(f"A certificate in the file cannot be decoded ({exc}).") from exc
        return cls(bytes(der), cert, tuple(notes))

    @classmethod
    def from_cert(cls, cert: x509.Certificate) -> CertInfo:
        return cls(cert.public_bytes(_der_encoding()), cert)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CertInfo) and other.der == self.der

    def __hash__(self) -> int:
        return hash(self.der)

    def __repr__(self) -> str:
        return f"CertInfo({self.summary.subject!r}, sha256={self.sha256[:16]}…)"

    @cached_property
    def name_notes(self) -> tuple[str, ...]:
        """What decoding the names says; plain names (read from the DER) say nothing."""
        if _plain_name(self, 0) is not None and _plain_name(self, 1) is not None:
            return ()
        return _decode_names(self.cert)

    @cached_property
    def subject_name(self) -> x509.Name | None:
        """The subject, or None when cryptography cannot decode it."""
        self.name_notes  # noqa: B018 - its warnings become notes first
        return _name_or_none(self.cert, "subject")

    @cached_property
    def issuer_name(self) -> x509.Name | None:
        """The issuer, or None when cryptography cannot decode it."""
        self.name_notes  # noqa: B018 - its warnings become notes first
        return _name_or_none(self.cert, "issuer")

    @cached_property
    def notes(self) -> tuple[str, ...]:
        """Every decoding note on this certificate, one sentence each (empty for most)."""
        from keymon.core.decoding_notes import field_notes

        key_decoded = "public_key" in self.__dict__  # decoded once is enough (a list's key)
        fields = field_notes(self.cert, key_decoded)
        return tuple(dict.fromkeys((*self.load_notes, *self.name_notes, *fields)))

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.der).hexdigest()

    @cached_property
    def public_key(self) -> CertificatePublicKeyTypes:
        try:
            return self.cert.public_key()
        except DECODE_ERRORS as exc:
            raise CorruptData(
                f"The public key of a certificate cannot be decoded ({exc})."
            ) from exc

    @cached_property
    def summary(self) -> CertSummary:
        return CertSummary(self)

    @cached_property
    def tbs_fields(self) -> list[Der]:
        """The TBS fields from the serial number on (any version skipped), parsed once."""
        tbs = parse(self.der, "A certificate").children()[0].children()
        return tbs[1:] if tbs and tbs[0].tag == 0xA0 else tbs

    @cached_property
    def layout(self) -> dername.Spans | None:
        """Where serial, names and extensions are in the DER (read once); None if unusual."""
        return dername.layout(self.der)

    @cached_property
    def outline(self) -> tuple[bytes, bytes, bytes] | None:
        """(serial number content, issuer DER, subject DER), found quickly; None if unusual."""
        return None if self.layout is None else dername.outline(self.der, self.layout)

    @cached_property
    def names(self) -> tuple[bytes | None, bytes | None]:
        """(issuer, subject) as the DER stored in the certificate (None when unreadable)."""
        if self.outline is not None:
            return self.outline[1], self.outline[2]
        return issuance.names_der(self)

    @cached_property
    def key_ids(self) -> tuple[bytes | None, bytes | None]:
        """(authority key identifier, subject key identifier), None where absent."""
        return issuance.key_ids(self)

    @cached_property
    def spki(self) -> bytes | None:
        """DER SubjectPublicKeyInfo of the public key (None when it cannot be decoded)."""
        return issuance.spki_der(self)

    @cached_property
    def self_issued(self) -> bool:
        """Subject and issuer are the same name (compared as cryptography compares names)."""
        return issuance.self_issued(self)

    def issued_by(self, candidate: CertInfo) -> issuance.IssuerMatch:
        """Whether ``candidate`` issued this certificate: names, key identifiers, signature."""
        return issuance.issued_by(self, candidate)

    def signed_by(self, issuer: CertInfo) -> bool:
        """True when ``issuer`` issued this certificate (verified, or not checkable)."""
        return issuance.issued_by(self, issuer).links


def _der_encoding() -> Encoding:
    """``serialization.Encoding.DER`` without loading the serialization package, whose SSH
    module brings ciphers, bcrypt and dataclasses (~7 ms of `keymon list cert.pem`). The
    enum is defined in ``_serialization``; a test checks the package exports that one."""
    try:
        from cryptography.hazmat.primitives._serialization import Encoding as Defined
    except ImportError:  # pragma: no cover - a cryptography that moved it
        from cryptography.hazmat.primitives.serialization import Encoding as Defined
    return Defined.DER


def _name_or_none(cert: x509.Certificate, which: str) -> x509.Name | None:
    try:
        with decoding():
            name: x509.Name = getattr(cert, which)
    except DECODE_ERRORS:
        return None
    return name


def _decode_names(cert: x509.Certificate) -> tuple[str, ...]:
    """Decode subject and issuer now (cryptography keeps them): warnings become notes."""
    problems = []
    with decoding() as notes:
        for which in ("subject", "issuer"):
            try:
                getattr(cert, which)
            except DECODE_ERRORS as exc:
                problems.append(f"The {which} name cannot be decoded ({exc}).")
    return (*notes, *problems)


class KeyPairEntry(Record):
    """A private key with its certificate chain, leaf first.

    A Java key entry whose key has its own password arrives *locked*: ``sealed``
    holds the key as stored, ``open_key`` is None and :attr:`private_key` raises
    KeyLocked until :meth:`unlocked` is given that password. ``sealed`` stays with
    the unlocked entry too, so a JKS save writes the key back as it was.
    """

    alias: str
    open_key: PrivateKeyTypes | None
    chain: tuple[CertInfo, ...]
    modified: dt.datetime | None
    sealed: LockedKey | None
    kind: ClassVar[EntryKind] = EntryKind.KEY_PAIR
    FIELDS: ClassVar[Names] = ("alias", "open_key", "chain", "modified", "sealed")
    COMPARED: ClassVar[Names] = ("alias", "chain", "modified")
    SHOWN: ClassVar[Names] = ("alias", "chain", "modified", "kind")

    def __init__(  # ``open_key``: what replace() passes
        self,
        alias: str,
        private_key: PrivateKeyTypes | None = None,
        chain: tuple[CertInfo, ...] = (),
        modified: dt.datetime | None = None,
        *,
        sealed: LockedKey | None = None,
        open_key: PrivateKeyTypes | None = None,
    ) -> None:
        key = private_key if private_key is not None else open_key
        if key is None and sealed is None:
            raise TypeError("KeyPairEntry needs a private key or a sealed one.")
        put(self, "alias", alias)
        put(self, "open_key", key)
        put(self, "chain", chain)
        put(self, "modified", modified)
        put(self, "sealed", sealed)

    @property
    def locked(self) -> bool:
        """The key is still sealed under its own password."""
        return self.open_key is None

    @property
    def private_key(self) -> PrivateKeyTypes:
        """The key; KeyLocked when it is still sealed under its own password."""
        if self.open_key is None:
            raise KeyLocked(self.alias)
        return self.open_key

    def unlocked(self, password: str) -> KeyPairEntry:
        """This entry with its key opened by ``password`` (KeyLocked when wrong)."""
        if self.sealed is None or self.open_key is not None:
            return self
        key = self.sealed.unlock(password, self.alias)
        return KeyPairEntry(self.alias, key, self.chain, self.modified, sealed=self.sealed)

    @property
    def certificate(self) -> CertInfo:
        return self.chain[0]

    @property
    def certificates(self) -> tuple[CertInfo, ...]:
        return self.chain


class CertificateEntry(Record):
    """A trusted certificate."""

    alias: str
    cert: CertInfo
    modified: dt.datetime | None
    kind: ClassVar[EntryKind] = EntryKind.CERTIFICATE
    FIELDS: ClassVar[Names] = ("alias", "cert", "modified")
    COMPARED: ClassVar[Names] = FIELDS
    SHOWN: ClassVar[Names] = (*FIELDS, "kind")

    def __init__(self, alias: str, cert: CertInfo, modified: dt.datetime | None = None) -> None:
        put(self, "alias", alias)
        put(self, "cert", cert)
        put(self, "modified", modified)

    @property
    def certificate(self) -> CertInfo:
        return self.cert

    @property
    def certificates(self) -> tuple[CertInfo, ...]:
        return (self.cert,)


class SecretKeyEntry(Record):
    """A symmetric key (JCEKS and PKCS#12 secret-key entries)."""

    alias: str
    algorithm: str
    key: bytes
    modified: dt.datetime | None
    kind: ClassVar[EntryKind] = EntryKind.SECRET_KEY
    FIELDS = ("alias", "algorithm", "key", "modified")
    COMPARED = FIELDS
    SHOWN = ("alias", "algorithm", "modified", "kind")  # never the key

    def __init__(
        self, alias: str, algorithm: str, key: bytes, modified: dt.datetime | None = None
    ) -> None:
        put(self, "alias", alias)
        put(self, "algorithm", algorithm)
        put(self, "key", key)
        put(self, "modified", modified)

    @property
    def certificate(self) -> None:
        return None

    @property
    def certificates(self) -> tuple[CertInfo, ...]:
        return ()


Entry = KeyPairEntry | CertificateEntry | SecretKeyEntry


def with_alias(entry: Entry, alias: str) -> Entry:
    """The same entry under another alias."""
    return entry.replace(alias=alias)
