#!/usr/bin/env bash
# The web app in a real browser: starts `amicus serve` on a free port of 127.0.0.1, drives headless Chromium
# through the precedent browser and the render form (scripts/browser_test.py), and saves screenshots of the
# main pages to out/screenshots/. Needs Debian's chromium, chromium-driver and python3-selenium, which
# scripts/setup.sh installs. Exits non-zero when anything does not work.
set -euo pipefail
cd "$(dirname "$0")/.."

amicus="${AMICUS_BIN:-.build/debug/amicus}"
python=/usr/bin/python3
for needed in "$amicus" /usr/bin/chromium /usr/bin/chromedriver "$python"; do
  if [ ! -x "$needed" ]; then
    echo "browser test: $needed is missing (run scripts/setup.sh, then swift build)" >&2
    exit 1
  fi
done
if ! "$python" -c "import selenium" 2>/dev/null; then
  echo "browser test: python3-selenium is missing (run scripts/setup.sh)" >&2
  exit 1
fi

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$(mktemp)"
"$amicus" serve --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT

# Wait for the server to answer (up to 60 s; the first start builds the precedent index).
for _ in $(seq 1 240); do
  if "$python" -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$port/precedents', timeout=2)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "browser test: amicus serve stopped:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.25
done

rm -rf out/screenshots
"$python" scripts/browser_test.py --base "http://127.0.0.1:$port" --screenshots out/screenshots --example Examples/rahmona.yaml
echo "browser test: screenshots in out/screenshots/"
