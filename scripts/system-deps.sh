#!/usr/bin/env bash
# Install the Debian packages the test suite drives (PostgreSQL server for the store tests,
# Chromium for the browser tests). Never downloads a browser build of its own.
# As root: apt-get installs what is missing. Otherwise: a clear message, and the tests that
# need the missing program are skipped with that reason.
set -u
need=()
command -v /usr/bin/chromium >/dev/null 2>&1 || need+=(chromium)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need+=(postgresql); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "system-deps: missing ${need[*]}; run as root or 'sudo apt-get install ${need[*]}'. Tests needing them will be skipped." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
echo "system-deps: installing ${need[*]} with apt-get" >&2
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || { echo "system-deps: apt-get install ${need[*]} failed; the tests needing them will be skipped" >&2; exit 0; }
