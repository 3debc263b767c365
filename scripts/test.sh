#!/usr/bin/env bash
# Set up everything the test suite needs (venv, PostgreSQL, Chromium) and run it.
# A PostgreSQL server started here is stopped again on exit (one that was already up is not).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
bash scripts/system_deps.sh
EVENTCODER_TEST_PG_STOP=""
eval "$(bash scripts/ci_postgres.sh)"
stop_postgres() {
    if [ -n "${EVENTCODER_TEST_PG_STOP:-}" ]; then
        echo "test.sh: stopping the PostgreSQL server it started" >&2
        eval "$EVENTCODER_TEST_PG_STOP" >&2 || echo "test.sh: could not stop PostgreSQL" >&2
    fi
}
trap stop_postgres EXIT
.venv/bin/ruff check src tests scripts
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
