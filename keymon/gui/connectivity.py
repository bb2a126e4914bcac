"""What the connectivity panel needs besides widgets: the probe request from the form,
the remembered hosts, the texts of a result, the server's certificates as a file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from keymon.core.aliases import AliasAllocator
from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.keystore import Keystore
from keymon.core.net.result import ProbeRequest, ProbeResult
from keymon.core.net.target import InvalidTarget, Target
from keymon.core.x509.encoding import certificate_pem
from keymon.gui.i18n import QT_TRANSLATE_NOOP, localized
from keymon.gui.settings import Settings

RECENT_KEY = "connectivity/recent"
MAX_RECENT_HOSTS = 10
CERTS_FILTER = QT_TRANSLATE_NOOP("Operations", "PEM bundle (*.pem);;Zip of .cer files (*.zip)")


@dataclass(frozen=True)
class FormValues:
    """What the panel's form holds, as typed."""

    host: str
    port: int = 443
    sni: str = ""
    timeout: float = 10.0
    proxy: str = ""
    client_alias: str | None = None
    verify: bool = True
    http_path: str = ""


def split_host(text: str, default_port: int) -> tuple[str, int]:
    """``host``, ``host:port``, ``[v6]:port`` or a bare IPv6 address → (host, port)."""
    target = _target(text)
    return target.host, target.port_or(default_port)


def _target(text: str) -> Target:
    """core's :meth:`Target.parse`, with the port that is not a number said in the UI language."""
    try:
        return Target.parse(text)
    except InvalidTarget as exc:
        if exc.port_text is None:
            raise
        raise UsageError(
            QCoreApplication.translate(
                "ConnectivityResult", "The port “{port}” is not a number."
            ).format(port=exc.port_text)
        ) from exc


def build_request(values: FormValues, store: Keystore | None) -> ProbeRequest:
    """The probe request for the form, with the open keystore's trust and key pairs."""
    key_pairs = [e for e in store.entries if isinstance(e, KeyPairEntry)] if store else []
    client = next((e for e in key_pairs if e.alias == values.client_alias), None)
    return ProbeRequest.for_keystore(
        _target(values.host),
        store,
        client=client,
        default_port=values.port,
        sni=values.sni.strip() or None,
        timeout=values.timeout,
        proxy=values.proxy.strip() or None,
        verify=values.verify,
        http_path=values.http_path.strip() or None,
    )


def recent_hosts(settings: Settings) -> list[str]:
    value = settings.q.value(RECENT_KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return [str(v) for v in items if v][:MAX_RECENT_HOSTS]


def remember_host(settings: Settings, host: str) -> list[str]:
    host = host.strip()
    items = [host, *(h for h in recent_hosts(settings) if h != host)][:MAX_RECENT_HOSTS]
    settings.set_value(RECENT_KEY, items)
    return items


# -- texts of a result ---------------------------------------------------------------------
def _yes_no(value: bool | None, yes: str, no: str, unknown: str = "—") -> str:
    return unknown if value is None else (yes if value else no)


def trust_text(result: ProbeResult, source: str) -> str:
    report = result.keystore_report if source == "keystore" else result.system_report
    if report is None:
        return "—"
    if report.trusted:
        return QCoreApplication.translate("ConnectivityResult", "Trusted")
    return QCoreApplication.translate("ConnectivityResult", "Not trusted: {reason}").format(
        reason=localized(report.text, report.message)
    )


def client_text(result: ProbeResult) -> str:
    if not result.client_certificate_requested:
        return QCoreApplication.translate("ConnectivityResult", "Not asked for")
    if not result.client_certificate_sent:
        return QCoreApplication.translate("ConnectivityResult", "Asked for, none sent")
    return _yes_no(
        result.client_certificate_accepted,
        QCoreApplication.translate("ConnectivityResult", "Accepted"),
        QCoreApplication.translate("ConnectivityResult", "Rejected"),
        QCoreApplication.translate("ConnectivityResult", "Sent, no verdict"),
    )


def summary_rows(result: ProbeResult) -> list[tuple[str, str]]:
    return [
        ("Protocol", result.protocol or "—"),
        ("Cipher", result.cipher or "—"),
        ("ALPN", result.alpn or "—"),
        ("Trusted by keystore", trust_text(result, "keystore")),
        ("Trusted by system", trust_text(result, "system")),
        (
            "Hostname",
            _yes_no(
                result.hostname_matches,
                QCoreApplication.translate("ConnectivityResult", "Matches"),
                QCoreApplication.translate("ConnectivityResult", "Does not match"),
            ),
        ),
        ("Client certificate", client_text(result)),
        ("HTTP status", result.http_status or "—"),
    ]


def error_sentence(result: ProbeResult) -> str:
    if result.error is None:
        return ""
    text = localized(result.error.text, result.error.message).strip()
    return text if text.endswith((".", "!", "?", "”")) else text + "."


def ca_names_text(result: ProbeResult) -> str:
    if not result.client_certificate_requested:
        return ""
    names = "\n".join(
        f"• {n}" for n in result.client_ca_names
    ) or "• " + QCoreApplication.translate("ConnectivityResult", "(no CA named)")
    match = ", ".join(result.matching_key_pairs) or QCoreApplication.translate(
        "ConnectivityResult", "none"
    )
    return QCoreApplication.translate(
        "ConnectivityResult", "Acceptable client CAs:\n{names}\nMatching key pairs: {match}"
    ).format(names=names, match=match)


# -- saving the server's certificates ---------------------------------------------------------
def certificates_bytes(chain: Sequence[CertInfo], path: Path) -> bytes:
    """One PEM bundle, or for a ``.zip`` one ``.cer`` (DER) per certificate."""
    if path.suffix.lower() != ".zip":
        return b"".join(certificate_pem(c) for c in chain)
    buffer = io.BytesIO()
    names = AliasAllocator()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, cert in enumerate(chain):
            name = names.suggest(f"{index + 1}-{cert.summary.subject_cn}")
            archive.writestr(f"{name}.cer", cert.der)
    return buffer.getvalue()
