"""Running the ``workstation`` command as a user would (a real subprocess),
or in-process for speed where the process boundary does not matter."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


def run_cli(args: list[str], *, user: str | None = None, passphrase: str | None = None, env: dict | None = None,
            cwd: Path | None = None, timeout: float = 120) -> Run:
    full_env = dict(os.environ)
    full_env.setdefault("WORKSTATION_KDF_LOG2N", "10")
    full_env["WORKSTATION_NO_LOGFILE"] = "1"
    for k in ("WORKSTATION_USER", "WORKSTATION_PASSPHRASE", "WORKSTATION_NEW_PASSPHRASE"):
        full_env.pop(k, None)
    if user is not None:
        full_env["WORKSTATION_USER"] = user
    if passphrase is not None:
        full_env["WORKSTATION_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    res = subprocess.run(
        [sys.executable, "-m", "workstation.cli.main", *args],
        capture_output=True, text=True, env=full_env, cwd=cwd, timeout=timeout, stdin=subprocess.DEVNULL,
    )
    return Run(res.returncode, res.stdout, res.stderr)


def run_inproc(args: list[str], monkeypatch, *, user: str | None = None, passphrase: str | None = None,
               env: dict | None = None) -> Run:
    from workstation.cli.main import main

    for k in ("WORKSTATION_USER", "WORKSTATION_PASSPHRASE", "WORKSTATION_NEW_PASSPHRASE"):
        monkeypatch.delenv(k, raising=False)
    if user is not None:
        monkeypatch.setenv("WORKSTATION_USER", user)
    if passphrase is not None:
        monkeypatch.setenv("WORKSTATION_PASSPHRASE", passphrase)
    for k, v in (env or {}).items():
        monkeypatch.setenv(k, v)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return Run(code, out.getvalue(), err.getvalue())
