"""The one way keymon reads an input file: size checked first, never more than the limit.

A keystore or certificate file holds kilobytes; even Java's cacerts is 200 KB. Reading
anything much bigger is a mistake (a disk image, a log) or an attack, and costs memory
many times its size, so files and PEM blocks above :data:`MAX_INPUT` are refused.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from keymon.core.errors import UnreadableFile, UnsupportedFormat

MAX_INPUT = 64 * 1024 * 1024
"""Largest file (and largest PEM block) keymon reads: 64 MiB."""


class TooLarge(UnsupportedFormat):
    """An input above :data:`MAX_INPUT` (exit code 4)."""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def limit() -> int:
    """The limit in force (a function, so that tests can lower :data:`MAX_INPUT`)."""
    return MAX_INPUT


def too_large(what: str, size: int, kind: str = "files") -> TooLarge:
    return TooLarge(f"{what} is {_mb(size)}; keymon reads {kind} up to {_mb(limit())}.")


def check_size(size: int, what: str = "The data", kind: str = "files") -> None:
    """Raise :class:`TooLarge` when ``size`` is above the limit."""
    if size > limit():
        raise too_large(what, size, kind)


def read_limited(fh: BinaryIO, path: Path) -> tuple[bytes, os.stat_result]:
    """The whole of an open file, refused by its size before and while reading."""
    stat = os.fstat(fh.fileno())
    check_size(stat.st_size, str(path))
    data = fh.read(limit() + 1)  # a file that grows (or a pipe) is cut off here
    check_size(len(data), str(path))
    return data, stat


def read_input(path: Path) -> bytes:
    """The bytes of ``path``; OS errors and oversized files become UnreadableFile."""
    try:
        with open(path, "rb") as fh:
            return read_limited(fh, path)[0]
    except FileNotFoundError as exc:
        raise UnreadableFile(f"The file {path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise UnreadableFile(f"{path} is a folder, not a keystore file.") from exc
    except PermissionError as exc:
        raise UnreadableFile(f"keymon is not allowed to read {path}.") from exc
    except OSError as exc:
        raise UnreadableFile(f"{path} cannot be read ({exc.strerror}).") from exc
