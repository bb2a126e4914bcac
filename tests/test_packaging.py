"""The wheel carries the package data; the `keymon` script answers --version and --help."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from keymon import APP_ID, __version__
from keymon.cli import build_parser, main
from keymon.cli.parser import subcommand_names

#: Every subcommand, nested ones as "tenant add".
COMMANDS = subcommand_names(build_parser())
ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("keymon")


def _source_copy(target: Path) -> Path:
    """The sources a wheel is built from, away from the work tree's build/ and egg-info."""
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    shutil.copytree(
        ROOT / "keymon",
        target / "keymon",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    return target


@pytest.mark.slow
def test_wheel_contains_the_package_data(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    source = _source_copy(tmp_path / "src")
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = out.glob("keymon-*.whl")
    assert wheel.name.startswith(f"keymon-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "keymon/resources/__init__.py" in names
    assert f"keymon/resources/{APP_ID}.desktop" in names
    assert f"keymon/resources/{APP_ID}.metainfo.xml" in names
    assert f"keymon/resources/icons/{APP_ID}.svg" in names
    bundled = {n for n in names if n.startswith("keymon/resources/icons/") and n.endswith(".svg")}
    assert len(bundled) >= 15
    assert "keymon/gui/icons.py" in names


def _script() -> list[str]:
    if SCRIPT.exists():
        return [str(SCRIPT)]
    return [sys.executable, "-c", "import sys; from keymon.cli import main; sys.exit(main())"]


def test_keymon_version_prints_the_version() -> None:
    done = subprocess.run(
        [*_script(), "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == f"keymon {__version__}"


@pytest.mark.parametrize("command", ["list", "export", "genkey", "probe"])
def test_subcommand_help_runs_as_a_program(command: str) -> None:
    done = subprocess.run(
        [*_script(), *command.split(), "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: keymon {command}")


def _options(command: str) -> set[str]:
    parser: argparse.ArgumentParser = build_parser()
    for name in command.split():
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return {
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_help_lists_its_options(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command.split(), "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: keymon {command}")
    for option in _options(command):
        assert option in out, f"keymon {command} --help does not mention {option}"
