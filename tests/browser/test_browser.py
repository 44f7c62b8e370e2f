"""What only a browser can tell: layout on desktop and phone, light and dark, toggles,
the clipboard, accessibility (axe-core) and print.

Debian's chromium driven by Playwright (never a downloaded browser). Run with
``tox -e browser`` (``.ci/run`` installs chromium with apt-get when missing and axe-core with
npm). The example site (docs/) is built once, on furo, and served on 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from sphinx_academic.quickstart import Answers

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "browser-screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site (docs/), built with -W like the README's first command."""
    out = tmp_path_factory.mktemp("site") / "html"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "-q",
        "-b",
        "html",
        str(ROOT / "docs"),
        str(out),
    ]
    subprocess.run(command, check=True)
    shutil.rmtree(ROOT / "docs" / "_build", ignore_errors=True)
    return out


@pytest.fixture(scope="session")
def serve() -> Iterator[Any]:
    """Serves a folder on 127.0.0.1; returns its base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}/"

    yield start
    for httpd in servers:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site: Path, serve: Any) -> str:
    return str(serve(site))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def axe() -> Path:
    if not AXE.exists():
        pytest.skip("axe-core not installed (npm install in tests/browser)")
    return AXE


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Screenshots and the print PDF, for people to look at (git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


#: The one Playwright driver and browser of the test process: Playwright's sync API
#: allows one at a time, and the browser test modules all use it.
_CHROMIUM: list[Any] = []


def shared_chromium(request: pytest.FixtureRequest) -> Any:
    """Debian's chromium, started once per test session and closed at its end."""
    if not _CHROMIUM:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        _CHROMIUM.extend(
            [playwright, playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)]
        )
        request.session.addfinalizer(_stop_chromium)  # type: ignore[attr-defined]
    return _CHROMIUM[1]


def _stop_chromium() -> None:
    playwright, chromium = _CHROMIUM
    chromium.close()
    playwright.stop()
    _CHROMIUM.clear()


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Any:
    return shared_chromium(request)


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no {CHROMIUM} (apt-get install chromium)"
    ),
]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}
SCHEMES = ("light", "dark")
ITEMS = ".academic-pub, .academic-timeline-entry, .academic-news-item, .academic-profile"
OUR_BLOCKS = (
    ".academic-publications, .academic-cv, .academic-profile, .academic-news, "
    ".academic-timeline, .academic-exports, .academic-sidebar-profile"
)


def academic_pages(site: Path) -> dict[str, str]:
    """Page path -> what it shows, for every page with academic content."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "academic-" not in html or "_modules" in path.parts or "genindex" in path.name:
            continue
        soup = BeautifulSoup(html, "html.parser")
        if soup.select_one(ITEMS):
            found[path.relative_to(site).as_posix()] = soup.title.get_text() if soup.title else ""
    return found


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, str]:
    found = academic_pages(site)
    assert len(found) >= 3, found
    return found


def _page(browser: Any, scheme: str, viewport: str = "desktop", **kwargs: Any) -> Any:
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport], **kwargs)
    return context.new_page()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_pages_render_without_errors_or_overflow(
    browser: Any,
    server: str,
    pages: dict[str, str],
    scheme: str,
    viewport: str,
    screenshots: Path,
) -> None:
    for path in pages:
        page = _page(browser, scheme, viewport)
        errors = _collect_errors(page)
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert errors == [], (path, errors)
        _assert_layout(page, path, viewport)
        name = path.replace("/", "_").removesuffix(".html")
        page.screenshot(path=str(screenshots / f"{name}-{viewport}-{scheme}.png"), full_page=True)
        page.context.close()


THEMES = ("furo", "alabaster", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme")
#: Themes whose own link colours fail WCAG AA contrast (sphinx_rtd_theme: #2980b9 on
#: #fcfcfc is 4.19:1); our blocks use the theme's links, so contrast is theirs to fix.
THEME_CONTRAST_EXEMPT = frozenset({"sphinx_rtd_theme"})


def quickstart_site(folder: Path, *options: str) -> Path:
    """``sphinx-academic quickstart --no-input`` then ``sphinx-build -W``, as a user would."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_academic.cli",
            "quickstart",
            str(folder),
            "--no-input",
            *options,
        ],
        check=True,
        capture_output=True,
    )
    out = folder / "_build" / "html"
    subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", str(folder), str(out)], check=True)
    return out


