"""The columns of the entries table, declared once (XCA's ``dbheader`` idea).

Each :class:`Column` says how to show, sort and explain one value of an entry.
:mod:`~keymon.gui.models.rows` applies them to entries and keeps the results,
so painting and sorting never touch a certificate again. Rows can be derived in a
worker thread: the only Qt used here is the
(thread-safe) translation lookup, and fixed labels are translated once per language
(:func:`translated`), never once per row.

Translatable labels are marked ``QT_TRANSLATE_NOOP("Columns", …)`` where they are
declared and stay English in the tables; :func:`translated` looks them up.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from keymon.core.entries import CertSummary, Entry, EntryKind, SecretKeyEntry
from keymon.core.expiry import DAY, Expiry, Status, days_left
from keymon.gui import i18n
from keymon.gui.i18n import QT_TRANSLATE_NOOP
from keymon.gui.tenants.owner import OWNER_COLUMN

SortKey = Any  # a comparable raw value (datetime, int, str, tuple of those) or None


@dataclass(frozen=True, slots=True)
class Facts:
    """What the column functions read: the entry, its leaf summary and its expiry."""

    entry: Entry
    summary: CertSummary | None
    expiry: Expiry


@dataclass(frozen=True)
class Column:
    """One column; ``title``, ``header_tooltip`` and ``label`` are English sources
    (marked for the "Columns" context): show them through :func:`translated`."""

    key: str
    title: str
    display: Callable[[Facts], str]
    sort_key: Callable[[Facts], SortKey]
    tooltip: Callable[[Facts, dt.datetime], str] | None = None
    visible: bool = True
    width: int = 120
    header_tooltip: str = ""
    label: str = ""
    """The column's name where ``title`` is empty (menus, screen readers)."""

    @property
    def name(self) -> str:
        """The title, or the label of an untitled column (English source)."""
        return self.title or self.label


STATUS_LABELS = {
    Status.VALID: QT_TRANSLATE_NOOP("Columns", "Valid"),
    Status.EXPIRING: QT_TRANSLATE_NOOP("Columns", "Expiring soon"),
    Status.EXPIRED: QT_TRANSLATE_NOOP("Columns", "Expired"),
    Status.NOT_YET_VALID: QT_TRANSLATE_NOOP("Columns", "Not yet valid"),
    Status.NONE: QT_TRANSLATE_NOOP("Columns", "Does not expire"),
}
#: EntryKind.label marked for translation (tests/gui/test_entry_kind_labels.py).
TYPE_NAMES = {
    EntryKind.KEY_PAIR: QT_TRANSLATE_NOOP("Columns", "Key pair"),
    EntryKind.CERTIFICATE: QT_TRANSLATE_NOOP("Columns", "Certificate"),
    EntryKind.SECRET_KEY: QT_TRANSLATE_NOOP("Columns", "Secret key"),
}
_SEVERITY = {Status.EXPIRED: 0, Status.EXPIRING: 1, Status.NOT_YET_VALID: 2, Status.VALID: 3}


_translations: dict[str, str] = {}
_translated_for = -1  # the i18n.generation() the cache holds


def translated(text: str) -> str:
    """``text``, marked ``QT_TRANSLATE_NOOP("Columns", …)``, in the current language.

    Looked up once and then cached: row derivation asks for the same few labels
    thousands of times; installing other translators empties the cache.
    """
    global _translated_for
    if _translated_for != i18n.generation():
        _translations.clear()
        _translated_for = i18n.generation()
    found = _translations.get(text)
    if found is None:
        found = QCoreApplication.translate("Columns", text) if text else text
        _translations[text] = found
    return found


class Columns(QObject):
    """The "Columns" context of the counted (``%n``) texts.

    lupdate marks a message as numerus only when it is a ``tr()`` call: it extracts
    ``QCoreApplication.translate(context, text, "", n)`` with a variable ``n`` as a
    plain message (and drops it when ``n`` is an expression), so these are methods.
    """

    def days_left(self, days: int) -> str:
        return self.tr("%n days left", "", days)

    def expired_days_ago(self, days: int) -> str:
        return self.tr("expired %n days ago", "", days)


