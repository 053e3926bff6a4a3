#!/usr/bin/env bash
# Build the one-folder application and check that it starts without the source tree:
#   --version, then a headless smoke run (init, user add, demo --size small, audit verify)
#   in a temporary folder, with the built executable only. Prints sizes and times.
# Usage: tools/build_app.sh [--skip-build]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DIST="${WORKSTATION_DIST:-$ROOT/dist}"
WORK="${WORKSTATION_BUILD:-$ROOT/build}"
cd "$ROOT"
if [[ "${1:-}" != "--skip-build" ]]; then
  start=$(date +%s)
  "$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" build.spec
  echo "build_seconds=$(( $(date +%s) - start ))"
fi
APP="$DIST/workstation/workstation"
test -x "$APP"
echo "folder_bytes=$(du -sb "$DIST/workstation" | cut -f1)"
echo "folder_size=$(du -sh "$DIST/workstation" | cut -f1)"

SMOKE="$(mktemp -d)"
trap 'rm -rf "$SMOKE"' EXIT
# Run from an empty folder with a clean environment: no source tree, no venv on the path.
cd "$SMOKE"
run() { env -i HOME="$SMOKE" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen WORKSTATION_HOME="$SMOKE/home" \
        WORKSTATION_NO_LOGFILE=1 WORKSTATION_KDF_LOG2N=12 "$@"; }
start=$(date +%s)
run "$APP" --version
run "$APP" --json selfcheck
run WORKSTATION_USER=boss WORKSTATION_PASSPHRASE=pw "$APP" --db "$SMOKE/s.db" --json init --user boss
run WORKSTATION_USER=boss WORKSTATION_PASSPHRASE=pw WORKSTATION_NEW_PASSPHRASE=pw2 \
    "$APP" --db "$SMOKE/s.db" --json user add alice --role reviewer
run WORKSTATION_USER=boss WORKSTATION_PASSPHRASE=pw "$APP" --db "$SMOKE/s.db" --json audit verify
run WORKSTATION_USER=boss WORKSTATION_PASSPHRASE=pw "$APP" --db "$SMOKE/s.db" --json backup "$SMOKE/s.wsbak"
run WORKSTATION_USER=alice WORKSTATION_PASSPHRASE=pw2 "$APP" --db "$SMOKE/r.db" --json restore "$SMOKE/s.wsbak"
run "$APP" --db "$SMOKE/demo.db" --json demo --size small
run WORKSTATION_USER=demo-admin WORKSTATION_PASSPHRASE=demo "$APP" --db "$SMOKE/demo.db" --json audit verify
# A large CSV (60,000 fee lines) is parsed by the frozen program started as its own
# worker (--import-parse-worker): check the worker's stream, then the whole import.
(cd "$ROOT" && "$PY" -c 'import sys; from pathlib import Path; from bench.bench_import import write_files
write_files(Path(sys.argv[1]), 60000)' "$SMOKE" && "$PY" tools/check_parse_worker.py "$APP" "$SMOKE/fee_lines.csv")
run WORKSTATION_USER=demo-admin WORKSTATION_PASSPHRASE=demo "$APP" --db "$SMOKE/demo.db" --json import \
    "$SMOKE/settlements.csv" "$SMOKE/fee_lines.csv"
echo "smoke_seconds=$(( $(date +%s) - start ))"
echo "smoke=ok"