@pytest.mark.parametrize(
    ("theme", "markdown"),
    [(theme, False) for theme in THEMES] + [("furo", True)],
    ids=[*THEMES, "furo-markdown"],
)
def test_quickstart_site_in_every_theme(
    browser: Any,
    serve: Any,
    tmp_path: Path,
    theme: str,
    markdown: bool,
    screenshots: Path,
    axe: Path,
) -> None:
    pytest.importorskip(theme)
    options = ["--theme", theme] + (["--markdown"] if markdown else [])
    site = quickstart_site(tmp_path / "site", *options)
    base = serve(site)
    for scheme in SCHEMES:
        for viewport in VIEWPORTS:
            for path in academic_pages(site):
                page = _page(browser, scheme, viewport)
                errors = _collect_errors(page, ignore_theme_scripts=True)
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                assert errors == [], (theme, path, errors)
                _assert_layout(page, path, viewport)
                if viewport == "desktop":
                    skip = ["color-contrast"] if theme in THEME_CONTRAST_EXEMPT else []
                    _assert_accessible(page, path, scheme, axe, skip)
                name = f"quickstart-{theme}{'-md' if markdown else ''}-{path[:-5]}"
                page.screenshot(path=str(screenshots / f"{name}-{viewport}-{scheme}.png"))
                page.context.close()


