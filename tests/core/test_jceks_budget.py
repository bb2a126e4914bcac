"""JCEKS key derivation has a per-open budget, like PKCS#12 (issue 10, "Key-derivation work
has a budget").

Each PBEWithMD5AndTripleDES key names its own iteration count (the JDK accepts up to 5M,
two MD5 chains each), so a file of many such keys used to cost minutes of pure Python.
The files here are written by keymon's own JCEKS writer at 32,768 iterations, then the
count is patched in place to 5,000,000 (the same DER length) and the store digest redone:
what a hostile file with a valid digest looks like. Tests count derivations, not seconds.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from keymon.cli import main
from keymon.core.cancel import Cancelled
from keymon.core.entries import Entry, SecretKeyEntry
from keymon.core.errors import UnsupportedFormat, WrongPassword
from keymon.core.formats import jks, kdf, sun_pbe
from keymon.core.formats.detect import Format, decode
from keymon.core.locked import LockedKey
from tests.factory import ec_key, key_pair_entry

PW = "storepass"
WRITTEN = 32_768  # encodes as 02 03 00 80 00
HUGE = 5_000_000  # encodes as 02 03 4C 4B 40: the JDK's largest count
_PARAMS = re.compile(rb"(\x30\x0f\x04\x08.{8})\x02\x03\x00\x80\x00", re.DOTALL)


def entries(keys: int, secrets: int = 0) -> list[Entry]:
    made: list[Entry] = [key_pair_entry(f"k{i}", key=ec_key(i)) for i in range(keys)]
    made += [SecretKeyEntry(f"s{i}", "AES", bytes(16)) for i in range(secrets)]
    return made


def jceks(keys: int, secrets: int = 0, iterations: int = HUGE) -> bytes:
    """A JCEKS whose every key asks for ``iterations``, with a valid store digest."""
    data = jks.dump(entries(keys, secrets), PW, jceks=True, iterations=WRITTEN)
    count = integer_bytes(iterations)
    body, found = _PARAMS.subn(lambda m: m.group(1) + count, data[:-20])
    assert found == keys + secrets
    return body + jks._store_digest(body, PW)


def integer_bytes(value: int) -> bytes:
    assert 0x8000 <= value < 0x800000  # three content bytes, as WRITTEN has
    return b"\x02\x03" + value.to_bytes(3, "big")


def count_derivations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the iteration count of every MD5-chain derivation that really runs."""
    calls: list[int] = []
    real = kdf.sun_pbe_kdf

    def counting(cost: kdf.Cost, password: bytes, cancel: kdf.CancelCheck | None = None) -> bytes:
        calls.append(cost.iterations)
        return real(cost, password, cancel)

    monkeypatch.setattr(kdf, "sun_pbe_kdf", counting)
    return calls


TOO_MUCH = (
    "This file asks for 30,000,000 JCEKS key-derivation (MD5) iterations; keymon stops at"
    " 20,000,000 so a hostile file cannot hang it."
)


def test_three_keys_at_five_million_are_refused_before_any_derivation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = jceks(3)
    calls = count_derivations(monkeypatch)
    for password in (PW, "wrong"):  # refused up front, whatever the password
        with pytest.raises(kdf.TooMuchWork) as caught:
            jks.load(data, password)
        assert str(caught.value) == TOO_MUCH
        assert isinstance(caught.value, UnsupportedFormat)  # exit code 4
    assert calls == []


def test_sealed_secret_keys_count_too(monkeypatch: pytest.MonkeyPatch) -> None:
    data = jceks(1, secrets=2)
    calls = count_derivations(monkeypatch)
    with pytest.raises(kdf.TooMuchWork, match="asks for 30,000,000 JCEKS"):
        jks.load(data, PW)
    assert calls == []


