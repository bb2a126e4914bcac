"""Benchmark: full TLS handshakes per second, keymon's probe core against `openssl s_time`.

Starts one local `openssl s_server` (leaf ← intermediate ← root, asking for an
optional client certificate so that it sends its acceptable CA names), then:

- keymon: ``probe()`` in a loop in this process for ``--seconds``, every probe a
  full handshake that captures the chain and the CA names (and validates the
  chain against the root as the keystore's trusted certificate and the system
  store, as the GUI does);
- openssl: ``openssl s_time -connect ... -new -time SECONDS`` with the cipher suite
  keymon negotiated. Its "N connections in T real seconds" counts whole seconds of
  ``time()``, so T overstates the run by up to one second; the wall-clock rate
  (N over the measured run time of s_time) is printed too and is the one compared.

Rounds alternate between the two so that other load on the machine hits both.

    .venv/bin/python bench/probe_rate.py [--seconds 5] [--rounds 3] [--tls 1.3|1.2] [--key ec|rsa]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertInfo
from keymon.core.net import ProbeRequest
from keymon.core.net.probe import probe

S_TIME = re.compile(rb"(\d+) connections in (\d+) real seconds")


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(
    key: CertificateIssuerPrivateKeyTypes,
    cn: str,
    issuer_key: CertificateIssuerPrivateKeyTypes,
    issuer: str,
    *,
    ca: bool,
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())  # type: ignore[arg-type]


def _key(kind: str) -> CertificateIssuerPrivateKeyTypes:
    if kind == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP256R1())


def _pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def write_pki(folder: Path, kind: str) -> CertInfo:
    root_key, inter_key, leaf_key, client_ca_key = (_key(kind) for _ in range(4))
    root = _cert(root_key, "Bench Root", root_key, "Bench Root", ca=True)
    inter = _cert(inter_key, "Bench Intermediate", root_key, "Bench Root", ca=True)
    leaf = _cert(leaf_key, "localhost", inter_key, "Bench Intermediate", ca=False)
    client_ca = _cert(client_ca_key, "Bench Client CA", client_ca_key, "Bench Client CA", ca=True)
    (folder / "leaf.pem").write_bytes(_pem(leaf))
    (folder / "chain.pem").write_bytes(_pem(inter))
    (folder / "clientca.pem").write_bytes(_pem(client_ca))
    (folder / "leaf.key").write_bytes(
        leaf_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return CertInfo.from_cert(root)


class Server:
    def __init__(self, openssl: str, folder: Path, version: str) -> None:
        self.command = [
            openssl, "s_server", "-accept", "127.0.0.1:0",
            "-cert", str(folder / "leaf.pem"), "-cert_chain", str(folder / "chain.pem"),
            "-key", str(folder / "leaf.key"), f"-tls{version.replace('.', '_')}",
            "-verify", "1", "-CAfile", str(folder / "clientca.pem"),
        ]  # fmt: skip

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(
            self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        assert self.proc.stdout is not None
        deadline = time.monotonic() + 10
        for line in self.proc.stdout:
            match = re.match(rb"ACCEPT 127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match[1])
                break
            if time.monotonic() > deadline:
                raise RuntimeError("s_server did not start")
        else:
            raise RuntimeError("s_server exited")
        self.drain = threading.Thread(target=self.proc.stdout.read, daemon=True)
        self.drain.start()  # never let s_server block on a full pipe
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(5)


def keymon_rate(request: ProbeRequest, seconds: float) -> tuple[float, int]:
    count = 0
    start = time.perf_counter()
    end = start + seconds
    while time.perf_counter() < end:
        result = probe(request)
        if result.error is not None or len(result.chain) != 2 or not result.client_ca_names:
            raise RuntimeError(f"probe failed: {result.error}")
        count += 1
    return count / (time.perf_counter() - start), count


def openssl_rate(
    openssl: str, port: int, seconds: int, version: str, cipher: str
) -> tuple[float, float, int]:
    option = "-ciphersuites" if version == "1.3" else "-cipher"
    command = [openssl, "s_time", "-connect", f"127.0.0.1:{port}", "-new"]
    command += ["-time", str(seconds), option, cipher]
    start = time.perf_counter()
    out = subprocess.run(command, capture_output=True, check=True).stdout
    wall = time.perf_counter() - start
    match = S_TIME.search(out)
    if match is None:
        raise RuntimeError(f"unexpected s_time output: {out[-300:]!r}")
    count, real = int(match[1]), int(match[2])
    return count / real, count / wall, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tls", choices=("1.2", "1.3"), default="1.3")
    parser.add_argument("--key", choices=("ec", "rsa"), default="ec")
    args = parser.parse_args()
    openssl = shutil.which("openssl")
    if openssl is None:
        print("openssl is needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        root = write_pki(Path(tmp), args.key)
        with Server(openssl, Path(tmp), args.tls) as server:
            request = ProbeRequest(
                "127.0.0.1", server.port, sni="localhost", trusted=[root], timeout=5.0
            )
            first = probe(request)
            assert first.error is None and first.cipher, first.error
            print(
                f"server: openssl s_server, {args.key.upper()} leaf, {first.protocol} "
                f"{first.cipher}, {len(first.chain)} certificates sent, "
                f"{len(first.client_ca_names)} CA name"
            )
            ours, theirs_real, theirs_wall = [], [], []
            for round_ in range(1, args.rounds + 1):
                rate, n = keymon_rate(request, args.seconds)
                ours.append(rate)
                real, wall, count = openssl_rate(
                    openssl, server.port, args.seconds, args.tls, first.cipher
                )
                theirs_real.append(real)
                theirs_wall.append(wall)
                print(
                    f"round {round_}: keymon {rate:7.1f}/s ({n} probes)   "
                    f"openssl s_time {real:7.1f}/s by its real seconds, "
                    f"{wall:7.1f}/s by wall clock ({count} connections)"
                )
    mine, real, wall = (statistics.median(x) for x in (ours, theirs_real, theirs_wall))
    print(f"\nmedian handshakes per second over {args.rounds} rounds of {args.seconds} s:")
    print(f"  keymon probe core:  {mine:8.1f}")
    print(f"  openssl s_time:     {real:8.1f}  (its 'N connections in T real seconds')")
    print(f"  openssl s_time:     {wall:8.1f}  (N / wall-clock run time)")
    print(
        f"  keymon / openssl:   {mine / wall:8.2f} (wall clock), {mine / real:.2f} (real seconds)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
