"""Unit tests of the PKCS#12 codec and its password-based crypto (no external tools)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from functools import cache

import pytest
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography.hazmat.decrepit.ciphers.algorithms import RC2
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.ciphers import Cipher, modes
from cryptography.hazmat.primitives.serialization import pkcs12 as crypto_pkcs12
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import (
    AliasExists,
    CorruptData,
    IntegrityError,
    KeymonError,
    PasswordRequired,
    UnsupportedFormat,
    WrongPassword,
)
from keymon.core.formats import der, pbe, pkcs12, pkcs12_write
from keymon.core.formats.der import (
    NULL,
    explicit,
    integer,
    octet_string,
    oid_tlv,
    parse,
    seq,
    set_of,
    tlv,
)
from keymon.core.formats.pbe import encrypt_pbes2, mac_data
from tests import factory

PW = "s3cret pässword"
DATA, ENCRYPTED_DATA = "1.2.840.113549.1.7.1", "1.2.840.113549.1.7.6"
FAILURES = (CorruptData, IntegrityError, UnsupportedFormat, WrongPassword, PasswordRequired)


# ---------------------------------------------------------------------------- helpers


@cache
def sample_entries() -> tuple[Entry, ...]:
    """Two key pairs sharing intermediate + root, a self-signed one, trusted certs, a secret."""
    return (
        factory.key_pair_entry("alpha", key=factory.rsa_key(2048, 1)),
        factory.key_pair_entry("Bêta ключ", key=factory.ec_key(3)),
        factory.self_signed_entry("selfie", key=factory.ec_key(4)),
        factory.trusted_entry("root-a"),
        CertificateEntry("trüst b", _cert(factory.ca_chain()[0][1])),  # also the chains' root
        SecretKeyEntry(
            "sym", "AES", bytes(range(16)), dt.datetime(2024, 5, 6, 7, 8, 9, 123000, dt.UTC)
        ),
    )


def _cert(cert: object) -> CertInfo:
    return CertInfo.from_cert(cert)  # type: ignore[arg-type]


@cache
def sample_file(
    protection: pkcs12.Pkcs12Protection = pkcs12.Pkcs12Protection.AES_256,
) -> bytes:
    return pkcs12.dump(sample_entries(), PW, protection=protection)


def summary(entries: Sequence[Entry]) -> list[tuple[str, str, tuple[str, ...], dt.datetime | None]]:
    """What a load must give back, in load order: keys first, then certificates."""
    ordered = [e for e in entries if e.kind != "certificate"]
    ordered += [e for e in entries if e.kind == "certificate"]
    return [(e.alias, e.kind, tuple(c.sha256 for c in e.certificates), e.modified) for e in ordered]


def public_der(key: object) -> bytes:
    return key.public_key().public_bytes(  # type: ignore[attr-defined,no-any-return]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def pkcs8(key: object) -> bytes:
    return key.private_bytes(  # type: ignore[attr-defined,no-any-return]
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def attrs(name: str | None = None, key_id: bytes | None = None, trusted: bool = False) -> bytes:
    parts = []
    if name is not None:
        parts.append(
            seq(oid_tlv("1.2.840.113549.1.9.20"), set_of(tlv(0x1E, name.encode("utf-16-be"))))
        )
    if key_id is not None:
        parts.append(seq(oid_tlv("1.2.840.113549.1.9.21"), set_of(octet_string(key_id))))
    if trusted:
        parts.append(seq(oid_tlv("2.16.840.1.113894.746875.1.1"), set_of(oid_tlv("2.5.29.37.0"))))
    return set_of(*parts) if parts else b""


def cert_bag(cert: CertInfo, **kw: object) -> bytes:
    value = seq(oid_tlv("1.2.840.113549.1.9.22.1"), explicit(0, octet_string(cert.der)))
    return seq(oid_tlv("1.2.840.113549.1.12.10.1.3"), explicit(0, value), attrs(**kw))  # type: ignore[arg-type]


def key_bag(key: object, password: str = PW, *, shrouded: bool = True, **kw: object) -> bytes:
    if not shrouded:
        return seq(oid_tlv("1.2.840.113549.1.12.10.1.1"), explicit(0, pkcs8(key)), attrs(**kw))  # type: ignore[arg-type]
    algorithm, ciphertext = encrypt_pbes2(pkcs8(key), password, 1000)
    value = seq(algorithm, octet_string(ciphertext))
    return seq(oid_tlv("1.2.840.113549.1.12.10.1.2"), explicit(0, value), attrs(**kw))  # type: ignore[arg-type]


def data_safe(*bags: bytes) -> bytes:
    return seq(oid_tlv(DATA), explicit(0, octet_string(seq(*bags))))


def encrypted_safe(*bags: bytes, password: str = PW) -> bytes:
    algorithm, ciphertext = encrypt_pbes2(seq(*bags), password, 1000)
    content = seq(oid_tlv(DATA), algorithm, tlv(0x80, ciphertext))
    return seq(oid_tlv(ENCRYPTED_DATA), explicit(0, seq(integer(0), content)))


def pfx(
    *safes: bytes, password: pbe.Secret = PW, mac: bool = True, hash_name: str = "sha256"
) -> bytes:
    auth = seq(*safes)
    parts = [integer(3), seq(oid_tlv(DATA), explicit(0, octet_string(auth)))]
    if mac:
        parts.append(mac_data(auth, password, hash_name=hash_name, iterations=1000, salt_length=8))
    return seq(*parts)


def split_pfx(data: bytes) -> tuple[bytes, bytes, bytes | None]:
    """(version+authSafe element bytes, authSafe octets, MacData element)."""
    parts = parse(data, "pfx").children()
    auth = parts[1].children()[1].children()[0].octets()
    return data[parts[0].head : parts[1].next], auth, parts[2].element() if len(parts) > 2 else None


def remac(data: bytes, secret: pbe.Secret, *, iterations: int = 1000) -> bytes:
    """The same keystore with its MAC recomputed under ``secret``."""
    head, auth, _ = split_pfx(data)
    return tlv(
        0x30, head + mac_data(auth, secret, hash_name="sha1", iterations=iterations, salt_length=8)
    )


def strip_mac(data: bytes) -> bytes:
    head, _, _ = split_pfx(data)
    return tlv(0x30, head)


def to_ber(element: bytes) -> bytes:
    """Re-encode the constructed elements with indefinite lengths, strings in 7-byte chunks."""
    node = parse(element, "ber")
    if node.tag == 0x04 and node.end - node.start > 7:
        value = node.octets()
        chunks = b"".join(octet_string(value[i : i + 7]) for i in range(0, len(value), 7))
        return b"\x24\x80" + chunks + b"\x00\x00"
    if not node.tag & 0x20:
        return element
    inner = b"".join(to_ber(child.element()) for child in node.children())
    return bytes([node.tag, 0x80]) + inner + b"\x00\x00"


def flip(data: bytes, bit: int) -> bytes:
    buf = bytearray(data)
    buf[bit // 8] ^= 1 << (bit % 8)
    return bytes(buf)


# ---------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("protection", list(pkcs12.Pkcs12Protection))
def test_round_trip_keeps_every_entry(protection: pkcs12.Pkcs12Protection) -> None:
    entries = sample_entries()
    back = pkcs12.load(sample_file(protection), PW)
    assert summary(back) == summary(entries)
    for ours, theirs in zip(
        back, sorted(entries, key=lambda e: e.kind == "certificate"), strict=True
    ):
        if isinstance(ours, KeyPairEntry):
            assert isinstance(theirs, KeyPairEntry)
            assert pkcs8(ours.private_key) == pkcs8(theirs.private_key)
        if isinstance(ours, SecretKeyEntry):
            assert ours == theirs


def test_modern_structure_matches_keytool_17() -> None:
    pfx_ = asn1_pkcs12.Pfx.load(sample_file())
    mac = pfx_["mac_data"]
    assert mac["mac"]["digest_algorithm"]["algorithm"].native == "sha256"
    assert mac["iterations"].native == 10000
    assert len(mac["mac_salt"].native) == 16
    safes = pfx_.authenticated_safe
    assert [ci["content_type"].native for ci in safes] == ["data", "encrypted_data"]
    algorithm = safes[1]["content"]["encrypted_content_info"]["content_encryption_algorithm"]
    kdf = algorithm["parameters"]["key_derivation_func"]
    assert kdf["parameters"]["prf"]["algorithm"].native == "sha256"
    assert kdf["parameters"]["iteration_count"].native == 10000
    assert len(kdf["parameters"]["salt"].native) == 16
    assert algorithm["parameters"]["encryption_scheme"]["algorithm"].native == "aes256_cbc"
    key_bags = asn1_pkcs12.SafeContents.load(safes[0]["content"].native)
    assert [b["bag_id"].native for b in key_bags] == ["pkcs8_shrouded_key_bag"] * 3 + ["secret_bag"]
    shrouded = key_bags[0]["bag_value"]["encryption_algorithm"]
    assert shrouded["algorithm"].native == "pbes2"
    assert shrouded["parameters"]["encryption_scheme"]["algorithm"].native == "aes256_cbc"


def test_certificate_bags_dedupe_chains_and_mark_trusted() -> None:
    reader = pkcs12._Reader(sample_file(), PW)
    bags = [b for b in _all_bags(reader) if b.kind == pkcs12_write.CERT_BAG]
    alpha, beta, selfie, root_a, trust_b, _ = sample_entries()
    assert isinstance(alpha, KeyPairEntry) and isinstance(beta, KeyPairEntry)
    # leaf, intermediate, root, second leaf (its chain is not repeated), self-signed, 2 trusted
    expected = [*alpha.chain, beta.chain[0], selfie.certificates[0]]
    expected += [root_a.certificates[0], trust_b.certificates[0]]
    assert [pkcs12._cert_der(b) for b in bags] == [c.der for c in expected]
    assert [(b.name, b.trusted, b.key_id is not None) for b in bags] == [
        ("alpha", False, True),
        (None, False, False),
        (None, False, False),
        ("Bêta ключ", False, True),
        ("selfie", False, True),
        ("root-a", True, False),
        ("trüst b", True, False),
    ]
    # the trusted attribute is SET { anyExtendedKeyUsage }, exactly as keytool writes it
    trusted = seq(oid_tlv("2.16.840.1.113894.746875.1.1"), set_of(oid_tlv("2.5.29.37.0")))
    sealed = reader.safes[1]
    assert isinstance(sealed, pkcs12._Sealed)
    assert reader._decrypt(sealed, "certificates").count(trusted) == 2


def _all_bags(reader: pkcs12._Reader) -> list[pkcs12._Bag]:
    bags = list(reader.plain_bags)
    for number, safe in enumerate(reader.safes):
        if isinstance(safe, pkcs12._Sealed):
            bags += pkcs12._bags(reader._decrypt(safe, "x"), number)
    return bags


def test_legacy_structure_is_3des_with_sha1_mac() -> None:
    pfx_ = asn1_pkcs12.Pfx.load(sample_file(pkcs12.Pkcs12Protection.LEGACY_3DES))
    assert pfx_["mac_data"]["mac"]["digest_algorithm"]["algorithm"].native == "sha1"
    assert pfx_["mac_data"]["iterations"].native == 2048
    safes = pfx_.authenticated_safe
    algorithm = safes[1]["content"]["encrypted_content_info"]["content_encryption_algorithm"]
    assert algorithm["algorithm"].native == "pkcs12_sha1_tripledes_3key"
    assert algorithm["parameters"]["iterations"].native == 2048
    key_bags = asn1_pkcs12.SafeContents.load(safes[0]["content"].native)
    shrouded = key_bags[0]["bag_value"]["encryption_algorithm"]["algorithm"].native
    assert shrouded == "pkcs12_sha1_tripledes_3key"


def test_local_key_id_is_java_time_or_leaf_sha1() -> None:
    when = dt.datetime(2023, 1, 2, 3, 4, 5, 678000, dt.UTC)
    a = factory.self_signed_entry("a", key=factory.ec_key(11))
    b = KeyPairEntry("b", a.private_key, a.chain, modified=when)
    c = KeyPairEntry("c", a.private_key, a.chain, modified=when)  # same cert, same time
    d = KeyPairEntry("d", a.private_key, a.chain)  # same cert again, no time
    reader = pkcs12._Reader(pkcs12.dump([a, b, c, d], PW), PW)
    ids = [bag.key_id for bag in reader.plain_bags]
    ms = int(when.timestamp() * 1000)
    assert ids[0] == hashlib.sha1(a.certificate.der).digest()  # noqa: S324
    assert ids[1] == f"Time {ms}".encode()
    assert ids[2] == f"Time {ms + 1}".encode()
    assert ids[3] is not None and len(ids[3]) == 20 and len(set(ids)) == 4
    back = pkcs12.load(pkcs12.dump([a, b, c, d], PW), PW)
    assert [(e.alias, e.modified) for e in back] == [
        ("a", None),
        ("b", when),
        ("c", when + dt.timedelta(milliseconds=1)),
        ("d", None),
    ]


def test_empty_keystore_round_trips() -> None:
    assert pkcs12.load(pkcs12.dump([], PW), PW) == []


def test_duplicate_aliases_are_refused() -> None:
    with pytest.raises(AliasExists):
        pkcs12.dump([factory.trusted_entry("Same"), factory.trusted_entry("same")], PW)


def test_secret_keys_by_java_name_or_oid() -> None:
    entries = [
        SecretKeyEntry("h", "hmacsha256", b"k" * 32),
        SecretKeyEntry("o", "1.2.3.4.5", b"x" * 3),
        SecretKeyEntry("d", "DESede", b"d" * 24),
    ]
    back = pkcs12.load(pkcs12.dump(entries, PW), PW)
    assert [(e.alias, e.algorithm, e.key) for e in back] == [  # type: ignore[union-attr]
        ("h", "HmacSHA256", b"k" * 32),
        ("o", "1.2.3.4.5", b"x" * 3),
        ("d", "DESede", b"d" * 24),
    ]
    with pytest.raises(UnsupportedFormat, match="Blowfish"):
        pkcs12.dump([SecretKeyEntry("b", "Blowfish", b"b" * 16)], PW)


# ---------------------------------------------------------------------------- other writers


def test_reads_cryptography_output_with_friendly_names() -> None:
    entry = factory.key_pair_entry("leaf", key=factory.ec_key(21))
    (_, root), (_, inter) = factory.ca_chain()
    extra = factory.make_cert(factory.ec_key(22), "Unrelated CA", ca=True)
    cas = [
        crypto_pkcs12.PKCS12Certificate(inter, b"the intermediate"),
        crypto_pkcs12.PKCS12Certificate(root, None),
        crypto_pkcs12.PKCS12Certificate(extra, None),
    ]
    for algorithm in (
        serialization.BestAvailableEncryption(PW.encode()),
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(2000)
        .key_cert_algorithm(crypto_pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
        .hmac_hash(hashes.SHA1())  # noqa: S303
        .build(PW.encode()),
    ):
        data = crypto_pkcs12.serialize_key_and_certificates(
            b"my leaf",
            entry.private_key,  # type: ignore[arg-type]
            entry.certificate.cert,
            cas,
            algorithm,
        )
        back = pkcs12.load(data, PW)
        assert summary(back) == [
            ("my leaf", "key_pair", tuple(c.sha256 for c in entry.chain), None),
            ("unrelated-ca", "certificate", (CertInfo.from_cert(extra).sha256,), None),
        ]


def test_cryptography_reads_our_output() -> None:
    loaded = crypto_pkcs12.load_pkcs12(sample_file(), PW.encode())
    assert loaded.key is not None and loaded.cert is not None
    assert loaded.cert.friendly_name == b"alpha"


def test_leaf_found_by_name_then_public_key_and_aliases_from_cn() -> None:
    k1, k2, k3 = factory.ec_key(31), factory.ec_key(32), factory.ec_key(33)
    c1 = CertInfo.from_cert(factory.make_cert(k1, "Same CN"))
    c2 = CertInfo.from_cert(factory.make_cert(k2, "Same CN"))
    c3 = CertInfo.from_cert(factory.make_cert(k3, "Named"))
    orphan = CertInfo.from_cert(factory.make_cert(factory.ec_key(34), "Orphan CA", ca=True))
    data = pfx(
        encrypted_safe(cert_bag(orphan), cert_bag(c2), cert_bag(c1), cert_bag(c3, name="Three")),
        data_safe(key_bag(k1), key_bag(k2, shrouded=False), key_bag(k3, name="three")),
    )
    back = pkcs12.load(data, PW)
    assert [(e.alias, e.kind, e.certificates[0].der) for e in back] == [
        ("same-cn", "key_pair", c1.der),
        ("same-cn-2", "key_pair", c2.der),
        ("three", "key_pair", c3.der),
        ("orphan-ca", "certificate", orphan.der),
    ]


def test_local_key_id_wins_and_names_clash_case_insensitively() -> None:
    k1, k2 = factory.ec_key(41), factory.ec_key(42)
    c1 = CertInfo.from_cert(factory.make_cert(k1, "one"))
    c2 = CertInfo.from_cert(factory.make_cert(k2, "two"))
    data = pfx(
        data_safe(
            cert_bag(c2, name="Dup", key_id=b"2"),
            cert_bag(c1, name="dup", key_id=b"1"),
            key_bag(k1, name="Dup", key_id=b"1"),
            key_bag(k2, name="DUP", key_id=b"2"),
            cert_bag(c1, name="dup", trusted=True),
        ),
    )
    back = pkcs12.load(data, PW)
    assert [(e.alias, e.kind, e.certificates[0].der) for e in back] == [
        ("Dup", "key_pair", c1.der),
        ("DUP-2", "key_pair", c2.der),
        ("dup-3", "certificate", c1.der),
    ]


def test_key_without_certificate_is_refused_loudly() -> None:
    data = pfx(data_safe(key_bag(factory.ec_key(43), name="lonely")))
    with pytest.raises(UnsupportedFormat, match="lonely"):
        pkcs12.load(data, PW)


def test_crl_bags_are_refused_not_dropped() -> None:
    crl = seq(oid_tlv("1.2.840.113549.1.12.10.1.4"), explicit(0, seq(oid_tlv("1.2.3"), NULL)))
    with pytest.raises(UnsupportedFormat, match="CRL"):
        pkcs12.load(pfx(data_safe(crl)), PW)


def test_ber_indefinite_lengths_and_chunked_strings() -> None:
    data = pkcs12.dump(sample_entries()[:4], PW)
    _, auth, _ = split_pfx(data)
    ber_auth = to_ber(auth)
    ber = (
        to_ber(seq(integer(3), seq(oid_tlv(DATA), explicit(0, octet_string(ber_auth)))))[:-2]
        + mac_data(ber_auth, PW, hash_name="sha256", iterations=100, salt_length=8)
        + b"\x00\x00"
    )
    assert ber[:2] == b"\x30\x80"
    assert pkcs12.sniff(ber)
    assert summary(pkcs12.load(ber, PW)) == summary(sample_entries()[:4])


# ---------------------------------------------------------------------------- passwords


def test_wrong_and_missing_password() -> None:
    with pytest.raises(WrongPassword, match="password is wrong"):
        pkcs12.load(sample_file(), "nope")
    with pytest.raises(WrongPassword):
        pkcs12.load(sample_file(pkcs12.Pkcs12Protection.LEGACY_3DES), "")
    with pytest.raises(PasswordRequired, match="needs a password"):
        pkcs12.load(sample_file(), None)


def test_empty_and_absent_passwords() -> None:
    empty = pkcs12.dump(sample_entries()[:2], "")
    assert len(pkcs12.load(empty, None)) == 2
    assert len(pkcs12.load(empty, "")) == 2
    # OpenSSL's absent password: the MAC key comes from an empty byte string, not 00 00.
    absent = remac(empty, None)
    assert len(pkcs12.load(absent, None)) == 2
    with pytest.raises(WrongPassword):
        pkcs12.load(absent, "x")


@pytest.mark.parametrize("key_secret", [None, ""], ids=["absent", "empty"])
def test_legacy_absent_password_decrypts_with_empty_kdf_input(key_secret: str | None) -> None:
    """MAC under the absent password; the key under the absent or (OpenSSL quirk) empty one."""
    key = factory.ec_key(51)
    cert = CertInfo.from_cert(factory.make_cert(key, "absent"))
    scheme = pbe.Pkcs12Pbe("3des", 24, b"saltsalt", 100)
    algorithm = seq(
        oid_tlv("1.2.840.113549.1.12.1.3"), seq(octet_string(scheme.salt), integer(100))
    )
    shrouded = seq(algorithm, octet_string(scheme.encrypt(pkcs8(key), key_secret)))
    bag = seq(oid_tlv("1.2.840.113549.1.12.10.1.2"), explicit(0, shrouded), attrs(name="k"))
    data = pfx(data_safe(bag, cert_bag(cert, name="k")), password=None)
    assert [e.alias for e in pkcs12.load(data, None)] == ["k"]
    with pytest.raises(WrongPassword):
        pkcs12.load(data, "wrong")


def test_no_mac_loads_without_check_but_still_needs_the_password() -> None:
    data = strip_mac(sample_file())
    assert summary(pkcs12.load(data, PW)) == summary(sample_entries())
    with pytest.raises(WrongPassword):
        pkcs12.load(data, "wrong")
    with pytest.raises(PasswordRequired):
        pkcs12.load(data, None)


def test_unencrypted_truststore_needs_no_password() -> None:
    certs = [factory.trusted_entry(f"t{i}", cn=f"T {i}").cert for i in range(3)]
    data = pfx(
        data_safe(*(cert_bag(c, name=f"t{i}", trusted=True) for i, c in enumerate(certs))),
        mac=False,
    )
    assert [e.alias for e in pkcs12.load(data, None)] == ["t0", "t1", "t2"]
    assert [e.alias for e in pkcs12.load(data, "anything")] == ["t0", "t1", "t2"]


def test_wrong_passwords_never_pass_on_lucky_padding(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ~1/256 wrong passwords CBC padding is valid; the DER check must still refuse."""
    profile = pkcs12_write._Profile(pbe.encrypt_pbes2, 1, "sha256", 8)
    monkeypatch.setattr(pkcs12_write, "_MODERN", profile)
    data = pkcs12.dump(sample_entries()[3:5], PW)
    lucky = 0
    reader = pkcs12._Reader(data, PW)
    sealed = reader.safes[0]
    assert isinstance(sealed, pkcs12._Sealed)
    for i in range(8000):  # about 1 in 255 passes the padding check; stop after 3
        try:
            sealed.scheme.decrypt(sealed.ciphertext, f"wrong{i}")
        except pbe.DecryptError:
            continue
        lucky += 1
        with pytest.raises(WrongPassword):
            pkcs12.load(data, f"wrong{i}")
        if lucky == 3:
            break
    assert lucky == 3  # the scenario really happened


