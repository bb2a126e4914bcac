"""One clear sentence per failed tenant call: what the HTTP status means, and the tenant's text.

Messages name the profile and quote the tenant's own OData message; they never
hold a secret, a token or an Authorization header.
"""

from __future__ import annotations

import re
from typing import Any

from keymon.core.errors import TenantError
from keymon.core.sapci.odata import error_message
from keymon.core.sapci.profiles import AuthKind, TenantProfile

_ROLE = re.compile(r"\brole\s+['\"]?([A-Za-z][\w.]*)")


def _detail(body: Any) -> str:
    text = " ".join(error_message(body).split())
    return text[:300].rstrip(".")


def missing_role(detail: str) -> str | None:
    """The role a 403 message names (e.g. ``SecurityMaterialEdit``), if it names one."""
    match = _ROLE.search(detail)
    return match[1] if match else None


def api_error(profile: TenantProfile, status: int, body: Any, tries: int = 1) -> TenantError:
    """The error for an API answer with ``status`` >= 400."""
    name = profile.name
    detail = _detail(body)
    said = f": {detail}" if detail else ""
    if status == 401:
        text = (
            f"Tenant {name!r} refused the login (401 Unauthorized); check the profile's "
            "client id and secret"
        )
    elif status == 403:
        role = missing_role(detail)
        if role:
            text = f"Tenant {name!r} refused the request (403): the client lacks the role {role}"
        else:
            text = f"Tenant {name!r} refused the request (403 Forbidden){said}"
    elif status == 404:
        text = f"Tenant {name!r} has no such entry or keystore (404 Not Found){said}"
    elif status == 409:
        text = f"Tenant {name!r} did not import the certificate (409 Conflict){said}"
    elif status == 413:
        text = f"The upload is too large for tenant {name!r} (413){said}"
    elif status == 415:
        text = f"Tenant {name!r} does not accept this kind of content (415){said}"
    elif status == 429:
        text = (
            f"Tenant {name!r} kept refusing with 'too many requests' (429) after {tries} "
            "tries; try again later"
        )
    elif status == 503:
        text = (
            f"The tenant's keystore is locked by another user (tenant {name!r}, 503, "
            f"after {tries} tries); try again later"
        )
    elif status == 400:
        text = f"Tenant {name!r} refused the request (400 Bad Request){said}"
    else:
        text = f"Tenant {name!r} failed with HTTP {status}{said}"
    return TenantError(text + ".", status=status, detail=detail)


def token_error(profile: TenantProfile, status: int, body: Any) -> TenantError:
    """The error for a failed client-credentials token request."""
    detail = _detail(body)
    if status in (400, 401, 403):
        what = (
            "client certificate"
            if profile.auth is AuthKind.CLIENT_CERTIFICATE
            else "client id and secret"
        )
        text = (
            f"The token endpoint of tenant {profile.name!r} refused the {what} ({status}); "
            "check the profile or import a new service key."
        )
    else:
        said = f": {detail}" if detail else ""
        text = f"The token endpoint of tenant {profile.name!r} failed with HTTP {status}{said}."
    return TenantError(text, status=status, detail=detail)


def connect_error(profile: TenantProfile, reason: str) -> TenantError:
    """The error for a connection that could not be made (TLS trust, refused, DNS)."""
    lowered = reason.lower()
    if "certificate verify failed" in lowered or "certificate_verify_failed" in lowered:
        text = (
            f"The TLS certificate of tenant {profile.name!r} is not trusted; add its CA "
            "file to the profile."
        )
    elif "alert" in lowered or "ssl" in lowered:
        text = f"The TLS handshake with tenant {profile.name!r} failed."
    else:
        text = f"Tenant {profile.name!r} cannot be reached (connection failed)."
    return TenantError(text)
