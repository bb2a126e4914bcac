"""PKCS#12 files as other tools write them, and the bounded key-derivation work of an open.

Every file is built here: with keymon's own DER builders, cryptography's primitives and
asn1crypto, following what Windows, .NET, Java/Bouncy Castle, JSafe and RFC 9579 write.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.hazmat.primitives.serialization import pkcs12 as crypto_pkcs12

from keymon.cli import main
from keymon.core.entries import CertInfo
from keymon.core.errors import (
    CorruptData,
    IntegrityError,
    UnsupportedFormat,
    WrongPassword,
)
from keymon.core.formats import detect, kdf, pkcs12
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
from keymon.core.formats.keycheck import rsa_numbers_consistent
from keymon.core.formats.pbe import mac_data
from keymon.core.keystore import Keystore
from tests import factory
from tests.core.test_pkcs12 import (
    DATA,
    ENCRYPTED_DATA,
    PW,
    cert_bag,
    data_safe,
    flip,
    key_bag,
    pfx,
    pkcs8,
    sample_entries,
    split_pfx,
    summary,
    to_ber,
)

FRIENDLY = "1.2.840.113549.1.9.20"
SHROUDED = "1.2.840.113549.1.12.10.1.2"
PBES2, PBKDF2, PBMAC1 = "1.2.840.113549.1.5.13", "1.2.840.113549.1.5.12", "1.2.840.113549.1.5.14"
HMAC_SHA256, AES256 = "1.2.840.113549.2.9", "2.16.840.1.101.3.4.1.42"


class Counter:
    """A cancel token that counts how often it is asked (once per key derivation)."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.calls = 0
        self.cancel_after = cancel_after

    def raise_if_cancelled(self) -> None:
        self.calls += 1
        if self.cancel_after is not None and self.calls > self.cancel_after:
            raise KeyboardInterrupt  # stands for the GUI token's own exception


def ec_pair(index: int, cn: str) -> tuple[object, CertInfo]:
    key = factory.ec_key(index)
    return key, CertInfo.from_cert(factory.make_cert(key, cn))


def named_bag(value: bytes, kind: str, name_bmp: bytes) -> bytes:
    """A bag with a friendlyName given as raw BMPString bytes."""
    attr = seq(oid_tlv(FRIENDLY), set_of(tlv(0x1E, name_bmp)))
    return seq(oid_tlv(kind), explicit(0, value), set_of(attr))


def pbes2_sealed(
    plain: bytes, password: bytes, *, salt: bytes, iterations: int, declared: int | None = None
) -> bytes:
    """EncryptedPrivateKeyInfo with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), raw password bytes.

    ``declared`` writes another iteration count than the one used (a hostile file's claim).
    """
    iv = os.urandom(16)
    key = PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(password)
    pad = 16 - len(plain) % 16
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    ciphertext = enc.update(plain + bytes([pad]) * pad) + enc.finalize()
    count = integer(iterations if declared is None else declared)
    params = seq(octet_string(salt), count, integer(32), seq(oid_tlv(HMAC_SHA256)))
    algorithm = seq(
        oid_tlv(PBES2),
        seq(seq(oid_tlv(PBKDF2), params), seq(oid_tlv(AES256), octet_string(iv))),
    )
    return seq(algorithm, octet_string(ciphertext))


# ---------------------------------------------------------------------------- 1. names


def test_friendly_name_with_a_trailing_nul_is_stripped_as_openssl_does() -> None:
    key, cert = ec_pair(101, "Windows Export")
    name = "my key\x00".encode("utf-16-be")
    data = pfx(
        data_safe(
            named_bag(pkcs8(key), "1.2.840.113549.1.12.10.1.1", name),
            named_bag(
                seq(oid_tlv("1.2.840.113549.1.9.22.1"), explicit(0, octet_string(cert.der))),
                "1.2.840.113549.1.12.10.1.3",
                name,
            ),
        )
    )
    (entry,) = pkcs12.load(data, PW)
    assert entry.alias == "my key"
    assert [e.alias for e in Keystore.from_bytes(data, PW)] == ["my key"]


def test_other_control_characters_in_a_name_do_not_break_the_file() -> None:
    _, cert = ec_pair(102, "Odd Name")
    bag = named_bag(
        seq(oid_tlv("1.2.840.113549.1.9.22.1"), explicit(0, octet_string(cert.der))),
        "1.2.840.113549.1.12.10.1.3",
        "a\x01b\x00\x00".encode("utf-16-be"),
    )
    store = Keystore.from_bytes(pfx(data_safe(bag)), PW)
    assert store.aliases == ["a\ufffdb"]


# ---------------------------------------------------------------------------- 2. trailing bytes