# ---------------------------------------------------------------------------- tampering


def test_flipped_mac_byte_is_an_integrity_error() -> None:
    data = sample_file()
    digest = parse(data, "pfx").children()[2].children()[0].children()[1]
    with pytest.raises(IntegrityError, match="altered"):
        pkcs12.load(flip(data, (digest.start + 5) * 8), PW)


def test_flipped_ciphertext_byte_is_an_integrity_error() -> None:
    data = sample_file()
    with pytest.raises(IntegrityError):
        pkcs12.load(flip(data, (len(data) - 400) * 8 + 3), PW)
    with pytest.raises(IntegrityError):
        pkcs12.load(flip(data, 900 * 8), PW)


def test_mac_only_file_cannot_tell_and_says_so() -> None:
    cert = factory.trusted_entry("m").cert
    data = pfx(data_safe(cert_bag(cert, name="m", trusted=True)))
    with pytest.raises(IntegrityError, match="password is wrong or the file was altered"):
        pkcs12.load(data, "wrong")
    with pytest.raises(PasswordRequired):
        pkcs12.load(data, None)


def test_hostile_iteration_count_is_refused_quickly() -> None:
    data = sample_file()
    head, _, _ = split_pfx(data)
    digest = seq(seq(oid_tlv("1.3.14.3.2.26"), NULL), octet_string(bytes(20)))
    hostile = tlv(0x30, head + seq(digest, octet_string(b"salt"), integer(2_000_000_000)))
    with pytest.raises(CorruptData, match="iteration count"):
        pkcs12.load(hostile, PW)


