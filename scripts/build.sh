#!/usr/bin/env bash
# Builds the extension for Chrome and Firefox into dist/, with both core flavours:
#   pkg/     the crate as wasm (wasm-bindgen --target web, wasm-opt -Oz), used wherever the page allows wasm;
#   pkg-js/  the same crate built for wasm MVP and translated to JS by wasm2js, for pages whose CSP forbids wasm
#            in content scripts (Chrome checks the page's CSP; toolchain.md §4, §11).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=node_modules/.bin
OUT=build
mkdir -p "$OUT"

step() { printf '\033[1mbuild:\033[0m %s\n' "$*"; }

rm -rf "$OUT/pkg" && mkdir -p "$OUT/pkg"
# Two builds of the same crate: `answerdeck` (background, options page, panel: the store, import/export) and
# `answerdeck_content` (content scripts: no store or import code, so every messaging page loads less).
#
# The content build ships to every messaging page (budget: 150 KiB gzip, design.md §6), so it is built like the
# wasm2js one below: nightly, std rebuilt with panics that abort at once (no panic messages, locations or
# formatting machinery: -13 KB gzip). A panic traps either way (`panic = "abort"`); only its message is gone.
# Newer nightlies spell it `-Cpanic=immediate-abort`, older ones `panic_immediate_abort`: try both.
SMALL_STD=(-Zbuild-std=panic_abort,std)
small_flags() { echo "-Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort $*"; }
nightly_small() { # args: target dir, extra rustflags
  local dir=$1; shift
  RUSTFLAGS="$(small_flags "$@")" cargo +nightly build -q "${SMALL_STD[@]}" --release --target wasm32-unknown-unknown \
    --lib --no-default-features --target-dir "$dir" 2>/dev/null ||
  RUSTFLAGS="-Zlocation-detail=none $*" cargo +nightly build -q "${SMALL_STD[@]}" -Zbuild-std-features=panic_immediate_abort \
    --release --target wasm32-unknown-unknown --lib --no-default-features --target-dir "$dir"
}

step "cargo build (wasm32, release, answerdeck)"
cargo build -q --release --target wasm32-unknown-unknown --lib --features=pages
step "cargo +nightly build (wasm32, release, answerdeck_content, immediate-abort std)"
# A 256 KiB stack, not Rust's default 1 MiB: linear memory never shrinks, and every messaging tab pays for it
# (design.md §6: memory added ≤ 2 MB). The content code's deepest recursion is a walk down the page's DOM.
CONTENT_STACK="-C link-arg=-zstack-size=262144"
nightly_small target/content $CONTENT_STACK
for flavour in answerdeck:target answerdeck_content:target/content; do
  name=${flavour%%:*} dir=${flavour#*:}
  wasm-bindgen --target web --no-typescript --out-dir "$OUT/pkg" --out-name "$name" "$dir/wasm32-unknown-unknown/release/answerdeck.wasm"
  "$BIN/wasm-opt" -Oz --strip-debug --strip-producers "$OUT/pkg/${name}_bg.wasm" -o "$OUT/pkg/${name}_bg.wasm"
  # Short import and export names in module and glue: wasm-bindgen's hashed names cost ~5 KB gzip per module.
  node scripts/minify-wasm-names.mjs "$OUT/pkg" "$name"
  if [ "$name" = answerdeck_content ]; then
    # Control flow rebuilt (flattened, then re-structured by the relooper) and -Oz until it stops paying: 1.1 KB
    # gzip less on the wasm every messaging page fetches (design.md §6 budget), in 7 s. The pages wasm has no
    # budget, and this would take a minute there.
    "$BIN/wasm-opt" --flatten --rereloop -Oz -Oz -Oz "$OUT/pkg/${name}_bg.wasm" -o "$OUT/pkg/${name}_bg.wasm"
  fi
done

step "cargo +nightly build (wasm MVP for wasm2js)"
# A separate target dir keeps the two flavours from invalidating each other's cache.
nightly_small target/mvp -C target-cpu=mvp -C target-feature=+mutable-globals $CONTENT_STACK
rm -rf "$OUT/pkg-js" && mkdir -p "$OUT/pkg-js"
wasm-bindgen --target bundler --no-typescript --out-dir "$OUT/pkg-js" --out-name answerdeck_content target/mvp/wasm32-unknown-unknown/release/answerdeck.wasm
"$BIN/wasm-opt" -Oz --strip-debug --strip-producers "$OUT/pkg-js/answerdeck_content_bg.wasm" -o "$OUT/pkg-js/opt.wasm"
"$BIN/wasm2js" "$OUT/pkg-js/opt.wasm" -Oz -o "$OUT/pkg-js/answerdeck_content_bg.wasm.js"
rm "$OUT/pkg-js/opt.wasm" "$OUT/pkg-js/answerdeck_content_bg.wasm"
node scripts/patch-wasm2js-glue.mjs "$OUT/pkg-js"

step "extension: dist/chrome, dist/firefox"
for browser in chrome firefox; do
  dir="dist/$browser"
  rm -rf "$dir" && mkdir -p "$dir"
  cp -r extension/. "$dir/"
  rm -f "$dir/manifest.json"
  cp -r "$OUT/pkg" "$OUT/pkg-js" "$dir/"
  node scripts/manifest.mjs "$browser" extension/manifest.json "$dir/manifest.json"
done

step "zips"
version=$(node -p "require('./extension/manifest.json').version")
for browser in chrome firefox; do
  rm -f "dist/answerdeck-$version-$browser.zip"
  (cd "dist/$browser" && zip -q -r -X "../answerdeck-$version-$browser.zip" .)
done
node scripts/sizes.mjs
