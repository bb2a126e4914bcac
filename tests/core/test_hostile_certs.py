"""Crafted certificates in the core: every field total, warnings as notes, typed errors."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from keymon.cli.listing import entry_details_json, entry_json
from keymon.core.compat import decoding
from keymon.core.entries import UNDECODABLE_NAME, CertificateEntry, CertInfo
from keymon.core.errors import CorruptData, KeymonError
from keymon.core.expiry import entry_expiry
from keymon.core.ics import calendar
from keymon.core.monitoring import monitor_keystore
from keymon.core.x509.csr import CsrInfo, certificate_extensions, subject_from_certificate
from keymon.core.x509.info import CertDetails
from tests import hostile_certs
from tests.hostile_certs import CASES, crafted

NOW = dt.datetime.now(dt.UTC)
LOADS = [c for c in CASES if c not in hostile_certs.LOAD_FAILS]

EXPECTED_NOTE = {
    "duplicate_extension": "Duplicate 2.5.29.17",
    "unsupported_general_name": "x400Address",
    "malformed_san": "extensions cannot be decoded together",
    "malformed_aki": "extensions cannot be decoded together",
    "malformed_basic_constraints": "extensions cannot be decoded together",
    "garbage_critical_extension": "extensions cannot be decoded together",
    "unknown_key_algorithm": "public key cannot be decoded",
    "malformed_ec_point": "public key cannot be decoded",
    "unknown_signature_algorithm": "1.2.3.4.99 is not supported",
    "empty_country": "length its type does not allow",
    "wrong_string_type": "subject name cannot be decoded",
    "bad_utf8_name": "issuer name cannot be decoded",
    "negative_serial": "serial number is not positive",
}


@pytest.mark.parametrize("case", LOADS)
def test_every_view_is_total_and_notes_say_why(case: str) -> None:
    info = CertInfo.from_der(crafted(case))
    entry = CertificateEntry("hostile", info)
    listed = entry_json(entry, NOW)
    details = entry_details_json(entry, NOW)
    assert listed["subject"] and details["chain"][0]["sha256"] == info.sha256
    d = CertDetails.of(info, NOW)
    assert d.extensions and d.pem.startswith("-----BEGIN CERTIFICATE-----")
    assert any(EXPECTED_NOTE[case] in note for note in info.notes), info.notes
    assert list(d.notes) == details["chain"][0]["notes"] == listed["notes"]
    assert entry_expiry(entry, NOW).not_after == info.summary.not_after
    items = monitor_keystore(None, [entry], NOW, 30)
    assert [i.role for i in items] and calendar(items, warning_days=30, now=NOW)
    subject_from_certificate(info)
    certificate_extensions(info)
    repr(info)


@pytest.mark.parametrize("case", ["empty_country", "wrong_string_type", "bad_utf8_name"])
def test_a_name_read_first_by_the_chain_code_still_notes_why(case: str) -> None:
    """Names are read when first asked for, not at load (issue 13): whoever asks first
    (here the chain orderer), cryptography's one warning becomes a note, never escapes."""
    from keymon.core.x509.chain import order_chain_report

    info = CertInfo.from_der(crafted(case))
    assert "name_notes" not in vars(info)  # not read at load
    order_chain_report([info])
    info.issuer_name  # noqa: B018
    assert any(EXPECTED_NOTE[case] in note for note in info.notes), info.notes


@pytest.mark.parametrize("case", sorted(hostile_certs.LOAD_FAILS))
def test_what_cryptography_refuses_is_corrupt_data(case: str) -> None:
    with pytest.raises(CorruptData, match="cannot be decoded"):
        CertInfo.from_der(crafted(case))


def test_an_undecodable_subject_is_listed_with_its_der() -> None:
    info = CertInfo.from_der(crafted("wrong_string_type"))
    assert info.summary.subject == info.summary.subject_cn == UNDECODABLE_NAME
    d = CertDetails.of(info, NOW)
    assert d.subject == () and d.subject_der.startswith("30") and d.issuer_der == ""
    assert bytes.fromhex(d.subject_der) in info.der


def test_duplicate_extensions_are_shown_one_by_one() -> None:
    d = CertDetails.of(CertInfo.from_der(crafted("duplicate_extension")), NOW)
    sans = [e for e in d.extensions if e.oid == hostile_certs.SAN]
    assert len(sans) == 2 and "occurs 2 times" in sans[0].values[0]


def test_warnings_become_notes_and_never_escape() -> None:
    # pytest turns any escaped warning into an error; decoding twice notes once
    info = CertInfo.from_der(crafted("negative_serial"))
    assert info.summary.serial == -5 and info.summary.serial == -5
    assert info.notes.count("The serial number is not positive, which RFC 5280 forbids.") == 1
    with decoding() as notes:
        warnings.warn("odd name", UserWarning, stacklevel=1)
    assert notes == ["cryptography warns: odd name."]


def test_other_warnings_pass_through_decoding() -> None:
    with pytest.warns(RuntimeWarning, match="not ours"), decoding() as notes:
        warnings.warn("not ours", RuntimeWarning, stacklevel=1)
    assert notes == []


@pytest.mark.parametrize("case", list(hostile_certs.CSR_CASES))
def test_crafted_requests_load_or_fail_typed(case: str) -> None:
    try:
        csr = CsrInfo.load(hostile_certs.crafted_csr(case))
    except KeymonError as exc:
        assert exc.exit_code == 4 and str(exc).endswith(".")
        return
    # what loads is decoded completely: nothing lazy is left to fail later
    assert csr.subject_fields is not None and csr.requested is not None