def assert_fails_cleanly(data: bytes, password: str | None = PW) -> list[Entry] | None:
    try:
        return pkcs12.load(data, password)
    except FAILURES as exc:
        cause = exc.__cause__
        assert cause is None or isinstance(cause, (KeymonError, ValueError, IndexError)), repr(
            cause
        )
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_bit_flips_are_detected(data: st.DataObject) -> None:
    original = sample_file(data.draw(st.sampled_from(pkcs12.Pkcs12Protection)))
    bit = data.draw(st.integers(0, len(original) * 8 - 1))
    loaded = assert_fails_cleanly(flip(original, bit))
    if loaded is not None:  # e.g. a flip in an unchecked NULL parameter: content is intact
        assert summary(loaded) == summary(sample_entries())


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_truncation_fails_cleanly(data: st.DataObject) -> None:
    original = sample_file()
    cut = data.draw(st.integers(0, len(original) - 1))
    assert assert_fails_cleanly(original[:cut]) is None


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=300),
    st.sampled_from([b"", b"\x30\x82\x05\x00\x02\x01\x03", b"\x30\x80\x02\x01\x03\x30\x80"]),
)
def test_random_input_fails_cleanly(tail: bytes, head: bytes) -> None:
    assert assert_fails_cleanly(head + tail) is None


