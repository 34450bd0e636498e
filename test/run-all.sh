#!/bin/sh
# npm test: unit + integration (vitest) and end-to-end (Playwright in Debian Chromium).
# Tests use a private Secret Service (gnome-keyring in its own D-Bus session, HOME in a temp
# dir) so they never touch your own keychain. Where that is not installed (macOS, Windows),
# they use the platform keychain under a test-only service name.
set -eu
cd "$(dirname "$0")/.."

if [ -z "${HELPLANE_TEST_KEYRING:-}" ] && command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
  HELPLANE_TEST_KEYRING=$(mktemp -d "${TMPDIR:-/tmp}/helplane-keyring.XXXXXX")
  export HELPLANE_TEST_KEYRING
  export HOME="$HELPLANE_TEST_KEYRING"
  export XDG_RUNTIME_DIR="$HELPLANE_TEST_KEYRING/run" XDG_DATA_HOME="$HELPLANE_TEST_KEYRING/data" XDG_CONFIG_HOME="$HELPLANE_TEST_KEYRING/config"
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  status=0
  dbus-run-session -- sh -c 'printf %s "helplane-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec sh test/run-all.sh "$@"' sh "$@" || status=$?
  rm -rf "$HELPLANE_TEST_KEYRING"
  exit $status
fi

mkdir -p .tmp
# `npm start` rebuilds native modules for Electron's ABI; tests run in Node and need Node's.
node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null || npm rebuild better-sqlite3 --silent
rm -f .tmp/vitest.json .tmp/playwright.json
./node_modules/.bin/electron-vite build --logLevel warn
status=0
./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=1
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json ./node_modules/.bin/playwright test --reporter=list,json || status=1
node test/summary.mjs .tmp/vitest.json .tmp/playwright.json || status=1
exit $status
