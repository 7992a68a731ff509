#!/usr/bin/env bash
# The whole suite: static checks, every Vitest suite on SQLite and on a throwaway PostgreSQL,
# then the browser tests in Debian's Chromium. Installs PostgreSQL or Chromium when missing and
# it can (root + apt); otherwise fails with a clear message. Never skips a database or the browser.
# Ends with one line: "N passed, N failed" summed over every runner.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0
out=.test-output
rm -rf "$out" && mkdir -p "$out"

die() { echo "npm test: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 24 ] || die "Node 24+ is needed (found $(node -v)); run through npm so node_modules/.bin/node is used."

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }
apt_install() {
  echo "Installing $* with apt-get…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$out/apt.log" 2>&1 \
    || die "apt-get install $* failed; see $out/apt.log"
}

have_pg() { command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if ! have_pg; then
  can_apt && apt_install postgresql
  have_pg || die "PostgreSQL server binaries (initdb, pg_ctl) are missing. Install them: apt-get install postgresql"
fi
if ! command -v chromium >/dev/null; then
  can_apt && apt_install chromium
  command -v chromium >/dev/null || die "Chromium is missing. Install Debian's package: apt-get install chromium"
fi

passed=0
failed=0

echo "== check: typecheck and lint"
if npm run --silent check; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== vitest: every suite on SQLite and on PostgreSQL"
./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
vitest_counts=$(node -e '
  const fs = require("node:fs"); const f = process.argv[1];
  if (!fs.existsSync(f)) { console.log("0 1"); process.exit(0) }
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  console.log(r.numPassedTests, r.numFailedTests + r.numFailedTestSuites + (r.numTotalTests === 0 ? 1 : 0));
' "$out/vitest.json")
passed=$((passed + ${vitest_counts% *})); failed=$((failed + ${vitest_counts#* }))

echo "== playwright: browser tests in Debian Chromium"
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" ./node_modules/.bin/playwright test --reporter=list,json
pw_counts=$(node -e '
  const fs = require("node:fs"); const f = process.argv[1];
  if (!fs.existsSync(f)) { console.log("0 1"); process.exit(0) }
  const s = JSON.parse(fs.readFileSync(f, "utf8")).stats;
  const errors = (JSON.parse(fs.readFileSync(f, "utf8")).errors ?? []).length;
  console.log(s.expected + s.flaky, s.unexpected + errors + (s.expected + s.unexpected + s.flaky === 0 ? 1 : 0));
' "$out/playwright.json")
passed=$((passed + ${pw_counts% *})); failed=$((failed + ${pw_counts#* }))

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
