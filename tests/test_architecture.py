"""Layering rules: the core never imports Qt; the command line starts without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import keymon

PACKAGE = Path(keymon.__file__).parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "qtpy")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_qt() -> None:
    offenders = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES or name.startswith("keymon.gui"):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_command_line_modules_never_import_qt() -> None:
    for module in ("cli.py", "commands.py"):
        names = _imports(PACKAGE / module)
        assert not [n for n in names if n.split(".")[0] in QT_MODULES], module


def test_a_subcommand_runs_without_loading_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from keymon.cli import main\n"
        "rc = main(['list', sys.argv[1]])\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not qt, 'Qt loaded'\n"
        "sys.exit(rc)\n"
    )
    pem = tmp_path / "empty.pem"
    from tests import factory

    pem.write_bytes(factory.trusted_entry("x").cert.cert.public_bytes(_pem()))
    result = subprocess.run(
        [sys.executable, "-c", code, str(pem)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def _pem():  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.PEM
