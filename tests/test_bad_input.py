"""Bad input: each problem is one located warning with its subtype; the rest still builds."""

from __future__ import annotations

import re

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import academic_warnings, build_root, parse_html


@pytest.fixture(scope="module")
def warnings_and_page(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[str], object, SphinxTestApp]:
    app = build_root("bad", tmp_path_factory.mktemp("bad"))
    return academic_warnings(app.warning.getvalue()), parse_html(app.outdir / "index.html"), app


def _find(warnings: list[str], pattern: str) -> str:
    found = [w for w in warnings if re.search(pattern, w)]
    assert len(found) == 1, (pattern, warnings)
    return found[0]


@pytest.mark.parametrize(
    ("pattern", "location", "subtype"),
    [
        (r"'\}' expected \(a missing comma", r"bad\.bib:10:3", "bibtex"),
        (r"undefined string: NOSUCHMACRO", r"bad\.bib:16:\d+", "bibtex"),
        (r"duplicate key 'good1' \(first defined at .*bad\.bib:1\)", r"bad\.bib:20", "duplicate"),
        (r"entry 'notitle' has no title", r"bad\.bib:25", "entry"),
        (r"script: unknown LaTeX commands \\input, \\write;", r"bad\.bib:35", "latex"),
        (r"unknown entry type @artcle", r"bad\.bib:30", "entry"),
        (
            r"duplicate key 'good2' \(first defined at .*bad\.bib:46\)",
            r"second\.bib:1",
            "duplicate",
        ),
        (
            r"BibTeX file not found \(named by academic_bibfiles in conf\.py\)",
            r"missing\.bib:1",
            "file",
        ),
        (r"field 'preview': '\.\./\.\./etc/passwd' is outside", r"bad\.bib:35", "asset"),
        (r"field 'pdf': file 'nothere\.pdf' not found", r"bad\.bib:35", "asset"),
        (r"field 'url': link ' ?JaVaScRiPt:alert\(1\)' dropped", r"bad\.bib:35", "link"),
        (r"field 'code': link 'data:text/html", r"bad\.bib:35", "link"),
        (r":pub: unknown publication key 'nosuchkey'", r"index\.rst:4", "key"),
        (r":filter: 'year >>= 2020': syntax error", r"index\.rst:6", "filter"),
        (r":filter: '__class__': name '__class__' is not allowed", r"index\.rst:9", "filter"),
        (r"calling a function is not allowed", r"index\.rst:12", "filter"),
        (r":style: 'fancy' is not one of", r"index\.rst:15", "option"),
        (r":group-by: 'colour' is not one of", r"index\.rst:15", "option"),
        (r":sort: '-year, shoesize': unknown sort key 'shoesize'", r"index\.rst:15", "option"),
        (r":limit: 'many' is not a whole number", r"index\.rst:15", "option"),
        (r"index\.rst:21: WARNING: unknown publication key 'nosuchkey'$", r"index\.rst:21", "key"),
    ],
)
def test_each_problem_is_one_located_warning(
    warnings_and_page: tuple[list[str], object, SphinxTestApp],
    pattern: str,
    location: str,
    subtype: str,
) -> None:
    exact_end = pattern.endswith("$")
    pattern = pattern.removesuffix("$") + ("" if exact_end else ".*")
    warning = _find(warnings_and_page[0], pattern + rf" \[academic\.{subtype}\]$")
    assert re.search(location + r": WARNING: ", warning), warning


def test_no_other_warnings(warnings_and_page: tuple[list[str], object, SphinxTestApp]) -> None:
    app = warnings_and_page[2]
    assert "Traceback" not in app.warning.getvalue()
    # 21 expected problems, nothing else from the extension.
    assert len(warnings_and_page[0]) == 21, "\n".join(warnings_and_page[0])


def test_every_valid_entry_still_rendered(
    warnings_and_page: tuple[list[str], object, SphinxTestApp],
) -> None:
    page = warnings_and_page[1]
    full = page.select_one("#all .academic-publications")
    keys = [card["id"] for card in full.select(".academic-pub")]
    # The listing with bad options fell back to defaults and showed every entry first,
    # so this one's anchors carry a suffix.
    assert keys == [
        f"pub-{key}-2"
        # Newest first; the broken entry lost its year, so it comes last.
        for key in ("good1", "undefined", "notitle", "typo", "script", "good2", "good3", "nocomma")
    ]
    # The broken entry keeps what was read before the error: never silently dropped.
    assert full.select_one("#pub-nocomma-2 .academic-pub-title").get_text() == "Missing comma"
    # Entry without a title shows its key.
    assert full.select_one("#pub-notitle-2 .academic-pub-title").get_text() == "notitle"


def test_hostile_text_is_escaped(
    warnings_and_page: tuple[list[str], object, SphinxTestApp],
) -> None:
    page = warnings_and_page[1]
    card = page.select_one("#pub-script")
    assert card.select("script") == [] and card.select("img") == []
    title = card.select_one(".academic-pub-title").get_text()
    # Sphinx's smart quotes may curl the quotes; the markup itself shows as text.
    assert "<script>alert(" in title and "<img src=x onerror=alert(1)>" in title
    links = [a["href"] for a in card.select("a")]
    assert not any(href.lower().lstrip().startswith(("javascript", "data")) for href in links)


def test_bad_directives_render_nothing_but_the_page_builds(
    warnings_and_page: tuple[list[str], object, SphinxTestApp],
) -> None:
    page = warnings_and_page[1]
    listings = page.select(".academic-publications")
    # The three bad filters render nothing; bad options fall back to defaults.
    assert len(listings) == 2
    assert "good3" in page.select_one("p a.reference.internal")["href"]