@functools.cache
def _counted() -> Columns:
    return Columns()


def status_label(status: Status) -> str:
    return translated(STATUS_LABELS[status])


def type_name(kind: EntryKind) -> str:
    return translated(TYPE_NAMES[kind])


def colon_hex(data: bytes) -> str:
    """``AB:CD:EF`` (as ``keymon show`` prints fingerprints)."""
    return data.hex(":").upper()


def serial_colon(serial: int) -> str:
    """A serial number as whole bytes, ``0A:1B:…`` (negative serials keep a sign)."""
    sign, magnitude = ("-", -serial) if serial < 0 else ("", serial)
    return sign + colon_hex(magnitude.to_bytes(max(1, (magnitude.bit_length() + 7) // 8), "big"))


# isoformat, not strftime: strftime imports `time` on every call, which goes
# through shiboken's import hook and costs more than the rest of a row.
def local_date(t: dt.datetime) -> str:
    return t.astimezone().date().isoformat()


def local_minute(t: dt.datetime) -> str:
    return t.astimezone().replace(tzinfo=None).isoformat(" ", "minutes")


def utc_text(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "seconds") + " UTC"


def time_left(when: dt.datetime, now: dt.datetime) -> str:
    """``12 days left``, ``less than a day left``, ``expired 3 days ago`` (days rounded up)."""
    days = days_left(when, now)
    if when > now:
        if when - now < DAY:
            return QCoreApplication.translate("Columns", "less than a day left")
        return _counted().days_left(days)
    if days == 0:
        return QCoreApplication.translate("Columns", "expired less than a day ago")
    return _counted().expired_days_ago(-days)


def _text(getter: Callable[[CertSummary], str]) -> Callable[[Facts], str]:
    def display(f: Facts) -> str:
        return getter(f.summary) if f.summary is not None else ""

    return display


def _folded(getter: Callable[[CertSummary], str]) -> Callable[[Facts], SortKey]:
    def key(f: Facts) -> SortKey:
        return getter(f.summary).casefold() if f.summary is not None else None

    return key


def _status_key(f: Facts) -> SortKey:
    severity = _SEVERITY.get(f.expiry.status)
    if severity is None or f.expiry.not_after is None:
        return None
    return (severity, f.expiry.not_after)


def _status_tooltip(f: Facts, now: dt.datetime) -> str:
    label = status_label(f.expiry.status)
    if f.expiry.not_after is None:
        return label
    left = time_left(f.expiry.not_after, now)
    return QCoreApplication.translate("Columns", "{status}: {time_left}").format(
        status=label, time_left=left
    )


def _until_text(f: Facts) -> str:
    return local_date(f.expiry.not_after) if f.expiry.not_after is not None else ""


def _until_tooltip(f: Facts, now: dt.datetime) -> str:
    when, decisive = f.expiry.not_after, f.expiry.decisive
    if when is None:
        return ""
    text = f"{utc_text(when)}\n{time_left(when, now)}"
    if decisive is not None and f.summary is not None and decisive.summary is not f.summary:
        first = QCoreApplication.translate("Columns", "The chain expires first at '{name}'.")
        text += "\n" + first.format(name=decisive.summary.subject_cn)
    return text


def _key_text(f: Facts) -> str:
    entry = f.entry
    if isinstance(entry, SecretKeyEntry):
        return f"{entry.algorithm} {len(entry.key) * 8}"
    return f.summary.key_label if f.summary is not None else ""


def _key_sort(f: Facts) -> SortKey:
    entry = f.entry
    if isinstance(entry, SecretKeyEntry):
        return (entry.algorithm.casefold(), len(entry.key) * 8, "")
    s = f.summary
    if s is None:
        return None
    return (s.key_algorithm.casefold(), s.key_size or 0, s.curve or "")


def _date(getter: Callable[[CertSummary], dt.datetime]) -> Callable[[Facts], str]:
    def display(f: Facts) -> str:
        return local_date(getter(f.summary)) if f.summary is not None else ""

    return display


def _modified_text(f: Facts) -> str:
    return local_minute(f.entry.modified) if f.entry.modified is not None else ""


def _subject_tooltip(f: Facts, now: dt.datetime) -> str:
    return f.summary.subject if f.summary is not None else ""


def _issuer_tooltip(f: Facts, now: dt.datetime) -> str:
    return f.summary.issuer if f.summary is not None else ""


COLUMNS: tuple[Column, ...] = (
    Column(
        "status",
        "",
        lambda f: "",
        _status_key,
        _status_tooltip,
        width=28,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Columns", "Expiry status (the earliest expiry in the chain decides)"
        ),
        label=QT_TRANSLATE_NOOP("Columns", "Status"),
    ),
    Column(
        "alias",
        QT_TRANSLATE_NOOP("Columns", "Alias"),
        lambda f: f.entry.alias,
        lambda f: f.entry.alias.casefold(),
        width=160,
    ),
    Column(
        "type",
        QT_TRANSLATE_NOOP("Columns", "Type"),
        lambda f: type_name(f.entry.kind),
        lambda f: type_name(f.entry.kind).casefold(),
        width=80,
    ),
    Column(
        "subject",
        QT_TRANSLATE_NOOP("Columns", "Subject (CN)"),
        _text(lambda s: s.subject_cn),
        _folded(lambda s: s.subject_cn),
        _subject_tooltip,
        width=170,
    ),
    Column(
        "issuer",
        QT_TRANSLATE_NOOP("Columns", "Issuer (CN)"),
        _text(lambda s: s.issuer_cn),
        _folded(lambda s: s.issuer_cn),
        _issuer_tooltip,
        width=170,
    ),
    Column(
        "valid_from",
        QT_TRANSLATE_NOOP("Columns", "Valid From"),
        _date(lambda s: s.not_before),
        lambda f: f.summary.not_before if f.summary is not None else None,
        lambda f, now: utc_text(f.summary.not_before) if f.summary is not None else "",
        visible=False,
        width=100,
    ),
    Column(
        "valid_until",
        QT_TRANSLATE_NOOP("Columns", "Valid Until"),
        _until_text,
        lambda f: f.expiry.not_after,
        _until_tooltip,
        width=110,
        header_tooltip=QT_TRANSLATE_NOOP(
            "Columns", "The earliest expiry of any certificate in the chain"
        ),
    ),
    Column("key", QT_TRANSLATE_NOOP("Columns", "Key"), _key_text, _key_sort, width=90),
    Column(
        "signature",
        QT_TRANSLATE_NOOP("Columns", "Signature Algorithm"),
        _text(lambda s: s.signature_algorithm),
        _folded(lambda s: s.signature_algorithm),
        visible=False,
        width=150,
    ),
    Column(
        "serial",
        QT_TRANSLATE_NOOP("Columns", "Serial"),
        _text(lambda s: serial_colon(s.serial)),
        lambda f: f.summary.serial if f.summary is not None else None,
        visible=False,
        width=160,
    ),
    Column(
        "sha256",
        QT_TRANSLATE_NOOP("Columns", "SHA-256 Fingerprint"),
        _text(lambda s: colon_hex(bytes.fromhex(s.sha256))),
        _folded(lambda s: s.sha256),
        visible=False,
        width=300,
    ),
    Column(
        "modified",
        QT_TRANSLATE_NOOP("Columns", "Last Modified"),
        _modified_text,
        lambda f: f.entry.modified,
        visible=False,
        width=130,
    ),
    Column(**OWNER_COLUMN),
)

COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)


def column_index(key: str, columns: Sequence[Column] = COLUMNS) -> int:
    for i, column in enumerate(columns):
        if column.key == key:
            return i
    raise KeyError(key)