def test_trailing_zero_bytes_after_the_pfx_are_accepted_like_dotnet_writes_them() -> None:
    data = pkcs12.dump(sample_entries(), PW) + bytes(8)
    assert detect.detect(data) is detect.Format.PKCS12
    with pytest.warns(UserWarning, match="extra data"):  # the reference reads it too
        assert crypto_pkcs12.load_pkcs12(data, PW.encode()).key is not None
    assert summary(pkcs12.load(data, PW)) == summary(sample_entries())
    with pytest.raises(WrongPassword):
        pkcs12.load(data, "wrong")
    digest = parse(data[:-8], "pfx").children()[2].children()[0].children()[1]
    with pytest.raises(IntegrityError):  # damage is still found
        pkcs12.load(flip(data, (digest.start + 3) * 8), PW)


# ---------------------------------------------------------------------------- 3. BER


def test_ber_everywhere_outside_and_inside_the_encryption() -> None:
    """Indefinite lengths and chunked strings in the PFX, the safes, the bags and the keys."""
    key, cert = ec_pair(103, "Bouncy Castle")
    rsa_key = factory.rsa_key(2048, 7)
    rsa_cert = CertInfo.from_cert(factory.make_cert(rsa_key, "BC RSA"))
    salt = os.urandom(16)
    keys = [
        seq(
            oid_tlv(SHROUDED),
            explicit(0, pbes2_sealed(to_ber(pkcs8(k)), PW.encode(), salt=salt, iterations=100)),
            set_of(seq(oid_tlv("1.2.840.113549.1.9.21"), set_of(octet_string(bytes([i]))))),
        )
        for i, k in enumerate((key, rsa_key))
    ]
    certs = seq(*(cert_bag(c, key_id=bytes([i])) for i, c in enumerate((cert, rsa_cert))))
    sealed = parse(pbes2_sealed(to_ber(certs), PW.encode(), salt=salt, iterations=100), "x")
    algorithm, ciphertext = sealed.children()
    content = seq(oid_tlv(DATA), algorithm.element(), tlv(0x80, ciphertext.octets()))
    safes = [
        to_ber(seq(oid_tlv(ENCRYPTED_DATA), explicit(0, seq(integer(0), content)))),
        to_ber(data_safe(*keys)),
    ]
    auth = b"\x30\x80" + b"".join(safes) + b"\x00\x00"
    head = b"\x30\x80" + integer(3) + to_ber(seq(oid_tlv(DATA), explicit(0, octet_string(auth))))
    data = head + mac_data(auth, PW, hash_name="sha256", iterations=100, salt_length=8) + b"\0\0"
    assert data[:2] == b"\x30\x80" and detect.detect(data) is detect.Format.PKCS12
    entries = pkcs12.load(data, PW)
    assert [e.certificate.der for e in entries] == [cert.der, rsa_cert.der]


# ---------------------------------------------------------------------------- 4. PBMAC1


def pbmac1_mac_data(
    auth: bytes,
    password: str,
    *,
    salt: bytes = b"pbmac1 salt 1234",
    iterations: int = 2048,
    declared: int | None = None,
    key_length: int | None = 32,
) -> bytes:
    """RFC 9579 MacData: HMAC-SHA256 over ``auth`` keyed by PBKDF2-HMAC-SHA256(UTF-8 password).

    ``declared`` writes another iteration count than the one used (RFC 9579 A.4's damage).
    """
    key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations, 32)
    digest = hmac.new(key, auth, "sha256").digest()
    fields = [octet_string(salt), integer(declared if declared is not None else iterations)]
    if key_length is not None:
        fields.append(integer(key_length))
    fields.append(seq(oid_tlv(HMAC_SHA256), NULL))
    params = seq(seq(oid_tlv(PBKDF2), seq(*fields)), seq(oid_tlv(HMAC_SHA256), NULL))
    info = seq(seq(oid_tlv(PBMAC1), params), octet_string(digest))
    return seq(info, octet_string(b"NOT USED"), integer(1))


def with_pbmac1(password: str = PW, **kw: object) -> bytes:
    head, auth, _ = split_pfx(pkcs12.dump(sample_entries(), PW))
    return tlv(0x30, head + pbmac1_mac_data(auth, password, **kw))  # type: ignore[arg-type]


