#!/usr/bin/env bash
# `make test`: everything, in order of cost, stopping at the first failure. Timing lives in `make bench`, not here.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
start=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

step "format"
cargo fmt --check

step "clippy (native, wasm content build, wasm pages build)"
cargo clippy -q --all-targets -- -D warnings
cargo clippy -q --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
cargo clippy -q --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests (core, sites)"
cargo test -q

step "fuzz the parsers briefly (templates, imports, page times; 15 s each; longer: scripts/fuzz.sh 600)"
scripts/fuzz.sh 15

step "build dist/ (wasm + wasm2js, Chrome + Firefox) and size budget"
scripts/build.sh

step "web-ext lint (Firefox manifest)"
node scripts/lint-firefox.mjs

step "node unit tests (URL gate)"
node --test tests/unit/

if [ -f tests/web.rs ] || [ -d tests/web ]; then
  step "wasm-bindgen-test: DOM helpers in headless Chromium"
  cargo test --target wasm32-unknown-unknown --test web 2>&1 | grep -vE "^\s+(Compiling|Running)" 
fi

step "end-to-end: Chromium with the extension on fixture pages at the real URLs"
node tests/e2e/build-fixtures.mjs
node --test --test-concurrency=1 tests/e2e/

step "desktop: the browser-level keyboard shortcut, pressed as a real key (Xvfb + xdotool)"
xvfb-run -a node --test --test-concurrency=1 tests/desktop/

if [ -d tests/firefox ]; then
  step "Firefox ESR smoke test"
  node --test --test-concurrency=1 tests/firefox/
fi

step "all green"
