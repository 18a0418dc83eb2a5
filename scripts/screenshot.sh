#!/usr/bin/env bash
# Regenerate the README picture (output/graph.png) from output/graph.ttl, in headless
# Chromium, through the same browser test that checks the seed page. Tests never write it.
#   bash scripts/screenshot.sh            # after `kg build`
set -euo pipefail
cd "$(dirname "$0")/.."
KG_SCREENSHOT="$PWD/output/graph.png" .venv/bin/python -m pytest -q \
  "tests/test_browser.py::test_seed_graph_page"
echo "Wrote output/graph.png"