def test_pbmac1_is_verified_and_tells_a_wrong_password() -> None:
    data = with_pbmac1()
    assert summary(pkcs12.load(data, PW)) == summary(sample_entries())
    with pytest.raises(WrongPassword):
        pkcs12.load(data, "wrong")
    other = with_pbmac1("another password")  # the MAC made with another password
    with pytest.raises(CorruptData, match="PBMAC1"):
        pkcs12.load(other, PW)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"declared": 2049}, "PBMAC1 integrity check fails"),  # RFC 9579 A.4
        ({"declared": 0}, "iteration count of 0"),
        ({"declared": 2_000_000_000}, "iteration count of 2,000,000,000"),
        ({"salt": b""}, "no salt"),
        ({"key_length": None}, "no key length"),
    ],
)
def test_bad_pbmac1_parameters_are_damage_after_the_password_check(
    params: dict[str, object], message: str
) -> None:
    data = with_pbmac1(**params)  # type: ignore[arg-type]
    with pytest.raises(CorruptData, match=message):
        pkcs12.load(data, PW)
    with pytest.raises(WrongPassword):
        pkcs12.load(data, "wrong")


def test_pbmac1_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "good.p12", tmp_path / "bad.p12"
    good.write_bytes(with_pbmac1())
    bad.write_bytes(with_pbmac1(declared=0))
    os.environ["KM_REALWORLD_PW"] = PW
    try:
        assert main(["list", str(good), "--password-env", "KM_REALWORLD_PW"]) == 0
        assert main(["list", str(bad), "--password-env", "KM_REALWORLD_PW"]) == 4
        os.environ["KM_REALWORLD_PW"] = "wrong"
        assert main(["list", str(good), "--password-env", "KM_REALWORLD_PW"]) == 3
        assert main(["list", str(bad), "--password-env", "KM_REALWORLD_PW"]) == 3
    finally:
        del os.environ["KM_REALWORLD_PW"]
    err = capsys.readouterr().err
    assert "Traceback" not in err and "iteration count of 0" in err


# ---------------------------------------------------------------------------- 5, 6. notes


JSAFE_PW = "Pässwörd"


def jsafe_file() -> bytes:
    """MAC over the BMPString password (which is right), contents under its ISO-8859-1 bytes."""
    key, cert = ec_pair(104, "JSafe")
    raw = JSAFE_PW.encode("latin-1")
    shrouded = pbes2_sealed(pkcs8(key), raw, salt=os.urandom(8), iterations=100)
    bag = seq(oid_tlv(SHROUDED), explicit(0, shrouded), set_of())
    certs = pbes2_sealed(seq(cert_bag(cert)), raw, salt=os.urandom(8), iterations=100)
    algorithm, ciphertext = parse(certs, "x").children()
    content = seq(oid_tlv(DATA), algorithm.element(), tlv(0x80, ciphertext.octets()))
    encrypted = seq(oid_tlv(ENCRYPTED_DATA), explicit(0, seq(integer(0), content)))
    return pfx(data_safe(bag), encrypted, password=JSAFE_PW)


def test_jsafe_iso_8859_1_password_bytes_open_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = jsafe_file()
    read = pkcs12.decode(data, JSAFE_PW)
    assert [e.kind for e in read.entries] == ["key_pair"]
    assert len(read.notes) == 1 and "ISO-8859-1" in read.notes[0]
    with pytest.raises(WrongPassword):
        pkcs12.load(data, "Passwort")
    path = tmp_path / "jsafe.p12"
    path.write_bytes(data)
    assert Keystore.open(path, JSAFE_PW).notes == read.notes
    os.environ["KM_REALWORLD_PW"] = JSAFE_PW
    try:
        assert main(["list", str(path), "--password-env", "KM_REALWORLD_PW"]) == 0
    finally:
        del os.environ["KM_REALWORLD_PW"]
    assert "note: The file's contents are encrypted" in capsys.readouterr().err


def test_ordinary_files_have_no_notes() -> None:
    assert pkcs12.decode(pkcs12.dump(sample_entries(), PW), PW).notes == ()


def test_a_file_without_mac_or_encryption_says_it_is_unprotected() -> None:
    key, cert = ec_pair(105, "Open")
    data = pfx(
        data_safe(key_bag(key, shrouded=False, name="k"), cert_bag(cert, name="k")), mac=False
    )
    for password in (None, "anything"):
        read = pkcs12.decode(data, password)
        assert [e.alias for e in read.entries] == ["k"]
        assert read.notes == ("This file is not protected by a password: anyone can read it.",)
    assert detect.load(data, "x").notes == read.notes


# ---------------------------------------------------------------------------- 7. KDF work


def hostile_file(bags: int, iterations: int, *, same_salt: bool = False) -> bytes:
    """``bags`` shrouded keys (one real key, copied), each asking for ``iterations``."""
    key, cert = ec_pair(106, "Hostile")
    key_bags = []
    for i in range(bags):
        salt = b"s" * 16 if same_salt else i.to_bytes(16, "big")
        used = iterations if iterations <= 1000 else 1  # a hostile count is only claimed
        sealed = pbes2_sealed(
            pkcs8(key), PW.encode(), salt=salt, iterations=used, declared=iterations
        )
        key_bags.append(seq(oid_tlv(SHROUDED), explicit(0, sealed), set_of()))
    return pfx(data_safe(*key_bags, cert_bag(cert)), mac=False)


