"""Imports point one way: core ← store ← services ← ui/cli. No Qt below ui/."""
import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "workstation"
BELOW_UI = ("core", "store", "services")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, 0
        elif isinstance(node, ast.ImportFrom):
            yield (node.module or ""), node.level


def test_no_qt_below_ui_statically():
    offenders = []
    for layer in BELOW_UI:
        for path in (PKG / layer).rglob("*.py"):
            for name, level in _imports(path):
                if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6") or (level and name.startswith("ui")):
                    offenders.append(f"{path.relative_to(PKG)}: {name}")
    assert offenders == []


def test_core_imports_neither_sqlalchemy_nor_store():
    offenders = []
    for path in (PKG / "core").rglob("*.py"):
        for name, level in _imports(path):
            if name.split(".")[0] == "sqlalchemy" or (level and name.split(".")[0] in ("store", "services", "ui")):
                offenders.append(f"{path.relative_to(PKG)}: {name}")
    assert offenders == []


def test_no_qt_loaded_when_importing_every_module_below_ui():
    code = (
        "import importlib, pkgutil, sys, workstation\n"
        f"for layer in {BELOW_UI!r}:\n"
        "    pkg = importlib.import_module('workstation.' + layer)\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
