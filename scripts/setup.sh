#!/usr/bin/env bash
# Installs the system packages Amicus needs on a Debian machine, and only those that are missing.
# Used by `make examples` and `make test`; safe to run again.
set -euo pipefail

needed=(libzip-dev libdeflate-dev libxml2-dev libsqlite3-dev pkg-config)
if [ "${AMICUS_WITH_LIBREOFFICE:-1}" = 1 ]; then
  needed+=(libreoffice-writer-nogui)
fi
# The web app's browser test (scripts/browser-test.sh, run by `make test`): headless Chromium through Selenium.
if [ "${AMICUS_WITH_BROWSER:-0}" = 1 ]; then
  needed+=(chromium chromium-driver python3-selenium)
fi
# Extra packages a caller needs (the benchmark: python3-venv for docxtpl, time for peak memory).
for package in ${AMICUS_EXTRA_PACKAGES:-}; do needed+=("$package"); done

missing=()
for package in "${needed[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup: need root to install: ${missing[*]} (run as root, or install them with apt-get)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
