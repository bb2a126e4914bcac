"""What goes into a new certificate or request: subject, alternative names, extensions.

Everything here is a frozen value the GUI can show and let the user adjust:

* :class:`SubjectFields` — the distinguished name as seven fields, validated;
  :func:`parse_subject` reads ``"CN=host,O=Example\\, Inc.,C=DE"``.
* :class:`SubjectAltName` — one ``DNS:``/``IP:``/``email:``/``URI:`` name;
  :func:`parse_san` reads one.
* :class:`ExtensionSet` — key usage, extended key usage, basic constraints and
  SANs; :meth:`ExtensionSet.lines` gives the display lines the entry view uses.
* :class:`Template` — TLS client, TLS server and CA starting points.

Every problem is a :class:`~keymon.core.errors.UsageError` with one sentence.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from collections.abc import Iterable, Mapping
from dataclasses import InitVar, dataclass, replace
from typing import Literal
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from keymon.core.errors import UsageError
from keymon.core.x509.extensions import _KEY_USAGES as KEY_USAGE_LABELS
from keymon.core.x509.extensions import ExtensionInfo, extension_info

KeyKind = Literal["rsa", "ec", "ed25519"]
SanKind = Literal["DNS", "IP", "email", "URI"]

# -- subject --------------------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# (field, OID, RFC 5280 upper bound, label); certificate order: C first, e-mail last
_SUBJECT_ATTRS: tuple[tuple[str, x509.ObjectIdentifier, int, str], ...] = (
    ("c", NameOID.COUNTRY_NAME, 2, "country (C)"),
    ("st", NameOID.STATE_OR_PROVINCE_NAME, 128, "state or province (ST)"),
    ("l", NameOID.LOCALITY_NAME, 128, "locality (L)"),
    ("o", NameOID.ORGANIZATION_NAME, 64, "organization (O)"),
    ("ou", NameOID.ORGANIZATIONAL_UNIT_NAME, 64, "organizational unit (OU)"),
    ("cn", NameOID.COMMON_NAME, 64, "common name (CN)"),
    ("email", NameOID.EMAIL_ADDRESS, 255, "e-mail address"),
)
_KEYWORDS = {"CN": "cn", "OU": "ou", "O": "o", "L": "l", "ST": "st", "S": "st", "C": "c"}
_KEYWORDS |= {"E": "email", "EMAIL": "email", "EMAILADDRESS": "email"}
_DISPLAY_ORDER: tuple[tuple[str, str], ...] = (
    ("cn", "CN"),
    ("ou", "OU"),
    ("o", "O"),
    ("l", "L"),
    ("st", "ST"),
    ("c", "C"),
)
_DISPLAY_ORDER += (("email", "EMAIL"),)


@dataclass(frozen=True)
class SubjectFields:
    """A subject distinguished name; empty strings are left out.

    Construction validates (CN required, C two letters A–Z, e-mail shape, RFC 5280
    lengths) and raises UsageError; ``validate=False`` builds an unchecked value
    (a prefill from an existing certificate), which :meth:`to_name` still checks.
    """

    cn: str = ""
    ou: str = ""
    o: str = ""
    l: str = ""  # noqa: E741 - the attribute's usual short name
    st: str = ""
    c: str = ""
    email: str = ""
    validate: InitVar[bool] = True

    def __post_init__(self, validate: bool) -> None:
        for name, *_ in _SUBJECT_ATTRS:
            object.__setattr__(self, name, getattr(self, name).strip())
        if re.fullmatch(r"[A-Za-z]{2}", self.c):
            object.__setattr__(self, "c", self.c.upper())
        if validate:
            self.check()

    def check(self) -> None:
        """Raise UsageError with one sentence for the first problem."""
        if not self.cn:
            raise UsageError("The subject needs a common name (CN).")
        if self.c and not re.fullmatch(r"[A-Z]{2}", self.c):
            raise UsageError(
                f"The country (C) must be a two-letter code such as DE or US, not “{self.c}”."
            )
        if self.email and (not _EMAIL.match(self.email) or not self.email.isascii()):
            raise UsageError(f"“{self.email}” is not an e-mail address such as name@example.org.")
        for name, _, limit, label in _SUBJECT_ATTRS:
            value = getattr(self, name)
            if len(value) > limit:
                raise UsageError(f"The {label} can be at most {limit} characters long.")
            if any(ord(ch) < 32 for ch in value):
                raise UsageError(f"The {label} cannot contain control characters.")

    def to_name(self) -> x509.Name:
        """The X.509 name (C, ST, L, O, OU, CN, e-mail in certificate order)."""
        self.check()
        return x509.Name(
            [
                x509.NameAttribute(oid, getattr(self, name))
                for name, oid, _, _ in _SUBJECT_ATTRS
                if getattr(self, name)
            ]
        )

    def rfc4514(self) -> str:
        """``CN=…,OU=…,O=…,L=…,ST=…,C=…`` (keytool's order), with RFC 4514 escapes."""
        values = ((key, getattr(self, name)) for name, key in _DISPLAY_ORDER)
        return ",".join(f"{key}={_escape(value)}" for key, value in values if value)

    @classmethod
    def from_values(cls, values: Mapping[str, str], *, validate: bool = True) -> SubjectFields:
        """From a form's ``{"cn": …, "o": …}`` (``SubjectFields(**values)`` for type checkers)."""
        unknown = set(values) - {name for name, *_ in _SUBJECT_ATTRS}
        if unknown:
            raise UsageError(f"The subject has no field {sorted(unknown)[0]!r}.")
        return cls(**values, validate=validate)

    @classmethod
    def from_name(cls, name: x509.Name) -> SubjectFields:
        """The first value of each known attribute, unchecked (others are left out)."""
        values: dict[str, str] = {}
        for field_name, oid, _, _ in _SUBJECT_ATTRS:
            attrs = name.get_attributes_for_oid(oid)
            if attrs:
                value = attrs[0].value
                values[field_name] = value if isinstance(value, str) else value.decode("latin-1")
        return cls(**values, validate=False)


def _escape(value: str) -> str:
    out = re.sub(r'([,+"\\<>;=])', r"\\\1", value)
    return re.sub(r"^([# ])|( )$", r"\\\1\2", out)


_PAIR = re.compile(r'\s*([^=,]*?)\s*=\s*("(?:[^"\\]|\\.)*"|(?!")(?:[^,\\]|\\.)*?)\s*(,|$)')


def _unescape(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]

    def hexpairs(match: re.Match[str]) -> str:
        return bytes.fromhex(match[0].replace("\\", "")).decode("utf-8", "replace")

    value = re.sub(r"(?:\\[0-9A-Fa-f]{2})+", hexpairs, value)
    return re.sub(r"\\(.)", r"\1", value)


def parse_subject(text: str) -> SubjectFields:
    """Read ``CN=…,OU=…,O=…,L=…,ST=…,C=…`` (any order; ``\\,`` or quotes for commas)."""
    if not text.strip():
        raise UsageError("The subject is empty; give at least CN=name.")
    values: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        if text[pos] in " ,":  # empty parts
            pos += 1
            continue
        match = _PAIR.match(text, pos)
        if match is None:
            part = text[pos:].split(",")[0].strip()
            raise UsageError(f"“{part}” in the subject is not of the form NAME=value.")
        key, pos = match[1].upper(), match.end()
        name = _KEYWORDS.get(key)
        if name is None:
            raise UsageError(
                f"The subject attribute “{match[1]}” is not supported; "
                "use CN, OU, O, L, ST, C or EMAIL."
            )
        if name in values:
            raise UsageError(f"The subject names {key} more than once.")
        values[name] = _unescape(match[2])
        if not match[3]:
            break
    return SubjectFields(**values, validate=True)


# -- subject alternative names ------------------------------------------------------------

_DNS_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_SAN_PREFIXES: dict[str, SanKind] = {"dns": "DNS", "ip": "IP", "email": "email", "uri": "URI"}
_TEXT_NAMES: dict[SanKind, type[x509.DNSName | x509.RFC822Name | x509.UniformResourceIdentifier]]
_TEXT_NAMES = {"DNS": x509.DNSName, "email": x509.RFC822Name, "URI": x509.UniformResourceIdentifier}


@dataclass(frozen=True)
class SubjectAltName:
    """One subject alternative name; ``str()`` gives ``DNS:host`` and so on."""

    kind: SanKind
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"

    def to_general_name(self) -> x509.GeneralName:
        if self.kind == "IP":
            return x509.IPAddress(ipaddress.ip_address(self.value))
        return _TEXT_NAMES[self.kind](self.value)

    @classmethod
    def from_general_name(cls, name: x509.GeneralName) -> SubjectAltName | None:
        """The name if it is of one of the four kinds, else None."""
        if isinstance(name, x509.IPAddress):
            return cls("IP", str(name.value))
        kind = next((k for k, t in _TEXT_NAMES.items() if isinstance(name, t)), None)
        return None if kind is None else cls(kind, name.value)


def parse_san(text: str) -> SubjectAltName:
    """Read ``DNS:host``, ``IP:1.2.3.4``, ``email:a@b.example`` or ``URI:https://…``."""
    prefix, sep, value = text.strip().partition(":")
    kind = _SAN_PREFIXES.get(prefix.strip().lower()) if sep else None
    value = value.strip()
    if kind is None:
        raise UsageError(
            f"A subject alternative name starts with DNS:, IP:, email: or URI: (not “{text}”)."
        )
    if kind == "DNS":
        return SubjectAltName("DNS", _dns_name(value))
    if kind == "IP":
        try:
            return SubjectAltName("IP", str(ipaddress.ip_address(value)))
        except ValueError:
            raise UsageError(f"“{value}” is not an IPv4 or IPv6 address.") from None
    if kind == "email":
        if not _EMAIL.match(value) or not value.isascii():
            raise UsageError(f"“{value}” is not an e-mail address such as name@example.org.")
        return SubjectAltName("email", value)
    parts = urlsplit(value)
    if not parts.scheme or not value.isascii() or any(ch.isspace() for ch in value):
        raise UsageError(f"“{value}” is not a URI such as https://example.org/.")
    return SubjectAltName("URI", value)


def _dns_name(value: str) -> str:
    host = value.rstrip(".")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise UsageError(f"“{value}” is not a valid host name.") from None
    labels = host.split(".")
    if labels[0] == "*" and len(labels) > 2:
        labels = labels[1:]
    if len(host) > 253 or not all(_DNS_LABEL.match(label) for label in labels):
        raise UsageError(
            f"“{value}” is not a valid host name (letters, digits, hyphens and dots; "
            "a wildcard only as the first label)."
        )
    return host.lower()


def parse_sans(texts: Iterable[str]) -> tuple[SubjectAltName, ...]:
    """Several names, duplicates removed, order kept."""
    return tuple(dict.fromkeys(parse_san(t) for t in texts))


# -- extensions -------------------------------------------------------------------------


class KeyUsageFlag(enum.StrEnum):
    """The key usage bits, named as cryptography's ``x509.KeyUsage`` arguments."""

    DIGITAL_SIGNATURE = "digital_signature"
    CONTENT_COMMITMENT = "content_commitment"
    KEY_ENCIPHERMENT = "key_encipherment"
    DATA_ENCIPHERMENT = "data_encipherment"
    KEY_AGREEMENT = "key_agreement"
    KEY_CERT_SIGN = "key_cert_sign"
    CRL_SIGN = "crl_sign"

    @property
    def label(self) -> str:
        """``Digital Signature``, ``Certificate Sign``, … (as the entry view shows them)."""
        return dict(KEY_USAGE_LABELS)[self.value]


SERVER_AUTH = ExtendedKeyUsageOID.SERVER_AUTH.dotted_string
CLIENT_AUTH = ExtendedKeyUsageOID.CLIENT_AUTH.dotted_string
EKU_CHOICES: tuple[tuple[str, str], ...] = (
    (SERVER_AUTH, "TLS Web Server Authentication"),
    (CLIENT_AUTH, "TLS Web Client Authentication"),
    (ExtendedKeyUsageOID.CODE_SIGNING.dotted_string, "Code Signing"),
    (ExtendedKeyUsageOID.EMAIL_PROTECTION.dotted_string, "E-mail Protection"),
    (ExtendedKeyUsageOID.TIME_STAMPING.dotted_string, "Time Stamping"),
    (ExtendedKeyUsageOID.OCSP_SIGNING.dotted_string, "OCSP Signing"),
)
"""(dotted OID, label) of the extended key usages a form offers; others are allowed too."""


@dataclass(frozen=True)
class ExtensionSet:
    """The extensions a certificate or request gets (SKI and AKI are added by the signer).

    ``ca`` None means no basicConstraints extension; ``path_length`` needs ``ca``.
    Empty ``key_usage`` / ``extended_key_usage`` mean no such extension.
    """

    key_usage: frozenset[KeyUsageFlag] = frozenset()
    extended_key_usage: tuple[str, ...] = ()
    ca: bool | None = None
    path_length: int | None = None
    subject_alt_names: tuple[SubjectAltName, ...] = ()
    key_usage_critical: bool = True
    extended_key_usage_critical: bool = False
    basic_constraints_critical: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "key_usage", frozenset(KeyUsageFlag(k) for k in self.key_usage))
        object.__setattr__(
            self, "extended_key_usage", tuple(dict.fromkeys(self.extended_key_usage))
        )
        for oid in self.extended_key_usage:
            if not re.fullmatch(r"[0-2](\.\d+)+", oid):
                raise UsageError(f"“{oid}” is not an object identifier such as 1.3.6.1.5.5.7.3.2.")
        if self.path_length is not None and (not self.ca or self.path_length < 0):
            raise UsageError("A path length needs the CA basic constraint and cannot be negative.")
        if KeyUsageFlag.KEY_CERT_SIGN in self.key_usage and not self.ca:
            raise UsageError("The Certificate Sign key usage needs the CA basic constraint.")
        if self.ca and self.key_usage and KeyUsageFlag.KEY_CERT_SIGN not in self.key_usage:
            raise UsageError("A CA certificate's key usage must include Certificate Sign.")

    def with_sans(self, sans: Iterable[SubjectAltName]) -> ExtensionSet:
        """A copy with ``sans`` added after the names it has (duplicates dropped)."""
        merged = tuple(dict.fromkeys([*self.subject_alt_names, *sans]))
        return replace(self, subject_alt_names=merged)

    def extensions(self, *, san_critical: bool = False) -> list[tuple[x509.ExtensionType, bool]]:
        """(extension, critical) pairs for cryptography's certificate and CSR builders.

        ``san_critical``: RFC 5280 wants the SANs critical when the subject is empty.
        """
        out: list[tuple[x509.ExtensionType, bool]] = []
        if self.ca is not None:
            bc = x509.BasicConstraints(ca=self.ca, path_length=self.path_length)
            out.append((bc, self.basic_constraints_critical))
        if self.key_usage:
            flags = {flag.value: flag in self.key_usage for flag in KeyUsageFlag}
            ku = x509.KeyUsage(**flags, encipher_only=False, decipher_only=False)
            out.append((ku, self.key_usage_critical))
        if self.extended_key_usage:
            eku = x509.ExtendedKeyUsage([x509.ObjectIdentifier(o) for o in self.extended_key_usage])
            out.append((eku, self.extended_key_usage_critical))
        if self.subject_alt_names:
            san = x509.SubjectAlternativeName([n.to_general_name() for n in self.subject_alt_names])
            out.append((san, san_critical))
        return out

    def lines(self) -> tuple[ExtensionInfo, ...]:
        """The extensions as the entry view shows them (name, critical, value lines)."""
        return tuple(
            extension_info(x509.Extension(ext.oid, critical, ext))
            for ext, critical in self.extensions()
        )

    @classmethod
    def from_extensions(
        cls, extensions: Iterable[x509.Extension[x509.ExtensionType]]
    ) -> ExtensionSet:
        """Key usage, extended key usage, basic constraints and SANs of existing extensions.

        Other extensions are ignored; a combination this class refuses (key usage
        Certificate Sign without CA) keeps only the basic constraints and SANs.
        """
        values: dict[str, object] = {}
        for ext in extensions:
            v = ext.value
            if isinstance(v, x509.KeyUsage):
                values["key_usage"] = frozenset(f for f in KeyUsageFlag if getattr(v, f.value))
                values["key_usage_critical"] = ext.critical
            elif isinstance(v, x509.ExtendedKeyUsage):
                values["extended_key_usage"] = tuple(o.dotted_string for o in v)
                values["extended_key_usage_critical"] = ext.critical
            elif isinstance(v, x509.BasicConstraints):
                values["ca"], values["path_length"] = v.ca, v.path_length
                values["basic_constraints_critical"] = ext.critical
            elif isinstance(v, x509.SubjectAlternativeName):
                names = (SubjectAltName.from_general_name(n) for n in v)
                values["subject_alt_names"] = tuple(n for n in names if n is not None)
        try:
            return cls(**values)  # type: ignore[arg-type]
        except UsageError:
            keep = ("ca", "path_length", "subject_alt_names", "basic_constraints_critical")
            return cls(**{k: v for k, v in values.items() if k in keep})  # type: ignore[arg-type]


