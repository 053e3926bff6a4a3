"""The packaged application: build it with PyInstaller and run it from the built folder.

Slow (minutes): runs only with WORKSTATION_TEST_PACKAGING=1. It calls
tools/build_app.sh, which builds dist/workstation/ and runs ``--version`` and a
headless smoke run (init, user add, audit verify, backup, restore, demo
--size small, a 60,000-line CSV import parsed by the frozen program as its own
worker) with a clean environment from an empty folder.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from workstation import __version__

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(os.environ.get("WORKSTATION_TEST_PACKAGING") != "1",
                                reason="set WORKSTATION_TEST_PACKAGING=1 to build the application (minutes)")


@pytest.mark.slow
def test_built_application_starts_and_runs_headless(tmp_path):
    env = dict(os.environ, WORKSTATION_DIST=str(tmp_path / "dist"), WORKSTATION_BUILD=str(tmp_path / "build"))
    res = subprocess.run([str(ROOT / "tools" / "build_app.sh")], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=3600)
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-4000:]
    out = res.stdout
    assert f"workstation {__version__}" in out
    assert '"valid": true' in out and "smoke=ok" in out
    # the frozen program as the import's parsing worker, then a 60,000-line import through it
    assert "parse_worker=ok rows=60000 exit=0" in out
    assert '"kind": "fee_lines", "rows": 60000, "inserted": 60000' in out
    check = json.loads(next(line for line in out.splitlines() if line.startswith('{"version"')))
    assert check["frozen"] is True and all(check["checks"].values()), check
    assert check["keyring_backend"].startswith(("keyring.backends", "keyrings.")), check
    assert "SecretService" in check["keyring_backends_bundled"], check
    size = int(next(line.split("=", 1)[1] for line in out.splitlines() if line.startswith("folder_bytes=")))
    print(f"packaged folder: {size / 1e6:.0f} MB")
    assert size < 600e6  # unused Qt modules stay out
    app = tmp_path / "dist" / "workstation" / "workstation"
    assert (app.parent / "_internal" / "resources" / "fonts").is_dir()
    assert (app.parent / "_internal" / "db" / "versions").is_dir()
