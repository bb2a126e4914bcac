"""New key pairs: key specifications, signature algorithms and self-signed certificates.

The GUI's key pair wizard collects a :class:`KeyPairRequest`, runs
:func:`generate_private_key` in a worker (RSA 8192 takes seconds) and then
:func:`build_self_signed`; :func:`generate_key_pair` does both in one call.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import (
    CertificateIssuerPrivateKeyTypes,
    PrivateKeyTypes,
    PublicKeyTypes,
)

from keymon.core.aliases import validate_alias
from keymon.core.cancel import CancelCheck
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.x509.templates import (
    ExtensionSet,
    KeyKind,
    SubjectAltName,
    SubjectFields,
    Template,
)

Curve = Literal["P-256", "P-384", "P-521"]
RSA_SIZES: tuple[int, ...] = (2048, 3072, 4096, 8192)
EC_CURVES: tuple[Curve, ...] = ("P-256", "P-384", "P-521")
DEFAULT_RSA_SIZE = 3072
DEFAULT_CURVE: Curve = "P-256"
_CURVES: dict[str, type[ec.EllipticCurve]] = {
    "P-256": ec.SECP256R1,
    "P-384": ec.SECP384R1,
    "P-521": ec.SECP521R1,
}
_KIND_LABELS = {"rsa": "RSA", "ec": "EC", "ed25519": "Ed25519"}
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "SHA-256": hashes.SHA256,
    "SHA-384": hashes.SHA384,
    "SHA-512": hashes.SHA512,
}


@dataclass(frozen=True)
class KeySpec:
    """What key to generate: RSA with ``size``, EC on ``curve``, or Ed25519 (neither)."""

    kind: KeyKind
    size: int | None = None
    curve: Curve | None = None

    def __post_init__(self) -> None:
        if self.kind == "rsa":
            if self.curve is not None:
                raise UsageError("An RSA key has a size, not a curve.")
            if self.size not in RSA_SIZES:
                sizes = ", ".join(map(str, RSA_SIZES[:-1])) + f" or {RSA_SIZES[-1]}"
                raise UsageError(f"An RSA key is {sizes} bits long (not {self.size}).")
        elif self.kind == "ec":
            if self.size is not None:
                raise UsageError("An EC key has a curve, not a size; choose P-256, P-384 or P-521.")
            if self.curve not in _CURVES:
                raise UsageError(f"The EC curve is P-256, P-384 or P-521 (not {self.curve}).")
        elif self.kind == "ed25519":
            if self.size is not None or self.curve is not None:
                raise UsageError("An Ed25519 key has neither a size nor a curve.")
        else:
            raise UsageError(f"The key type is rsa, ec or ed25519 (not {self.kind!r}).")

    @classmethod
    def rsa(cls, size: int = DEFAULT_RSA_SIZE) -> KeySpec:
        return cls("rsa", size=size)

    @classmethod
    def ec(cls, curve: Curve = DEFAULT_CURVE) -> KeySpec:
        return cls("ec", curve=curve)

    @classmethod
    def ed25519(cls) -> KeySpec:
        return cls("ed25519")

    @property
    def label(self) -> str:
        """``RSA 3072``, ``EC P-256`` or ``Ed25519``."""
        detail = self.curve or self.size
        return f"{_KIND_LABELS[self.kind]} {detail}" if detail else _KIND_LABELS[self.kind]


def key_kind(key: PrivateKeyTypes | PublicKeyTypes) -> KeyKind | None:
    """``rsa``, ``ec`` or ``ed25519`` for keys keymon can sign with, else None."""
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        return "rsa"
    if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        return "ec"
    if isinstance(key, (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey)):
        return "ed25519"
    return None


def signing_key(key: PrivateKeyTypes) -> CertificateIssuerPrivateKeyTypes:
    """``key`` if keymon can sign with it (RSA, EC, Ed25519), else UsageError."""
    if isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, ed25519.Ed25519PrivateKey)):
        return key
    raise UsageError(f"keymon signs only with RSA, EC and Ed25519 keys, not {type(key).__name__}.")


class SignatureChoice(enum.Enum):
    """Signature algorithms for certificates and requests; values are the CLI's names."""

    RSA_SHA256 = "rsa-sha256"
    RSA_SHA384 = "rsa-sha384"
    RSA_SHA512 = "rsa-sha512"
    RSA_PSS_SHA256 = "rsa-pss-sha256"
    RSA_PSS_SHA384 = "rsa-pss-sha384"
    RSA_PSS_SHA512 = "rsa-pss-sha512"
    ECDSA_SHA256 = "ecdsa-sha256"
    ECDSA_SHA384 = "ecdsa-sha384"
    ECDSA_SHA512 = "ecdsa-sha512"
    ED25519 = "ed25519"

    @property
    def key_kind(self) -> KeyKind:
        """The kind of key that makes this signature."""
        if self is SignatureChoice.ED25519:
            return "ed25519"
        return "ec" if self.value.startswith("ecdsa") else "rsa"

    @property
    def hash_name(self) -> str | None:
        """``SHA-256``, ``SHA-384``, ``SHA-512``, or None for Ed25519."""
        if self is SignatureChoice.ED25519:
            return None
        return "SHA-" + str(self.value)[-3:]

    @property
    def label(self) -> str:
        """For a form: ``SHA-256 with RSA``, ``SHA-256 with RSASSA-PSS``, ``ECDSA with SHA-256``."""
        if self is SignatureChoice.ED25519:
            return "Ed25519"
        if self.key_kind == "ec":
            return f"ECDSA with {self.hash_name}"
        scheme = "RSASSA-PSS" if "pss" in self.value else "RSA"
        return f"{self.hash_name} with {scheme}"

    @property
    def java_name(self) -> str:
        """keytool's ``-sigalg`` name (``SHA256withRSA``, ``RSASSA-PSS``, ``SHA384withECDSA``)."""
        if self is SignatureChoice.ED25519:
            return "Ed25519"
        if "pss" in self.value:
            return "RSASSA-PSS"
        digits = self.value[-3:]
        return f"SHA{digits}with{'ECDSA' if self.key_kind == 'ec' else 'RSA'}"

    def hash_algorithm(self) -> hashes.HashAlgorithm | None:
        """The hash of cryptography's ``sign`` (None for Ed25519)."""
        if self.hash_name is None:
            return None
        return _HASHES[self.hash_name]()

    def rsa_padding(self) -> padding.PSS | padding.PKCS1v15 | None:
        """The padding argument of cryptography's ``sign`` (None for EC and Ed25519)."""
        algorithm = self.hash_algorithm()
        if "pss" in self.value and algorithm is not None:
            return padding.PSS(padding.MGF1(algorithm), padding.PSS.DIGEST_LENGTH)
        return padding.PKCS1v15() if self.key_kind == "rsa" else None

    def compatible(self, key: KeySpec | PrivateKeyTypes | PublicKeyTypes) -> bool:
        """True when a key of this spec (or this key) can make this signature."""
        kind = key.kind if isinstance(key, KeySpec) else key_kind(key)
        return kind == self.key_kind

    def require_compatible(self, key: KeySpec | PrivateKeyTypes | PublicKeyTypes) -> None:
        """Raise UsageError with one sentence when :meth:`compatible` is False."""
        if self.compatible(key):
            return
        kind = key.kind if isinstance(key, KeySpec) else key_kind(key)
        if kind == "ed25519":
            raise UsageError(
                f"An Ed25519 key signs with Ed25519 itself, not with {self.label}; "
                "choose the Ed25519 signature."
            )
        if kind is None:
            raise UsageError(f"keymon cannot sign with this key ({self.label} needs another key).")
        raise UsageError(
            f"{self.label} needs an {_KIND_LABELS[self.key_kind]} key, "
            f"not an {_KIND_LABELS[kind]} key."
        )

    @classmethod
    def for_key(
        cls, key: KeySpec | PrivateKeyTypes | PublicKeyTypes
    ) -> tuple[SignatureChoice, ...]:
        """The choices a form offers for this key, the default first."""
        default = cls.default_for(key)
        return (default, *(c for c in cls if c is not default and c.compatible(key)))

    @classmethod
    def default_for(cls, key: KeySpec | PrivateKeyTypes | PublicKeyTypes) -> SignatureChoice:
        """RSA → SHA-256 with RSA; P-256 → ECDSA/SHA-256, P-384 → SHA-384, P-521 → SHA-512."""
        kind: KeyKind | None
        if isinstance(key, KeySpec):
            kind, bits = key.kind, {"P-384": 384, "P-521": 521}.get(key.curve or "", 256)
        else:
            kind, bits = key_kind(key), 256
            if isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
                bits = key.curve.key_size
        if kind == "ed25519":
            return cls.ED25519
        if kind == "ec":
            if bits > 384:
                return cls.ECDSA_SHA512
            return cls.ECDSA_SHA384 if bits > 256 else cls.ECDSA_SHA256
        if kind == "rsa":
            return cls.RSA_SHA256
        raise UsageError("keymon signs only with RSA, EC and Ed25519 keys.")


