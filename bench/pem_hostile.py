"""Time keymon's PEM reading on 1 MB crafted files of each shape that was once slow.

    .venv/bin/python bench/pem_hostile.py [SIZE_KB]

Regular expressions took 27 s on 3.8 KB of ``localKeyID:`` and spaces, over 60 s on 1 MB
of BEGIN lines without END, and 113 s on a ``friendlyName:`` line of 200k spaces. Each
shape here is parsed through the public entry point (detect + load) and must be refused
or read in time proportional to its size. Prints one line per shape (CPU seconds).
"""

from __future__ import annotations

import sys
import time

from keymon.core.errors import KeymonError
from keymon.core.formats import pem
from keymon.core.formats.detect import load

_CERT = (
    b"-----BEGIN CERTIFICATE-----\n"
    b"MIIBszCCAVmgAwIBAgIUfakeButStructurallyAPEMBodyOnlyForTheBenchmarkQQ==\n"
    b"-----END CERTIFICATE-----\n"
)


def shapes(size: int) -> dict[str, bytes]:
    """Each hostile shape, about ``size`` bytes."""
    return {
        "localKeyID: + spaces": b"Bag Attributes\n    localKeyID:" + b" " * size + b"x\n" + _CERT,
        "friendlyName: + spaces": b"friendlyName:" + b" " * size + b"\n" + _CERT,
        "BEGIN without END": b"-----BEGIN CERTIFICATE-----\n" * (size // 28),
        "BEGIN, long body, no END": b"-----BEGIN X-----\n" + (b"A" * 63 + b"\n") * (size // 64),
        "armour + spaces, no end": b"-----BEGIN CERTIFICATE-----" + b" " * size,
        "many BEGIN on one line": b"-----BEGIN " * (size // 11) + b"\n",
        "attribute lines": b"friendlyName: a\nlocalKeyID: 01\n" * (size // 31) + _CERT,
        "CRLF, trailing spaces": (b"x \t\r\n" * (size // 5)) + _CERT.replace(b"\n", b" \t\r\n"),
    }


def cost(data: bytes) -> float:
    start = time.process_time()
    try:
        pem.blocks(data)
        load(data, None)
    except KeymonError:
        pass
    return time.process_time() - start


def main() -> None:
    size = int(sys.argv[1]) * 1024 if len(sys.argv) > 1 else 1024 * 1024
    for name, data in shapes(size).items():
        print(f"{name:28} {len(data) / 1e6:6.2f} MB  {cost(data):7.3f} s CPU")


if __name__ == "__main__":
    main()
