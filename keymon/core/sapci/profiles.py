"""Tenant profiles: where a tenant is and how to log in, kept without secrets.

Profiles live in ``tenants.json`` in keymon's data directory (mode 0600); the
secret of each (client secret, client key PEM, or basic password) lives only in
the OS keyring under ``sapci:NAME``. With no keyring, saving a secret fails
with NoKeyring: there is no plaintext fallback.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keymon.core import config, secrets
from keymon.core.atomic import atomic_write
from keymon.core.errors import CorruptData, UsageError

PROFILES_FILE = "tenants.json"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class AuthKind(enum.StrEnum):
    CLIENT_SECRET = "client_secret"  # noqa: S105 - a kind, not a secret
    CLIENT_CERTIFICATE = "client_certificate"  # mTLS to the token endpoint
    BASIC = "basic"  # Neo


@dataclass(frozen=True)
class TenantProfile:
    """Everything about a tenant but its secret. ``api_url`` is the service key's ``url``."""

    name: str
    api_url: str
    token_url: str
    client_id: str
    auth: AuthKind = AuthKind.CLIENT_SECRET
    read_only: bool = False
    ca_file: str | None = None  # extra CA file (PEM) trusted besides the system store
    proxy: str | None = None
    client_certificate: str | None = None  # PEM chain (public) for CLIENT_CERTIFICATE

    @property
    def root(self) -> str:
        """The service root ``{url}/api/v1``."""
        url = self.api_url.rstrip("/")
        return url if url.endswith("/api/v1") else f"{url}/api/v1"

    @property
    def account(self) -> str:
        return f"sapci:{self.name}"

    def to_json(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, AuthKind) else v) for k, v in vars(self).items()}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> TenantProfile:
        fields = {f.name for f in dataclasses.fields(cls)}
        try:
            values = {k: v for k, v in raw.items() if k in fields}
            values["auth"] = AuthKind(values.get("auth", AuthKind.CLIENT_SECRET))
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise CorruptData(f"A tenant profile in {PROFILES_FILE} is malformed ({exc}).") from exc


@dataclass(frozen=True)
class NewProfile:
    """A profile and its secret, as read from a service key before saving."""

    profile: TenantProfile
    secret: str = dataclasses.field(repr=False)


def validate_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise UsageError(
            f"The tenant profile name {name!r} must be letters, digits, '.', '_' or '-' "
            "(at most 64)."
        )
    return name


def _unescape(value: str) -> str:
    """PEM values of service keys may hold literal ``\\n`` escapes: make them line breaks."""
    return value.replace("\\r\\n", "\n").replace("\\n", "\n")


def from_service_key(name: str, key: Mapping[str, Any] | str | bytes) -> NewProfile:
    """A profile from a service key JSON: nested under ``oauth`` or flat; secret or certificate."""
    if isinstance(key, str | bytes):
        try:
            key = json.loads(key)
        except ValueError as exc:
            raise UsageError("The service key is not JSON.") from exc
    if not isinstance(key, Mapping):
        raise UsageError("The service key is not a JSON object.")
    nested = key.get("oauth")
    fields: Mapping[str, Any] = nested if isinstance(nested, Mapping) else key
    missing = [f for f in ("clientid", "tokenurl", "url") if not fields.get(f)]
    if missing:
        raise UsageError(f"The service key lacks {', '.join(missing)}.")
    profile = TenantProfile(
        validate_name(name), str(fields["url"]), str(fields["tokenurl"]), str(fields["clientid"])
    )
    if fields.get("clientsecret"):
        return NewProfile(profile, str(fields["clientsecret"]))
    if fields.get("certificate") and fields.get("key"):
        cert = _unescape(str(fields["certificate"]))
        profile = dataclasses.replace(
            profile, auth=AuthKind.CLIENT_CERTIFICATE, client_certificate=cert
        )
        return NewProfile(profile, _unescape(str(fields["key"])))
    raise UsageError("The service key has neither a clientsecret nor a certificate and key.")


class ProfileStore:
    """The profiles file (``tenants.json``) and the keyring secrets that go with it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config.data_dir() / PROFILES_FILE

    def load(self) -> dict[str, TenantProfile]:
        if not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise CorruptData(f"The tenant profiles file {self.path} cannot be read.") from exc
        items = raw.get("tenants", []) if isinstance(raw, dict) else []
        profiles = [TenantProfile.from_json(item) for item in items if isinstance(item, dict)]
        return {p.name: p for p in profiles}

    def get(self, name: str) -> TenantProfile:
        profile = self.load().get(name)
        if profile is None:
            raise UsageError(f"There is no tenant profile named {name!r}.")
        return profile

    def secret(self, profile: TenantProfile) -> str | None:
        return secrets.get_secret(profile.account)

    def save(self, new: NewProfile, *, replace: bool = False) -> TenantProfile:
        """Store the profile (file) and its secret (keyring only); NoKeyring without a keyring."""
        profiles = self.load()
        name = validate_name(new.profile.name)
        if name in profiles and not replace:
            raise UsageError(f"A tenant profile named {name!r} already exists.")
        secrets.set_secret(new.profile.account, new.secret)  # first: no profile without secret
        profiles[name] = new.profile
        self._write(profiles)
        return new.profile

    def remove(self, name: str) -> None:
        profiles = self.load()
        profile = profiles.pop(name, None)
        if profile is None:
            raise UsageError(f"There is no tenant profile named {name!r}.")
        self._write(profiles)
        secrets.forget_secret(profile.account)

    def _write(self, profiles: Mapping[str, TenantProfile]) -> None:
        config.ensure_private_dir(self.path.parent)
        data = {"tenants": [p.to_json() for p in profiles.values()]}
        text = json.dumps(data, indent=2, sort_keys=True) + "\n"
        atomic_write(self.path, text.encode("utf-8"), config.PRIVATE_FILE_MODE, private=True)
        os.chmod(self.path, config.PRIVATE_FILE_MODE)
