"""Fetch the issuers a server forgot to send, from its chain's AIA "CA Issuers" URLs.

What comes back is a hint for the user ("the server should send this
intermediate"), never an anchor: the caller keeps fetched certificates apart and
trust verdicts ignore them. Bounded: a few URLs, MAX_BYTES each, plain http or
https, no redirects, within the probe's deadline. Each download runs on a helper
thread so that a cancel or the deadline stops the wait at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import AuthorityInformationAccessOID

from keymon.core.entries import CertInfo
from keymon.core.errors import CorruptData
from keymon.core.net.connect import SLICE, Deadline
from keymon.core.net.result import FetchedIssuer

MAX_BYTES = 64 * 1024
MAX_DEPTH = 4
MAX_URLS = 3
PER_FETCH = 5.0


@dataclass(frozen=True)
class AiaOutcome:
    fetched: tuple[FetchedIssuer, ...]
    problems: tuple[str, ...]


def ca_issuers_urls(cert: CertInfo) -> list[str]:
    try:
        aia = cert.cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess)
    except (x509.ExtensionNotFound, ValueError):
        return []
    urls = [
        d.access_location.value
        for d in aia.value
        if d.access_method == AuthorityInformationAccessOID.CA_ISSUERS
        and isinstance(d.access_location, x509.UniformResourceIdentifier)
    ]
    return [u for u in urls if u.lower().startswith(("http://", "https://"))][:MAX_URLS]


def fetch_missing_issuers(
    top: CertInfo, known: Iterable[CertInfo], deadline: Deadline, proxy: str | None
) -> AiaOutcome:
    """Follow AIA from ``top`` up until a self-signed or ``known`` issuer, or MAX_DEPTH."""
    pool = list(known)
    fetched: list[FetchedIssuer] = []
    problems: list[str] = []
    current = top
    for _ in range(MAX_DEPTH):
        if current.summary.self_signed or any(current.signed_by(k) for k in pool):
            break
        urls = ca_issuers_urls(current)
        if not urls:
            if not fetched:
                problems.append(
                    f"“{current.summary.subject_cn}” names no CA Issuers URL to fetch its issuer."
                )
            break
        found = None
        for url in urls:
            certs, problem = _download(url, deadline, proxy)
            if problem:
                problems.append(problem)
            found = next((c for c in certs if current.signed_by(c)), None)
            if found is not None:
                fetched.append(FetchedIssuer(found, url))
                break
            if certs:
                problems.append(f"{url} holds no issuer of “{current.summary.subject_cn}”.")
        if found is None or found in pool:
            break
        pool.append(found)
        current = found
    return AiaOutcome(tuple(fetched), tuple(problems))


def _download(url: str, deadline: Deadline, proxy: str | None) -> tuple[list[CertInfo], str]:
    timeout = min(deadline.remaining(), PER_FETCH)
    if timeout <= 0.05:
        return [], f"No time was left to fetch {url}."
    outcome: list[tuple[bytes | None, str]] = []
    done = threading.Event()

    def run() -> None:
        try:
            outcome.append(_get(url, timeout, proxy))
        except Exception as exc:  # a thread reports, never raises
            outcome.append((None, f"{url} could not be fetched ({type(exc).__name__})."))
        done.set()

    threading.Thread(target=run, name="aia fetch", daemon=True).start()
    while not done.wait(min(max(deadline.remaining(), 0.0), SLICE)):
        if deadline.remaining() <= 0 or (deadline.cancel is not None and deadline.cancel.cancelled):
            return [], f"Fetching {url} was stopped (time is up or the probe was cancelled)."
    data, problem = outcome[0]
    if data is None:
        return [], problem
    certs = parse_certificates(data)
    if not certs:
        return [], f"{url} does not hold a certificate."
    return certs, ""


def _get(url: str, timeout: float, proxy: str | None) -> tuple[bytes | None, str]:
    import httpx  # only when a fetch is needed: it costs 50 ms to import

    with (
        httpx.Client(timeout=timeout, proxy=proxy, trust_env=proxy is None) as client,
        client.stream("GET", url, headers={"User-Agent": "keymon"}) as response,
    ):
        if response.status_code != 200:
            return None, f"{url} answered HTTP {response.status_code}."
        data = b""
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > MAX_BYTES:
                return None, f"{url} sent more than {MAX_BYTES // 1024} KiB; ignored."
        return data, ""


def parse_certificates(data: bytes) -> list[CertInfo]:
    """DER or PEM certificates, or a PKCS#7 certs-only bundle (DER or PEM)."""
    try:
        return [CertInfo.from_der(data)]
    except CorruptData:
        pass
    loaders = [pkcs7.load_der_pkcs7_certificates]
    if b"-----BEGIN" in data:
        loaders = [x509.load_pem_x509_certificates, pkcs7.load_pem_pkcs7_certificates]
    for load in loaders:
        try:
            return [CertInfo.from_cert(c) for c in load(data)]
        except ValueError:
            continue
    return []
