"""Layering rules: the core never imports Qt; the command line starts without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

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
    """Every module of keymon/cli (the GUI starts through keymon.gui.app, never imported here)."""
    modules = sorted((PACKAGE / "cli").rglob("*.py"))
    assert PACKAGE / "cli" / "commands" / "keystore.py" in modules
    offenders = []
    for path in modules:
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES or (
                name.startswith("keymon.gui") and name != "keymon.gui.app"
            ):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


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


# -- import graph ------------------------------------------------------------------------
def _module_name(path: Path) -> str:
    parts = ["keymon", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _keymon_imports(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(module, names) for every keymon import anywhere in the file, TYPE_CHECKING included."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    package = (
        _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    )
    found: list[tuple[str, tuple[str, ...]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, ()) for a in node.names if a.name.startswith("keymon")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.startswith("keymon"):
                found.append((base, tuple(a.name for a in node.names)))
    return found


def import_graph(root: str) -> dict[str, set[str]]:
    """Module → the modules of ``root`` (a dotted package) it imports."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        if not (name == root or name.startswith(root + ".")):
            continue
        targets: set[str] = set()
        for module, names in _keymon_imports(path):
            for target in [f"{module}.{n}" for n in names] or [module]:
                target = target if target in modules else module
                if target in modules and target.startswith(root) and target != name:
                    targets.add(target)
        graph[name] = targets
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_the_whole_package_has_no_import_cycles() -> None:
    """Every module of keymon, every keymon import in it (in functions, TYPE_CHECKING too)."""
    graph = import_graph("keymon")
    assert len(graph) == len(list(PACKAGE.rglob("*.py")))
    assert import_cycles(graph) == []


def test_the_cycle_check_finds_cycles_and_sees_every_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert import_cycles(graph) == [["a", "b", "c"]]
    package = import_graph("keymon")
    assert "keymon.core.x509.issuance" in package["keymon.core.entries"]  # module level
    assert "keymon.core.decoding_notes" in package["keymon.core.entries"]  # in a function


def test_only_the_app_imports_the_main_window() -> None:
    graph = import_graph("keymon.gui")
    importers = sorted(m for m, targets in graph.items() if "keymon.gui.main_window" in targets)
    assert importers == ["keymon.gui.app"]


@pytest.mark.parametrize("package", ["gui", "cli"])
def test_no_private_name_is_imported_across_modules(package: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for module, names in _keymon_imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private or any(p.startswith("_") for p in module.split(".")[1:]):
                offenders.append(f"{path.relative_to(PACKAGE)}: from {module} import {private}")
    assert offenders == []


#: Longest module (lines) and function (lines) allowed in keymon/gui.
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 60
#: Known offenders and their size today: they may shrink, never grow (split them by concept).
KNOWN_LONG = {
    "gui/dialogs/backups_dialog.py:__init__": 89,
    "gui/dialogs/choose_entries_dialog.py": 468,
    "gui/dialogs/choose_entries_dialog.py:__init__": 78,
    "gui/main_window.py": 468,
    "gui/menus.py:build_menus": 107,
    "gui/views/chain_viewer.py:__init__": 78,
    "gui/views/connectivity_panel.py": 526,
    "gui/views/connectivity_panel.py:_build_form": 70,
    "gui/views/connectivity_panel.py:_build_result": 61,
    "gui/views/entry_details.py": 462,
    "gui/views/entry_details.py:__init__": 71,
    "gui/views/monitoring_view.py": 468,
}


def _sizes(path: Path) -> dict[str, int]:
    text = path.read_text("utf-8")
    name = str(path.relative_to(PACKAGE))
    sizes = {name: text.count("\n")}
    for node in ast.walk(ast.parse(text, name)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            key, length = f"{name}:{node.name}", (node.end_lineno or node.lineno) - node.lineno + 1
            sizes[key] = max(length, sizes.get(key, 0))  # the longest of that name
    return sizes


def test_gui_modules_and_functions_stay_small() -> None:
    too_long = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        for key, size in _sizes(path).items():
            limit = MAX_FUNCTION_LINES if ":" in key else MAX_MODULE_LINES
            if size > max(limit, KNOWN_LONG.get(key, 0)):
                too_long.append(f"{key}: {size} lines")
    assert too_long == []


def test_command_line_modules_and_functions_stay_small() -> None:
    too_long = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        for key, size in _sizes(path).items():
            if size > (MAX_FUNCTION_LINES if ":" in key else MAX_MODULE_LINES):
                too_long.append(f"{key}: {size} lines")
    assert too_long == []
