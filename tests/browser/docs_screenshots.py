"""Writes the screenshots the documentation shows (docs/_static/screenshots/).

Run from the repository root after ``sphinx-build -b html docs /tmp/docs-out``::

    python tests/browser/docs_screenshots.py /tmp/docs-out

It serves the built site on 127.0.0.1 and drives Debian's chromium with Playwright, as the
browser tests do: each page 1280 pixels wide in light and dark mode, scrolled to the
first block of the extension, the visible part of the window saved; the publications
page also as a 375-pixel phone at twice the pixel density.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parents[2] / "docs" / "_static" / "screenshots"
#: Screenshot name -> page of the demo.
PAGES = {"home": "demo/home.html", "publications": "demo/publications.html", "cv": "demo/cv.html"}
FIRST_BLOCK = ".academic-profile, .academic-publications, .academic-cv"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def shoot(browser: Browser, url: str, target: Path, scheme: str, phone: bool = False) -> None:
    viewport = {"width": 375, "height": 740} if phone else {"width": 1280, "height": 800}
    context = browser.new_context(
        color_scheme=scheme,  # type: ignore[arg-type]
        viewport=viewport,  # type: ignore[arg-type]
        device_scale_factor=2 if phone else 1,
    )
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.add_style_tag(content=".back-to-top { display: none !important; }")  # furo's, mid-scroll
    # At once, not with the theme's smooth scrolling (it would be caught half-way).
    page.evaluate(
        """(s) => window.scrollTo({behavior: 'instant',
             top: document.querySelector(s).getBoundingClientRect().top + window.scrollY - 16})""",
        FIRST_BLOCK,
    )
    page.wait_for_timeout(300)
    page.screenshot(path=str(target))
    context.close()


def main(site: Path) -> None:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless"])
        for name, path in PAGES.items():
            for scheme in ("light", "dark"):
                shoot(browser, base + path, OUT / f"{name}-{scheme}.png", scheme)
        shoot(browser, base + PAGES["publications"], OUT / "publications-phone.png", "light", True)
        browser.close()
    httpd.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
