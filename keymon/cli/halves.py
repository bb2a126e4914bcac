"""Text for a long listing, made in two processes at once: half here, half in a fork.

`keymon list --json` on 10,000 entries spends about half its time deriving each entry's
fields and writing its JSON, one entry at a time, in Python: one core. keytool, which it is
measured against, runs on every core the machine has (its wall time is ~0.6 of its CPU
time). :func:`in_halves` renders the second half of the items in a forked child while this
process renders the first, and gives both texts in order.

It is careful to change nothing but the time:
- It forks only on Linux, with more than one CPU, with no other thread running (a fork
  copies only the calling thread, so a lock held by another could never be released), and
  for at least :data:`MINIMUM` items (below that the fork costs more than it saves).
- The child only renders and writes to a pipe; it leaves with ``os._exit``, so it flushes
  no inherited buffer and runs no exit handler, and nothing it does reaches the terminal.
- Whatever goes wrong in the child (an exception, a signal, a crash), this process renders
  that half itself: the output, and any error raised while rendering, are what a single
  process gives. If this process is interrupted, the child is killed and reaped.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Fewer items are rendered here alone: the fork and the pipe cost ~5-10 ms.
MINIMUM = 2000


def can_fork(count: int) -> bool:
    """Whether :func:`in_halves` would use a second process for ``count`` items."""
    return (
        count >= MINIMUM
        and sys.platform == "linux"
        and threading.active_count() == 1
        and len(os.sched_getaffinity(0)) > 1
    )


def in_halves(items: Sequence[T], render: Callable[[Sequence[T]], str]) -> list[str]:
    """``[render(first half), render(second half)]``, or ``[render(items)]`` when one
    process renders all (see :func:`can_fork`). ``render`` must be pure: the child's
    side effects are lost."""
    if not can_fork(len(items)):
        return [render(items)]
    middle = len(items) // 2
    first, second = items[:middle], items[middle:]
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            os.close(read_end)
            _write_all(write_end, render(second).encode("utf-8", "surrogatepass"))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as pipe:
            mine = render(first)
            theirs = pipe.read()
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return [mine, render(second)]  # the child failed: its half is made here
    return [mine, theirs.decode("utf-8", "surrogatepass")]


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
