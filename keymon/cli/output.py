"""Printing and writing for the subcommands: JSON, tables, notes, files next to a keystore."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from keymon.cli import jsontext
from keymon.core.errors import UsageError
from keymon.core.keystore import Keystore


def now() -> dt.datetime:
    """The current time in UTC (the reference for expiry statuses)."""
    return dt.datetime.now(dt.UTC)


def print_json(data: Any) -> None:
    """``data`` as indented JSON on stdout."""
    # One write, of the text json.dumps(data, indent=2, ensure_ascii=False) would give.
    print_text(jsontext.dumps(data))


def print_text(text: str) -> None:
    """``text`` and a newline on stdout, in one write."""
    sys.stdout.write(text + "\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """Columns padded to their widest cell, headers first (written at once)."""
    columns = [list(map(str, column)) for column in zip(headers, *rows, strict=True)]
    widths = [max(map(len, cells)) for cells in columns]
    padded = [[c.ljust(w) for c in cells] for cells, w in zip(columns, widths, strict=True)]
    sys.stdout.write("".join("  ".join(row).rstrip() + "\n" for row in zip(*padded, strict=True)))


def note(message: str) -> None:
    """``keymon: note: ...`` on stderr (something the user should know; not an error)."""
    print(f"keymon: note: {message}", file=sys.stderr)


def not_the_keystore(output: Path, store: Keystore) -> None:
    """UsageError when ``output`` would overwrite the keystore being read."""
    if store.path is not None and output.resolve() == store.path.resolve():
        raise UsageError("The output file is the keystore itself.")


def write_public(path: Path, data: bytes) -> None:
    """Write public material (certificates, requests) atomically, readable by all (0644)."""
    from keymon.core.atomic import atomic_write  # a listing writes no file

    atomic_write(path, data, mode=0o644)