def _assert_layout(page: Any, path: str, viewport: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], (path, "horizontal overflow", width)
    hidden = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
             .filter(e => { const r = e.getBoundingClientRect();
               return r.width === 0 || r.height === 0 || r.right > window.innerWidth + 1; })
             .map(e => e.className)""",
        ITEMS,
    )
    assert hidden == [], (path, hidden)


def _assert_accessible(
    page: Any, path: str, scheme: str, axe: Path, skip: list[str] | None = None
) -> None:
    page.add_script_tag(path=str(axe))
    # What the extension renders; the theme's and Sphinx's own markup are theirs.
    result = page.evaluate(
        """async ([selector, skip]) => await axe.run(
             {include: [...document.querySelectorAll(selector)]},
             {resultTypes: ['violations'],
              rules: Object.fromEntries(skip.map(id => [id, {enabled: false}]))})""",
        [OUR_BLOCKS, skip or []],
    )
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], (path, scheme, serious)


def _collect_errors(page: Any, ignore_theme_scripts: bool = False) -> list[str]:
    """Console errors, uncaught exceptions and failed requests of the site itself.

    Left out: the browser's own favicon request (Sphinx sites need not have one),
    third-party URLs such as MathJax's CDN, which this machine cannot reach, and with
    ``ignore_theme_scripts`` what a theme's own scripts log (pydata's "invalid theme mode"
    on a first visit).
    """
    errors: list[str] = []

    def foreign(text: str) -> bool:
        urls = re.findall(r"https?://\S+", text)
        return any("127.0.0.1" not in url or url.endswith("/favicon.ico") for url in urls)

    def on_console(message: Any) -> None:
        source = message.location.get("url", "")
        text = f"{message.text} {source}"
        theirs = ignore_theme_scripts and "/_static/scripts/" in source
        if message.type == "error" and not foreign(text) and not theirs:
            errors.append(text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda r: r.status >= 400 and not foreign(r.url) and errors.append(f"{r.status} {r.url}"),
    )
    return errors


def _first_page_with(pages: dict[str, str], site: Path, selector: str) -> str:
    for path in pages:
        if BeautifulSoup((site / path).read_text(), "html.parser").select_one(selector):
            return path
    pytest.fail(f"no page has {selector}")


def test_copy_button_puts_the_cleaned_entry_on_the_clipboard(
    browser: Any, server: str, site: Path, pages: dict
) -> None:
    path = _first_page_with(pages, site, "details.academic-pub-bibtex")
    page = _page(browser, "light", permissions=["clipboard-read", "clipboard-write"])
    page.goto(server + path)
    card = page.locator(".academic-pub-card:has(details.academic-pub-bibtex)").first
    card.locator("button[data-academic-panel='academic-pub-bibtex']").click()
    block = card.locator("details.academic-pub-bibtex")
    expected = block.locator("pre").inner_text().strip()
    block.locator("button.academic-copy").click()
    page.wait_for_function("() => document.querySelector('.academic-copied') !== null")
    copied = page.evaluate("navigator.clipboard.readText()").strip()
    assert copied == expected and copied.startswith("@")
    for field in ("abstract", "preview", "selected", "abbr"):
        assert f"  {field} =" not in copied
    page.context.close()


def test_shortened_author_list_expands(browser: Any, server: str, site: Path, pages: dict) -> None:
    path = _first_page_with(pages, site, "button.academic-pub-authors-toggle")
    page = _page(browser, "light")
    page.goto(server + path)
    toggle = page.locator("button.academic-pub-authors-toggle").first
    authors = toggle.locator("xpath=..")
    hidden = authors.locator(".academic-pub-author-hidden").first
    assert not hidden.is_visible()
    toggle.click()
    assert hidden.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    toggle.click()
    assert not hidden.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    page.context.close()


def _key_pages(pages: dict[str, str], site: Path) -> list[str]:
    """The home page, a publications page and the CV page."""
    chosen = ["index.html"] if "index.html" in pages else []
    for selector in (".academic-pub-card", ".academic-cv"):
        path = _first_page_with(pages, site, selector)
        if path not in chosen:
            chosen.append(path)
    return chosen


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_accessibility_violations(
    browser: Any, server: str, site: Path, pages: dict, scheme: str, axe: Path
) -> None:
    for path in _key_pages(pages, site):
        page = _page(browser, scheme)
        page.goto(server + path)
        _assert_accessible(page, path, scheme, axe)
        page.context.close()


def test_print_of_the_cv_has_no_navigation_and_no_buttons(
    browser: Any, server: str, site: Path, pages: dict, screenshots: Path
) -> None:
    path = _first_page_with(pages, site, ".academic-cv")
    page = _page(browser, "light")
    page.goto(server + path)
    page.emulate_media(media="print")
    visible = page.evaluate(
        """() => [...document.querySelectorAll(
                 'nav, .sidebar-drawer, button, .academic-pub-links, .skip-to-content')]
             .filter(e => { const s = getComputedStyle(e);
               const r = e.getBoundingClientRect();
               return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0; })
             .map(e => e.tagName + '.' + e.className)"""
    )
    assert visible == []
    page.pdf(path=str(screenshots / "cv-print.pdf"))
    page.context.close()


# -- cards: contrast, alignment, toggles ---------------------------------------------------

#: Lines the extension draws that must stand out against the page (WCAG 1.4.11: 3:1).
OUTLINED = ".academic-pub-card, .academic-pub-links a, .academic-pub-links button:not([hidden])"

#: JavaScript for colour measures: ``pixel(color)`` is a CSS colour as RGBA bytes (the
#: browser itself turns any CSS colour, color-mix or oklch, into pixels); ``behind(start)``
#: is the colour of the page at ``start``, its and its ancestors' backgrounds blended.
COLOR_FUNCTIONS = """
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const pen = canvas.getContext('2d', {willReadFrequently: true});
  const pixel = (color) => {
    pen.clearRect(0, 0, 1, 1);
    pen.fillStyle = color;
    pen.fillRect(0, 0, 1, 1);
    return [...pen.getImageData(0, 0, 1, 1).data];
  };
  const behind = (start) => {
    const layers = [];
    for (let e = start; e; e = e.parentElement) {
      const layer = pixel(getComputedStyle(e).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] === 255) break;
    }
    let color = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) {
      const k = a / 255;
      color = [r * k + color[0] * (1 - k), g * k + color[1] * (1 - k), b * k + color[2] * (1 - k)];
    }
    return color;
  };
