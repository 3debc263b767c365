#!/usr/bin/env bash
# Set up eventcoder and run the main job on the bundled example articles:
# read them, code them, keep the result in an embedded SQLite store, and show what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export EVENTCODER_DB=${EVENTCODER_DB:-example.db}
.venv/bin/eventcoder ingest examples/*.txt
.venv/bin/eventcoder code examples/*.txt --format table
.venv/bin/eventcoder export --format jsonl --out example-events.jsonl
echo "stored in $EVENTCODER_DB; canonical JSONL in example-events.jsonl" >&2
