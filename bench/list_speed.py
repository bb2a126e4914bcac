"""Benchmark: `keymon list` against `keytool -list` on 10,000-entry keystores.

Builds a JKS and a PKCS#12 with 10,000 trusted certificates plus a few key
pairs (written by keymon's own codecs, then checked to list with keytool),
times both tools as whole processes over several runs and prints medians,
the ratio and peak memory (max RSS of the child process).

    .venv/bin/python bench/list_speed.py [--entries 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from keymon.core.entries import CertificateEntry, CertInfo, Entry, KeyPairEntry
from keymon.core.formats import jks, pkcs12

PASSWORD = "changeit"


def build_entries(count: int, key_pairs: int = 5) -> list[Entry]:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    entries: list[Entry] = []
    for i in range(key_pairs):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        entries.append(KeyPairEntry(f"keypair-{i}", key, (_cert(key, f"Key {i}", start, i),)))
    pub = ca_key
    for i in range(count - key_pairs):
        cert = _cert(pub, f"Bench CA {i:05d}", start, 1000 + i)
        entries.append(CertificateEntry(f"ca-{i:05d}", cert))
    return entries


def _cert(
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey, cn: str, start: dt.datetime, serial: int
) -> CertInfo:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(serial + 1)
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=365 + serial % 1000))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return CertInfo.from_cert(cert)


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak RSS (MiB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
    if proc.stderr:
        proc.stderr.close()
    return elapsed, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    keymon = shutil.which("keymon", path=str(Path(sys.executable).parent)) or "keymon"
    keytool = shutil.which("keytool")
    if keytool is None:
        raise SystemExit("keytool is needed for the comparison")
    env = {**os.environ, "KEYMON_BENCH_PW": PASSWORD}
    with tempfile.TemporaryDirectory() as tmp:
        env["KEYMON_HOME"] = tmp
        t0 = time.perf_counter()
        entries = build_entries(args.entries)
        print(f"built {len(entries)} entries in {time.perf_counter() - t0:.1f} s")
        files = {
            "JKS": (Path(tmp) / "bench.jks", jks.dump(entries, PASSWORD), "JKS"),
            "PKCS#12": (Path(tmp) / "bench.p12", pkcs12.dump(entries, PASSWORD), "PKCS12"),
        }
        print(f"{'file':8} {'tool':8} {'median s':>9} {'min s':>7} {'peak MiB':>9}")
        for label, (path, data, storetype) in files.items():
            path.write_bytes(data)
            commands = {
                "keymon": [keymon, "list", str(path), "--password-env", "KEYMON_BENCH_PW"],
                "keytool": [
                    keytool,
                    "-list",
                    "-keystore",
                    str(path),
                    "-storepass",
                    PASSWORD,
                    "-storetype",
                    storetype,
                ],
            }
            results = {}
            for tool, cmd in commands.items():
                measure(cmd, env)  # warm the page cache
                runs = [measure(cmd, env) for _ in range(args.runs)]
                times = [r[0] for r in runs]
                peak = max(r[1] for r in runs)
                results[tool] = statistics.median(times)
                print(f"{label:8} {tool:8} {results[tool]:9.3f} {min(times):7.3f} {peak:9d}")
            ratio = results["keymon"] / results["keytool"]
            print(f"{label:8} keymon/keytool wall-time ratio: {ratio:.3f} (target <= 0.2)")


if __name__ == "__main__":
    main()
