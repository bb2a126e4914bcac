"""JKS / JCEKS codec, the Sun key protectors and the Java serialization reader."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import struct
import time
from collections.abc import Callable
from functools import cache

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keymon.core.entries import CertificateEntry, Entry, KeyPairEntry, SecretKeyEntry
from keymon.core.errors import (
    CorruptData,
    IntegrityError,
    PasswordRequired,
    UnsupportedFormat,
    UsageError,
    WrongPassword,
)
from keymon.core.formats import javaser, jks, jks_keys, mutf8, sun_pbe
from keymon.core.locked import KeyLocked
from tests import factory

BAD_INPUT = (CorruptData, WrongPassword, IntegrityError)
# Damaged certificates may parse with a warning (e.g. a negative serial number); that is fine.
DAMAGE_WARNINGS = pytest.mark.filterwarnings(
    "ignore::cryptography.utils.CryptographyDeprecationWarning"
)
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Made by keytool 17: -genkeypair -keyalg EC -alias kat -storetype JKS -storepass changeit
KAT_JKS = base64.b64decode(
    "/u3+7QAAAAIAAAABAAAAAQADa2F0AAABoh+XnSoAAAB/MH0wDgYKKwYBBAEqAhEBAQUABGv1W/wX"
    "fruf214xymY8N/xXFaAwrZ0SX8uYwUALUL0qjK4uh+V8wPpN8K/eLoHHJHVgBuuzHEWos3CCWagc"
    "0dazoqhc6oP+OmE8U3IHhxXvWku51bPamPXC/miQg2W5oJzpTypWdqTNkJDIxAAAAAEABVguNTA5"
    "AAABODCCATQwgdugAwIBAgIIOsQRQDjDLUwwCgYIKoZIzj0EAwIwDjEMMAoGA1UEAxMDa2F0MCAX"
    "DTI2MTEyODAwMzkxOVoYDzIxMjYxMTA0MDAzOTE5WjAOMQwwCgYDVQQDEwNrYXQwWTATBgcqhkjO"
    "PQIBBggqhkjOPQMBBwNCAATHVq0bz00BGvM5uVnJeKHhX95FT0HvB7QDiHKet08ETeQFEAyBtoGz"
    "VLd/NeqBPEGLvmZo7fXFGF0lzJjYkx7koyEwHzAdBgNVHQ4EFgQUMF1M5XLndmNUTW7vbcU6ZVxA"
    "58wwCgYIKoZIzj0EAwIDSAAwRQIgColepDhlXtDKGkAwisLOp9wInenNezfjlY9krmbl/JICIQDV"
    "TS6G/GUL3KcHddP048DYCRKUSkWD2qC7T5XEbhnacx7lpPPnGsCZqj7CZf0ygywYJOAN"
)
KAT_JKS_SHA256 = "4c56e12fe7f28890e2ad522622beb6a70418a25956694c03e69da9960073c412"
# Made by keytool 17: -genseckey -keyalg AES -keysize 128 -alias aes -storetype JCEKS
KAT_JCEKS = base64.b64decode(
    "zs7OzgAAAAIAAAABAAAAAwADYWVzAAABoh+Xnfus7QAFc3IAM2NvbS5zdW4uY3J5cHRvLnByb3Zp"
    "ZGVyLlNlYWxlZE9iamVjdEZvcktleVByb3RlY3Rvcs1XylnnMLtTAgAAeHIAGWphdmF4LmNyeXB0"
    "by5TZWFsZWRPYmplY3Q+Nj2mw7dUcAIABFsADWVuY29kZWRQYXJhbXN0AAJbQlsAEGVuY3J5cHRl"
    "ZENvbnRlbnRxAH4AAkwACXBhcmFtc0FsZ3QAEkxqYXZhL2xhbmcvU3RyaW5nO0wAB3NlYWxBbGdx"
    "AH4AA3hwdXIAAltCrPMX+AYIVOACAAB4cAAAABEwDwQIsp4zh2cfVYYCAwMNQHVxAH4ABQAAAJDj"
    "6qdjWB2IoONQvqXFVQ1zrVB4mlAIkgSottMN8L9oSctUEI+19dFf9aoYzAwDDgSAt9+vIHkcoZtu"
    "PXCxmGc3pa5ywAGDyr9NfXEyMwcIDtvFzHpLBr97mWWt1sUBZsZqXqtoJ9QKULX37NMFCFfHLh6V"
    "ZtJx2orWo/6fDcKPpFK5kt/FYEj1VQzR8O5/L6N0ABZQQkVXaXRoTUQ1QW5kVHJpcGxlREVTdAAW"
    "UEJFV2l0aE1ENUFuZFRyaXBsZURFU2c38OIocQ08D1gIKMcjZRM4pNDK"
)


def pkcs8(entry: KeyPairEntry) -> bytes:
    return entry.private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


@cache
def sample() -> tuple[Entry, ...]:
    return (
        factory.key_pair_entry("Leaf"),
        factory.self_signed_entry("ec-key"),
        factory.trusted_entry("root-ca", "keymon root"),
        factory.trusted_entry("zertifikat-müller"),
    )


@cache
def small_jks() -> bytes:
    """EC keys only, so that parsing a damaged copy stays fast."""
    return jks.dump([factory.self_signed_entry("ec"), factory.trusted_entry("ca")], "changeit")


@cache
def small_jceks() -> bytes:
    entries = [
        factory.self_signed_entry("ec"),
        SecretKeyEntry("aes", "AES", bytes(16)),
        factory.trusted_entry("ca"),
    ]
    return jks.dump(entries, "changeit", jceks=True, iterations=2)


def assert_same(loaded: list[Entry], original: list[Entry] | tuple[Entry, ...]) -> None:
    assert [e.alias for e in loaded] == [e.alias.lower() for e in original]
    for got, want in zip(loaded, original, strict=True):
        assert got.kind == want.kind
        assert [c.der for c in got.certificates] == [c.der for c in want.certificates]
        if isinstance(want, KeyPairEntry):
            assert isinstance(got, KeyPairEntry)
            assert pkcs8(got) == pkcs8(want)
        if isinstance(want, SecretKeyEntry):
            assert isinstance(got, SecretKeyEntry)
            assert (got.algorithm, got.key) == (want.algorithm, want.key)
        if want.modified is not None:
            assert got.modified == want.modified.replace(
                microsecond=want.modified.microsecond // 1000 * 1000
            )
        assert got.modified is not None


# --- known answers from keytool ----------------------------------------------------------


def test_sniff() -> None:
    assert jks.sniff(KAT_JKS) == "jks"
    assert jks.sniff(KAT_JCEKS) == "jceks"
    assert jks.sniff(b"0\x82\x01") is None
    assert jks.sniff(b"") is None


def test_reads_keytool_jks() -> None:
    (entry,) = jks.load(KAT_JKS, "changeit")
    assert isinstance(entry, KeyPairEntry)
    assert entry.alias == "kat"
    assert entry.certificate.sha256 == KAT_JKS_SHA256
    assert entry.private_key.public_key() == entry.certificate.public_key
    assert entry.modified == dt.datetime(2026, 11, 28, 0, 39, 19, 594000, tzinfo=dt.UTC)


def test_reads_keytool_jceks_secret_key() -> None:
    (entry,) = jks.load(KAT_JCEKS, "changeit")
    assert isinstance(entry, SecretKeyEntry)
    assert (entry.alias, entry.algorithm) == ("aes", "AES")
    assert entry.key.hex() == "aaa2bc4dea6f9ffccf533adb46e8f9e5"


def test_keytool_files_wrong_password() -> None:
    with pytest.raises(WrongPassword, match=r"^The keystore password is wrong\.$"):
        jks.load(KAT_JKS, "wrong-password")
    with pytest.raises(WrongPassword, match=r"^The keystore password is wrong\.$"):
        jks.load(KAT_JCEKS, "wrong-password")


def test_keys_need_a_password() -> None:
    with pytest.raises(PasswordRequired):
        jks.load(KAT_JKS, None)
    with pytest.raises(PasswordRequired):
        jks.load(KAT_JCEKS, None)


# --- round trips -------------------------------------------------------------------------


def test_round_trip_jks() -> None:
    entries = list(sample())
    assert_same(jks.load(jks.dump(entries, "changeit"), "changeit"), entries)


def test_round_trip_jceks() -> None:
    entries = [*sample(), SecretKeyEntry("Sec", "HmacSHA256", b"\x01" * 32)]
    data = jks.dump(entries, "changeit", jceks=True, iterations=3)
    assert jks.sniff(data) == "jceks"
    assert_same(jks.load(data, "changeit"), entries)


def test_dump_keeps_modified_and_lowercases_aliases() -> None:
    when = dt.datetime(2001, 2, 3, 4, 5, 6, 789123, tzinfo=dt.UTC)
    entry = CertificateEntry("MiXeD", factory.trusted_entry("x").cert, when)
    (loaded,) = jks.load(jks.dump([entry], "pw"), "pw")
    assert loaded.alias == "mixed"
    assert loaded.modified == when.replace(microsecond=789000)


def test_trusted_only_store_opens_without_password() -> None:
    entries = [factory.trusted_entry("a"), factory.trusted_entry("b")]
    data = jks.dump(entries, "changeit")
    assert [e.alias for e in jks.load(data, None)] == ["a", "b"]
    with pytest.raises(WrongPassword, match=r"^The keystore password is wrong, or the file"):
        jks.load(data, "nope")


def test_modified_utf8_aliases() -> None:
    aliases = ["証明書", "nul\x00inside", "emoji 😀", "zertifikat-müller"]
    entries = [factory.trusted_entry(a) for a in aliases]
    data = jks.dump(entries, "pässwörd😀")
    assert b"\xc0\x80" in data and b"\xed\xa0\xbd\xed\xb8\x80" in data  # Java's encodings
    assert [e.alias for e in jks.load(data, "pässwörd😀")] == aliases


def test_version_1_has_no_certificate_types() -> None:
    der = factory.trusted_entry("v1").cert.der
    body = struct.pack(">III", jks.JKS_MAGIC, 1, 1) + struct.pack(">I", 2)
    body += mutf8.write_utf("old") + struct.pack(">qI", 0, len(der)) + der
    digest = hashlib.sha1("pw".encode("utf-16-be") + b"Mighty Aphrodite" + body).digest()  # noqa: S324
    (entry,) = jks.load(body + digest, "pw")
    assert entry.alias == "old" and entry.certificate.der == der
    assert entry.modified == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


# --- passwords and integrity -------------------------------------------------------------


def _own_password_store(monkeypatch: pytest.MonkeyPatch, jceks: bool) -> tuple[bytes, KeyPairEntry]:
    """A store whose key 'my-key' is sealed with 'key-password', plus the original entry."""
    if jceks:
        seal = sun_pbe.jceks_protect
        monkeypatch.setattr(
            sun_pbe, "jceks_protect", lambda key, _pw, n=1000: seal(key, "key-password", n)
        )
    else:
        protect = sun_pbe.jks_protect
        monkeypatch.setattr(sun_pbe, "jks_protect", lambda key, _pw: protect(key, "key-password"))
    original = factory.self_signed_entry("My-Key")
    trusted = factory.trusted_entry("root")
    data = jks.dump([original, trusted], "store-password", jceks=jceks, iterations=1000)
    monkeypatch.undo()
    return data, original


@pytest.mark.parametrize("jceks", [False, True], ids=["jks", "jceks"])
def test_key_with_its_own_password_is_listed_locked(
    monkeypatch: pytest.MonkeyPatch, jceks: bool
) -> None:
    data, original = _own_password_store(monkeypatch, jceks)
    key_entry, trusted = jks.load(data, "store-password")
    assert isinstance(key_entry, KeyPairEntry) and key_entry.locked
    assert key_entry.chain == original.chain and trusted.alias == "root"
    with pytest.raises(KeyLocked, match=r"^The key of entry 'my-key' has its own password\.$"):
        _ = key_entry.private_key
    with pytest.raises(KeyLocked, match="password given for entry 'my-key' is wrong"):
        key_entry.unlocked("store-password")
    opened = key_entry.unlocked("key-password")
    assert not opened.locked and opened.sealed is key_entry.sealed
    assert _pkcs8(opened) == _pkcs8(original)
    # Saved again (locked or opened), the key is written back sealed exactly as it was.
    for entry in (key_entry, opened):
        again = jks.dump([entry, trusted], "new-store-password", jceks=jceks)
        (reread, _) = jks.load(again, "new-store-password")
        assert isinstance(reread, KeyPairEntry) and reread.sealed == key_entry.sealed
        assert _pkcs8(reread.unlocked("key-password")) == _pkcs8(original)


def test_jceks_sealed_key_cannot_go_into_jks_locked(monkeypatch: pytest.MonkeyPatch) -> None:
    data, original = _own_password_store(monkeypatch, jceks=True)
    key_entry, trusted = jks.load(data, "store-password")
    with pytest.raises(KeyLocked, match="'my-key' has its own password"):
        jks.dump([key_entry, trusted], "store-password")  # JKS reads only its own protector
    assert isinstance(key_entry, KeyPairEntry)
    (reread,) = jks.load(jks.dump([key_entry.unlocked("key-password")], "pw"), "pw")
    assert isinstance(reread, KeyPairEntry) and _pkcs8(reread) == _pkcs8(original)


def _pkcs8(entry: Entry) -> bytes:
    assert isinstance(entry, KeyPairEntry)
    return entry.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def test_tampering_is_told_from_a_wrong_password() -> None:
    data = bytearray(small_jks())
    data[-30] ^= 0x01  # inside the trusted certificate's signature: structure stays valid
    with pytest.raises(IntegrityError, match="integrity check failed"):
        jks.load(bytes(data), "changeit")
    with pytest.raises(WrongPassword):
        jks.load(bytes(data), "wrong")


@DAMAGE_WARNINGS
def test_truncation_everywhere() -> None:
    for data in (small_jks(), small_jceks()):
        for n in range(len(data)):
            with pytest.raises(BAD_INPUT):
                jks.load(data[:n], "changeit")
            with pytest.raises((*BAD_INPUT, PasswordRequired)):
                jks.load(data[:n], None)


@DAMAGE_WARNINGS
@pytest.mark.parametrize("source", [small_jks, small_jceks])
def test_every_byte_flipped(source: Callable[[], bytes]) -> None:
    original = source()
    for pos in range(len(original)):
        data = bytearray(original)
        data[pos] ^= 1 << (pos % 8)
        with pytest.raises(BAD_INPUT):
            jks.load(bytes(data), "changeit")


@FUZZ
@given(st.binary(max_size=300), st.sampled_from([b"", b"\xfe\xed\xfe\xed", b"\xce\xce\xce\xce"]))
def test_random_bytes(tail: bytes, magic: bytes) -> None:
    with pytest.raises(BAD_INPUT):
        jks.load(magic + tail, "changeit")
    with contextlib.suppress(*BAD_INPUT, PasswordRequired):
        jks.load(magic + tail, None)


@DAMAGE_WARNINGS
@FUZZ
@given(st.data())
def test_random_damage(data: st.DataObject) -> None:
    original = data.draw(st.sampled_from([small_jks(), small_jceks()]))
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    if damaged == original:
        return
    with pytest.raises(BAD_INPUT):
        jks.load(bytes(damaged), "changeit")


def test_huge_lengths_are_refused_quickly() -> None:
    head = struct.pack(">III", jks.JKS_MAGIC, 2, 0x7FFFFFFF) + struct.pack(">I", 1)
    data = head + mutf8.write_utf("a") + struct.pack(">qI", 0, 0xFFFFFFF0) + bytes(40)
    with pytest.raises(CorruptData):
        jks.load(data, "pw")


# --- dump refusals -----------------------------------------------------------------------


def test_dump_refuses_secret_keys_in_jks() -> None:
    with pytest.raises(UnsupportedFormat, match=r"JKS cannot hold secret keys"):
        jks.dump([SecretKeyEntry("s", "AES", bytes(16))], "pw")


def test_dump_refuses_case_clashes() -> None:
    with pytest.raises(UsageError, match="differ only in case"):
        jks.dump([factory.trusted_entry("Same"), factory.trusted_entry("sAME")], "pw")


def test_dump_refuses_non_ascii_jceks_password() -> None:
    with pytest.raises(UsageError, match="printable ASCII"):
        jks.dump([factory.trusted_entry("a")], "pässwort", jceks=True)


def test_dump_refuses_key_without_certificate() -> None:
    entry = KeyPairEntry("k", factory.ec_key(), ())
    with pytest.raises(UsageError, match="no certificate"):
        jks.dump([entry], "pw")


# --- property-based round trips ----------------------------------------------------------

_moments = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9000, 1, 1), timezones=st.just(dt.UTC)
)
_printable = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12)


@cache
def _pool() -> tuple[Entry, ...]:
    return (
        factory.self_signed_entry("p0"),
        factory.self_signed_entry("p1", key=factory.ec_key(3, "P-384")),
        factory.key_pair_entry("p2", key=factory.ec_key(4)),
        factory.trusted_entry("p3"),
        factory.trusted_entry("p4", "another"),
    )


def _entries(secret: bool) -> st.SearchStrategy[list[Entry]]:
    aliases = st.lists(st.text(min_size=1, max_size=15), max_size=6, unique_by=str.lower)
    templates: list[st.SearchStrategy[Entry]] = [st.sampled_from(_pool())]
    if secret:
        templates.append(st.builds(SecretKeyEntry, st.just(""), st.text(max_size=10), st.binary()))
    entry = st.tuples(st.one_of(templates), st.none() | _moments)

    def build(names: list[str], shapes: list[tuple[Entry, dt.datetime | None]]) -> list[Entry]:
        return [e.replace(alias=n, modified=m) for n, (e, m) in zip(names, shapes, strict=False)]

    return st.builds(build, aliases, st.lists(entry, min_size=6, max_size=6))


@FUZZ
@given(_entries(secret=False), st.text(max_size=12))
def test_jks_round_trip_property(entries: list[Entry], password: str) -> None:
    assert_same(jks.load(jks.dump(entries, password), password), entries)


@FUZZ
@given(_entries(secret=True), _printable)
def test_jceks_round_trip_property(entries: list[Entry], password: str) -> None:
    data = jks.dump(entries, password, jceks=True, iterations=1)
    assert_same(jks.load(data, password), entries)


def test_load_10000_trusted_certificates_is_fast() -> None:
    certs = [factory.trusted_entry(f"ca{i}").cert for i in range(3)]
    entries = [CertificateEntry(f"ca-{i}", certs[i % 3]) for i in range(10_000)]
    data = jks.dump(entries, "changeit")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        loaded = jks.load(data, "changeit")
        best = min(best, time.perf_counter() - start)
    assert len(loaded) == 10_000
    assert best < 1.0, f"loading 10,000 entries took {best:.2f} s"


# --- Sun PBE -----------------------------------------------------------------------------


def test_pbe_equal_salt_halves_reverse_the_first() -> None:
    pwd = b"changeit"
    same = sun_pbe.pbe_derive(pwd, b"abcdabcd", 5)
    assert same == sun_pbe.pbe_derive(pwd, b"dcbaabcd", 5)
    key, iv = sun_pbe.pbe_derive(pwd, b"12345678", 1)
    halves = [hashlib.md5(half + pwd).digest() for half in (b"1234", b"5678")]  # noqa: S324
    assert key + iv == b"".join(halves)


def test_jks_protector_round_trip() -> None:
    blob = sun_pbe.jks_protect(b"x" * 45, "pässword")
    oid, params, encrypted = sun_pbe.parse_epki(blob)
    assert (oid, params) == (sun_pbe.JKS_PROTECTOR_OID, None)
    assert len(encrypted) == 20 + 45 + 20
    assert sun_pbe.jks_recover(encrypted, "pässword") == b"x" * 45
    assert sun_pbe.jks_recover(encrypted, "password") is None


def test_pbe_parameters() -> None:
    assert sun_pbe.parse_pbe_params(sun_pbe.pbe_params_der(b"8bytes!!", 128), wrapped=True) == (
        b"8bytes!!",
        128,
    )
    for salt, count in [(b"short", 1), (b"8bytes!!", 0), (b"8bytes!!", 10**7)]:
        with pytest.raises(CorruptData):
            sun_pbe.parse_pbe_params(sun_pbe.pbe_params_der(salt, count), wrapped=True)


def test_pbe_refuses_non_ascii_password() -> None:
    assert sun_pbe.pbe_decrypt(bytes(16), "pä", b"12345678", 1) is None
    assert sun_pbe.pbe_password("tab\there") is None


@pytest.mark.parametrize(
    "oid", [sun_pbe.JKS_PROTECTOR_OID, sun_pbe.PBE_MD5_3DES_OID, "2.999.1", "0.0"]
)
def test_oid_round_trip(oid: str) -> None:
    assert sun_pbe.decode_oid(sun_pbe.encode_oid(oid)[2:]) == oid


# --- Java serialization ------------------------------------------------------------------

MAGIC = b"\xac\xed\x00\x05"


def utf(text: str) -> bytes:
    return mutf8.write_utf(text)


def classdesc(name: str, flags: int, fields: list[tuple[str, str, bytes]], sup: bytes) -> bytes:
    out = b"\x72" + utf(name) + struct.pack(">qBH", 42, flags, len(fields))
    for code, fname, ctype in fields:
        out += code.encode() + utf(fname) + ctype
    return out + b"\x78" + sup


def ref(handle: int) -> bytes:
    return b"\x71" + struct.pack(">i", 0x7E0000 + handle)


def demo_stream() -> bytes:
    """An object using every supported element; handle numbers are in the comments."""
    fields = [
        ("B", "b", b""),
        ("C", "c", b""),
        ("D", "d", b""),
        ("F", "f", b""),
        ("I", "i", b""),
        ("J", "j", b""),
        ("S", "s", b""),
        ("Z", "z", b""),
        ("L", "name", b"\x74" + utf("Ljava/lang/String;")),  # 1
        ("[", "ints", b"\x74" + utf("[I")),  # 2
        ("L", "me", b"\x74" + utf("LDemo;")),  # 3
        ("L", "kind", b"\x74" + utf("LColor;")),  # 4
        ("L", "handler", b"\x74" + utf("Ljava/lang/Object;")),  # 5
    ]
    out = MAGIC + b"\x73" + classdesc("Demo", 0x03, fields, b"\x70")  # 0, object 6
    out += struct.pack(">bHdfiqh?", -5, 0x263A, 1.5, 2.5, -7, 1 << 40, -2, True)
    out += b"\x74" + utf("hello")  # 7
    out += b"\x75" + classdesc("[I", 0x02, [], b"\x70") + struct.pack(">iii", 2, 10, 20)  # 8, 9
    out += ref(6)
    enum_desc = classdesc("Color", 0x12, [], classdesc("java.lang.Enum", 0x12, [], b"\x70"))
    out += b"\x7e" + enum_desc + b"\x74" + utf("RED")  # 10, 11, enum 12, 13
    proxy = b"\x7d" + struct.pack(">i", 1) + utf("java.lang.Runnable") + b"\x78\x70"  # 14
    out += b"\x73" + proxy  # 15
    out += b"\x77\x03abc" + b"\x7c" + struct.pack(">q", 4) + b"long" + b"\x78"  # 16
    return out


def test_javaser_reads_every_element() -> None:
    obj = javaser.loads(demo_stream())
    assert isinstance(obj, javaser.JavaObject)
    assert obj.class_names == ["Demo"]
    f = obj.fields
    assert (f["b"], f["c"], f["d"], f["f"], f["i"], f["j"], f["s"], f["z"]) == (
        -5,
        "☺",
        1.5,
        2.5,
        -7,
        1 << 40,
        -2,
        True,
    )
    assert (f["name"], f["ints"], f["me"]) == ("hello", [10, 20], obj)
    assert f["kind"] == javaser.JavaEnum("Color", "RED")
    handler = f["handler"]
    assert isinstance(handler, javaser.JavaObject)
    assert handler.classdesc.interfaces == ("java.lang.Runnable",)
    assert obj.annotations == [b"abc", "long"]


def test_javaser_truncated_everywhere() -> None:
    stream = demo_stream()
    for n in range(len(stream)):
        with pytest.raises(CorruptData):
            javaser.loads(stream[:n])
    with pytest.raises(CorruptData, match="trailing"):
        javaser.loads(stream + b"\x70")


@pytest.mark.parametrize(
    "body",
    [
        b"\x76" + classdesc("X", 2, [], b"\x70"),  # TC_CLASS
        b"\x79",  # TC_RESET
        b"\x7b",  # TC_EXCEPTION
        b"\x77\x01a",  # block data outside an object
        ref(0),  # nothing to refer to
        b"\x73\x70",  # an object without a class
        b"\x73" + classdesc("Ext", 0x04, [], b"\x70"),  # externalizable, old protocol
        b"\x73" + classdesc("Bad", 2, [("Q", "q", b"")], b"\x70"),  # unknown field type
        b"\x75" + classdesc("[I", 2, [], b"\x70") + struct.pack(">i", 0x7FFFFFFF),
        b"\x75" + classdesc("[B", 2, [], b"\x70") + struct.pack(">i", -1),
        b"\x75" + classdesc("X", 2, [], b"\x70") + struct.pack(">i", 0),  # not an array class
        b"\x7e" + classdesc("E", 0x12, [], b"\x70") + b"\x70",  # enum without a name
    ],
)
def test_javaser_refuses(body: bytes) -> None:
    with pytest.raises(CorruptData):
        javaser.loads(MAGIC + body)


def test_javaser_refuses_bad_header_and_deep_nesting() -> None:
    with pytest.raises(CorruptData, match="header"):
        javaser.loads(b"\xac\xed\x00\x04\x70")
    array = classdesc("[Ljava/lang/Object;", 2, [], b"\x70")  # handle 0
    nested = b"\x75" + array + struct.pack(">i", 1)
    nested += (b"\x75" + ref(0) + struct.pack(">i", 1)) * 100 + b"\x70"
    with pytest.raises(CorruptData, match="nested too deeply"):
        javaser.loads(MAGIC + nested)


def test_javaser_cyclic_superclass_terminates() -> None:
    body = b"\x73\x72" + utf("Loop") + struct.pack(">qBH", 1, 2, 1) + b"I" + utf("x") + b"\x78"
    body += ref(0) + struct.pack(">i", 7) * (javaser.MAX_DEPTH + 1)
    obj = javaser.loads(MAGIC + body)
    assert isinstance(obj, javaser.JavaObject) and obj.fields == {"x": 7}


@FUZZ
@given(st.binary(max_size=200))
def test_javaser_random_bytes(body: bytes) -> None:
    with contextlib.suppress(CorruptData):
        javaser.loads(MAGIC + body)


def test_javaser_writer_matches_java() -> None:
    key = bytes(range(32))
    java = (  # what Java 17 serializes for new SecretKeySpec(key, "AES")
        MAGIC + b"sr\x00\x1fjavax.crypto.spec.SecretKeySpec[G\x0bf\xe20aM\x02\x00\x02L\x00\t"
        b"algorithmt\x00\x12Ljava/lang/String;[\x00\x03keyt\x00\x02[Bxpt\x00\x03AESur\x00\x02[B"
        b"\xac\xf3\x17\xf8\x06\x08T\xe0\x02\x00\x00xp\x00\x00\x00 " + key
    )
    assert jks_keys.serialize_secret_key("AES", key) == java
    assert jks_keys.secret_key(javaser.loads(java)) == ("AES", key)


@given(st.text())
def test_modified_utf8_round_trip(text: str) -> None:
    raw = mutf8.encode_modified_utf8(text)
    assert b"\x00" not in raw
    assert all(b < 0xF0 for b in raw)  # no 4-byte sequences
    assert mutf8.decode_modified_utf8(raw) == text
