"""The HTTP client of a tenant: OAuth token, CSRF and cookies, retries, typed errors.

One :class:`TenantClient` per profile, safe to share between threads. It never
logs, prints or raises a secret: errors name the tenant, the HTTP status and the
tenant's own message.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from keymon.core.errors import TenantError, UsageError
from keymon.core.lazy import LazyModule
from keymon.core.sapci import errors_text, tls
from keymon.core.sapci.odata import error_message
from keymon.core.sapci.profiles import AuthKind, TenantProfile

if TYPE_CHECKING:
    import httpx
else:
    httpx = LazyModule("httpx")  # imported at the first request, not at start-up


@dataclass(frozen=True)
class RetryPolicy:
    """How often 429 and 503 answers are tried again, and how long to wait in between."""

    attempts: int = 4  # tries in all
    base_delay: float = 0.5  # doubled each time unless Retry-After says otherwise
    max_delay: float = 30.0


class TenantClient:
    """Requests to ``{api_url}/api/v1`` of one tenant, logged in as its profile says."""

    def __init__(
        self,
        profile: TenantProfile,
        secret: str,
        *,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.profile = profile
        self._secret = secret
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self._sleep = sleep
        self.waited: list[float] = []  # the pauses made before retrying (seconds)
        self.scopes: tuple[str, ...] = ()  # what the last token was granted
        self._lock = threading.Lock()
        self._token: str | None = None
        self._token_expiry = 0.0
        self._csrf: str | None = None
        self._http = self._client(tls.verify_context(profile))
        self._token_http: httpx.Client | None = None

    def _client(self, verify: Any) -> httpx.Client:
        timeout = httpx.Timeout(self.timeout, connect=min(self.timeout, 15.0))
        limits = httpx.Limits(max_connections=16, max_keepalive_connections=16)
        proxy = self.profile.proxy or None  # else HTTP(S)_PROXY from the environment
        return httpx.Client(verify=verify, timeout=timeout, limits=limits, proxy=proxy)

    def __enter__(self) -> TenantClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()
        if self._token_http is not None:
            self._token_http.close()

    def __repr__(self) -> str:
        return f"TenantClient({self.profile.name!r})"

    # -- authentication ------------------------------------------------------------
    def token(self) -> str:
        """A valid access token, fetched (client credentials) when none is cached."""
        with self._lock:
            if self._token and time.monotonic() < self._token_expiry:
                return self._token
            self._token, lifetime = self._fetch_token()
            self._token_expiry = time.monotonic() + max(lifetime - 60, lifetime / 2)
            return self._token

    def _fetch_token(self) -> tuple[str, float]:
        profile = self.profile
        params = {"grant_type": "client_credentials"}
        if profile.auth is AuthKind.CLIENT_CERTIFICATE:
            if self._token_http is None:
                context = tls.client_certificate_context(profile, self._secret)
                self._token_http = self._client(context)
            token_http = self._token_http
            call = lambda: token_http.post(  # noqa: E731
                profile.token_url, params=params, data={"client_id": profile.client_id}
            )
        else:
            auth = (profile.client_id, self._secret)
            call = lambda: self._http.post(profile.token_url, params=params, auth=auth)  # noqa: E731
        response = self._transport(call, "POST", "token")
        if response.status_code != 200:
            raise errors_text.token_error(profile, response.status_code, _json(response))
        body = _json(response)
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            raise TenantError(
                f"The token endpoint of tenant {profile.name!r} answered without an access token.",
                status=200,
            )
        scope = body.get("scope") if isinstance(body, dict) else None
        self.scopes = tuple(str(scope).split()) if scope else ()
        lifetime = body.get("expires_in") if isinstance(body, dict) else None
        return token, float(lifetime) if isinstance(lifetime, int | float) else 3600.0

    def _auth_headers(self) -> tuple[dict[str, str], str | None]:
        if self.profile.auth is AuthKind.BASIC:
            return {}, None
        token = self.token()
        return {"Authorization": f"Bearer {token}"}, token

    def _forget_token(self, used: str | None) -> None:
        with self._lock:
            if self._token == used:
                self._token = None

    # -- CSRF --------------------------------------------------------------------------
    def csrf_token(self) -> str:
        """The CSRF token for writes (``GET {root}/``, ``X-CSRF-Token: Fetch``; cookies kept)."""
        with self._lock:
            cached = self._csrf
        if cached:
            return cached
        response = self._send("GET", "/", headers={"X-CSRF-Token": "Fetch"})
        if response.status_code == 401 and self.profile.auth is not AuthKind.BASIC:
            # the token expired since the last call (_send forgot it): once more, renewed
            response = self._send("GET", "/", headers={"X-CSRF-Token": "Fetch"})
        if response.status_code >= 400:
            raise errors_text.api_error(self.profile, response.status_code, _json(response))
        token = str(response.headers.get("X-CSRF-Token") or "")
        if not token or token.lower() == "required":
            raise TenantError(
                f"Tenant {self.profile.name!r} gave no CSRF token for writing.",
                status=response.status_code,
            )
        with self._lock:
            self._csrf = token
        return token

    # -- requests ----------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """One API call; renews the token once on 401, the CSRF token once on 403,
        waits and retries on 429/503 (bounded); any other failure is a TenantError."""
        renewed = refetched = False
        attempt = 0
        while True:
            extra = dict(headers or {})
            if method != "GET":
                extra["X-CSRF-Token"] = self.csrf_token()
            response = self._send(method, path, params, json, content, extra)
            status = response.status_code
            if status == 401 and not renewed and self.profile.auth is not AuthKind.BASIC:
                renewed = True
                continue
            if status == 403 and method != "GET" and not refetched and _csrf_refused(response):
                with self._lock:
                    self._csrf = None
                refetched = True
                continue
            if status in (429, 503) and attempt + 1 < self.retry.attempts:
                self._wait(response, attempt)
                attempt += 1
                continue
            if status >= 400:
                raise errors_text.api_error(self.profile, status, _json(response), attempt + 1)
            return response

    def get_json(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        response = self.request("GET", path, params=params)
        body = _json(response)
        if body is None:
            raise TenantError(
                f"Tenant {self.profile.name!r} answered {path} with something that is not JSON.",
                status=response.status_code,
            )
        return body

    def get_bytes(self, path: str, params: Mapping[str, str] | None = None) -> bytes:
        return self.request("GET", path, params=params).content

    def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        auth_headers, used = self._auth_headers()
        all_headers = {"Accept": "application/json", **auth_headers, **(headers or {})}
        auth = None
        if self.profile.auth is AuthKind.BASIC:
            auth = httpx.BasicAuth(self.profile.client_id, self._secret)
        url = self.profile.root + path
        response = self._transport(
            lambda: self._http.request(
                method,
                url,
                params=dict(params or {}),
                json=json,
                content=content,
                headers=all_headers,
                auth=auth,
            ),
            method,
            path,
        )
        if response.status_code == 401:
            self._forget_token(used)
        return response

    def _transport(
        self, call: Callable[[], httpx.Response], method: str, path: str
    ) -> httpx.Response:
        """Run ``call``; network failures become one clear TenantError sentence."""
        try:
            return call()
        except httpx.TimeoutException as exc:
            raise TenantError(
                f"Tenant {self.profile.name!r} did not answer {method} {path} within "
                f"{self.timeout:g} s."
            ) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise TenantError(
                f"The connection to tenant {self.profile.name!r} closed before it answered "
                f"{method} {path}."
            ) from exc
        except httpx.ProxyError as exc:
            raise TenantError(
                f"The proxy refused the connection to tenant {self.profile.name!r}."
            ) from exc
        except httpx.ConnectError as exc:
            raise errors_text.connect_error(self.profile, str(exc)) from exc
        except httpx.InvalidURL as exc:
            raise UsageError(f"Tenant profile {self.profile.name!r} has an invalid URL.") from exc
        except httpx.TransportError as exc:
            raise TenantError(
                f"Tenant {self.profile.name!r} cannot be reached ({type(exc).__name__})."
            ) from exc

    def _wait(self, response: httpx.Response, attempt: int) -> None:
        delay = self.retry.base_delay * (2**attempt)
        after = response.headers.get("Retry-After", "").strip()
        if after.isdigit():
            delay = float(after)
        delay = min(delay, self.retry.max_delay)
        self.waited.append(delay)
        self._sleep(delay)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _csrf_refused(response: httpx.Response) -> bool:
    """A 403 that asks for a (new) CSRF token, not one for a missing role or a reserved alias."""
    if response.headers.get("X-CSRF-Token", "").lower() == "required":
        return True
    return bool(re.search(r"csrf", error_message(_json(response)), re.IGNORECASE))


def host_of(url: str) -> str:
    return urlsplit(url).netloc or url
