#!/usr/bin/env bash
# Set up everything the test suite needs (venv, PostgreSQL, Chromium) and run it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
bash scripts/system_deps.sh
eval "$(bash scripts/ci_postgres.sh)"
.venv/bin/ruff check src tests scripts
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