def test_sniff() -> None:
    assert pkcs12.sniff(sample_file())
    assert pkcs12.sniff(sample_file()[:40])  # a damaged file is still PKCS#12 (then CorruptData)
    assert not pkcs12.sniff(b"")
    assert not pkcs12.sniff(b"\xfe\xed\xfe\xed\x00\x00\x00\x02")
    assert not pkcs12.sniff(b"-----BEGIN CERTIFICATE-----\n")
    assert not pkcs12.sniff(factory.trusted_entry("x").cert.der)
    with pytest.raises(UnsupportedFormat):
        pkcs12.load(b"", PW)
    with pytest.raises(UnsupportedFormat):
        pkcs12.load(os.urandom(64).replace(b"\x30", b"\x31"), PW)


# ---------------------------------------------------------------------------- the bag reader

FRIENDLY, LOCAL_ID = "1.2.840.113549.1.9.20", "1.2.840.113549.1.9.21"
TRUSTED = "2.16.840.1.113894.746875.1.1"


def reference_bags(safe_contents: bytes, depth: int = 0) -> list[tuple[object, ...]]:
    """The bags as a plain walk of Der objects reads them: what the hot path must match."""
    out: list[tuple[object, ...]] = []
    for node in parse(safe_contents, "A safe").expect(0x30, "A safe").children():
        parts = node.children()
        kind = pkcs12._BAG_KINDS.get(parts[0].oid())
        value = parts[1].expect(0xA0, "A bag").children()[0]
        if kind == 6 and depth < 4:
            out += reference_bags(value.element(), depth + 1)
            continue
        if kind not in (1, 2, 3, 5):
            raise UnsupportedFormat("an unsupported bag")
        name, key_id, trusted = None, None, False
        for attr in parts[2].expect(0x31, "Attributes").children() if len(parts) > 2 else []:
            attr_kind, values = attr.children()[:2]
            found = values.children()
            attr_oid = attr_kind.oid()
            if attr_oid == der.oid(FRIENDLY) and found:
                encoding = "utf-16-be" if found[0].tag == 0x1E else "utf-8"
                name = found[0].octets().decode(encoding, "replace") or None
            elif attr_oid == der.oid(LOCAL_ID) and found:
                key_id = found[0].octets()
            elif attr_oid == der.oid(TRUSTED):
                trusted = True
        out.append((kind, value.element(), name, key_id, trusted))
    return out


