"""Expiry monitoring: collect() across keystores, the iCalendar export and `expiring --ics`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keymon.cli import main
from keymon.core import ics
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.expiry import Status
from keymon.core.formats.detect import Format
from keymon.core.keystore import Keystore
from keymon.core.monitoring import (
    MonitoredCertificate,
    add_to_watch_list,
    collect,
    parse_watch_list,
    remove_from_watch_list,
)
from tests import factory

NOW = factory.NOW


def short_lived(alias: str, cn: str, days: int) -> KeyPairEntry:
    """leaf (valid ``days`` from yesterday) → the factory's intermediate → root."""
    (_rk, root), (int_key, inter) = factory.ca_chain()
    key = factory.ec_key(3)
    leaf = factory.make_cert(key, cn, issuer_key=int_key, issuer=inter, days=days)
    chain = (CertInfo.from_cert(leaf), CertInfo.from_cert(inter), CertInfo.from_cert(root))
    return KeyPairEntry(alias=alias, private_key=key, chain=chain)


def sample_store() -> Keystore:
    return Keystore(
        [
            factory.key_pair_entry("tenant", "Tenant Client"),
            short_lived("soon", "Soon; Expiring, Client", 10),
            factory.trusted_entry("receiver-root", "Receiver Root CA"),
        ],
        password="storepass",
    )


def test_three_level_chain_positions() -> None:
    store = Keystore([factory.key_pair_entry("tenant", "Tenant Client")])
    items = collect([(Path("a.p12"), store)], NOW, 30)
    assert len(items) == 3
    by_cn = {m.common_name: m for m in items}
    assert by_cn["Tenant Client"].position == 0
    assert by_cn["Tenant Client"].role == "leaf"
    assert by_cn["keymon Test Intermediate"].position == 1
    assert by_cn["keymon Test Intermediate"].role == "intermediate"
    assert by_cn["keymon Test Root"].position == 2
    assert by_cn["keymon Test Root"].role == "root"
    assert all(m.alias == "tenant" and m.keystore == Path("a.p12") for m in items)
    assert all(m.status is Status.VALID for m in items)


def test_dedupe_within_a_keystore_keeps_first_alias_and_sorts_by_not_after() -> None:
    items = collect([(None, sample_store())], NOW, 30)
    # tenant: 3, soon: leaf only (intermediate and root already seen), receiver-root: 1
    assert len(items) == 5
    assert [m.not_after for m in items] == sorted(m.not_after for m in items)
    assert items[0].alias == "soon" and items[0].status is Status.EXPIRING
    assert items[0].days_left in (8, 9)
    shared = [m for m in items if m.common_name == "keymon Test Intermediate"]
    assert len(shared) == 1 and shared[0].alias == "tenant"
    trusted = next(m for m in items if m.alias == "receiver-root")
    assert trusted.position == 0 and trusted.role == "root"
    assert len({m.sha256 for m in items}) == 5


def test_same_certificate_in_two_keystores_is_listed_twice() -> None:
    store = Keystore([factory.key_pair_entry("tenant", "Tenant Client")])
    items = collect([(Path("a"), store), (Path("b"), store)], NOW, 30)
    assert len(items) == 6
    assert {m.keystore for m in items} == {Path("a"), Path("b")}


def test_expired_and_not_yet_valid() -> None:
    later = NOW + dt.timedelta(days=400)
    items = collect([(None, Keystore([factory.trusted_entry("r", "R")]))], later, 30)
    assert items[0].status is Status.EXPIRED and items[0].days_left < 0
    earlier = NOW - dt.timedelta(days=3)
    items = collect([(None, Keystore([factory.trusted_entry("r", "R")]))], earlier, 30)
    assert items[0].status is Status.NOT_YET_VALID


def test_watch_list_helpers() -> None:
    assert parse_watch_list(None) == []
    assert parse_watch_list("") == []
    assert parse_watch_list("/a.p12") == [Path("/a.p12")]
    assert parse_watch_list(["/a.p12", "/b.jks", "/a.p12", ""]) == [Path("/a.p12"), Path("/b.jks")]
    paths = add_to_watch_list([Path("/a.p12")], Path("/b.jks"))
    assert add_to_watch_list(paths, Path("/b.jks")) == paths
    assert remove_from_watch_list(paths, Path("/a.p12")) == [Path("/b.jks")]


