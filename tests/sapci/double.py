"""A simulated SAP Cloud Integration tenant: the Security Content OData API over real HTTPS.

A *simulator built from public sources*, not SAP's server: each behaviour cites the
line of ``shared/SAP-SECURITY-CONTENT-API.md`` (``API.md``) it follows; "(inferred)"
marks what the sources do not say outright. It listens on 127.0.0.1 with TLS from
its own CA, serves the OAuth token endpoint (client secret; and client certificate
over mTLS on a second port), CSRF tokens with a cookie jar, and keeps its keystores
in real PKCS#12 files (tests/sapci/tenant_model.py). Tests inject faults through
:meth:`FakeTenant.inject` (a control of the double, not part of SAP's API).

    with FakeTenant(tmp_path) as tenant:
        key = tenant.service_key()      # the JSON an admin downloads from the BTP cockpit
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import ssl
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.sapci import routes
from tests.sapci.tenant_model import ApiError, TenantState
from tests.sapci.tls_material import DoublePki

ALL_ROLES = frozenset({"MonitoringDataRead", "SecurityMaterialEdit", "SecurityMaterialDownload"})


@dataclass
class Fault:
    status: int
    times: int
    method: str | None
    path: str | None
    message: str
    retry_after: int | None = None
    drop: bool = False


class FakeTenant:
    """Start with ``with FakeTenant(folder) as t``; ``t.url`` is the service key's ``url``."""

    def __init__(
        self,
        folder: Path,
        *,
        client_id: str = "sb-keymon-test!b1|it!b2",
        client_secret: str = "s3cr3t-value",  # noqa: S107 - the double's own test secret
        token_lifetime: int = 43200,
        offset_dates: bool = True,
        roles: frozenset[str] = ALL_ROLES,
    ) -> None:
        self.folder = folder
        self.state = TenantState(folder / "keystores")
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_lifetime = token_lifetime  # API.md: default 43200 s for plan api
        self.offset_dates = offset_dates  # API.md "Dates": both forms exist
        self.roles = set(roles)
        self.tokens: dict[str, float] = {}
        self.csrf: dict[str, str] = {}  # session cookie → CSRF token
        self.faults: list[Fault] = []
        self.requests: list[tuple[str, str]] = []
        self.basic_users: dict[str, str] = {}
        self.lock = threading.Lock()
        self.pki = DoublePki()
        self.client_cert = self.pki.issue(client_id, server=False)
        self._servers: list[ThreadingHTTPServer] = []

    # -- life cycle ------------------------------------------------------------------
    def __enter__(self) -> FakeTenant:
        self.folder.mkdir(parents=True, exist_ok=True)
        ca, chain, key = self.pki.write_server_files(self.folder)
        self.ca_file = ca
        plain = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        plain.load_cert_chain(chain, key)
        mutual = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        mutual.load_cert_chain(chain, key)
        mutual.verify_mode = ssl.CERT_REQUIRED
        mutual.load_verify_locations(cadata=self.pki.ca_pem.decode())
        self.port = self._serve(plain, mtls=False)
        self.cert_port = self._serve(mutual, mtls=True)
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def _serve(self, context: ssl.SSLContext, mtls: bool) -> int:
        tenant = self

        class Handler(_Handler):
            pass

        Handler.tenant = tenant
        Handler.mtls = mtls
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self._servers.append(server)
        return int(server.server_address[1])

    # -- what a profile needs --------------------------------------------------------
    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def token_url(self) -> str:
        return f"{self.url}/oauth/token"

    @property
    def cert_token_url(self) -> str:
        # API.md: the certificate variant's token host differs (inferred): a second port here.
        return f"https://127.0.0.1:{self.cert_port}/oauth/token"

    def service_key(self, *, flat: bool = False) -> dict[str, Any]:
        """API.md "Service key, client-secret variant": fields nested under ``oauth``."""
        fields = {
            "clientid": self.client_id,
            "clientsecret": self.client_secret,
            "tokenurl": self.token_url,
            "url": self.url,
        }
        return fields if flat else {"oauth": fields}

    def cert_service_key(self) -> dict[str, Any]:
        """API.md "certificate variant": PEM values hold ``\\n`` escapes (json.dumps does so)."""
        return {
            "oauth": {
                "clientid": self.client_id,
                "certificate": self.client_cert.cert_pem.decode() + self.pki.ca_pem.decode(),
                "key": self.client_cert.key_pem.decode(),
                "tokenurl": self.cert_token_url,
                "url": self.url,
            }
        }

    # -- controls of the double (not SAP's API) --------------------------------------
    def inject(
        self,
        status: int,
        *,
        times: int = 1,
        method: str | None = None,
        path: str | None = None,
        message: str = "",
        retry_after: int | None = None,
    ) -> None:
        """The next ``times`` matching API requests answer ``status``."""
        text = message or {
            429: "Rate limit exceeded",  # API.md "Errors": 429 rate limit
            503: "The keystore is locked by another user",  # API.md: 503 locked
        }.get(status, "Injected error")
        with self.lock:
            self.faults.append(Fault(status, times, method, path, text, retry_after))

    def drop_next(self, *, method: str | None = None, path: str | None = None) -> None:
        """The next matching request's connection is closed before any answer."""
        with self.lock:
            self.faults.append(Fault(0, 1, method, path, "", drop=True))

    def expire_tokens(self) -> None:
        with self.lock:
            self.tokens = dict.fromkeys(self.tokens, 0.0)

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if (fault.method in (None, method)) and (fault.path is None or fault.path in path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def new_token(self) -> str:
        token = secrets.token_urlsafe(24)
        with self.lock:
            self.tokens[token] = time.time() + self.token_lifetime
        return token


class _Handler(BaseHTTPRequestHandler):
    tenant: FakeTenant
    mtls: bool
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # -- plumbing --------------------------------------------------------------------
    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send(
        self,
        status: int,
        body: bytes | dict[str, Any] | None = None,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        raw = json.dumps(body).encode() if isinstance(body, dict) else (body or b"")
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if raw:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        """API.md "Errors": ``{"error": {"code", "message": {"lang", "value"}}}``."""
        codes = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}
        body = {
            "error": {
                "code": codes.get(status, str(status)),
                "message": {"lang": "en", "value": message},
            }
        }
        self.send(status, body, headers=headers)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        tenant = self.tenant
        split = urlsplit(self.path)
        path, query = unquote(split.path), parse_qs(split.query, keep_blank_values=True)
        body = self._body()
        tenant.requests.append((method, self.path))
        if path == "/oauth/token":
            self._token(method, body)
            return
        if not path.startswith("/api/v1"):
            self.error(404, "Not found")
            return
        fault = tenant.take_fault(method, path)
        if fault and fault.drop:
            self.close_connection = True
            self.connection.close()
            return
        user = self._authenticate()
        if user is None:
            self.error(401, "Unauthorized", {"WWW-Authenticate": 'Bearer realm="api"'})
            return
        if method != "GET" and not self._csrf_ok():
            # API.md: writes need the CSRF token; on 403 with a stale token, fetch again
            self.error(403, "CSRF token validation failed", {"X-CSRF-Token": "Required"})
            return
        if fault:
            extra = {"Retry-After": str(fault.retry_after)} if fault.retry_after else None
            self.error(fault.status, fault.message, extra)
            return
        rest = path[len("/api/v1") :]
        if method == "GET" and rest in ("", "/") and self._fetching_csrf():
            return
        try:
            routes.handle(self, method, rest, {k: v[-1] for k, v in query.items()}, body)
        except ApiError as exc:
            if exc.body is not None:
                self.send(exc.status, exc.body)
            else:
                self.error(exc.status, exc.message)

    # -- auth ------------------------------------------------------------------------
    def _token(self, method: str, body: bytes) -> None:
        """API.md: ``POST {tokenurl}?grant_type=client_credentials``, id/secret as Basic."""
        tenant = self.tenant
        if method != "POST":
            self.error(405, "Method not allowed")
            return
        form = {k: v[-1] for k, v in parse_qs(body.decode("latin-1")).items()}
        query = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
        grant = query.get("grant_type") or form.get("grant_type")
        if grant != "client_credentials":
            self.send(400, {"error": "unsupported_grant_type"})
            return
        if self.mtls:  # the client certificate was checked in the TLS handshake
            client = form.get("client_id") or tenant.client_id
            ok = client == tenant.client_id
        else:
            client, secret = form.get("client_id"), form.get("client_secret")
            auth = self.headers.get("Authorization", "")
            if auth.startswith("Basic "):
                client, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            ok = client == tenant.client_id and secret == tenant.client_secret
        if not ok:
            self.send(401, {"error": "unauthorized", "error_description": "Bad credentials"})
            return
        token = tenant.new_token()
        self.send(
            200,
            {
                "access_token": token,
                "token_type": "bearer",
                "expires_in": tenant.token_lifetime,
                "scope": " ".join(sorted(tenant.roles)),
            },
        )

    def _authenticate(self) -> str | None:
        tenant = self.tenant
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            expiry = tenant.tokens.get(auth[7:])
            return tenant.client_id if expiry is not None and expiry > time.time() else None
        if auth.startswith("Basic ") and tenant.basic_users:  # API.md: Neo uses basic auth
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            return user if tenant.basic_users.get(user) == password else None
        return None

    def _session(self) -> str | None:
        match = re.search(r"JSESSIONID=([A-Za-z0-9_-]+)", self.headers.get("Cookie", ""))
        return match[1] if match else None

    def _fetching_csrf(self) -> bool:
        """API.md: ``GET {root}/`` with ``X-CSRF-Token: Fetch`` → token + session cookie."""
        if self.headers.get("X-CSRF-Token", "").lower() != "fetch":
            self.send(200, {"d": {"EntitySets": routes.ENTITY_SETS}})
            return True
        session = self._session() or secrets.token_urlsafe(12)
        token = secrets.token_urlsafe(16)
        with self.tenant.lock:
            self.tenant.csrf[session] = token
        headers = {"X-CSRF-Token": token, "Set-Cookie": f"JSESSIONID={session}; Path=/; Secure"}
        self.send(200, {"d": {"EntitySets": routes.ENTITY_SETS}}, headers=headers)
        return True

    def _csrf_ok(self) -> bool:
        session = self._session()
        token = self.headers.get("X-CSRF-Token")
        return bool(session and token and self.tenant.csrf.get(session) == token)

    def require(self, role: str) -> None:
        """API.md "Roles": 403 when the client lacks the role the call needs."""
        if role not in self.tenant.roles:
            raise ApiError(403, f"Forbidden: the user does not have the role {role}")