def reference_cert(value: der.Der) -> bytes:
    kind, box = value.expect(0x30, "A certificate bag").children()[:2]
    if kind.oid() != der.oid("1.2.840.113549.1.9.22.1"):
        raise UnsupportedFormat("an unsupported certificate")
    return box.expect(0xA0, "A certificate bag").children()[0].string("A cert")


def read_bags(safe_contents: bytes) -> list[tuple[object, ...]]:
    bags = pkcs12._bags(safe_contents, 0)
    return [(b.kind, b.value.element(), b.name, b.key_id, b.trusted) for b in bags]


def outcome(fn: object, *args: object) -> object:
    """A result, or the error as load() reports it (it calls other exceptions CorruptData)."""
    try:
        return fn(*args)  # type: ignore[operator]
    except (CorruptData, UnsupportedFormat) as exc:
        return type(exc)
    except (ValueError, IndexError):
        return CorruptData


def attribute(dotted: str, *values: bytes) -> bytes:
    return seq(oid_tlv(dotted), set_of(*values))


def raw_cert_bag(content: bytes, *attributes: bytes) -> bytes:
    value = seq(oid_tlv("1.2.840.113549.1.9.22.1"), explicit(0, octet_string(content)))
    extra = [set_of(*attributes)] if attributes else []
    return seq(oid_tlv("1.2.840.113549.1.12.10.1.3"), explicit(0, value), *extra)


