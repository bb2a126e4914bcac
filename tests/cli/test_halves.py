"""A long listing is made in two processes: the text, and any error, must be one process's.

The forking runs in a fresh interpreter (the test process may have threads, and then
in_halves rightly refuses to fork)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from keymon.cli import jsontext
from keymon.core.formats import jks
from tests import factory

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="in_halves forks on Linux only")

_PRELUDE = """
import os, sys
from keymon.cli import halves
halves.MINIMUM = 2
parent = os.getpid()
assert halves.can_fork(10), "this machine cannot fork for the test"
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    script = _PRELUDE + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_halves_come_back_in_order_from_two_processes() -> None:
    done = _run("""
        def render(part):
            return ",".join(part) + "@" + ("parent" if os.getpid() == parent else "child")
        print(halves.in_halves([str(i) for i in range(10)], render))
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['0,1,2,3,4@parent', '5,6,7,8,9@child']"
    assert done.stderr == ""


def test_a_failing_child_leaves_its_half_to_this_process_quietly() -> None:
    done = _run("""
        def render(part):
            if os.getpid() != parent:
                print("child output", flush=True)
                raise RuntimeError("boom")
            return "+".join(part)
        print(halves.in_halves(["a", "b", "c", "d"], render))
        try:
            os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            print("reaped")
    """)
    assert done.returncode == 0, done.stderr
    # The child's own print is lost with it (it never flushes what it inherited or made).
    assert done.stdout.splitlines()[-2:] == ["['a+b', 'c+d']", "reaped"]
    assert "boom" not in done.stderr


def test_an_error_here_kills_and_reaps_the_child() -> None:
    done = _run("""
        import threading, time
        def render(part):
            if os.getpid() == parent:
                raise ValueError("the first half is broken")
            threading.Event().wait(30)  # the child would still be working
            return ""
        start = time.monotonic()
        try:
            halves.in_halves(["a", "b"], render)
        except ValueError as exc:
            print("raised:", exc)
        try:
            os.waitpid(-1, os.WNOHANG)
            print("a child is left")
        except ChildProcessError:
            print("no child left")
        print(time.monotonic() - start < 10)
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == [
        "raised: the first half is broken",
        "no child left",
        "True",
    ]


def test_few_items_are_rendered_here_alone() -> None:
    from keymon.cli import halves

    assert not halves.can_fork(halves.MINIMUM - 1)
    assert halves.in_halves(["x"], lambda part: f"{len(part)}") == ["1"]


def test_joined_arrays_read_as_one_array() -> None:
    rnd = random.Random(13)
    for _ in range(300):
        whole = [
            {
                "a": rnd.randint(-5, 5),
                "b": "ü" * rnd.randint(0, 3),
                "c": [] if rnd.random() < 0.5 else ["n"],
            }
            for _ in range(rnd.randint(0, 6))
        ]
        cut = rnd.randint(0, len(whole))
        parts = [jsontext.dumps(whole[:cut]), jsontext.dumps(whole[cut:])]
        assert jsontext.join_arrays(parts) == json.dumps(whole, indent=2, ensure_ascii=False)


def test_list_json_of_a_long_keystore_is_the_same_from_two_processes(tmp_path: Path) -> None:
    entries = [factory.trusted_entry(f"t{i:02d}") for i in range(40)]
    store = tmp_path / "many.jks"
    store.write_bytes(jks.dump(entries, "changeit"))

    def listing(minimum: int) -> str:
        code = (
            "import sys\nfrom keymon.cli import halves, main\n"
            f"halves.MINIMUM = {minimum}\n"
            f"assert halves.can_fork(40) == ({minimum} <= 40)\n"
            "sys.exit(main(['list', sys.argv[1], '--password-env', 'PW', '--json']))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(store)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            env={"PATH": "/usr/bin:/bin", "PW": "changeit", "KEYMON_HOME": str(tmp_path)},
        )
        return done.stdout

    forked, alone = listing(2), listing(10**9)
    assert forked == alone
    assert len(json.loads(forked)) == 40
