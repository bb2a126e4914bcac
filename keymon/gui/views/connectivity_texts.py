"""The texts of the connectivity panel: summary titles, step names, error headlines.

The English texts are sources of the "ConnectivityPanel" context; the panel shows them
through :func:`tr_panel`, while the tables (and the tests) keep the English keys.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from keymon.core.net.result import ProbeErrorKind, ProbeResult, StepName
from keymon.gui.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "ERROR_HEADLINES",
    "NO_CLIENT",
    "STEP_NAMES",
    "SUMMARY_NAMES",
    "error_headline",
    "step_name",
    "tr_panel",
]

# The English texts below are sources of the "ConnectivityPanel" context: the panel
# shows them through tr_panel(); the tables (and the tests) keep the English keys.
NO_CLIENT = QT_TRANSLATE_NOOP("ConnectivityPanel", "(no client certificate)")
#: Summary titles (as connectivity.summary_rows names them) → the value label's objectName.
SUMMARY_NAMES = {
    QT_TRANSLATE_NOOP("ConnectivityPanel", "Protocol"): "protocolValue",
    QT_TRANSLATE_NOOP("ConnectivityPanel", "Cipher"): "cipherValue",
    QT_TRANSLATE_NOOP("ConnectivityPanel", "ALPN"): "alpnValue",
    QT_TRANSLATE_NOOP("ConnectivityPanel", "Trusted by keystore"): "keystoreTrustValue",
    QT_TRANSLATE_NOOP("ConnectivityPanel", "Trusted by system"): "systemTrustValue",
    QT_TRANSLATE_NOOP("ConnectivityPanel", "Hostname"): "hostnameValue",
    QT_TRANSLATE_NOOP("ConnectivityPanel", "Client certificate"): "clientCertValue",
    QT_TRANSLATE_NOOP("ConnectivityPanel", "HTTP status"): "httpStatusValue",
}
#: The probe's steps, named as core's StepName.label names them in English.
STEP_NAMES = {
    StepName.RESOLVE: QT_TRANSLATE_NOOP("ConnectivityPanel", "Name resolution"),
    StepName.CONNECT: QT_TRANSLATE_NOOP("ConnectivityPanel", "TCP connection"),
    StepName.PROXY: QT_TRANSLATE_NOOP("ConnectivityPanel", "Proxy tunnel"),
    StepName.TLS: QT_TRANSLATE_NOOP("ConnectivityPanel", "TLS handshake"),
    StepName.CLIENT_CERTIFICATE: QT_TRANSLATE_NOOP("ConnectivityPanel", "Client certificate"),
    StepName.HTTP: QT_TRANSLATE_NOOP("ConnectivityPanel", "HTTP request"),
    StepName.ISSUERS: QT_TRANSLATE_NOOP("ConnectivityPanel", "Missing issuers (AIA)"),
}
#: One translated sentence per kind of failure, shown above core's (English) detail.
ERROR_HEADLINES = {
    ProbeErrorKind.NAME_NOT_FOUND: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The host name could not be resolved."
    ),
    ProbeErrorKind.CONNECTION_REFUSED: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server refused the connection."
    ),
    ProbeErrorKind.CONNECTION_FAILED: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server could not be reached."
    ),
    ProbeErrorKind.CONNECTION_CLOSED: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server closed the connection."
    ),
    ProbeErrorKind.TIMED_OUT: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server did not answer in time."
    ),
    ProbeErrorKind.NOT_TLS: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server does not speak TLS on this port."
    ),
    ProbeErrorKind.TLS_ALERT: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server broke off the TLS handshake with an alert."
    ),
    ProbeErrorKind.TLS_FAILED: QT_TRANSLATE_NOOP("ConnectivityPanel", "The TLS handshake failed."),
    ProbeErrorKind.CLIENT_CERTIFICATE_REQUIRED: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server requires a client certificate."
    ),
    ProbeErrorKind.CLIENT_CERTIFICATE_REJECTED: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server rejected the client certificate."
    ),
    ProbeErrorKind.SERVER_UNTRUSTED: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server's certificate is not trusted."
    ),
    ProbeErrorKind.HOSTNAME_MISMATCH: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The server's certificate is not valid for this host name."
    ),
    ProbeErrorKind.EXPIRED: QT_TRANSLATE_NOOP(
        "ConnectivityPanel",
        "A certificate of the server's chain has expired or is not valid yet.",
    ),
    ProbeErrorKind.PROXY_FAILED: QT_TRANSLATE_NOOP(
        "ConnectivityPanel", "The proxy did not open a tunnel to the server."
    ),
    ProbeErrorKind.HTTP_ERROR: QT_TRANSLATE_NOOP("ConnectivityPanel", "The HTTP check failed."),
    ProbeErrorKind.CANCELLED: QT_TRANSLATE_NOOP("ConnectivityPanel", "The test was cancelled."),
}


def tr_panel(text: str) -> str:
    """A text of the tables above in the current language."""
    return QCoreApplication.translate("ConnectivityPanel", text)


def step_name(name: StepName) -> str:
    return tr_panel(STEP_NAMES[name]) if name in STEP_NAMES else name.label


def error_headline(result: ProbeResult | None) -> str:
    """The translated one-sentence meaning of the result's error ("" without an error)."""
    if result is None or result.error is None:
        return ""
    headline = ERROR_HEADLINES.get(result.error.kind)
    return tr_panel(headline) if headline is not None else ""
