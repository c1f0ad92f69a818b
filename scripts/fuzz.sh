#!/usr/bin/env bash
# Fuzzes the parsers that take what people and pages hand us (fuzz/fuzz_targets: templates, data format v1, CSV,
# espanso YAML, page times) with cargo-fuzz (libFuzzer, nightly, address sanitizer). Each target runs for
# SECONDS (default 20; `make test` runs 15 s each, the documented longer run is `scripts/fuzz.sh 600`).
# A crash, panic or hang fails the run; libFuzzer leaves the input in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
TARGETS=(template import_v1 import_csv import_espanso page_time)
cargo +nightly fuzz build -O
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in "${TARGETS[@]}"; do
  printf '\033[1mfuzz:\033[0m %s for %s s\n' "$target" "$SECONDS_EACH"
  # -rss_limit_mb: a huge input must be refused, not read into gigabytes.
  if ! cargo +nightly fuzz run -O "$target" -- -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target failed; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)" "$log" || true
done
