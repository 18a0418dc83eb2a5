"""Regenerate the README picture, ``output/graph.png``, from ``output/graph.html``.

The test suite never writes into ``output/`` (it would dirty the committed picture on
every run); run this by hand after ``kg build`` when the page or the seed graph changed:

    .venv/bin/kg build && .venv/bin/python scripts/readme_picture.py

It opens the page in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright),
waits until the layout has settled, and saves a 1400x900 screenshot.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def take_picture(page_file: Path, picture: Path, *, timeout: float = 60.0) -> Path:
    """Screenshot ``page_file`` once its graph layout is stable; returns ``picture``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(page_file.resolve().as_uri())
            deadline = time.monotonic() + timeout
            # Polling evaluate(): the page's CSP forbids the eval() wait_for_function uses.
            while not page.evaluate("!!(window.kgState && window.kgState.stable)"):
                if time.monotonic() > deadline:
                    raise SystemExit(f"{page_file}: the graph did not settle in {timeout:.0f}s")
                time.sleep(0.05)
            page.evaluate("kgState.closePanel && kgState.closePanel()")
            page.wait_for_timeout(300)
            picture.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(picture))
        finally:
            browser.close()
    return picture


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=Path, default=ROOT / "output" / "graph.html")
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "graph.png")
    args = parser.parse_args(argv)
    if not args.page.is_file():
        print(f"Error: {args.page} not found; run `kg build` first", file=sys.stderr)
        return 2
    print(f"Wrote {take_picture(args.page, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
