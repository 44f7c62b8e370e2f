"""Addresses and identifiers in printed output: a long e-mail or web address breaks
inside the PDF's margins, and citation lines end with their DOI, arXiv and PubMed
identifiers as links (LaTeX, text), while the web pages keep their buttons."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from test_latex import compile_pdf, needs_tex

from conftest import DEMO_PAGES, build_app, build_into, copy_docs, parse_html

#: 147 characters, as a department's page or a search on a library site can be.
LONG_URL = (
    "https://scholar.example.org/citations/people/faculty/adalovelace/research/projects/"
    "analyticalengine/index.html?user=abcdefg_1234&view_op=list_works"
)
EMAIL = "ada.lovelace.the.first.programmer@computing.university.somewhere.example.org"
DOI = "10.1234/a.very.long.doi.that.goes.on.and.on.and.on.and.on.and.on.and.on.and.on"

PROFILE = f"""\
basics:
  name: Ada Example
  email: {EMAIL}
  url: {LONG_URL}
  profiles:
    - url: {LONG_URL}
news:
  - date: 2024-06-01
    text: "The data is at {LONG_URL} now."
"""

BIB = f"""\
@article{{engine,
  author = {{Example, Ada}},
  title = {{The Engine}},
  journal = {{Journal of Engines}},
  year = {{2024}},
  url = {{{LONG_URL}}},
  doi = {{https://doi.org/{DOI}}},
  eprint = {{2101.00001}},
  archivePrefix = {{arXiv}},
  pmid = {{12345678}},
  code = {{https://github.com/ada/engine}},
}}

@article{{notes,
  author = {{Example, Ada}},
  title = {{Notes}},
  journal = {{Journal of Engines}},
  year = {{2023}},
  doi = {{https://example.org/not-a-doi}},
}}

@misc{{draft,
  author = {{Example, Ada}},
  title = {{Draft}},
  year = {{2025}},
  eprint = {{2302.00002}},
  archivePrefix = {{arXiv}},
}}
"""

PAGE = """\
Home
====

.. profile::

.. news::

.. publications::

.. publications::
   :style: card

.. publication:: engine

.. cv::
"""

#: The identifiers the line of ``engine`` ends with, as LaTeX links.
TEX_IDENTIFIERS = (
    "\\DUrole{academic-pub-identifiers}{"
    f"\\sphinxhref{{https://doi.org/{DOI}}}{{\\sphinxnolinkurl{{doi:{DOI}}}}} "
    "\\sphinxhref{https://arxiv.org/abs/2101.00001}{\\sphinxnolinkurl{arXiv:2101.00001}} "
    "\\sphinxhref{https://pubmed.ncbi.nlm.nih.gov/12345678/}"
    "{\\sphinxnolinkurl{PMID:12345678}}}"
)


def site(folder: Path) -> Path:
    """A site with the long addresses in its profile, its news and its bib file."""
    srcdir = folder / "site"
    srcdir.mkdir()
    (srcdir / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    (srcdir / "p.bib").write_text(BIB, encoding="utf-8")
    (srcdir / "index.rst").write_text(PAGE, encoding="utf-8")
    (srcdir / "conf.py").write_text(
        'project = "Links"\nextensions = ["sphinx_academic"]\n'
        'academic_profile = "profile.yaml"\nacademic_bibfiles = ["p.bib"]\n',
        encoding="utf-8",
    )
    return srcdir


@pytest.fixture(scope="module")
def latex_build(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_app(site(tmp_path_factory.mktemp("links")), "latex")


def test_tex_sets_addresses_shown_as_text_as_urls(latex_build: SphinxTestApp) -> None:
    """The e-mail and the home page (shown without ``https://``) are links whose text
    LaTeX sets as a URL; a profile link named by its address too."""
    tex = (latex_build.outdir / "links.tex").read_text(encoding="utf-8")
    email = f"\\sphinxhref{{mailto:{EMAIL}}}{{\\sphinxnolinkurl{{{EMAIL}}}}}"
    escaped = LONG_URL.replace("_", "\\_").replace("&", "\\&")
    home = f"\\sphinxhref{{{escaped}}}{{\\sphinxnolinkurl{{{escaped.removeprefix('https://')}}}}}"
    assert tex.count(email) == 2  # the profile card and the CV's
    assert tex.count(home) == 4  # home page and profile link, on both
    # A link whose text is the whole address is Sphinx's own \sphinxurl, as before.
    assert f"\\sphinxurl{{{escaped}}}" in tex


def test_tex_citation_lines_end_with_identifiers(latex_build: SphinxTestApp) -> None:
    """Every line of the entry (list, card, ``.. publication::``, the CV's list) ends
    with its identifiers; a ``doi`` field holding another address adds none."""
    tex = (latex_build.outdir / "links.tex").read_text(encoding="utf-8")
    lines = [line for line in tex.splitlines() if "The Engine" in line]
    assert len(lines) == 4
    assert all(line.endswith(f"2024. {TEX_IDENTIFIERS}") for line in lines), lines
    notes = [line for line in tex.splitlines() if "Notes}." in line or "Notes." in line]
    assert notes and not any("academic-pub-identifiers" in line for line in notes)


def test_tex_links_an_identifier_the_line_shows_where_it_is(
    latex_build: SphinxTestApp,
) -> None:
    """A preprint's venue is its arXiv identifier: that becomes the link, not repeated."""
    tex = (latex_build.outdir / "links.tex").read_text(encoding="utf-8")
    lines = [line for line in tex.splitlines() if "Draft" in line]
    venue = (
        "\\sphinxstyleemphasis{\\sphinxhref{https://arxiv.org/abs/2302.00002}"
        "{\\sphinxnolinkurl{arXiv:2302.00002}}}, 2025."
    )
    assert len(lines) == 3
    assert all(line.endswith(venue) and line.count("2302.00002") == 2 for line in lines)


def test_text_citation_lines_end_with_identifiers(tmp_path: Path) -> None:
    """The text builder writes the same identifiers, which carry their address."""
    app = build_app(site(tmp_path), "text")
    # The text builder wraps lines, inside an address too: compared without spaces.
    text = "".join((app.outdir / "index.txt").read_text(encoding="utf-8").split())
    line = f"*JournalofEngines*,2024.doi:{DOI}arXiv:2101.00001PMID:12345678"
    assert text.count(line) == 4
    assert text.count("*JournalofEngines*,2023.") == 3  # not in `.. publication:: engine`
    assert "not-a-doi" not in text


def test_html_keeps_buttons_and_adds_no_identifiers(tmp_path: Path) -> None:
    """The web page is as before: buttons on cards, plain citation lines."""
    app = build_app(site(tmp_path), "html")
    soup = parse_html(app.outdir / "index.html")
    assert not soup.select(".academic-pub-identifiers")
    line = soup.select_one("p.academic-pub-line")
    assert line is not None and "doi:" not in line.get_text()
    assert soup.select_one(".academic-pub-card a.academic-link-doi") is not None
    email = soup.select_one("a.academic-profile-email")
    assert email is not None and email.get_text() == EMAIL


def words_past_the_margin(pdf: Path) -> list[str]:
    """The words of ``pdf`` that reach into the right margin (Sphinx's default margins
    are one inch), read with poppler's ``pdftotext -bbox``."""
    from bs4 import BeautifulSoup

    boxes = pdf.with_suffix(".bbox.html")
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(boxes)], check=True, timeout=60)
    soup = BeautifulSoup(boxes.read_text(encoding="utf-8"), "html.parser")
    found = []
    for page in soup.find_all("page"):
        right_edge = float(page["width"]) - 72
        found += [
            word.get_text()
            for word in page.find_all("word")
            if float(word["xmax"]) > right_edge + 1
        ]
    return found


@needs_tex
def test_pdf_breaks_long_addresses_and_links_identifiers(latex_build: SphinxTestApp) -> None:
    """The PDF builds with no line running into the margin, and its identifiers and
    addresses are links to the right places."""
    done, log = compile_pdf(latex_build.outdir)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "Overfull \\hbox" not in log
    pdf = latex_build.outdir / "links.pdf"
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("reading the PDF needs poppler's pdftotext and pdfinfo (not installed)")
    assert words_past_the_margin(pdf) == []
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "arXiv:2101.00001 PMID:12345678" in text
    assert "doi:10.1234/a.very.long.doi" in text
    links = subprocess.run(
        ["pdfinfo", "-url", str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert f"https://doi.org/{DOI}" in links
    assert "https://arxiv.org/abs/2101.00001" in links
    assert f"mailto:{EMAIL}" in links
    assert LONG_URL in links


@needs_tex
def test_demo_pdf_has_no_line_past_the_margin(tmp_path: Path) -> None:
    """The documentation's demo pages (profile, CV, news, timelines, every publication
    style, publication pages) as a PDF: the extension's output keeps inside the margins."""
    srcdir = copy_docs(tmp_path)
    app = build_into(srcdir, "latex", tmp_path / "latex", confoverrides=DEMO_PAGES)
    done, log = compile_pdf(Path(app.outdir))
    assert done.returncode == 0, done.stdout[-2000:]
    assert "Overfull \\hbox" not in log
    assert "doi:10.5555/jasa.2024.155.2630" in (Path(app.outdir) / "sphinx-academic.tex").read_text(
        encoding="utf-8"
    )
