#!/usr/bin/env bash
# Debian packages the test suite needs beyond the .NET SDK: Debian's Chromium, which the report and
# browser tests drive headless (no browser is downloaded by any test tool), PostgreSQL, whose server
# the storage tests start on loopback to run the same migrations as SQLite, and npm, which installs
# axe-core (pinned in tests/BugTrail.Web.Tests/axe) for the browser tests' accessibility scan.
set -euo pipefail
packages=(chromium fonts-dejavu-core postgresql)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
# Any npm will do (a machine may carry Node.js from elsewhere, and Debian's npm would conflict with it).
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
command -v chromium >/dev/null || { echo "error: chromium is not on PATH after installing it" >&2; exit 1; }

axe=tests/BugTrail.Web.Tests/axe
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ]; then
  npm ci --prefix "$axe" --no-audit --no-fund --loglevel=error
fi
