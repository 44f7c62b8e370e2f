"""Columns and edges on a small site built in each interface language: the news feed's
date column holds the longest medium date of every language on one line (Portuguese
writes "30 de set. de 2024"), a label written as the date wraps inside it, phones stack
the date above the text; publication group headings line up with the cards under them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_browser import CHROMIUM, VIEWPORTS, browser, serve

__all__ = ["browser", "serve"]  # fixtures shared with test_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no {CHROMIUM} (apt-get install chromium)"
    ),
]

LANGUAGES = ("en", "pt", "de", "fr", "es", "it", "zh_CN")

BIB = """\
@article{new2024, title = {A Paper of This Year}, author = {Doe, Jane}, journal = {J},
  year = {2024}}
@inproceedings{old2023, title = {A Paper of Last Year}, author = {Doe, Jane},
  booktitle = {Conference}, year = {2023}}
"""

#: The days whose medium dates are the longest in the languages above ("30 de set. de
#: 2024", "30 sept. 2024", "28 févr. 2024", "31 de dez. de 2024"), and a label.
PROFILE = """\
basics:
  name: Jane Doe
news:
  - date: 2024-09-30
    title: A title long enough to need a second line beside the date on a narrow page
    text: And a text under it.
  - date: 2024-02-28
    text: A paper accepted.
  - date: 2024-12-31
    text: A talk given.
  - date: 2024-05-02
    text: A prize won.
  - date: Spring semester of the academic year 2023
    text: A course taught.
"""

INDEX = """\
Home
====

.. news::

Papers
------

.. publications::
   :group-by: year
"""


def build_site(folder: Path, theme: str, language: str) -> Path:
    """The small site with ``html_theme = theme``, built with -W in ``language``."""
    src = folder / "src"
    src.mkdir(parents=True)
    (src / "papers.bib").write_text(BIB, encoding="utf-8")
    (src / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    (src / "index.rst").write_text(INDEX, encoding="utf-8")
    (src / "conf.py").write_text(
        f'project = "Columns"\nextensions = ["sphinx_academic"]\nhtml_theme = "{theme}"\n'
        'academic_bibfiles = ["papers.bib"]\nacademic_profile = "profile.yaml"\n'
        'academic_feed = ""\n',
        encoding="utf-8",
    )
    out = folder / "html"
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-D", f"language={language}"]
    subprocess.run([*command, "-b", "html", str(src), str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> Any:
    """(theme, language) -> base URL of the small site, built on first use."""
    built: dict[tuple[str, str], str] = {}

    def site_for(theme: str, language: str) -> str:
        if (theme, language) not in built:
            pytest.importorskip(theme)
            folder = tmp_path_factory.mktemp(f"columns-{theme}-{language}")
            built[theme, language] = str(serve(build_site(folder, theme, language)))
        return built[theme, language]

    return site_for


#: Per news item: the lines its date's ``<time>`` takes, and the date's, the label's and
#: the text's boxes.
_NEWS = """() => [...document.querySelectorAll('.academic-news-item')].map(item => {
  const date = item.querySelector('.academic-news-date');
  const time = date.querySelector('time');
  const text = item.querySelector(':scope > :not(.academic-news-date)');
  const box = e => { const r = e.getBoundingClientRect();
                     return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const range = document.createRange();
  range.selectNodeContents(date);
  return {date: date.textContent, lines: time ? time.getClientRects().length : null,
          content: box(range), text: box(text)};
})"""


def _news(browser: Any, base: str, viewport: str) -> list[dict[str, Any]]:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(base + "index.html")
    page.wait_for_load_state("networkidle")
    items: list[dict[str, Any]] = page.evaluate(_NEWS)
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
    context.close()
    return items


@pytest.mark.parametrize("theme", ["furo", "alabaster"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_news_dates_fit_their_column_on_one_line(
    browser: Any, sites: Any, theme: str, language: str
) -> None:
    items = _news(browser, sites(theme, language), "desktop")
    assert len(items) == 5
    for item in items:
        if item["lines"] is not None:
            assert item["lines"] == 1, (language, item["date"])
        # The date (or the label, wrapped) ends before the text begins.
        assert item["content"]["right"] <= item["text"]["left"], (language, item)
    label = items[-1]
    assert label["lines"] is None and label["date"].startswith("Spring semester")
    assert label["content"]["bottom"] - label["content"]["top"] > 30  # wrapped in its column
    assert len({round(item["text"]["left"]) for item in items}) == 1  # one column for all


@pytest.mark.parametrize("language", ["en", "pt"])
def test_news_dates_stack_above_the_text_on_phones(browser: Any, sites: Any, language: str) -> None:
    for item in _news(browser, sites("furo", language), "phone"):
        assert item["content"]["bottom"] <= item["text"]["top"], (language, item)
        assert item["content"]["left"] == item["text"]["left"], (language, item)
        if item["lines"] is not None:
            assert item["lines"] == 1, (language, item["date"])


#: The left and right edges of each group heading and of each card, in list order.
_EDGES = """() => [...document.querySelectorAll(
    '.academic-publications .academic-group-heading, .academic-publications .academic-pub')]
  .map(e => { const r = e.getBoundingClientRect();
              return [e.classList.contains('academic-group-heading') ? 'heading' : 'card',
                      r.left, r.right]; })"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("theme", ["furo", "alabaster"])
def test_group_headings_line_up_with_the_cards(
    browser: Any, sites: Any, theme: str, viewport: str
) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(sites(theme, "en") + "index.html")
    edges = page.evaluate(_EDGES)
    context.close()
    kinds = [kind for kind, _, _ in edges]
    assert kinds.count("heading") == 2 and kinds.count("card") == 2, kinds
    assert {(left, right) for _, left, right in edges} == {(edges[1][1], edges[1][2])}, edges
