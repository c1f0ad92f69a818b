#!/usr/bin/env bash
# Installs what the build and tests need on a fresh Debian 12 machine, and nothing that is already there.
# Idempotent: a second run takes about a second. Everything comes from the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen CLI must equal the crate pin exactly, or wasm-bindgen refuses the module.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)

# Debian packages: the browsers the tests drive (chromium for e2e and wasm-bindgen-test, firefox-esr for the smoke
# test) and Xvfb so `make run` can show a window on machines without a display server.
apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v firefox-esr >/dev/null || apt_missing+=(firefox-esr)
command -v Xvfb >/dev/null || apt_missing+=(xvfb)
command -v zip >/dev/null || apt_missing+=(zip)
command -v g++ >/dev/null || apt_missing+=(g++) # libFuzzer for the fuzz targets (scripts/fuzz.sh)
command -v xdotool >/dev/null || apt_missing+=(xdotool) # real OS key presses for the browser-level shortcut test
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "apt-get install ${apt_missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

# Rust: the wasm target for the main build; nightly with rust-src for the MVP build that wasm2js translates
# (wasm-bindgen 0.2.130 output uses reference types, which wasm2js cannot translate; see toolchain.md §11).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  log "rustup toolchain install nightly (minimal)"
  rustup toolchain install nightly --profile minimal
fi
if ! rustup +nightly component list --installed 2>/dev/null | grep -qx 'rust-src'; then
  log "rustup component add rust-src --toolchain nightly"
  rustup component add rust-src --toolchain nightly
fi
if ! rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown --toolchain nightly"
  rustup target add wasm32-unknown-unknown --toolchain nightly
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

# wasm-bindgen CLI pinned to the crate's version. No --locked: one of its locked dependencies is not in the registry.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli --version =$WASM_BINDGEN_VERSION"
  cargo install -q wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# cargo-fuzz runs the parsers' fuzz targets (scripts/fuzz.sh; libFuzzer is built with the C++ compiler).
if ! command -v cargo-fuzz >/dev/null; then
  log "cargo install cargo-fuzz"
  cargo install -q cargo-fuzz --locked
fi

# geckodriver drives Firefox ESR for the Firefox smoke test.
if ! command -v geckodriver >/dev/null; then
  log "cargo install geckodriver"
  cargo install -q geckodriver --locked
fi

# npm dev tools (playwright-core, esbuild, binaryen's wasm-opt/wasm2js, web-ext, the real editors for fixtures).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