def generate_private_key(spec: KeySpec, cancel: CancelCheck | None = None) -> PrivateKeyTypes:
    """A new private key as ``spec`` says.

    cryptography cannot interrupt a key generation: ``cancel.raise_if_cancelled()``
    is called before and after it, so a cancelled RSA 8192 generation still runs to
    its end in its worker and its result is then discarded (the exception of the
    token propagates instead of a key).
    """
    if cancel is not None:
        cancel.raise_if_cancelled()
    key: PrivateKeyTypes
    if spec.kind == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=spec.size or 0)
    elif spec.kind == "ec":
        key = ec.generate_private_key(_CURVES[spec.curve or ""]())
    else:
        key = ed25519.Ed25519PrivateKey.generate()
    if cancel is not None:
        cancel.raise_if_cancelled()
    return key


def random_serial() -> int:
    """20 random bytes as a positive serial (the top bit cleared, so DER needs no sign byte)."""
    return int.from_bytes(secrets.token_bytes(20), "big") >> 1 or 1


def validity(days: int, now: dt.datetime | None = None) -> tuple[dt.datetime, dt.datetime]:
    """(not_before, not_after) for ``days`` days from ``now`` (whole seconds, UTC)."""
    if days < 1:
        raise UsageError("The validity must be at least one day.")
    start = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    return start, start + dt.timedelta(days=days)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class KeyPairRequest:
    """Everything a new self-signed key pair needs.

    ``sans`` are added to ``extensions.subject_alt_names``. ``signature`` None means
    :meth:`SignatureChoice.default_for` the key. Construction validates.
    """

    alias: str
    key: KeySpec
    subject: SubjectFields
    not_before: dt.datetime
    not_after: dt.datetime
    extensions: ExtensionSet = field(default_factory=ExtensionSet)
    sans: tuple[SubjectAltName, ...] = ()
    signature: SignatureChoice | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "alias", validate_alias(self.alias))
        self.subject.check()
        if self.not_before.tzinfo is None or self.not_after.tzinfo is None:
            raise UsageError("The validity dates need a time zone.")
        if self.not_after <= self.not_before:
            raise UsageError("The end of the validity must come after its start.")
        if self.signature is not None:
            self.signature.require_compatible(self.key)

    @classmethod
    def create(
        cls,
        alias: str,
        key: KeySpec,
        subject: SubjectFields,
        *,
        template: Template = Template.TLS_CLIENT,
        sans: Sequence[SubjectAltName] = (),
        days: int = 365,
        signature: SignatureChoice | None = None,
        now: dt.datetime | None = None,
    ) -> KeyPairRequest:
        """A request from a template: its extensions for ``key``, valid ``days`` from now."""
        start, end = validity(days, now)
        extensions = template.extensions(key.kind, sans)
        return cls(alias, key, subject, start, end, extensions, signature=signature)

    @property
    def signature_choice(self) -> SignatureChoice:
        return self.signature or SignatureChoice.default_for(self.key)

    @property
    def all_extensions(self) -> ExtensionSet:
        return self.extensions.with_sans(self.sans)


