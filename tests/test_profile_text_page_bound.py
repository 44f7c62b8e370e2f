"""Profile text is shown on every page that shows its entry: markup that needs one page
(footnotes, named targets, substitutions the page lacks) is text with a warning at the
data, and Sphinx's own warnings about its roles name the data file too."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences

from conftest import academic_warnings, build_app, parse_html, profile_site

PAGE = "Home\n====\n\n.. news::\n"


def _news_site(folder: Path, text: str, page: str = PAGE, conf: str = "") -> Path:
    profile = f"basics:\n  name: Ada\nnews:\n  - date: 2024-01-02\n    text: {text}\n"
    srcdir = profile_site(folder, "profile.yaml", profile, page)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as stream:
        stream.write("academic_feed = ''\n" + conf)
    return srcdir


def _build(srcdir: Path) -> tuple[str, BeautifulSoup]:
    app = build_app(srcdir)
    warnings = strip_escape_sequences(app.warning.getvalue())
    assert "Traceback" not in warnings
    return warnings, parse_html(app.outdir / "index.html")


def _news_text(page: BeautifulSoup) -> str:
    text = page.select_one(".academic-news-text")
    assert text is not None
    return str(text.get_text())


@pytest.mark.parametrize(
    ("markup", "shown", "why"),
    [
        ("a footnote [1]_ here", "a footnote 1 here", "the footnote reference '[1]_'"),
        ("a footnote [#]_ here", "a footnote  here", "the footnote reference '[#]_'"),
        ("see `Methods`_ here", "see Methods here", "the reference '`Methods`_'"),
        ("see `this`__ here", "see this here", "the reference '`this`__'"),
        ("see `Methods <Methods_>`_", "see Methods", "the reference '`Methods <Methods_>`_'"),
        ("an _`anchor` here", "an anchor here", "the target '_`anchor`'"),
        ("a |thing| here", "a thing here", "the substitution |thing| is not defined"),
    ],
)
def test_markup_of_one_page_is_text_with_a_warning_at_the_data(
    tmp_path: Path, markup: str, shown: str, why: str
) -> None:
    # The page has what the text names: still, the data cannot rely on it.
    page = PAGE + "\nMethods_ [1]_\n\n.. _Methods: https://example.org/methods\n\n.. [1] Note.\n"
    warnings, html = _build(_news_site(tmp_path, f'"{markup}"', page))
    assert "[docutils]" not in warnings and "index.rst" not in warnings, warnings
    found = academic_warnings(warnings)
    assert len(found) == 1, found
    assert found[0].startswith(f"{tmp_path}/site/profile.yaml:4: WARNING: profile text: {why}")
    assert found[0].endswith("[academic.markup]")
    assert _news_text(html) == shown
    news = html.select_one(".academic-news-text")
    assert news is not None and news.select("a, [id]") == []


def test_links_with_their_address_work_however_often_their_text_repeats(tmp_path: Path) -> None:
    profile = (
        "news:\n"
        "  - {date: 2024-01-02, text: 'Read `the paper <https://a.example/>`_.'}\n"
        "  - {date: 2024-01-03, text: 'Read `the paper <https://b.example/>`_.'}\n"
        "  - {date: 2024-01-04, text: 'Read `the paper <https://c.example/>`__.'}\n"
    )
    srcdir = profile_site(tmp_path, "profile.yaml", profile, PAGE + "\nThe Paper\n---------\n")
    app = build_app(srcdir, confoverrides={"academic_feed": ""})
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    html = parse_html(app.outdir / "index.html")
    links = [a["href"] for a in html.select(".academic-news-text a")]
    assert sorted(links) == ["https://a.example/", "https://b.example/", "https://c.example/"]
    ids = [tag["id"] for tag in html.select("[id]")]
    assert len(ids) == len(set(ids)), ids


def test_substitutions_of_rst_prolog_and_sphinx_are_used(tmp_path: Path) -> None:
    conf = "rst_prolog = '.. |lab| replace:: Whale Lab\\n'\nrelease = '2.1'\n"
    warnings, html = _build(_news_site(tmp_path, '"|lab| ships |release|."', conf=conf))
    assert "WARNING" not in warnings, warnings
    assert _news_text(html) == "Whale Lab ships 2.1."


def test_sphinx_warnings_about_roles_in_the_text_name_the_data_file(tmp_path: Path) -> None:
    text = '"See :ref:`no-such-label`, :doc:`/nowhere`, [Nobody2020]_ and :download:`gone.pdf`."'
    warnings, html = _build(_news_site(tmp_path, text))
    lines = [line for line in warnings.splitlines() if "WARNING" in line]
    assert len(lines) == 4, lines
    at_the_data = f"{tmp_path}/site/profile.yaml:4: WARNING:"
    assert all(line.startswith(at_the_data) for line in lines), lines
    assert _news_text(html) == "See no-such-label, /nowhere, [Nobody2020] and gone.pdf."


def test_a_citation_from_the_data_links_to_the_citation_with_unique_ids(tmp_path: Path) -> None:
    page = PAGE + "\nAs shown in [Lee2020]_.\n\n.. [Lee2020] Lee. A paper. 2020.\n"
    warnings, html = _build(_news_site(tmp_path, '"Extends [Lee2020]_."', page))
    assert "WARNING" not in warnings, warnings
    cited = html.select(".academic-news-text a")
    assert [a["href"] for a in cited] == ["#lee2020"]
    ids = [tag["id"] for tag in html.select("[id]")]
    assert len(ids) == len(set(ids)), ids


def test_the_same_news_twice_on_one_page_has_no_repeated_ids(tmp_path: Path) -> None:
    text = '"See `this <https://a.example/>`_, :index:`whales` and [X]_."'
    page = PAGE + "\n.. news::\n   :limit: 1\n\n.. [X] A citation.\n"
    warnings, html = _build(_news_site(tmp_path, text, page))
    assert "WARNING" not in warnings, warnings
    ids = [tag["id"] for tag in html.select("[id]")]
    assert len(ids) == len(set(ids)), ids
