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


# -- the seams added for growth (issue 13) ------------------------------------------------------
ROOT = PKG.parent
ENTRY_POINTS = {"workstation/cli/main.py"}  # `workstation` with no command opens the GUI through app.run_gui
# Modules another change is splitting right now (issue 15: import modules); delete the entry when it lands.
PRIVATE_NAMES_NOT_YET_FIXED: set[str] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_of(path: Path) -> list[str]:
    name = _module_name(path).split(".")
    return name if path.name == "__init__.py" else name[:-1]


def _is_module(dotted: str) -> bool:
    base = ROOT.joinpath(*dotted.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _absolute_imports(path: Path):
    """(line, imported module, names) with relative imports resolved; names are (name, bound as)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, a.name, [], a.asname or a.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                pkg = _package_of(path)
                base = pkg[: len(pkg) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield node.lineno, module, [(a.name, a.asname or a.name) for a in node.names], None


def _workstation_files():
    return sorted(PKG.rglob("*.py"))


def test_nothing_but_the_entry_points_imports_the_composition_root():
    offenders = []
    for path in _workstation_files():
        rel = str(path.relative_to(ROOT))
        for line, module, names, _ in _absolute_imports(path):
            hits = module == "workstation.app" or (module == "workstation" and any(n == "app" for n, _ in names))
            if hits and rel not in ENTRY_POINTS:
                offenders.append(f"{rel}:{line}")
    assert offenders == []


def test_ui_imports_no_store_module_no_orm_and_no_sqlalchemy():
    offenders = []
    for path in sorted((PKG / "ui").rglob("*.py")):
        for line, module, names, _ in _absolute_imports(path):
            targets = [module] + [f"{module}.{n}" for n, _ in names]
            if any(t.startswith("workstation.store") for t in targets) or module.split(".")[0] == "sqlalchemy":
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {module}")
    assert offenders == []


def _private_uses(path: Path) -> list[str]:
    """Another workstation module's underscore names used by ``path``: imported, or read as module._name."""
    own = _module_name(path)
    found, module_aliases = [], {}
    for line, module, names, bound in _absolute_imports(path):
        if bound is not None and module.startswith("workstation"):
            module_aliases[bound] = module
        for name, as_name in names:
            full = f"{module}.{name}"
            if _is_module(full):
                module_aliases[as_name] = full
            elif name.startswith("_") and not name.startswith("__") and module.startswith("workstation") \
                    and module != own:
                found.append(f"{line}: from {module} import {name}")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.attr.startswith("_")
                and not node.attr.startswith("__") and node.value.id in module_aliases
                and module_aliases[node.value.id] != own):
            found.append(f"{node.lineno}: {module_aliases[node.value.id]}.{node.attr}")
    return found


def test_no_module_uses_another_modules_private_names():
    offenders = []
    for path in _workstation_files():
        rel = str(path.relative_to(ROOT))
        if rel not in PRIVATE_NAMES_NOT_YET_FIXED:
            offenders += [f"{rel}:{use}" for use in _private_uses(path)]
    assert offenders == []


def test_the_private_name_check_sees_both_forms(tmp_path):
    """The check above must be able to fail: a module importing and reading another's underscore names."""
    probe = PKG / "services" / "_layers_probe_tmp.py"
    probe.write_text("from .review import guards\nfrom .package_service import line_ids_of\n"
                     "from .review.guards import _hidden\nx = guards._also_hidden\n", encoding="utf-8")
    try:
        uses = _private_uses(probe)
    finally:
        probe.unlink()
    assert uses == ["3: from workstation.services.review.guards import _hidden",
                    "4: workstation.services.review.guards._also_hidden"]


def test_the_command_line_imports_no_store_module_either():
    """cli/ is a thin shell over services, like ui/ (runtime.py opens stores through auth_service)."""
    offenders = []
    for path in sorted((PKG / "cli").rglob("*.py")):
        for line, module, names, _ in _absolute_imports(path):
            targets = [module] + [f"{module}.{n}" for n, _ in names]
            if any(t.startswith("workstation.store") for t in targets):
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {module}")
    assert offenders == []
