#!/usr/bin/env bash
# Every test, in the order that fails fastest: format, lints (native and
# wasm32), native unit/property/router tests, then the worker build and the
# e2e and browser tests on wrangler dev. Prints how many tests each layer ran.
set -euo pipefail
cd "$(dirname "$0")/.."
export CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false
mkdir -p test-results

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native and wasm32) -D warnings"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings

step "native tests: domain unit and property tests, router tests over SQLite"
cargo test 2>&1 | tee test-results/native.log
# "test result: ok. N passed; M failed; ..." once per test binary; the first is src/.
mapfile -t passed < <(grep -E '^test result:' test-results/native.log | sed -E 's/.* ([0-9]+) passed;.*/\1/')
unit_passed=${passed[0]:-0}
native_passed=0
for n in "${passed[@]}"; do native_passed=$((native_passed + n)); done

step "build the worker (wasm, no wasm-opt: the tests need speed, not size)"
WORKER_BUILD_FLAGS=--no-opt sh scripts/build-worker.sh > test-results/build.log 2>&1 || { cat test-results/build.log; exit 1; }

# One node --test run per layer; each file starts its own wrangler dev on a
# fresh state and a free port. TAP goes to a file for counting, spec to the screen.
run_node_layer() {
  local name=$1; shift
  node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="test-results/$name.tap" "$@"
}
count() { grep -E "^# $2 " "test-results/$1.tap" | tail -1 | awk '{print $3}'; }

status=0
step "e2e tests on wrangler dev: D1, KV sessions, Queues, cron, static assets"
KABINET_PREBUILT=1 run_node_layer e2e tests/e2e/api.test.mjs || status=1
step "browser tests in headless Chromium, following the manual"
KABINET_PREBUILT=1 run_node_layer browser tests/e2e/*.browser.test.mjs || status=1

e2e_pass=$(count e2e pass); e2e_fail=$(count e2e fail)
browser_pass=$(count browser pass); browser_fail=$(count browser fail)
echo
echo "Tests run per layer:"
echo "  1. native unit and property tests (src/):     ${unit_passed} passed"
echo "     native router and schema tests (tests/):   $((native_passed - unit_passed)) passed"
echo "  3. e2e tests on wrangler dev:                 ${e2e_pass:-0} passed, ${e2e_fail:-0} failed"
echo "     browser tests in headless Chromium:        ${browser_pass:-0} passed, ${browser_fail:-0} failed"
echo "  screenshots: test-results/screens/"
echo "$((native_passed + ${e2e_pass:-0} + ${browser_pass:-0})) passed, $((${e2e_fail:-0} + ${browser_fail:-0})) failed"
exit $status
