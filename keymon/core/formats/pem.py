"""PEM bundles: certificates and private keys (encrypted or not), with openssl's
"Bag Attributes" (friendlyName, localKeyID) read and written so aliases survive.

The key code (:mod:`.pem_keys`, with its key derivation and ciphers) and cryptography's
serialization load only for a file that holds a key, or for writing: ``keymon list`` of a
certificate needs neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509

from keymon.core.compat import DECODE_ERRORS, decoding
from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import CorruptData, UnsupportedFormat, UsageError
from keymon.core.formats import pkcs7
from keymon.core.formats.assemble import LooseCert, LooseKey, assemble
from keymon.core.formats.pem_scan import any_begin, attribute, scan

_KEY_LABELS = {"PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"}
_KEY_LABELS |= {"DSA PRIVATE KEY"}
_CERT_LABELS = {"CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"}
_PKCS7_LABELS = {"PKCS7", "CMS"}


MARKER = b"# keymon PEM keystore\n"


def sniff(data: bytes) -> bool:
    """True for keymon's PEM keystores and for data holding a PEM armour line.

    DER data (starting with a SEQUENCE) counts only with a whole block in it.
    """
    if data.startswith(MARKER):
        return True
    if b"-----BEGIN " not in data[:65536]:
        return False
    if data[:1] == b"\x30":
        return bool(scan(data))
    return any_begin(data)


def _attrs(text: bytes) -> tuple[str | None, bytes | None]:
    """The friendlyName and localKeyID of openssl's "Bag Attributes" in ``text``."""
    name = attribute(text, b"friendlyName:")
    local = attribute(text, b"localKeyID:")
    alias = name.decode("utf-8", "replace") if name else None
    local_id = None
    if local:
        try:
            local_id = bytes.fromhex(local.decode("ascii").replace(" ", ""))
        except ValueError:
            local_id = None
    return alias, local_id


def blocks(data: bytes) -> list[tuple[str, bytes, bytes]]:
    """(label, whole block, text before it) for every PEM block (see :func:`scan`)."""
    return [(b.label, b.block, b.before) for b in scan(data)]


def load_loose(data: bytes, password: str | None) -> tuple[list[LooseKey], list[LooseCert]]:
    keys: list[LooseKey] = []
    certs: list[LooseCert] = []
    found = blocks(data)
    if not found and data.startswith(MARKER):
        return keys, certs  # a keystore with no entries (yet)
    if not found:
        raise UnsupportedFormat("The file holds no PEM certificate or key.")
    key_blocks = [block for label, block, _ in found if label in _KEY_LABELS]
    if key_blocks:
        from keymon.core.formats import pem_keys

        pem_keys.plan(key_blocks)
    for label, block, before in found:
        alias, local_id = _attrs(before)
        if label in _KEY_LABELS:
            keys.append(LooseKey(pem_keys.load_key(block, password), alias, local_id))
        elif label in _CERT_LABELS:
            certs.append(LooseCert(_load_cert(block), alias, local_id, trusted=False))
        elif label in _PKCS7_LABELS:
            certs.extend(LooseCert(c) for c in load_pkcs7_pem(block))
    if not keys and not certs and not data.startswith(MARKER):
        raise UnsupportedFormat("The PEM file holds neither certificates nor private keys.")
    return keys, certs


def _load_cert(block: bytes) -> CertInfo:
    if b"TRUSTED CERTIFICATE" in block[:40]:
        # openssl's trusted form: a certificate followed by its trust settings
        body = block.replace(b"TRUSTED CERTIFICATE", b"CERTIFICATE")
        der = _pem_body(body)
        from keymon.core.formats.der import first_element

        return CertInfo.from_der(first_element(der))
    try:
        with decoding():  # e.g. a serial that is not positive warns; CertInfo notes it
            cert = x509.load_pem_x509_certificate(block)
    except DECODE_ERRORS as exc:
        raise CorruptData(f"A certificate in the PEM file cannot be decoded ({exc}).") from exc
    return CertInfo.from_cert(cert)


def _pem_body(block: bytes) -> bytes:
    import base64
    import binascii

    lines = [ln for ln in block.splitlines() if ln and not ln.startswith(b"-----")]
    lines = [ln for ln in lines if b":" not in ln]
    try:
        return base64.b64decode(b"".join(lines), validate=False)
    except binascii.Error as exc:
        raise CorruptData("A PEM block is not valid base64.") from exc


def load_pkcs7_pem(block: bytes) -> list[CertInfo]:
    """The certificates of a PEM ``PKCS7``/``CMS`` block (see :mod:`.pkcs7`)."""
    return pkcs7.load_certificates(_pem_body(block))


def load(data: bytes, password: str | None) -> list[Entry]:
    keys, certs = load_loose(data, password)
    return assemble(keys, certs)


def _bag(alias: str, local_id: bytes | None) -> bytes:
    lines = ["Bag Attributes", f"    friendlyName: {alias}"]
    if local_id is not None:
        lines.append("    localKeyID: " + " ".join(f"{b:02X}" for b in local_id))
    return ("\n".join(lines) + "\n").encode("utf-8")


def cert_pem(info: CertInfo, header: bool = True) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding

    pem = info.cert.public_bytes(Encoding.PEM)
    if not header:
        return pem
    s = info.summary
    return f"subject={s.subject}\nissuer={s.issuer}\n".encode() + pem


def dump(entries: Sequence[Entry], password: str | None, *, unencrypted: bool = False) -> bytes:
    """A PEM bundle. Keys are encrypted (PKCS#8, AES-256) unless ``unencrypted`` is set."""
    from cryptography.hazmat.primitives import serialization

    out: list[bytes] = [MARKER]
    for index, entry in enumerate(entries, start=1):
        if isinstance(entry, SecretKeyEntry):
            raise UnsupportedFormat("PEM files cannot hold secret keys; save as PKCS#12.")
        if isinstance(entry, KeyPairEntry):
            local_id = index.to_bytes(4, "big")
            if unencrypted:
                algo: serialization.KeySerializationEncryption = serialization.NoEncryption()
            elif password:
                algo = serialization.BestAvailableEncryption(password.encode("utf-8"))
            else:
                raise UsageError("A password is needed to write private keys to a PEM file.")
            out.append(_bag(entry.alias, local_id))
            out.append(
                entry.private_key.private_bytes(
                    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, algo
                )
            )
            out.append(_bag(entry.alias, local_id) + cert_pem(entry.chain[0]))
            out.extend(cert_pem(c) for c in entry.chain[1:])
        elif isinstance(entry, CertificateEntry):
            out.append(_bag(entry.alias, None) + cert_pem(entry.cert))
    return b"".join(out)
