"""Fuzz targets: each runs a whole user-visible path on one input, as the CLI/GUI would.

A target returns normally or raises; a :class:`KeymonError` is the expected, typed
outcome of bad input, anything else is a finding. Targets never touch the disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from keymon.cli.listing import (
    entry_details_json,
    entry_json,
    rows,  # `keymon list` (text): the same rows the CLI prints
)
from keymon.core.entries import Entry
from keymon.core.errors import UsageError
from keymon.core.expiry import entry_expiry
from keymon.core.formats import javaser, jks_keys
from keymon.core.formats.detect import Format, load
from keymon.core.keystore import Keystore
from keymon.core.x509.ca import issued_bundle, sign_csr
from keymon.core.x509.chain import complete_chain, validate_chain
from keymon.core.x509.csr import CsrInfo
from keymon.core.x509.reply import apply_reply, load_reply, plan_reply
from keymon.core.x509.templates import Template
from tests.fuzz import seeds as S

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def _gui_facts(entry: Entry) -> None:
    """What the GUI's entries table derives per row (keymon/gui/models/columns.py)."""
    entry_expiry(entry, NOW, 30)
    cert = entry.certificate
    if cert is None:
        return
    s = cert.summary
    for value in (s.subject_cn, s.issuer_cn, s.subject, s.issuer, s.key_label, s.serial):
        str(value)
    for value in (s.not_before, s.not_after, s.signature_algorithm, s.sha256, s.is_ca):
        str(value)


def show_everything(store: Keystore) -> None:
    """`keymon list`, `list --json`, `show --json` per entry, GUI rows, chain validation."""
    entries = list(store)
    rows(entries, NOW, 30)
    trusted, pool = store.trusted_certificates(), store.certificates()
    for entry in entries:
        entry_json(entry, NOW)
        entry_details_json(entry, NOW)
        _gui_facts(entry)
        if entry.certificates:
            validate_chain(entry.certificates, trusted, NOW)
            complete_chain(entry.certificates, pool)


def open_keystore(data: bytes) -> None:
    show_everything(Keystore.from_bytes(data, S.PASSWORD))


def open_wrong_password(data: bytes) -> None:
    show_everything(Keystore.from_bytes(data, S.WRONG_PASSWORD))


def import_file(data: bytes) -> None:
    """`keymon import FILE` into a PKCS#12 keystore that already holds an entry, then save."""
    loaded = load(data, S.PASSWORD)
    if not loaded.entries:
        raise UsageError("The file holds nothing to import.")
    store = Keystore([S.pki().trusted], fmt=Format.PKCS12, password=S.PASSWORD)
    store.import_entries(loaded.entries, on_clash="rename")
    with S.cheap_pkcs12():
        store.encode()
    show_everything(store)


def ca_reply(data: bytes) -> None:
    """`keymon ca-reply`: the reply for the leaf key pair, completed from the keystore."""
    p = S.pki()
    store = Keystore([p.pending, p.trusted], password=S.PASSWORD)
    certs = load_reply(data)
    plan = plan_reply(p.pending, certs, store.certificates(), store.trusted_certificates(), NOW)
    store.replace(apply_reply(p.pending, plan))
    show_everything(store)


def sign_request(data: bytes) -> None:
    """`keymon sign-csr` with the intermediate CA, both bundle formats, requested SANs kept."""
    csr = CsrInfo.load(data)
    ca = S.pki().intermediate
    result = sign_csr(ca, csr, days=90, template=Template.TLS_CLIENT, now=NOW)
    issued_bundle(result.cert, ca.chain, with_chain=True, fmt="pem")
    issued_bundle(result.cert, ca.chain, fmt="p7b")
    reviewed = sign_csr(ca, csr, template=csr.requested, now=NOW)
    entry_details_json(
        Keystore.from_bytes(issued_bundle(reviewed.cert, ca.chain, with_chain=True)).entries[0],
        NOW,
    )


def java_object(data: bytes) -> None:
    """The serialized-Java reader as JCEKS uses it: one object, then its secret key."""
    value = javaser.loads(data)
    jks_keys.secret_key(value)


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable[[bytes], None]
    seeds: Callable[[], list[S.Seed]]


TARGETS: Sequence[Target] = (
    Target("load", open_keystore, S.keystore_seeds),
    Target("load-wrong-password", open_wrong_password, S.keystore_seeds),
    Target("import", import_file, S.keystore_seeds),
    Target("ca-reply", ca_reply, S.reply_seeds),
    Target("sign-csr", sign_request, S.csr_seeds),
    Target("javaser", java_object, S.javaser_seeds),
)
BY_NAME = {t.name: t for t in TARGETS}