def odd_safe_contents() -> bytes:
    """Cert bags with attributes the fast paths take and those they leave to the full read."""
    bmp = lambda text: tlv(0x1E, text.encode("utf-16-be"))  # noqa: E731
    trusted = attribute(TRUSTED, oid_tlv("2.5.29.37.0"))
    return seq(
        raw_cert_bag(b"keymon", attribute(FRIENDLY, bmp("short")), trusted),
        raw_cert_bag(b"long name", attribute(FRIENDLY, bmp("n" * 70)), trusted),
        raw_cert_bag(b"utf-8", attribute(FRIENDLY, tlv(0x0C, "ünï".encode()))),
        raw_cert_bag(b"empty", attribute(FRIENDLY, bmp(""))),
        raw_cert_bag(b"two names", attribute(FRIENDLY, bmp("a"), bmp("b"))),
        raw_cert_bag(b"serverAuth", attribute(TRUSTED, oid_tlv("1.3.6.1.5.5.7.3.1"))),
        raw_cert_bag(b"key id", attribute(LOCAL_ID, octet_string(b"Time 1")), trusted),
        raw_cert_bag(b"other", attribute("1.2.3.4", NULL), attribute(FRIENDLY)),
        raw_cert_bag(b"plain"),
    )


def test_bag_reader_matches_a_plain_der_walk() -> None:
    reader = pkcs12._Reader(sample_file(), PW)
    safes = [reader._decrypt(s, "x") if isinstance(s, pkcs12._Sealed) else s for s in reader.safes]
    for safe_contents in [*safes, odd_safe_contents()]:
        assert read_bags(safe_contents) == reference_bags(safe_contents)
    names = [bag[2] for bag in read_bags(odd_safe_contents())]
    assert names == ["short", "n" * 70, "ünï", None, "a", None, None, None, None]
    bags = pkcs12._bags(odd_safe_contents(), 0)
    assert [pkcs12._cert_der(b) for b in bags] == [reference_cert(b.value) for b in bags]


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_damaged_bags_read_as_a_plain_der_walk_reads_them(data: st.DataObject) -> None:
    safe_contents = bytearray(odd_safe_contents())
    for _ in range(data.draw(st.integers(1, 3))):
        safe_contents[data.draw(st.integers(0, len(safe_contents) - 1))] = data.draw(
            st.integers(0, 255)
        )
    damaged = bytes(safe_contents)
    found = outcome(read_bags, damaged)
    assert found == outcome(reference_bags, damaged)
    if isinstance(found, list):
        for bag in pkcs12._bags(damaged, 0):
            if bag.kind == 3:
                assert outcome(pkcs12._cert_der, bag) == outcome(reference_cert, bag.value)


