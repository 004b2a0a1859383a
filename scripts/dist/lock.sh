#!/usr/bin/env bash
# Rewrites scripts/dist/lock.txt: the newest versions pyproject.toml allows, installed into a throw-away venv.
# Run it on purpose (a new Qt or ReportLab), then `make test test-dist` before committing the new lock.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3}" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip
"$tmp/venv/bin/python" -m pip install -q ".[dist]"
"$tmp/venv/bin/python" -m pip uninstall -y -q acceptance_app
{
  head -3 scripts/dist/lock.txt
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable
} > "$tmp/lock.txt"
mv "$tmp/lock.txt" scripts/dist/lock.txt
