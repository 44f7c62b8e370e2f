"""The example site (docs/) in German, whose labels and month names are much longer than
English ones ("Zusammenfassung", "Publikationen durchsuchen", "Sept. 2017 – Sept. 2021"):
nothing wider than a phone, button rows inside their cards, dates that keep month and year
together without pushing an entry's lines apart, and a CV that still prints on two pages
(also in Chinese).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_browser import (
    _OVERLAPS,
    A4_CONTENT_WIDTH,
    CHROMIUM,
    ROOT,
    SCREENSHOTS,
    browser,
    demo_pages,
    serve,
)

__all__ = ["browser", "serve"]  # fixtures shared with test_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no {CHROMIUM} (apt-get install chromium)"
    ),
]

#: The narrowest phone the site is checked at.
PHONE = {"width": 360, "height": 740}

#: Rows of buttons, badges and chips, and the box each must stay inside.
ROWS_IN_BOXES = {
    ".academic-pub-links": ".academic-pub-card, .academic-pub-compact, article",
    ".academic-pub-badges": ".academic-pub-card, .academic-pub-compact, article",
    "ul.academic-pub-topics": ".academic-pub-card, .academic-pub-compact, article",
    ".academic-search-facet": ".academic-search",
}

#: Each row that is wider than itself or has a child outside the box it belongs in.
_ROWS_OUTSIDE_THEIR_BOXES = """(rowsInBoxes) => {
  const found = [];
  for (const [row, box] of Object.entries(rowsInBoxes)) {
    for (const element of document.querySelectorAll(row)) {
      const outer = element.closest(box);
      if (!outer || element.getClientRects().length === 0) continue;
      const edge = outer.getBoundingClientRect();
      if (element.scrollWidth > element.clientWidth + 1)
        found.push([row, 'wider than itself', element.scrollWidth, element.clientWidth]);
      for (const child of element.children) {
        const r = child.getBoundingClientRect();
        if (r.width > 0 && (r.left < edge.left - 1 || r.right > edge.right + 1))
          found.push([row, child.textContent.trim(), Math.round(r.right), Math.round(edge.right)]);
      }
    }
  }
  return found;
}"""


def _translated_demo(folder: Path, language: str) -> Path:
    """The example site built with ``-D language=LANGUAGE`` and -W into ``folder``."""
    out = folder / "html"
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-D", f"language={language}"]
    subprocess.run([*command, "-b", "html", str(ROOT / "docs"), str(out)], check=True)
    shutil.rmtree(ROOT / "docs" / "_build", ignore_errors=True)
    return out


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _translated_demo(tmp_path_factory.mktemp("site-de"), "de")


@pytest.fixture(scope="module")
def german_server(german_site: Path, serve: Any) -> str:
    return str(serve(german_site))


def test_the_site_is_german(german_site: Path) -> None:
    html = (german_site / "demo" / "publications.html").read_text(encoding="utf-8")
    assert "Zusammenfassung" in html and "Publikationen durchsuchen" in html


def test_no_horizontal_scroll_and_rows_inside_their_cards_at_360px(
    browser: Any, german_server: str, german_site: Path
) -> None:
    paths = demo_pages(german_site)
    assert len(paths) >= 8, paths
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    measured = set()
    for path in paths:
        page.goto(german_server + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
        assert page.evaluate(_ROWS_OUTSIDE_THEIR_BOXES, ROWS_IN_BOXES) == [], path
        for row in ROWS_IN_BOXES:
            if page.locator(row).count():
                measured.add(row)
    assert measured == set(ROWS_IN_BOXES), measured
    context.close()


DATES = ".academic-timeline-date, .academic-news-date"
ENTRIES = ".academic-timeline-entry, .academic-news-item"

#: Each date split over two lines (a month apart from its year).
_SPLIT_DATES = """(selector) => [...document.querySelectorAll(selector)]
  .filter(date => [...date.querySelectorAll('time')].some(t => t.getClientRects().length > 1))
  .map(date => date.textContent)"""

#: The height of each entry (timeline entry or news item) on the page.
_HEIGHTS = """(selector) => [...document.querySelectorAll(selector)]
  .map(entry => Math.round(entry.getBoundingClientRect().height))"""


@pytest.mark.parametrize("media", ["screen", "print"])
def test_long_dates_break_between_dates_and_push_nothing_apart(
    browser: Any, german_server: str, media: str
) -> None:
    """A date beside an entry takes no room of its own: each entry is as tall with its
    date as without it (a date taller than the heading's row used to stretch that row)."""
    width = 1280 if media == "screen" else A4_CONTENT_WIDTH
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for path in ("demo/cv.html", "demo/news.html"):
        page.goto(german_server + path)
        page.emulate_media(media=media)
        assert page.evaluate(_SPLIT_DATES, DATES) == [], (path, media)
        with_dates = page.evaluate(_HEIGHTS, ENTRIES)
        page.add_style_tag(content=f"{DATES} {{ display: none !important; }}")
        assert with_dates and page.evaluate(_HEIGHTS, ENTRIES) == with_dates, (path, media)
    context.close()


@pytest.mark.parametrize("language", ["de", "zh_CN"])
def test_translated_cv_prints_on_two_a4_pages_without_overlaps(
    browser: Any, serve: Any, german_site: Path, tmp_path: Path, language: str
) -> None:
    """Chinese, whose CV ended just at the foot of its second page, printed a third page
    holding only the space after the CV."""
    pypdf = pytest.importorskip("pypdf")
    site = german_site if language == "de" else _translated_demo(tmp_path, language)
    context = browser.new_context(viewport={"width": A4_CONTENT_WIDTH, "height": 1000})
    page = context.new_page()
    page.goto(str(serve(site)) + "demo/cv.html")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    assert page.evaluate(_OVERLAPS) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    pdf = SCREENSHOTS / f"cv-a4-{language}.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    assert len(pypdf.PdfReader(str(pdf)).pages) <= 2
    context.close()
