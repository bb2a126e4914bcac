"""Another revision of keymon to measure side by side with this checkout (``--baseline``).

On a busy machine only figures taken in the same run compare: the benchmarks run the
baseline and this checkout run by run in turn.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def baseline_worktree(rev: str) -> Iterator[Path]:
    """A detached checkout of ``rev`` (a git worktree), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="keymon-baseline-") as scratch:
        where = Path(scratch) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), rev],
            check=True,
            capture_output=True,
        )
        try:
            yield where
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)],
                check=False,
                capture_output=True,
            )
