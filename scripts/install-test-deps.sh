#!/usr/bin/env bash
# Debian packages the test suite needs beyond the .NET SDK. Nothing yet: the scenario bank, the
# validator and the CLI are pure .NET. Kept as the one place later suites (browser tests) add to.
set -euo pipefail
packages=()
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
