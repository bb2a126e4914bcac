"""Benchmark: start-up of the PyInstaller bundle against the venv's `keymon` (what `make run` runs).

For each program, several fresh processes (each with an empty KEYMON_HOME, no keyring, Qt's
offscreen platform unless QT_QPA_PLATFORM says otherwise):

- window: from starting the process to the main window shown, as keymon reports it with
  KEYMON_EXIT_AFTER_SHOW=1 (keymon/gui/app.py prints ``window shown <time.monotonic() ms>``
  once the event loop runs with the window shown, then quits);
- exit: from starting the process to its exit after that (includes closing the window);
- version: ``keymon --version`` (the command line's start-up, no Qt).

Prints the first run apart, then the median and minimum of the others, and the bundle's
size. With ``--drop-caches`` (root only) the kernel's page cache is dropped before every
run, so each start reads its files from disk (a cold start after boot); without it the
files are cached (a start after a recent one). Build the bundle first: ``make bundle``.

    .venv/bin/python bench/cold_start.py [--runs 7] [--drop-caches] [--bundle dist/keymon/keymon]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def start_to_window(program: Path, home: Path, cold: bool) -> tuple[float, float]:
    """(ms to window shown, ms to exit) of one fresh process."""
    if cold:
        drop_caches()
    env = {
        **os.environ,
        "KEYMON_HOME": str(home),
        "KEYMON_EXIT_AFTER_SHOW": "1",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.monotonic() * 1000
    done = subprocess.run(
        [str(program)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    end = time.monotonic() * 1000
    shown = [line for line in done.stdout.splitlines() if line.startswith("window shown ")]
    if done.returncode != 0 or not shown:
        raise SystemExit(f"{program} did not show its window:\n{done.stdout}{done.stderr}")
    return float(shown[0].split()[-1]) - start, end - start


def version_time(program: Path, cold: bool) -> float:
    if cold:
        drop_caches()
    start = time.perf_counter()
    subprocess.run([str(program), "--version"], capture_output=True, check=True, timeout=60)
    return (time.perf_counter() - start) * 1000


def size_of(folder: Path) -> str:
    du = shutil.which("du")
    if du is not None:
        return subprocess.run(
            [du, "-sh", str(folder)], capture_output=True, text=True
        ).stdout.split()[0]
    total = sum(
        (Path(base) / name).lstat().st_size
        for base, _dirs, files in os.walk(folder)
        for name in files
    )
    return f"{total / 2**20:.0f}M"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--drop-caches", action="store_true", help="drop the page cache before every run (root)"
    )
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "keymon" / "keymon")
    args = parser.parse_args()
    venv_keymon = Path(sys.executable).parent / "keymon"
    programs = {"bundle": args.bundle.resolve(), "venv": venv_keymon}
    for label, program in programs.items():
        if not program.is_file():
            hint = "run `make bundle` first" if label == "bundle" else "run `make run` once"
            raise SystemExit(f"{program} is missing: {hint}")

    print(f"bundle: {programs['bundle'].parent} ({size_of(programs['bundle'].parent)}, du -sh)")
    print(f"venv:   {venv_keymon}")
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    cache = "dropped before every run" if args.drop_caches else "warm"
    print(f"QT_QPA_PLATFORM={platform}, page cache {cache}, {args.runs} runs each")
    print(f"{'program':8} {'what':8} {'first ms':>9} {'median ms':>10} {'min ms':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, program in programs.items():
            windows, exits = [], []
            for run in range(args.runs + 1):
                shown, ended = start_to_window(
                    program, Path(tmp) / f"{label}-{run}", args.drop_caches
                )
                windows.append(shown)
                exits.append(ended)
            versions = [version_time(program, args.drop_caches) for _ in range(args.runs + 1)]
            for what, times in (("window", windows), ("exit", exits), ("version", versions)):
                rest = times[1:]
                print(
                    f"{label:8} {what:8} {times[0]:9.0f} {statistics.median(rest):10.0f} "
                    f"{min(rest):7.0f}"
                )


if __name__ == "__main__":
    main()
