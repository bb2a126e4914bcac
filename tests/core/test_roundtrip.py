"""Entries → every keystore format → entries keeps aliases, chains and keys."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keymon.core.entries import CertificateEntry, Entry, KeyPairEntry
from keymon.core.formats.detect import Format
from keymon.core.formats.protection import Pkcs12Protection
from keymon.core.keystore import Keystore
from keymon.core.saving import encode
from tests import factory

# A small pool of prebuilt entries (key generation is slow); hypothesis picks and names them.
_POOL: list[Entry] = [
    factory.key_pair_entry("p0", "Tenant RSA"),
    factory.key_pair_entry("p1", "Tenant EC", key=factory.ec_key(11)),
    factory.self_signed_entry("p2", "Self Signed EC", key=factory.ec_key(12)),
    factory.trusted_entry("p3", "Receiver Root"),
    factory.trusted_entry("p4", "Another Root"),
]

_alias = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("C", "Z")), min_size=1, max_size=20
)


def _key(entry: Entry) -> bytes:
    assert isinstance(entry, KeyPairEntry)
    return entry.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@st.composite
def keystores(draw: st.DrawFn) -> list[Entry]:
    picks = draw(st.lists(st.sampled_from(range(len(_POOL))), min_size=0, max_size=5))
    aliases = draw(
        st.lists(_alias, min_size=len(picks), max_size=len(picks), unique_by=str.casefold)
    )
    out: list[Entry] = []
    for index, alias in zip(picks, aliases, strict=True):
        entry = _POOL[index]
        if isinstance(entry, KeyPairEntry):
            out.append(KeyPairEntry(alias, entry.private_key, entry.chain))
        elif isinstance(entry, CertificateEntry):
            out.append(CertificateEntry(alias, entry.cert))
    return out


def _norm(alias: str, fmt: Format) -> str:
    # JKS stores aliases lower-case, as keytool does
    return alias.lower() if fmt is Format.JKS else alias


@pytest.mark.parametrize(
    ("fmt", "protection"),
    [
        (Format.PKCS12, Pkcs12Protection.AES_256),
        (Format.PKCS12, Pkcs12Protection.LEGACY_3DES),
        (Format.JKS, Pkcs12Protection.AES_256),
        (Format.PEM, Pkcs12Protection.AES_256),
    ],
)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=keystores(), password=st.text(min_size=1, max_size=12).filter(str.isprintable))
def test_round_trip(
    fmt: Format, protection: Pkcs12Protection, entries: list[Entry], password: str
) -> None:
    if fmt is Format.JKS:
        password = password.encode("ascii", "ignore").decode() or "x"
    data = encode(entries, fmt, password, protection)
    back = Keystore.from_bytes(data, password)
    assert back.format is fmt
    if fmt is Format.PEM and not entries:
        return
    assert sorted(e.alias for e in back) == sorted(_norm(e.alias, fmt) for e in entries)
    for original in entries:
        loaded = back.get(_norm(original.alias, fmt))
        assert loaded.kind == original.kind
        assert loaded.certificates == original.certificates
        if isinstance(original, KeyPairEntry):
            assert _key(loaded) == _key(original)