"""

#: Each outlined element's border colour and the colour of the page behind it.
_BORDERS_AND_BACKGROUNDS = (
    "(selector) => {"
    + COLOR_FUNCTIONS
    + """
  return [...document.querySelectorAll(selector)].map((e) => ({
    what: e.tagName + '.' + e.className,
    border: pixel(getComputedStyle(e).borderTopColor),
    page: behind(e.parentElement),
  }));
}"""
)


def _luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: list[float], second: list[float]) -> float:
    """WCAG contrast ratio of two opaque colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _over(color: list[float], page: list[float]) -> list[float]:
    alpha = color[3] / 255
    return [c * alpha + p * (1 - alpha) for c, p in zip(color[:3], page, strict=True)]


def test_contrast_helper_matches_wcag() -> None:
    assert round(contrast([0, 0, 0], [255, 255, 255]), 1) == 21.0
    assert round(contrast([118, 118, 118], [255, 255, 255]), 2) == 4.54


@pytest.fixture(scope="session")
def quickstart_sites(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> Any:
    """theme -> base URL of a quickstart site in that theme, built on first use."""
    built: dict[str, str] = {}

    def site_for(theme: str) -> str:
        if theme not in built:
            pytest.importorskip(theme)
            folder = tmp_path_factory.mktemp(f"quickstart-{theme}") / "site"
            built[theme] = str(serve(quickstart_site(folder, "--theme", theme)))
        return built[theme]

    return site_for


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("theme", THEMES)
def test_card_and_button_outlines_stand_out(
    browser: Any, quickstart_sites: Any, theme: str, scheme: str
) -> None:
    base = quickstart_sites(theme)
    page = _page(browser, scheme)
    page.goto(base + "publications.html")
    page.wait_for_load_state("networkidle")
    measured = page.evaluate(_BORDERS_AND_BACKGROUNDS, OUTLINED)
    kinds = {item["what"].split(".")[0] for item in measured}
    assert {"DIV", "A", "BUTTON"} <= kinds, measured
    weak = [
        (item["what"], round(contrast(_over(item["border"], item["page"]), item["page"]), 2))
        for item in measured
        if contrast(_over(item["border"], item["page"]), item["page"]) < 3
    ]
    assert weak == [], (theme, scheme, weak)
    page.context.close()


def test_every_card_title_starts_at_the_same_x(
    browser: Any, server: str, site: Path, pages: dict
) -> None:
    path = _first_page_with(pages, site, ".academic-pub-card.academic-pub-no-preview")
    soup = BeautifulSoup((site / path).read_text(), "html.parser")
    cards = soup.select(".academic-pub-card")
    assert any("academic-pub-no-preview" not in card["class"] for card in cards)
    for viewport in ("desktop",):
        page = _page(browser, "light", viewport)
        page.goto(server + path)
        lefts = page.evaluate(
            """() => [...document.querySelectorAll('.academic-pub-card .academic-pub-title')]
                 .map(e => Math.round(e.getBoundingClientRect().left))"""
        )
        assert len(lefts) == len(cards) and len(set(lefts)) == 1, lefts
        page.context.close()


def _card_with_both_panels(page: Any) -> Any:
    return page.locator(".academic-pub-card:has(details.academic-pub-abstract)").first


def test_abstract_and_bibtex_toggle_by_mouse(
    browser: Any, server: str, site: Path, pages: dict
) -> None:
    path = _first_page_with(pages, site, "details.academic-pub-abstract")
    page = _page(browser, "light")
    page.goto(server + path)
    card = _card_with_both_panels(page)
    abstract = card.locator("button[data-academic-panel='academic-pub-abstract']")
    bibtex = card.locator("button[data-academic-panel='academic-pub-bibtex']")
    text = card.locator("details.academic-pub-abstract p").first
    assert abstract.is_visible() and abstract.get_attribute("aria-expanded") == "false"
    assert not card.locator("details.academic-pub-abstract summary").is_visible()
    assert not text.is_visible()
    abstract.click()
    assert text.is_visible() and abstract.get_attribute("aria-expanded") == "true"
    # The panel opens under the buttons, inside the card.
    row = card.locator(".academic-pub-links").bounding_box()
    panel = card.locator("details.academic-pub-abstract").bounding_box()
    assert panel["y"] >= row["y"] + row["height"] - 1
    bibtex.click()
    assert card.locator("details.academic-pub-bibtex pre").is_visible()
    assert not text.is_visible() and abstract.get_attribute("aria-expanded") == "false"
    bibtex.click()
    assert bibtex.get_attribute("aria-expanded") == "false"
    assert not card.locator("details.academic-pub-bibtex pre").is_visible()
    page.context.close()


def test_abstract_toggles_by_keyboard(browser: Any, server: str, site: Path, pages: dict) -> None:
    path = _first_page_with(pages, site, "details.academic-pub-abstract")
    page = _page(browser, "light")
    page.goto(server + path)
    card = _card_with_both_panels(page)
    abstract = card.locator("button[data-academic-panel='academic-pub-abstract']")
    text = card.locator("details.academic-pub-abstract p").first
    controls = abstract.get_attribute("aria-controls")
    assert controls and page.locator(f"#{controls}").count() == 1
    abstract.focus()
    page.keyboard.press("Enter")
    assert text.is_visible() and abstract.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Space")
    assert not text.is_visible() and abstract.get_attribute("aria-expanded") == "false"
    page.context.close()


def test_panels_are_reachable_without_javascript(
    browser: Any, server: str, site: Path, pages: dict
) -> None:
    path = _first_page_with(pages, site, "details.academic-pub-abstract")
    page = _page(browser, "light", java_script_enabled=False)
    page.goto(server + path)
    card = _card_with_both_panels(page)
    assert not card.locator("button[data-academic-panel]").first.is_visible()
    summary = card.locator("details.academic-pub-abstract summary")
    assert summary.is_visible()
    summary.click()
    assert card.locator("details.academic-pub-abstract p").first.is_visible()
    page.context.close()


# -- the CV on paper -----------------------------------------------------------------------

#: An A4 page's width less the print stylesheet's margins, in CSS pixels (14 mm each side).
A4_CONTENT_WIDTH = 688

#: Pairs of laid-out blocks of the page whose boxes overlap (neither inside the other).
_OVERLAPS = """() => {
  const blocks = [...document.querySelectorAll(
      'h1, .academic-cv p, .academic-cv h2, .academic-cv img, .skip-to-content')]
    .filter(e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
                   return s.display !== 'none' && s.visibility !== 'hidden' && r.height > 0; });
  const found = [];
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i], b = blocks[j];
      if (a.contains(b) || b.contains(a)) continue;
      const r = a.getBoundingClientRect(), q = b.getBoundingClientRect();
      const x = Math.min(r.right, q.right) - Math.max(r.left, q.left);
      const y = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
      if (x > 1 && y > 1) found.push([a.className || a.tagName, b.className || b.tagName]);
    }
  }
  return found;
}"""


def test_printed_cv_fits_two_a4_pages_without_overlaps(
    browser: Any, server: str, site: Path, pages: dict, screenshots: Path
) -> None:
    pypdf = pytest.importorskip("pypdf")
    path = _first_page_with(pages, site, ".academic-cv")
    context = browser.new_context(viewport={"width": A4_CONTENT_WIDTH, "height": 1000})
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    assert page.evaluate(_OVERLAPS) == []
    links = page.evaluate(
        """() => [...document.querySelectorAll('.academic-cv a.academic-profile-link')]
             .map(a => getComputedStyle(a, '::after').content)"""
    )
    assert links and all(link.startswith('"https://') for link in links), links
    pdf = screenshots / "cv-a4.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    assert len(pypdf.PdfReader(str(pdf)).pages) <= 2
    context.close()


# -- homepage look: sidebar profile, quickstart home, phones ---------------------------------

PHONE = {"width": 390, "height": 844}

#: Links and buttons the extension draws that are not words inside a sentence: each must
#: be at least 24 by 24 CSS pixels on a phone (WCAG 2.5.8).
TAP_TARGETS = (
    ".academic-pub-links a, .academic-pub-links button:not([hidden]), "
    ".academic-profile-links a, .academic-profile-contact a, .academic-sidebar-link, "
    "button.academic-copy, .academic-pub-back a"
)


def demo_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in (site / "demo").glob("*.html"))


