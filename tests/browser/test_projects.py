"""The demo's projects page (``.. timeline:: projects`` with ``:style: cards``) on furo:
a grid of cards on a desktop, one column on a phone, readable in dark mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_browser import (
    CHROMIUM,
    COLOR_FUNCTIONS,
    VIEWPORTS,
    browser,
    contrast,
    screenshots,
    serve,
    server,
    site,
)

__all__ = ["browser", "screenshots", "serve", "server", "site"]  # shared fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no {CHROMIUM} (apt-get install chromium)"
    ),
]

PAGE = "demo/projects.html"

#: Each card's box, its picture's box (or that of the empty place of one) and its
#: title's top, in CSS pixels.
_BOXES = """() => [...document.querySelector('.academic-cards').children].map((card) => {
  const box = (e) => e.getBoundingClientRect();
  const picture = card.querySelector('.academic-card-image');
  const placeholder = getComputedStyle(card, '::before');
  return {
    left: Math.round(box(card).left),
    top: Math.round(box(card).top),
    picture: picture ? Math.round(box(picture).height) : null,
    placeholder: placeholder.content === 'none' ? null : placeholder.aspectRatio,
    title: Math.round(box(card.querySelector('.academic-card-title')).top),
  };
})"""

#: The text colour of each part of the cards and the colour of the page behind it.
_TEXT_AND_BACKGROUND = (
    "(selector) => {"
    + COLOR_FUNCTIONS
    + """
  return [...document.querySelectorAll(selector)].map((e) => ({
    what: e.className,
    color: pixel(getComputedStyle(e).color),
    page: behind(e),
  }));
}"""
)


def _open(browser: Any, server: str, scheme: str, viewport: str) -> Any:
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    page.goto(server + PAGE)
    page.wait_for_load_state("networkidle")
    return page


def test_desktop_grid_has_columns_with_aligned_cards(
    browser: Any, server: str, screenshots: Path
) -> None:
    page = _open(browser, server, "light", "desktop")
    page.screenshot(path=str(screenshots / "projects-light.png"), full_page=True)
    cards = page.evaluate(_BOXES)
    first_row = [card for card in cards if card["top"] == cards[0]["top"]]
    assert len(first_row) >= 2, cards
    assert len({card["left"] for card in first_row}) == len(first_row)
    # Pictures of one height; the card without one keeps a place as high, so the
    # titles of the row start on one line.
    pictures = {card["picture"] for card in cards if card["picture"] is not None}
    assert len(pictures) == 1 and pictures.pop() > 50, cards
    assert any(card["placeholder"] for card in cards if card["picture"] is None), cards
    assert len({card["title"] for card in first_row}) == 1, cards
    page.context.close()


def test_phone_shows_one_column_without_overflow(
    browser: Any, server: str, screenshots: Path
) -> None:
    page = _open(browser, server, "light", "phone")
    page.screenshot(path=str(screenshots / "projects-phone.png"), full_page=True)
    cards = page.evaluate(_BOXES)
    assert len({card["left"] for card in cards}) == 1, cards
    assert len({card["top"] for card in cards}) == len(cards)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.context.close()


def test_dark_mode_text_is_readable(browser: Any, server: str, screenshots: Path) -> None:
    page = _open(browser, server, "dark", "desktop")
    page.screenshot(path=str(screenshots / "projects-dark.png"), full_page=True)
    parts = (
        ".academic-card-title a, .academic-card-date, .academic-card-place, "
        ".academic-card-description, .academic-card-tag"
    )
    measured = page.evaluate(_TEXT_AND_BACKGROUND, parts)
    assert len(measured) >= 10
    background = measured[0]["page"][:3]
    assert sum(background) < 3 * 80, background  # furo's dark page, not a light one
    weak = [
        (item["what"], round(contrast(item["color"][:3], item["page"][:3]), 2))
        for item in measured
        if contrast(item["color"][:3], item["page"][:3]) < 4.5
    ]
    assert weak == [], weak
    page.context.close()


def test_timeline_titles_are_bold_and_descriptions_are_not(browser: Any, server: str) -> None:
    """The same projects as a timeline: the name is bold, the description after it is in
    the text's weight (a sentence in bold reads as shouting)."""
    page = _open(browser, server, "light", "desktop")
    weights = page.evaluate(
        """() => [...document.querySelectorAll('.academic-timeline-heading')].map((h) => ({
          title: getComputedStyle(h.querySelector('.academic-timeline-title')).fontWeight,
          rest: getComputedStyle(h).fontWeight,
          subtitle: h.querySelector('.academic-timeline-subtitle')
            ? getComputedStyle(h.querySelector('.academic-timeline-subtitle')).fontWeight
            : null,
        }))"""
    )
    assert len(weights) == 3, weights
    assert all(int(item["title"]) >= 600 for item in weights), weights
    assert all(int(item["rest"]) == 400 for item in weights), weights
    assert [int(item["subtitle"]) for item in weights if item["subtitle"]] == [400] * 3, weights
    page.context.close()


def test_printed_cards_are_whole_and_without_empty_pictures(browser: Any, server: str) -> None:
    """On paper a card is not clipped where a page ends (it moves to the next page whole),
    and a card without a picture leaves no empty place for one."""
    page = _open(browser, server, "light", "desktop")
    page.emulate_media(media="print")
    cards = page.evaluate(
        """() => [...document.querySelectorAll('.academic-card')].map((card) => ({
          overflow: getComputedStyle(card).overflow,
          breakInside: getComputedStyle(card).breakInside,
          placeholder: getComputedStyle(card, '::before').content,
        }))"""
    )
    assert len(cards) == 3, cards
    assert all(card["overflow"] == "visible" for card in cards), cards
    assert all(card["breakInside"] == "avoid" for card in cards), cards
    assert all(card["placeholder"] in ("none", "normal") for card in cards), cards
    page.context.close()