# -- iCalendar ------------------------------------------------------------------------
def unfold(data: bytes) -> list[str]:
    """RFC 5545 content lines: CRLF only, continuation lines joined."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    raw = text.split("\r\n")[:-1]
    lines: list[str] = []
    for line in raw:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def parse_events(data: bytes) -> list[dict[str, str]]:
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    in_alarm = False
    for line in unfold(data):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif line == "BEGIN:VALARM":
            in_alarm = True
        elif line == "END:VALARM":
            in_alarm = False
        elif current is not None:
            current[("ALARM-" if in_alarm else "") + name] = value
    return events


def sample_items() -> list[MonitoredCertificate]:
    return collect([(Path("/srv/keys/tenant.p12"), sample_store())], NOW, 30)


def test_calendar_one_event_per_certificate() -> None:
    items = sample_items()
    data = ics.calendar(items, warning_days=30, now=NOW)
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "PRODID:-//keymon//keymon//EN" in lines
    events = parse_events(data)
    assert len(events) == len(items) == 5
    assert [e["UID"] for e in events] == [f"{m.sha256}@keymon" for m in items]
    stamp = NOW.strftime("%Y%m%dT%H%M%SZ")
    for event, item in zip(events, items, strict=True):
        assert event["DTSTAMP"] == stamp
        assert event["DTSTART;VALUE=DATE"] == item.not_after.strftime("%Y%m%d")
        assert event["ALARM-TRIGGER;RELATED=START"] == "-P31D"
        assert event["ALARM-ACTION"] == "DISPLAY"
        description = unescape(event["DESCRIPTION"])
        assert f"SHA-256: {item.sha256}" in description
        assert f"Serial: {item.cert.summary.serial_hex}" in description
        assert f"Issuer: {item.cert.summary.issuer}" in description
        assert "Keystore: /srv/keys/tenant.p12" in description


def test_calendar_escaping_and_folding() -> None:
    data = ics.calendar(sample_items(), warning_days=7, now=NOW)
    for raw in data.split(b"\r\n"):
        assert len(raw) <= 75
    events = parse_events(data)
    soon = events[0]
    assert soon["SUMMARY"] == r"Certificate Soon\; Expiring\, Client (soon in tenant.p12) expires"
    assert (
        unescape(soon["SUMMARY"])
        == "Certificate Soon; Expiring, Client (soon in tenant.p12) expires"
    )
    assert "\\n" in soon["DESCRIPTION"]
    assert unescape(soon["DESCRIPTION"]).splitlines()[0].startswith("Subject: ")
    assert soon["ALARM-TRIGGER;RELATED=START"] == "-P8D"
    assert ics.escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "é" * 100
    folded = ics.fold(line)
    parts = folded.split(b"\r\n")[:-1]
    assert all(len(p) <= 75 for p in parts)
    for p in parts:
        p.decode("utf-8")  # each physical line is valid UTF-8 on its own
    assert unfold(folded) == [line]


def test_same_certificate_in_two_keystores_is_one_event() -> None:
    store = Keystore([factory.key_pair_entry("tenant", "Tenant Client")])
    items = collect([(Path("/a.p12"), store), (Path("/b.p12"), store)], NOW, 30)
    events = parse_events(ics.calendar(items, warning_days=30, now=NOW))
    assert len(events) == 3
    assert all("Also in: /b.p12 (tenant)" in unescape(e["DESCRIPTION"]) for e in events)


# -- the command line ------------------------------------------------------------------
@pytest.fixture
def two_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("KM_PW", "storepass")
    valid = tmp_path / "valid.p12"
    Keystore([factory.key_pair_entry("tenant", "Tenant Client")]).save_as(
        valid, Format.PKCS12, "storepass"
    )
    soon = tmp_path / "soon.p12"
    Keystore([short_lived("soon", "Soon Client", 10)]).save_as(soon, Format.PKCS12, "storepass")
    return valid, soon


def test_cli_ics_writes_every_certificate(
    two_stores: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    valid, soon = two_stores
    out = tmp_path / "expiry.ics"
    code = main(["expiring", str(valid), "--password-env", "KM_PW", "--ics", str(out)])
    assert code == 0  # nothing expiring: the calendar still lists everything
    assert "No entry expires" in capsys.readouterr().out
    assert len(parse_events(out.read_bytes())) == 3
    code = main(["expiring", str(valid), str(soon), "--password-env", "KM_PW", "--ics", str(out)])
    assert code == 1
    events = parse_events(out.read_bytes())
    # valid.p12: leaf, intermediate, root; soon.p12: its leaf plus the same two CAs (one event)
    assert len(events) == 4
    assert "Soon Client" in unescape(events[0]["SUMMARY"])


def test_cli_ics_not_written_when_a_keystore_fails(
    two_stores: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    valid, _soon = two_stores
    out = tmp_path / "expiry.ics"
    code = main(
        [
            "expiring",
            str(valid),
            str(tmp_path / "missing.p12"),
            "--password-env",
            "KM_PW",
            "--ics",
            str(out),
        ]
    )
    capsys.readouterr()
    assert code not in (0, 1)
    assert not out.exists()


def test_cli_help_says_all_certificates(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["expiring", "--help"])
    assert "EVERY certificate" in capsys.readouterr().out