# ---------------------------------------------------------------------------- hypothesis round trip

aliases = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20).filter(
    lambda s: s.strip() == s and s != ""
)
millis = st.integers(0, 4_000_000_000_000).map(
    lambda ms: dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(milliseconds=ms)
)


@st.composite
def keystores(draw: st.DrawFn) -> list[Entry]:
    names = draw(st.lists(aliases, min_size=0, max_size=5, unique_by=str.casefold))
    pool = [
        lambda a: factory.key_pair_entry("x", key=factory.ec_key(60)),
        lambda a: factory.self_signed_entry("x", key=factory.ec_key(61)),
        lambda a: factory.trusted_entry("x", cn="Pool CA"),
        lambda a: SecretKeyEntry(a, "AES", draw(st.binary(min_size=16, max_size=16))),
    ]
    out: list[Entry] = []
    times: set[dt.datetime | None] = set()
    for name in names:
        entry = draw(st.sampled_from(pool))(name)
        when = draw(st.none() | millis) if not isinstance(entry, CertificateEntry) else None
        when = None if when in times else when  # equal times are written 1 ms apart
        times.add(when)
        out.append(entry.replace(alias=name, modified=when))
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(keystores(), st.sampled_from(pkcs12.Pkcs12Protection), st.text(max_size=12))
def test_hypothesis_round_trip(
    entries: list[Entry], protection: pkcs12.Pkcs12Protection, password: str
) -> None:
    back = pkcs12.load(pkcs12.dump(entries, password, protection=protection), password)
    assert summary(back) == summary(entries)
    keys = [getattr(e, "key", None) for e in entries if e.kind != "certificate"]
    assert [getattr(e, "key", None) for e in back if e.kind != "certificate"] == keys