def test_no_horizontal_scroll_and_large_tap_targets_at_390px_on_every_demo_page(
    browser: Any, server: str, site: Path
) -> None:
    paths = demo_pages(site)
    assert len(paths) >= 8, paths
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in paths:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
        small = page.evaluate(
            """(selector) => [...document.querySelectorAll(selector)]
                 .map(e => [e, e.getBoundingClientRect()])
                 .filter(([e, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
                 .map(([e, r]) => [e.className || e.tagName, Math.round(r.width),
                                   Math.round(r.height)])""",
            TAP_TARGETS,
        )
        assert small == [], (path, small)
    context.close()


def _sidebar_links(page: Any) -> list[dict[str, Any]]:
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('.academic-sidebar-profile a')].map(a => {
                 const r = a.getBoundingClientRect();
                 return {name: a.getAttribute('aria-label') || a.textContent.trim(),
                         href: a.getAttribute('href'), width: r.width, height: r.height,
                         svgHidden: a.querySelector('svg')?.getAttribute('aria-hidden')};
               })"""
        )
    )


def _assert_sidebar_profile(page: Any, where: str) -> None:
    block = page.locator(".academic-sidebar-profile")
    assert block.count() == 1 and block.is_visible(), where
    assert block.locator(".academic-sidebar-name").inner_text().strip(), where
    links = _sidebar_links(page)
    assert links, where
    for link in links:
        assert link["name"] and link["svgHidden"] == "true", (where, link)
        assert link["href"].startswith(("https://", "http://", "mailto:")), (where, link)
        assert link["width"] >= 24 and link["height"] >= 24, (where, link)


def test_sidebar_profile_on_every_demo_page(browser: Any, server: str, site: Path) -> None:
    page = _page(browser, "light")
    for path in demo_pages(site):
        page.goto(server + path)
        _assert_sidebar_profile(page, path)
    page.context.close()


@pytest.mark.parametrize("theme", ["furo", "pydata_sphinx_theme", "sphinx_book_theme"])
def test_sidebar_profile_on_every_quickstart_page(
    browser: Any, quickstart_sites: Any, theme: str
) -> None:
    base = quickstart_sites(theme)
    page = _page(browser, "light")
    for path in ("index.html", "publications.html", "cv.html", "news.html", "genindex.html"):
        page.goto(base + path)
        _assert_sidebar_profile(page, f"{theme} {path}")
    page.context.close()


@pytest.mark.parametrize("theme", THEMES)
def test_quickstart_home_shows_the_name_once_and_a_copyright(
    browser: Any, quickstart_sites: Any, theme: str
) -> None:
    base = quickstart_sites(theme)
    page = _page(browser, "light")
    page.goto(base + "index.html")
    shown = page.evaluate(
        """() => {
             const main = ['article', '[role=main]', '.body'].map(
                 s => document.querySelector(s)).find(e => e);
             const copy = main.cloneNode(true);
             copy.querySelectorAll('.academic-publications').forEach(e => e.remove());
             document.body.appendChild(copy);  // innerText needs a rendered element
             const text = copy.innerText;
             copy.remove();
             return text;
           }"""
    )
    assert shown.count(Answers.name) == 1, (theme, shown[:300])
    footer = page.evaluate(
        """() => [...document.querySelectorAll('.copyright, footer, .footer')]
             .map(e => e.innerText).join(' ')"""
    )
    copyright_line = re.search(r"©\s*(Copyright)?\s*(\S.*)", footer)
    assert copyright_line and Answers.name in copyright_line.group(2), (theme, footer)
    page.context.close()
