#!/usr/bin/env bash
# make bench: the release wasm's size, then wrk against wrangler dev on a
# fresh local state: GET /api/health (trivial) and GET /api/me (logged in:
# KV session + two D1 reads), in the same run. Writes BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false
sh scripts/build-worker.sh > /dev/null
KABINET_PREBUILT=1 node scripts/bench.mjs