# ---------------------------------------------------------------------------- crypto primitives


def test_pkcs12_kdf_matches_cryptography_3des_and_rc2_40() -> None:
    """Encrypt with our KDF + cipher; cryptography (OpenSSL) decrypts the PKCS#8."""
    key = factory.ec_key(70)
    for arc, cipher, length in ((3, "3des", 24), (6, "rc2", 5)):
        scheme = pbe.Pkcs12Pbe(cipher, length, os.urandom(8), 700)
        algorithm = seq(
            oid_tlv(f"1.2.840.113549.1.12.1.{arc}"), seq(octet_string(scheme.salt), integer(700))
        )
        epki = seq(algorithm, octet_string(scheme.encrypt(pkcs8(key), PW)))
        loaded = serialization.load_der_private_key(epki, PW.encode())
        assert public_der(loaded) == public_der(key)
        assert pkcs8(key) == pbe.parse_scheme(parse(algorithm, "a")).decrypt(
            scheme.encrypt(pkcs8(key), PW), PW
        )


@pytest.mark.parametrize(
    "arc", [1, 2, 4, 5]
)  # RC4-128, RC4-40, 2-key 3DES, RC2-128: symmetric checks
def test_other_pkcs12_pbe_ciphers_round_trip(arc: int) -> None:
    cipher, length = pbe._PKCS12_CIPHERS[arc]
    scheme = pbe.Pkcs12Pbe(cipher, length, b"12345678", 10)
    assert (
        scheme.decrypt(scheme.encrypt(b"\x30\x03\x02\x01\x00", PW), PW) == b"\x30\x03\x02\x01\x00"
    )


def test_pbes2_variants_decrypt_cryptography_and_openssl_style_keys() -> None:
    key = factory.ec_key(71)
    epki = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PW.encode()),
    )
    algorithm, data = parse(epki, "epki").children()
    scheme = pbe.parse_scheme(algorithm)
    assert isinstance(scheme, pbe.Pbes2)
    assert scheme.decrypt(data.octets(), PW) == pkcs8(key)


def test_rc2_against_rfc_2268_and_cryptography() -> None:
    vectors = [
        ("0000000000000000", 63, "0000000000000000", "ebb773f993278eff"),
        ("ffffffffffffffff", 64, "ffffffffffffffff", "278b27e42e2f0d49"),
        ("3000000000000000", 64, "1000000000000001", "30649edf9be7d2c2"),
        ("88", 64, "0000000000000000", "61a8a244adacccf0"),
        ("88bca90e90875a", 64, "0000000000000000", "6ccf4308974c267f"),
        ("88bca90e90875a7f0f79c384627bafb2", 64, "0000000000000000", "1a807d272bbe5db1"),
        ("88bca90e90875a7f0f79c384627bafb2", 128, "0000000000000000", "2269552ab0f85ca6"),
    ]
    for key, bits, plain, cipher in vectors:
        schedule = pbe._rc2_schedule(bytes.fromhex(key), bits)
        assert pbe._rc2_block(schedule, bytes.fromhex(plain), decrypt=False).hex() == cipher
        assert pbe._rc2_block(schedule, bytes.fromhex(cipher), decrypt=True).hex() == plain
    secret, iv, data = os.urandom(16), os.urandom(8), os.urandom(64)
    reference = Cipher(RC2(secret), modes.CBC(iv)).encryptor().update(data)
    assert pbe._rc2_cbc(secret, iv, reference, decrypt=True) == data


def test_mac_verifies_cryptography_output_and_rejects_others() -> None:
    entry = factory.self_signed_entry("m", key=factory.ec_key(72))
    data = crypto_pkcs12.serialize_key_and_certificates(
        b"m",
        entry.private_key,  # type: ignore[arg-type]
        entry.certificate.cert,
        None,
        serialization.BestAvailableEncryption(b"pw"),
    )
    _, auth, mac = split_pfx(data)
    assert mac is not None
    parsed = pbe.Mac.parse(parse(mac, "mac"))
    assert parsed.verifies(auth, "pw")
    assert not parsed.verifies(auth, "pw2")
    assert not parsed.verifies(auth, None)
