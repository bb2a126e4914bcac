"""Benchmark: start-up of the venv's `keymon` (what `make run` runs) and of the PyInstaller bundle.

For each program, several fresh processes (each with an empty KEYMON_HOME, no keyring, Qt's
offscreen platform unless QT_QPA_PLATFORM says otherwise, or a real X server with --xvfb):

- window: from starting the process to the main window shown, as keymon reports it with
  KEYMON_EXIT_AFTER_SHOW (keymon/gui/app.py prints ``window shown <time.monotonic() ms>``
  once the event loop runs with the window shown);
- keystore: from starting the process to the window's table painted with the keystore
  given (``keystore shown <ms> <rows>``; issue 13's cold-start target is 400 ms under Xvfb);
- exit: from starting the process to its exit after that (includes closing the window);
- cpu: the process's CPU time (user + system) from start to exit;
- version: ``keymon --version`` (the command line's start-up, no Qt).

Prints the first run apart, then the median and minimum of the others, and the load. The
keystore is a PEM bundle (no password to ask): the system's CA bundle unless --keystore
names another. ``--xvfb`` starts one Xvfb for all runs (its own start is not counted) and
uses Qt's xcb platform. With ``--drop-caches`` (root only) the kernel's page cache is dropped
before every run (a cold start after boot). The bundle is measured when it exists
(``make bundle``) or is asked for with --programs.

Bytecode: an installed keymon (pip, the bundle) starts from compiled ``.pyc`` files. The
shell this runs in may say PYTHONDONTWRITEBYTECODE=1 (the checkout keeps no
``__pycache__``), which made every start compile keymon's ~170 modules from source
(~250 ms of a 580 ms start). ``--bytecode warm`` (the default) gives the runs a
bytecode cache of their own (PYTHONPYCACHEPREFIX in a temporary directory, written by
the first run, which is reported apart); ``--bytecode inherit`` keeps the environment
as it is (how this benchmark measured before).

    .venv/bin/python bench/cold_start.py [--runs 5] [--xvfb] [--programs venv,bundle]
        [--keystore FILE] [--drop-caches] [--bundle dist/keymon/keymon]
        [--bytecode warm|inherit] [--baseline REV]

``--baseline REV`` (e.g. ``HEAD~3``) times that revision too, from a git worktree, and
this checkout started the same way (``python -P -m keymon.cli``), run by run in turn.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import ROOT, baseline_worktree


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb server on a free display number (it writes the number it took)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise SystemExit("Xvfb did not start")
    return server, f":{number}"


def start_to_window(
    program: Path, home: Path, cold: bool, keystore: Path | None
) -> tuple[float, float, float, float]:
    """(ms to window shown, ms to keystore shown (0 without one), ms to exit, CPU ms) of a
    process. The CPU time (user + system, the whole run to exit) varies less than wall
    time on a busy machine."""
    if cold:
        drop_caches()
    env = {
        **os.environ,
        "KEYMON_HOME": str(home),
        "KEYMON_EXIT_AFTER_SHOW": "keystore" if keystore else "1",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic() * 1000
    done = subprocess.run(
        [str(program), *([str(keystore)] if keystore else [])],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    end = time.monotonic() * 1000
    shown = [line for line in done.stdout.splitlines() if line.startswith("window shown ")]
    table = [line for line in done.stdout.splitlines() if line.startswith("keystore shown ")]
    if done.returncode != 0 or not shown or (keystore and not table):
        raise SystemExit(f"{program} did not show its window:\n{done.stdout}{done.stderr}")
    painted = float(table[0].split()[2]) - start if table else 0.0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return float(shown[0].split()[-1]) - start, painted, end - start, cpu


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


def launcher(checkout: Path, script: Path) -> Path:
    """A program that starts the keymon of ``checkout`` with the venv's Python (``-P``: the
    current folder does not shadow it)."""
    script.write_text(
        f'#!/bin/sh\nPYTHONPATH={checkout} exec {sys.executable} -P -m keymon.cli "$@"\n'
    )
    script.chmod(0o755)
    return script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--drop-caches", action="store_true", help="drop the page cache before every run (root)"
    )
    parser.add_argument("--xvfb", action="store_true", help="a real X server (Xvfb), xcb")
    parser.add_argument("--programs", default="", help="venv,bundle (default: those that exist)")
    parser.add_argument("--keystore", type=Path, default=Path("/etc/ssl/certs/ca-certificates.crt"))
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "keymon" / "keymon")
    parser.add_argument(
        "--baseline",
        metavar="REV",
        help="also time keymon at git revision REV (a worktree run with the venv's Python), "
        "interleaved run by run with this checkout started the same way",
    )
    parser.add_argument(
        "--bytecode",
        choices=("warm", "inherit"),
        default="warm",
        help="warm: a .pyc cache of the runs' own (default); inherit: the environment's",
    )
    args = parser.parse_args()
    venv_keymon = Path(sys.executable).parent / "keymon"
    every = {"venv": venv_keymon, "bundle": args.bundle.resolve()}
    wanted = args.programs.split(",") if args.programs else ["venv", "bundle"]
    programs = {k: v for k, v in every.items() if k in wanted and (args.programs or v.is_file())}
    for label, program in programs.items():
        if not program.is_file():
            hint = "run `make bundle` first" if label == "bundle" else "run `make run` once"
            raise SystemExit(f"{program} is missing: {hint}")
    keystore = args.keystore if args.keystore.is_file() else None
    with ExitStack() as stack:
        if args.baseline:
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            base = stack.enter_context(baseline_worktree(args.baseline))
            programs["this"] = launcher(ROOT, scratch / "this.sh")
            programs[args.baseline[:8]] = launcher(base, scratch / "base.sh")
        if args.xvfb:
            xvfb, display = start_xvfb()
            stack.callback(lambda: (xvfb.terminate(), xvfb.wait()))
            os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        if args.bytecode == "warm":
            pycache = stack.enter_context(tempfile.TemporaryDirectory(prefix="keymon-pyc-"))
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            os.environ["PYTHONPYCACHEPREFIX"] = pycache
        report(programs, args.runs, args.drop_caches, keystore)


def report(programs: dict[str, Path], runs: int, cold: bool, keystore: Path | None) -> None:
    for label, program in programs.items():
        where = program.parent if label == "bundle" else program
        size = f" ({size_of(program.parent)}, du -sh)" if label == "bundle" else ""
        print(f"{label}: {where}{size}")
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    cache = "dropped before every run" if cold else "warm"
    if "PYTHONPYCACHEPREFIX" in os.environ and "PYTHONDONTWRITEBYTECODE" not in os.environ:
        bytecode = "bytecode cache warm after the first run"
    elif os.environ.get("PYTHONDONTWRITEBYTECODE"):
        bytecode = "PYTHONDONTWRITEBYTECODE=1 (keymon compiled from source every run)"
    else:
        bytecode = "bytecode as the environment has it"
    print(f"QT_QPA_PLATFORM={platform}, page cache {cache}, {runs} runs each (+1 first)")
    print(f"bytecode: {bytecode}")
    print(f"keystore: {keystore}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'program':8} {'what':8} {'first ms':>9} {'median ms':>10} {'min ms':>7}")
    figures: dict[str, dict[str, list[float]]] = {
        label: {"window": [], "keystore": [], "exit": [], "cpu": []} for label in programs
    }
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs + 1):  # interleaved: a load change hits every program alike
            for label, program in programs.items():
                home = Path(tmp) / f"{label}-{run}"
                shown, painted, ended, cpu = start_to_window(program, home, cold, keystore)
                figures[label]["cpu"].append(cpu)
                figures[label]["window"].append(shown)
                figures[label]["keystore"].append(painted)
                figures[label]["exit"].append(ended)
        for label, program in programs.items():
            figures[label]["version"] = [version_time(program, cold) for _ in range(runs + 1)]
            if keystore is None:
                del figures[label]["keystore"]
            for what, times in figures[label].items():
                rest = times[1:]
                print(
                    f"{label:8} {what:8} {times[0]:9.0f} {statistics.median(rest):10.0f} "
                    f"{min(rest):7.0f}"
                )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
