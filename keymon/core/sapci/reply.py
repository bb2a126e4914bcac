"""The local check of a CA response before it goes to a tenant key pair.

keymon.core.x509.reply.plan_reply finds the reply's leaf by the entry's key; a
tenant key pair has no private key here, so its certificate's public key (the
key the tenant holds) stands in for it. Nothing is uploaded by this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from keymon.core.entries import CertInfo, KeyPairEntry
from keymon.core.sapci.mapping import TenantKeyPair
from keymon.core.x509.reply import ReplyPlan, plan_reply


class _PublicStandIn(KeyPairEntry):
    """The entry with its certificate's public key where the key match looks."""

    @property
    def private_key(self) -> Any:
        return self.certificate.public_key


def plan_tenant_reply(
    entry: TenantKeyPair,
    reply_certs: Sequence[CertInfo],
    keystore_certs: Sequence[CertInfo],
    trusted: Sequence[CertInfo],
    now: dt.datetime,
) -> ReplyPlan:
    """:func:`plan_reply` for a tenant key pair (ReplyMismatch when the key differs)."""
    return plan_reply(public_stand_in(entry), reply_certs, keystore_certs, trusted, now)


def public_stand_in(entry: TenantKeyPair) -> KeyPairEntry:
    """The key pair as :func:`plan_reply` and the CA-reply wizard check it (public key only)."""
    return _PublicStandIn(entry.alias, chain=entry.chain, sealed=_NO_KEY)


class _NoKey:
    """Satisfies KeyPairEntry's "a key or a sealed one" check; never unlocked."""


_NO_KEY: Any = _NoKey()
