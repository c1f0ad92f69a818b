# Answerdeck — see README.md. Every target installs what it needs first (scripts/setup.sh is idempotent).
.PHONY: setup build dist test run bench lint clean

setup:
	@scripts/setup.sh

build dist: setup
	@scripts/build.sh

test: setup
	@scripts/test.sh

run: dist
	@node scripts/run.mjs

# Figures, not pass/fail (design.md §6): core search and suggestions (criterion), DOMContentLoaded → first control,
# the picker with 30,000 replies in Chromium, the label menu's open time and cross-tab updates, and what the
# response timers cost an idle page each second.
bench: dist
	@cargo bench --bench core
	@node scripts/bench.mjs
	@node scripts/bench-panel.mjs 10

lint: dist
	@npx web-ext lint --source-dir dist/firefox --self-hosted

clean:
	rm -rf target build dist tests/e2e/.out
