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

lint: dist
	@npx web-ext lint --source-dir dist/firefox --self-hosted

clean:
	rm -rf target build dist tests/e2e/.out
