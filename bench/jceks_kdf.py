"""JCEKS open cost: a hostile file of keys at the JDK's 5M iterations, and PEM RSA keys.

    .venv/bin/python bench/jceks_kdf.py
    git archive REV keymon tests bench | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old .venv/bin/python /tmp/old/bench/jceks_kdf.py   # or this file

The hostile JCEKS is written by keymon's own writer at 32,768 iterations per key, then each
key's count is patched to 5,000,000 (same DER length) and the store digest redone: a
valid file whose every key asks for two MD5 chains of 5M rounds. Prints the MD5 rounds the
file asks for, what the open did (refused or opened) and the wall time of one open.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization

sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # for tests.factory

from keymon.core.errors import KeymonError
from keymon.core.formats import jks, pem
from tests import factory

PW = "bench"
_PARAMS = re.compile(rb"(\x30\x0f\x04\x08.{8})\x02\x03\x00\x80\x00", re.DOTALL)


def hostile_jceks(keys: int, iterations: int = 5_000_000) -> bytes:
    entries = [factory.key_pair_entry(f"k{i}", key=factory.ec_key(i)) for i in range(keys)]
    data = jks.dump(entries, PW, jceks=True, iterations=32_768)
    body, found = _PARAMS.subn(
        lambda m: m.group(1) + b"\x02\x03" + iterations.to_bytes(3, "big"), data[:-20]
    )
    assert found == keys
    return body + jks._store_digest(body, PW)


def rsa_pem(count: int, distinct: int = 10) -> bytes:
    keys = [factory.rsa_key(2048, 200 + i) for i in range(distinct)]
    blocks = [
        k.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        for k in keys
    ]
    return b"".join(blocks[n % distinct] for n in range(count))


def timed(label: str, size: int, load: object) -> None:
    start = time.perf_counter()
    try:
        outcome = f"opened, {len(load())} entries"  # type: ignore[operator]
    except KeymonError as exc:
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - start
    print(f"{label:<34} {size / 1024:8.1f} KB  {seconds:8.3f} s  {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hostile-keys", type=int, default=3)
    parser.add_argument("--rsa-keys", type=int, default=300)
    args = parser.parse_args()
    data = hostile_jceks(args.hostile_keys)
    label = f"JCEKS, {args.hostile_keys} keys x 5M iterations"
    print(f"{label}: asks for {args.hostile_keys * 2 * 5_000_000:,} MD5 rounds")
    timed(label, len(data), lambda: jks.load(data, PW))
    text = rsa_pem(args.rsa_keys)
    timed(f"PEM, {args.rsa_keys} RSA-2048 keys", len(text), lambda: pem.load_loose(text, None)[0])


if __name__ == "__main__":
    main()