def sign_builder(
    builder: x509.CertificateBuilder, key: PrivateKeyTypes, choice: SignatureChoice
) -> x509.Certificate:
    """Sign a certificate with ``key`` as ``choice`` says (checked for compatibility)."""
    choice.require_compatible(key)
    signer = signing_key(key)
    pad = choice.rsa_padding() if isinstance(signer, rsa.RSAPrivateKey) else None
    return builder.sign(signer, choice.hash_algorithm(), rsa_padding=pad)  # type: ignore[arg-type]


def build_self_signed(request: KeyPairRequest, private_key: PrivateKeyTypes) -> KeyPairEntry:
    """The key pair entry: ``private_key`` with a self-signed certificate as requested.

    Serial: 20 random bytes; SKI from the public key; AKI = SKI (so the RFC 5280
    profile of cryptography's verifier accepts it as its own issuer).
    """
    if key_kind(private_key) != request.key.kind:
        raise UsageError(f"The private key does not match the requested {request.key.label} key.")
    public = signing_key(private_key).public_key()
    name = request.subject.to_name()
    ski = x509.SubjectKeyIdentifier.from_public_key(public)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(random_serial())
        .not_valid_before(request.not_before)
        .not_valid_after(request.not_after)
    )
    for ext, critical in request.all_extensions.extensions():
        builder = builder.add_extension(ext, critical)
    builder = builder.add_extension(ski, critical=False)
    aki = x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski)
    builder = builder.add_extension(aki, critical=False)
    cert = sign_builder(builder, private_key, request.signature_choice)
    return KeyPairEntry(request.alias, private_key, (CertInfo.from_cert(cert),), now_utc())


def generate_key_pair(request: KeyPairRequest, cancel: CancelCheck | None = None) -> KeyPairEntry:
    """:func:`generate_private_key` then :func:`build_self_signed`."""
    return build_self_signed(request, generate_private_key(request.key, cancel))
