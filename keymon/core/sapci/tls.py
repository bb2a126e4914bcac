"""TLS contexts for a tenant: the system store plus a profile's extra CA, and mTLS client keys.

httpx drops a client certificate given as ``cert=`` beside ``verify="path"``
(DESIGN.md §3), so the certificate goes on the ``ssl.SSLContext`` itself.
``load_cert_chain`` needs files: the key is written to a 0600 temp file,
encrypted with a random password, and the file is removed right after.
"""

from __future__ import annotations

import os
import secrets as _random
import ssl
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from keymon.core.errors import UsageError
from keymon.core.sapci.profiles import TenantProfile


def verify_context(profile: TenantProfile) -> ssl.SSLContext:
    """The system's trusted roots plus the profile's extra CA file."""
    context = ssl.create_default_context()
    if profile.ca_file:
        try:
            context.load_verify_locations(cafile=profile.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise UsageError(
                f"The extra CA file {profile.ca_file} of tenant {profile.name!r} cannot be read."
            ) from exc
    return context


def client_certificate_context(profile: TenantProfile, key_pem: str) -> ssl.SSLContext:
    """``verify_context`` with the profile's client certificate and ``key_pem`` loaded."""
    context = verify_context(profile)
    if not profile.client_certificate:
        raise UsageError(f"Tenant profile {profile.name!r} has no client certificate.")
    try:
        key = serialization.load_pem_private_key(key_pem.encode(), password=None)
    except (ValueError, TypeError) as exc:
        raise UsageError(
            f"The client key of tenant profile {profile.name!r} is not a readable PEM key."
        ) from exc
    password = _random.token_urlsafe(24)
    sealed = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password.encode()),
    )
    folder = Path(tempfile.mkdtemp(prefix="keymon-mtls-"))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    try:
        for path, data in ((cert_file, profile.client_certificate.encode()), (key_file, sealed)):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        try:
            context.load_cert_chain(cert_file, key_file, password=password)
        except ssl.SSLError as exc:
            raise UsageError(
                f"The client certificate of tenant profile {profile.name!r} does not match its key."
            ) from exc
    finally:
        for path in (cert_file, key_file):
            path.unlink(missing_ok=True)
        folder.rmdir()
    return context
