#!/bin/sh
# The build command wrangler runs (wrangler.toml [build]). worker-build would
# download wasm-bindgen and wasm-opt from GitHub, which is unreachable here:
# point it at the installed CLI and at binaryen from npm.
# KABINET_PREBUILT=1 reuses build/ made by `make build` (tests and benchmarks
# start wrangler several times and need not rebuild each time).
set -e
if [ -n "$KABINET_PREBUILT" ] && [ -f build/worker/shim.mjs ]; then
  echo "build-worker: using the prebuilt worker in build/"
  exit 0
fi
export WASM_BINDGEN_BIN="${WASM_BINDGEN_BIN:-wasm-bindgen}"
export WASM_OPT_BIN="${WASM_OPT_BIN:-./node_modules/.bin/wasm-opt}"
export ESBUILD_BIN="${ESBUILD_BIN:-./node_modules/.bin/esbuild}"
# shellcheck disable=SC2086
exec worker-build --release $WORKER_BUILD_FLAGS
