"""The pyOpenSSL client context and what its info callback records.

One context per client identity (none, or a key pair), built once and reused:
``VERIFY_NONE`` (the chain is captured as sent and judged by keymon, not by
OpenSSL), ALPN ``http/1.1``, the key pair loaded from memory (no key file), and
an info callback that notes whether the server asked for a client certificate,
whether we answered that request, and which alert the server sent.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from OpenSSL import SSL

from keymon.core.entries import KeyPairEntry
from keymon.core.errors import UsageError
from keymon.core.formats.assemble import spki

ALERTS = {
    0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 21: "decryption_failed",
    22: "record_overflow", 30: "decompression_failure", 40: "handshake_failure",
    41: "no_certificate", 42: "bad_certificate", 43: "unsupported_certificate",
    44: "certificate_revoked", 45: "certificate_expired", 46: "certificate_unknown",
    47: "illegal_parameter", 48: "unknown_ca", 49: "access_denied", 50: "decode_error",
    51: "decrypt_error", 60: "export_restriction", 70: "protocol_version",
    71: "insufficient_security", 80: "internal_error", 86: "inappropriate_fallback",
    90: "user_canceled", 100: "no_renegotiation", 109: "missing_extension",
    110: "unsupported_extension", 111: "certificate_unobtainable", 112: "unrecognized_name",
    113: "bad_certificate_status_response", 114: "bad_certificate_hash_value",
    115: "unknown_psk_identity", 116: "certificate_required", 120: "no_application_protocol",
}  # fmt: skip
HINTS = {
    "handshake_failure": "no protocol parameters in common, or the certificate was refused",
    "protocol_version": "no TLS version in common",
    "insufficient_security": "our cipher suites are too weak for the server",
    "unrecognized_name": "the server does not know the name sent as SNI",
    "unknown_ca": "the server does not know the CA that issued the certificate",
    "bad_certificate": "the certificate is malformed or its signature does not verify",
    "certificate_unknown": "the server could not accept the certificate",
    "certificate_expired": "the certificate is expired or not yet valid",
    "certificate_revoked": "the certificate was revoked",
    "access_denied": "the certificate is valid but not allowed in",
    "decrypt_error": "the certificate's key did not sign the handshake",
    "certificate_required": "the server requires a client certificate",
}
CERT_ALERTS = {40, 41, 42, 43, 44, 45, 46, 48, 49, 51, 116}
_CERT_REQUEST = b"SSLv3/TLS read server certificate request"
_CERT_SENT = b"SSLv3/TLS write client certificate"


def alert_name(code: int) -> str:
    return ALERTS.get(code, f"alert {code}")


class HandshakeState:
    """What the info callback saw during one connection."""

    __slots__ = ("alert_received", "cert_requested", "client_flight")

    def __init__(self) -> None:
        self.cert_requested = False
        self.client_flight = False
        self.alert_received: int | None = None


def _info(conn: SSL.Connection, where: int, ret: int) -> None:
    state = conn.get_app_data()
    if not isinstance(state, HandshakeState):
        return
    if where & SSL.SSL_CB_ALERT:
        if where & SSL.SSL_CB_READ:
            state.alert_received = ret & 0xFF
    elif where & SSL.SSL_CB_LOOP and not state.client_flight:  # nothing to learn after it
        text = conn.get_state_string()
        if text == _CERT_REQUEST:
            state.cert_requested = True
        elif text == _CERT_SENT:
            state.client_flight = True


# -- contexts (reused: building one costs more than a handshake's client side) ----------
_CONTEXTS: OrderedDict[object, SSL.Context] = OrderedDict()
_CONTEXTS_LOCK = threading.Lock()


def client_context(client: KeyPairEntry | None) -> SSL.Context:
    """A client context with ``client``'s key and chain loaded from memory, cached."""
    key: object = None
    if client is not None:
        key = (tuple(c.sha256 for c in client.chain), spki(client.private_key))
    with _CONTEXTS_LOCK:
        ctx = _CONTEXTS.get(key)
        if ctx is not None:
            _CONTEXTS.move_to_end(key)
            return ctx
    ctx = _new_context(client)
    with _CONTEXTS_LOCK:
        _CONTEXTS[key] = ctx
        while len(_CONTEXTS) > 16:
            _CONTEXTS.popitem(last=False)
    return ctx


def _new_context(client: KeyPairEntry | None) -> SSL.Context:
    ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)
    ctx.set_verify(SSL.VERIFY_NONE)  # we judge the chain ourselves, with our trust sets
    ctx.set_alpn_protos([b"http/1.1"])
    ctx.set_info_callback(_info)
    if client is not None:
        if not client.chain:
            raise UsageError(f"The key pair {client.alias!r} has no certificate.")
        try:
            ctx.use_certificate(client.chain[0].cert)
            for cert in client.chain[1:]:
                if not cert.summary.self_signed:  # the server has the root, or not
                    ctx.add_extra_chain_cert(cert.cert)
            ctx.use_privatekey(client.private_key)  # type: ignore[arg-type]
            ctx.check_privatekey()
        except (SSL.Error, TypeError, ValueError) as exc:
            raise UsageError(
                f"The key pair {client.alias!r} cannot be used as a TLS client certificate "
                f"({reasons(exc) or exc})."
            ) from exc
    return ctx


def reasons(exc: Exception) -> str:
    args = exc.args[0] if exc.args else None
    if isinstance(args, list):
        return "; ".join(str(item[2]) for item in args if isinstance(item, tuple) and item[2:])
    return str(exc)