def test_the_work_grows_with_the_entries_not_past_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20 entries cost no more than 3: the refusal comes before the first derivation."""
    data = jceks(20, iterations=HUGE)
    calls = count_derivations(monkeypatch)
    with pytest.raises(kdf.TooMuchWork, match="asks for 200,000,000 JCEKS"):
        jks.load(data, PW)  # 20 keys x 2 chains x 5M
    assert calls == []


def test_within_the_budget_each_key_is_derived_once(monkeypatch: pytest.MonkeyPatch) -> None:
    data = jks.dump(entries(4, secrets=1), PW, jceks=True, iterations=40_000)  # 5 x 80,000
    calls = count_derivations(monkeypatch)
    loaded = jks.load(data, PW)
    assert [e.alias for e in loaded] == ["k0", "k1", "k2", "k3", "s0"]
    assert calls == [40_000] * 5


def test_a_wrong_password_tries_at_most_three_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    data = jks.dump(entries(6), PW, jceks=True, iterations=40_000)
    calls = count_derivations(monkeypatch)
    with pytest.raises(WrongPassword):
        jks.load(data, "wrong")
    assert calls == [40_000] * 3


def test_one_key_at_the_jdk_maximum_is_within_the_budget() -> None:
    derivations = kdf.Derivations()
    cost = kdf.Cost.sun_pbe(b"saltsalt", HUGE)
    assert cost.work == 2 * HUGE
    derivations.plan([cost, kdf.Cost.sun_pbe(b"othersal", HUGE)])  # 20M: exactly the budget
    with pytest.raises(kdf.TooMuchWork):
        derivations.plan([kdf.Cost.sun_pbe(b"thirdsal", 1)])


def test_the_md5_chains_match_what_keytool_reads() -> None:
    """The derivation moved into kdf.py: the output is still SunJCE's (round trip with keys
    written before the move is covered by the interop tests; here: known salt halves)."""
    cost = kdf.Cost.sun_pbe(b"\x01\x02\x03\x04\x01\x02\x03\x04", 2)
    out = kdf.sun_pbe_kdf(cost, b"pw")

    def chain(start: bytes) -> bytes:
        digest = start
        for _ in range(2):
            digest = hashlib.md5(digest + b"pw").digest()  # noqa: S324 - the format
        return digest

    # equal halves: SunJCE reverses the first one
    assert out == chain(b"\x04\x03\x02\x01") + chain(b"\x01\x02\x03\x04")


def test_a_key_with_its_own_password_still_unlocks() -> None:
    """LockedKey (no per-open budget object) derives through a fresh Derivations."""
    key = ec_key(3)
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    sealed = LockedKey.from_sealed(sun_pbe.jceks_protect(pkcs8, "keypass", 1000))
    assert sealed.unlock("keypass", "k0").public_key() == key.public_key()


def test_the_cli_refuses_the_hostile_file_with_one_line_exit_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "hostile.jceks"
    path.write_bytes(jceks(3))
    monkeypatch.setenv("KM_PW", PW)
    for command in (["list"], ["list", "--json"]):
        code = main([*command, str(path), "--password-env", "KM_PW"])
        err = capsys.readouterr().err
        assert code == 4, err
        assert err == f"keymon: {TOO_MUCH}\n"


class CancelAfter:
    """A cancel check that cancels at its ``n``-th call, counting the calls."""

    def __init__(self, n: int) -> None:
        self.n, self.calls = n, 0

    def raise_if_cancelled(self) -> None:
        self.calls += 1
        if self.calls >= self.n:
            raise Cancelled()


def test_opening_a_jceks_is_cancellable_within_a_long_derivation() -> None:
    """One key at 200,000 iterations: the check runs every 65,536 MD5 rounds, so a cancel
    lands inside the first chain, through the format-neutral decode the GUI calls."""
    data = jks.dump(entries(1), PW, jceks=True, iterations=200_000)
    token = CancelAfter(2)
    with pytest.raises(Cancelled):
        decode(Format.JCEKS, data, PW, token)
    assert token.calls == 2
    assert len(decode(Format.JCEKS, data, PW, CancelAfter(100)).entries) == 1
