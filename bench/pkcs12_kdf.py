"""PKCS#12 open cost: 1,000 RSA key bags, and a hostile file of 1,000 keys at 10M iterations.

    .venv/bin/python bench/pkcs12_kdf.py
    PYTHONPATH=/tmp/old .venv/bin/python /tmp/old/bench/pkcs12_kdf.py --hostile-bags 1

Prints the file sizes and the best of three open times. The hostile file's keys declare
10,000,000 PBKDF2 iterations each (with distinct salts); keymon must refuse it at once.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # for tests.factory

from keymon.core.entries import CertInfo
from keymon.core.errors import KeymonError
from keymon.core.formats import pkcs12
from keymon.core.formats.der import explicit, integer, octet_string, oid_tlv, seq, set_of, tlv
from tests import factory

PW = "bench"
DATA = "1.2.840.113549.1.7.1"
BAG = "1.2.840.113549.1.12.10.1."


def _attrs(name: str) -> bytes:
    friendly = seq(oid_tlv("1.2.840.113549.1.9.20"), set_of(tlv(0x1E, name.encode("utf-16-be"))))
    key_id = seq(oid_tlv("1.2.840.113549.1.9.21"), set_of(octet_string(name.encode())))
    return set_of(friendly, key_id)


def _pkcs8(key: object) -> bytes:
    return key.private_bytes(  # type: ignore[attr-defined,no-any-return]
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _pfx(*bags: bytes) -> bytes:
    auth = seq(seq(oid_tlv(DATA), explicit(0, octet_string(seq(*bags)))))
    return seq(integer(3), seq(oid_tlv(DATA), explicit(0, octet_string(auth))))


def rsa_file(count: int, distinct: int = 10) -> bytes:
    """``count`` unencrypted RSA-2048 key bags (``distinct`` keys), each with its certificate."""
    keys = [factory.rsa_key(2048, 200 + i) for i in range(distinct)]
    pkcs8s = [_pkcs8(k) for k in keys]
    certs = [CertInfo.from_cert(factory.make_cert(k, f"Bench {i}")).der for i, k in enumerate(keys)]
    bags = []
    for n in range(count):
        attrs = _attrs(f"key{n}")
        bags.append(seq(oid_tlv(BAG + "1"), explicit(0, pkcs8s[n % distinct]), attrs))
        der = octet_string(certs[n % distinct])
        cert = seq(oid_tlv("1.2.840.113549.1.9.22.1"), explicit(0, der))
        bags.append(seq(oid_tlv(BAG + "3"), explicit(0, cert), attrs))
    return _pfx(*bags)


def hostile_file(count: int, iterations: int) -> bytes:
    """``count`` shrouded keys, each claiming ``iterations`` PBKDF2 rounds, distinct salts."""
    key = factory.ec_key(300)
    plain = _pkcs8(key)
    cert = CertInfo.from_cert(factory.make_cert(key, "Hostile")).der
    bags = []
    for n in range(count):
        salt, iv = n.to_bytes(16, "big"), os.urandom(16)
        aes = PBKDF2HMAC(hashes.SHA256(), 32, salt, 1).derive(PW.encode())
        pad = 16 - len(plain) % 16
        enc = Cipher(algorithms.AES(aes), modes.CBC(iv)).encryptor()
        ciphertext = enc.update(plain + bytes([pad]) * pad) + enc.finalize()
        params = seq(
            octet_string(salt), integer(iterations), integer(32), seq(oid_tlv("1.2.840.113549.2.9"))
        )
        algorithm = seq(
            oid_tlv("1.2.840.113549.1.5.13"),
            seq(
                seq(oid_tlv("1.2.840.113549.1.5.12"), params),
                seq(oid_tlv("2.16.840.1.101.3.4.1.42"), octet_string(iv)),
            ),
        )
        value = seq(algorithm, octet_string(ciphertext))
        bags.append(seq(oid_tlv(BAG + "2"), explicit(0, value), _attrs(f"k{n}")))
    cert_bag = seq(oid_tlv("1.2.840.113549.1.9.22.1"), explicit(0, octet_string(cert)))
    return _pfx(*bags, seq(oid_tlv(BAG + "3"), explicit(0, cert_bag), _attrs("k0")))


def timed(data: bytes, runs: int) -> tuple[float, str]:
    best, outcome = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            outcome = f"{len(pkcs12.load(data, PW))} entries"
        except KeymonError as exc:
            outcome = f"refused: {exc}"
        best = min(best, time.perf_counter() - start)
    return best, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rsa-bags", type=int, default=1000)
    parser.add_argument("--hostile-bags", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rsa = rsa_file(args.rsa_bags)
    seconds, outcome = timed(rsa, args.runs)
    print(f"{args.rsa_bags} RSA key bags, {len(rsa) // 1024} KB: {seconds:.3f} s ({outcome})")
    hostile = hostile_file(args.hostile_bags, 10_000_000)
    seconds, outcome = timed(hostile, 1)
    print(
        f"{args.hostile_bags} keys x 10M iterations, {len(hostile) // 1024} KB:"
        f" {seconds:.3f} s ({outcome[:90]})"
    )


if __name__ == "__main__":
    main()
