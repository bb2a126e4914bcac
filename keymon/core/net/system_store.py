"""The operating system's trusted roots, read once per process.

Where OpenSSL looks (``ssl.get_default_verify_paths()``: ``SSL_CERT_FILE``, then
the distribution's bundle such as /etc/ssl/certs/ca-certificates.crt, then the
hashed directory), and on Windows the ROOT and CA system stores. Not certifi:
the question is whether *this machine* trusts the server.
"""

from __future__ import annotations

import base64
import os
import re
import ssl
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from keymon.core.entries import CertInfo
from keymon.core.errors import CorruptData

_PEM = re.compile(rb"-----BEGIN (?:TRUSTED )?CERTIFICATE-----(.+?)-----END", re.S)
_LOCK = threading.Lock()
_CACHE: list[SystemStore] = []


@dataclass(frozen=True)
class SystemStore:
    certificates: tuple[CertInfo, ...]
    source: str
    by_subject: dict[x509.Name, tuple[CertInfo, ...]]

    def relevant(self, chain: Iterable[CertInfo]) -> list[CertInfo]:
        """The roots whose subject is a subject or issuer of ``chain``: all a path can use."""
        names: set[x509.Name] = set()
        for cert in chain:
            names.update(n for n in (cert.subject_name, cert.issuer_name) if n is not None)
        return [c for name in names for c in self.by_subject.get(name, ())]


def system_store() -> SystemStore:
    with _LOCK:
        if not _CACHE:
            _CACHE.append(_load())
        return _CACHE[0]


def _load() -> SystemStore:
    certs, source = _read()
    unique = tuple(dict.fromkeys(certs))
    by_subject: dict[x509.Name, list[CertInfo]] = {}
    for cert in unique:
        if cert.subject_name is not None:
            by_subject.setdefault(cert.subject_name, []).append(cert)
    return SystemStore(unique, source, {k: tuple(v) for k, v in by_subject.items()})


def _read() -> tuple[list[CertInfo], str]:
    paths = ssl.get_default_verify_paths()
    files = [os.environ.get(paths.openssl_cafile_env), paths.cafile, paths.openssl_cafile]
    for name in files:
        if name and Path(name).is_file():
            return _parse(Path(name).read_bytes()), name
    if sys.platform == "win32":  # pragma: no cover
        found = [
            CertInfo.from_der(der)
            for store in ("ROOT", "CA")
            for der, encoding, _trust in ssl.enum_certificates(store)  # type: ignore[attr-defined]
            if encoding == "x509_asn"
        ]
        return found, "Windows certificate stores"
    dirs = [os.environ.get(paths.openssl_capath_env), paths.capath, paths.openssl_capath]
    for name in dirs:
        if name and Path(name).is_dir():
            certs = []
            for path in sorted(Path(name).iterdir()):
                if path.is_file() and path.suffix in {".pem", ".crt"} | {f".{i}" for i in range(9)}:
                    certs += _parse(path.read_bytes())
            if certs:
                return certs, name
    return [], "none found"


def _parse(data: bytes) -> list[CertInfo]:
    out = []
    for match in _PEM.finditer(data):
        try:
            out.append(CertInfo.from_der(base64.b64decode(match[1])))
        except (ValueError, CorruptData):
            continue  # one bad block does not lose the others
    return out