def test_a_thousand_keys_at_ten_million_iterations_are_refused_before_any_work() -> None:
    data = hostile_file(1000, 10_000_000)
    counter = Counter()
    with pytest.raises(kdf.TooMuchWork) as caught:
        pkcs12.decode(data, PW, counter)
    assert str(caught.value) == (
        "This file asks for 10,000,000,000 key-derivation iterations; keymon stops at"
        " 50,000,000 so a hostile file cannot hang it."
    )
    assert counter.calls == 0  # not one derivation was started
    assert isinstance(caught.value, UnsupportedFormat)  # exit code 4


def test_the_same_derivation_is_done_once_per_open() -> None:
    data = hostile_file(50, 1000, same_salt=True)  # the same salt and count: one derivation
    counter = Counter()
    read = pkcs12.decode(data, PW, counter)
    assert len(read.entries) == 50
    assert counter.calls == 1


def test_an_open_can_be_cancelled_between_derivations() -> None:
    data = pkcs12.dump(sample_entries(), PW)
    with pytest.raises(KeyboardInterrupt):
        pkcs12.decode(data, PW, Counter(cancel_after=2))
    with pytest.raises(KeyboardInterrupt):  # through the Keystore too
        Keystore.from_bytes(data, PW, cancel=Counter(cancel_after=1))


def test_the_slow_pkcs12_kdf_has_its_own_smaller_budget() -> None:
    head, auth, _ = split_pfx(
        pkcs12.dump(sample_entries(), PW, protection=pkcs12.Pkcs12Protection.LEGACY_3DES)
    )
    hostile = tlv(0x30, head + mac_data(auth, PW, hash_name="sha1", iterations=1000, salt_length=8))
    assert len(pkcs12.load(hostile, PW)) == len(sample_entries())
    derivations = kdf.Derivations()
    derivations.plan([kdf.Cost("pkcs12", "sha1", b"a", 5_000_000, 20, 3)])
    with pytest.raises(kdf.TooMuchWork, match="asks for 15,000,000 PKCS#12 key-derivation"):
        derivations.plan([kdf.Cost("pkcs12", "sha1", b"b", 5_000_000, 24, 1)])


def test_pkcs12_kdf_matches_cryptography_and_counts_its_work() -> None:
    """The fast loop gives RFC 7292's result (cryptography's legacy encryption reads it)."""
    cost = kdf.Cost("pkcs12", "sha1", b"saltsalt", 2048, 24, 1)
    assert cost.work == 2 * 2048  # two SHA-1 blocks for a 24-byte key
    entries = sample_entries()[:1]
    legacy = pkcs12.dump(entries, PW, protection=pkcs12.Pkcs12Protection.LEGACY_3DES)
    assert crypto_pkcs12.load_pkcs12(legacy, PW.encode()).key is not None
    assert len(kdf.pkcs12_kdf(cost, "pw".encode("utf-16-be") + b"\0\0")) == 24


# ---------------------------------------------------------------------------- 8. RSA keys


def corrupted_rsa_pkcs8(field: str) -> bytes:
    info = asn1_keys.PrivateKeyInfo.load(pkcs8(factory.rsa_key(2048, 8)))
    rsa_key = info["private_key"].parsed
    rsa_key[field] = rsa_key[field].native ^ (1 << 40)
    info["private_key"] = asn1_keys.RSAPrivateKey.load(rsa_key.dump(force=True))
    return bytes(info.dump(force=True))


@pytest.mark.parametrize("field", ["prime1", "private_exponent", "exponent1", "coefficient"])
def test_a_corrupted_rsa_key_is_refused_even_under_a_valid_mac(field: str) -> None:
    key = factory.rsa_key(2048, 8)
    cert = CertInfo.from_cert(factory.make_cert(key, "RSA"))
    bag = seq(
        oid_tlv("1.2.840.113549.1.12.10.1.1"),
        explicit(0, corrupted_rsa_pkcs8(field)),
        set_of(seq(oid_tlv(FRIENDLY), set_of(tlv(0x1E, "rsa".encode("utf-16-be"))))),
    )
    data = pfx(data_safe(bag, cert_bag(cert, name="rsa")))  # the MAC is right
    with pytest.raises(CorruptData, match="'rsa' in the keystore is damaged"):
        pkcs12.load(data, PW)


def test_rsa_arithmetic_check() -> None:
    numbers = factory.rsa_key(2048, 9).private_numbers()
    assert rsa_numbers_consistent(numbers)
