"""Time listing a large simulated tenant into keymon entries (chains fetched concurrently).

The simulated tenant (tests/sapci/double.py; a simulator built from public sources,
not SAP's server) runs on loopback with real TLS. It is seeded in memory with EC
entries: half key pairs (leaf + CA chain), half trusted certificates.

    .venv/bin/python bench/tenant_list.py [--entries 5000] [--concurrency 8 4]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertificateEntry, CertInfo, KeyPairEntry
from keymon.core.sapci import api
from keymon.core.sapci.client import TenantClient
from keymon.core.sapci.profiles import TenantProfile
from keymon.core.sapci.reading import read_entries
from tests.sapci.double import FakeTenant


def _cert(cn: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Name, signer: object) -> CertInfo:
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(signer, hashes.SHA256())  # type: ignore[arg-type]
    )
    return CertInfo.from_cert(cert)


def seed(tenant: FakeTenant, count: int) -> None:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench CA")])
    ca = _cert("Bench CA", ca_key, ca_name, ca_key)
    with tenant.state.lock:  # in memory only: no PKCS#12 save of 5,000 keys
        for i in range(count):
            key = ec.generate_private_key(ec.SECP256R1())
            if i % 2:
                tenant.state.put(
                    KeyPairEntry(f"key_{i}", key, (_cert(f"k{i}", key, ca_name, ca_key), ca))
                )
            else:
                own = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"c{i}")])
                tenant.state.put(CertificateEntry(f"cert_{i}", _cert(f"c{i}", key, own, key)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 4])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, FakeTenant(Path(folder)) as tenant:
        started = time.perf_counter()
        seed(tenant, args.entries)
        print(f"seeded {args.entries} entries in {time.perf_counter() - started:.1f} s")
        profile = TenantProfile(
            "bench", tenant.url, tenant.token_url, tenant.client_id, ca_file=str(tenant.ca_file)
        )
        for concurrency in args.concurrency:
            with TenantClient(profile, tenant.client_secret) as client:
                client.token()
                started = time.perf_counter()
                raws = api.list_entries(client)
                listed = time.perf_counter() - started
                before = len(tenant.requests)
                started = time.perf_counter()
                entries = read_entries(client, concurrency=concurrency)
                total = time.perf_counter() - started
                calls = len(tenant.requests) - before
            assert len(entries) == len(raws) == args.entries
            print(
                f"concurrency {concurrency}: list call {listed:.2f} s; "
                f"list + {calls - 1} certificate/chain calls to {len(entries)} mapped entries "
                f"{total:.1f} s ({len(entries) / total:.0f} entries/s)"
            )


if __name__ == "__main__":
    main()