_TEMPLATE_LABELS = {"tls-client": "TLS client", "tls-server": "TLS server"}
_TEMPLATE_LABELS["ca"] = "Certificate authority"


class Template(enum.Enum):
    """Starting points for a certificate's extensions; values are the CLI's names."""

    TLS_CLIENT = "tls-client"
    TLS_SERVER = "tls-server"
    CA = "ca"

    @property
    def label(self) -> str:
        """``TLS client``, ``TLS server`` or ``Certificate authority``."""
        return _TEMPLATE_LABELS[self.value]

    def extensions(
        self, key_kind: KeyKind = "rsa", sans: Iterable[SubjectAltName] = ()
    ) -> ExtensionSet:
        """The template's extensions for a key of ``key_kind`` (RSA adds Key Encipherment)."""
        if self is Template.CA:
            return ExtensionSet(
                frozenset({KeyUsageFlag.KEY_CERT_SIGN, KeyUsageFlag.CRL_SIGN}),
                ca=True,
                subject_alt_names=tuple(sans),
            )
        usage = {KeyUsageFlag.DIGITAL_SIGNATURE}
        if key_kind == "rsa":
            usage.add(KeyUsageFlag.KEY_ENCIPHERMENT)
        eku = CLIENT_AUTH if self is Template.TLS_CLIENT else SERVER_AUTH
        return ExtensionSet(frozenset(usage), (eku,), ca=False, subject_alt_names=tuple(sans))
