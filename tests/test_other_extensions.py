"""The extension beside others users run: sphinx-copybutton, sphinx-design, an extension
of one's own looking at the pages (MyST and intersphinx have tests of their own)."""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import DOCS, ROOTS, academic_warnings, bib_site, build_app, parse_html


def _basic(tmp_path: Path, extensions: list[str], page: str | None = None) -> Path:
    srcdir = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            'extensions = ["sphinx_academic"]', f"extensions = {['sphinx_academic', *extensions]!r}"
        ),
        encoding="utf-8",
    )
    if page is not None:
        (srcdir / "publications.rst").write_text(page, encoding="utf-8")
    return srcdir


def test_bibtex_blocks_get_one_copy_button_with_copybutton(tmp_path: Path) -> None:
    pytest.importorskip("sphinx_copybutton")
    app = build_app(_basic(tmp_path, ["sphinx_copybutton"]))
    html = parse_html(Path(app.outdir) / "publications.html")
    blocks = html.select(".academic-pub-bibtex div.highlight pre")
    assert blocks  # copybutton's selector (div.highlight pre) finds them ...
    assert not html.select("button.academic-copy")  # ... and ours are not added
    assert any("copybutton" in (s.get("src") or "") for s in html.select("script"))


def test_our_copy_button_without_copybutton(tmp_path: Path) -> None:
    app = build_app(_basic(tmp_path, []))
    html = parse_html(Path(app.outdir) / "publications.html")
    assert len(html.select("button.academic-copy")) == len(html.select(".academic-pub-bibtex pre"))


def test_inside_sphinx_design_tabs_and_cards(tmp_path: Path) -> None:
    pytest.importorskip("sphinx_design")
    page = """Publications
============

.. tab-set::

   .. tab-item:: Selected

      .. publications::
         :filter: year >= 2020

   .. tab-item:: All

      .. publications::
         :style: list

.. grid:: 2

   .. grid-item-card:: Featured

      .. publication:: harutyunyan2020improving
"""
    app = build_app(_basic(tmp_path, ["sphinx_design"], page))
    assert academic_warnings(app.warning.getvalue()) == []
    assert "ERROR" not in app.warning.getvalue()
    html = parse_html(Path(app.outdir) / "publications.html")
    tabs = html.select(".sd-tab-content")
    assert len(tabs) == 2
    assert tabs[0].select(".academic-pub-card") and tabs[1].select(".academic-pub-line")
    card = html.select_one(".sd-card .academic-pub-card")
    assert card is not None and "Improving" in card.get_text()


_SEES = """
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

SEEN = {}


def on_read(app, doctree):
    SEEN.setdefault("read", []).extend(
        node.tagname for node in doctree.findall(nodes.Element) if "academic_p" in node.tagname
    )


class Looks(SphinxPostTransform):
    default_priority = 5  # right after the entries are rendered

    def run(self, **kwargs):
        SEEN.setdefault("post", []).extend(
            node["refuri"] for node in self.document.findall(nodes.reference) if "refuri" in node
        )


def on_resolved(app, doctree, docname):
    SEEN.setdefault("resolved", []).extend(
        node["ids"][0]
        for node in doctree.findall(nodes.Element)
        if "academic-pub" in node.get("classes", []) and node["ids"]
    )


def setup(app):
    app.connect("doctree-read", on_read)
    app.add_post_transform(Looks)
    app.connect("doctree-resolved", on_resolved)
    return {"parallel_read_safe": True}
"""


def test_another_extension_sees_the_entries_once_they_are_rendered(tmp_path: Path) -> None:
    """While the page is read a list is its pending node; a post-transform after ours
    and a ``doctree-resolved`` handler see the entries and every link they show."""
    srcdir = _basic(tmp_path, ["looker"])
    (srcdir / "looker.py").write_text(_SEES, encoding="utf-8")
    conf = srcdir / "conf.py"
    conf.write_text(
        "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        + conf.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    app = build_app(srcdir)
    import looker  # the module the build imported from the project

    try:
        assert "academic_publications" in looker.SEEN["read"]
        assert "https://arxiv.org/abs/2002.07933" in looker.SEEN["post"]
        assert "pub-harutyunyan2020improving" in looker.SEEN["resolved"]
    finally:
        sys.modules.pop("looker", None)
    assert "ERROR" not in app.warning.getvalue()


@pytest.mark.parametrize("smartquotes", [True, False])
def test_entries_get_the_pages_smart_quotes(tmp_path: Path, smartquotes: bool) -> None:
    """Entries are rendered late, and still get the typographic quotes Sphinx gives the
    rest of the page (and none when ``smartquotes = False``)."""
    srcdir = bib_site(
        tmp_path,
        "@article{obrien2020,\n  author = {O'Brien, Zoe},\n  title = {Don't panic},\n"
        "  journal = {J},\n  year = {2020},\n}\n",
        "Home\n====\n\nZoe O'Brien's page.\n\n.. publications::\n   :style: list\n",
    )
    app = build_app(srcdir, confoverrides={"smartquotes": smartquotes})
    html = parse_html(Path(app.outdir) / "index.html")
    line = html.select_one(".academic-pub-line").get_text()
    page_text = html.select_one("p").get_text()
    apostrophe = "’" if smartquotes else "'"
    assert f"Zoe O{apostrophe}Brien" in line and f"Don{apostrophe}t panic" in line
    assert f"O{apostrophe}Brien{apostrophe}s page" in page_text


def test_same_card_twice_on_a_page_has_its_thumbnail_and_file_each_time(tmp_path: Path) -> None:
    page = """Publications
============

.. publications::
   :filter: year >= 2020

.. publication:: harutyunyan2020improving
"""
    app = build_app(_basic(tmp_path, [], page))
    assert academic_warnings(app.warning.getvalue()) == []
    html = parse_html(Path(app.outdir) / "publications.html")
    cards = html.select(".academic-pub-card")
    twice = [card for card in cards if card["id"].startswith("pub-harutyunyan2020improving")]
    assert [card["id"] for card in twice] == [
        "pub-harutyunyan2020improving",
        "pub-harutyunyan2020improving-2",
    ]
    for card in twice:
        image = card.select_one(".academic-pub-preview img")
        assert (Path(app.outdir) / image["src"]).is_file()
        pdf = next(a for a in card.select(".academic-pub-links a") if a.get_text() == "PDF")
        assert (Path(app.outdir) / pdf["href"]).is_file()


def _usage_markdown_examples() -> list[str]:
    """The Markdown blocks of the usage guide's section on MyST, as a reader copies them."""
    usage = (DOCS / "usage.rst").read_text(encoding="utf-8")
    section = usage.split("Markdown pages (MyST)\n", 1)[1].split("\n.. _", 1)[0]
    blocks = re.findall(r"\.\. code-block:: md\n\n((?:   .*\n|\n)+)", section)
    return [textwrap.dedent(block) for block in blocks]


def test_usage_markdown_examples_build_beside_sphinx_design(tmp_path: Path) -> None:
    """The guide's home page and its papers in sphinx-design tabs, in one Markdown page
    of a site with the demo's data: every directive renders, no warning."""
    pytest.importorskip("myst_parser")
    pytest.importorskip("sphinx_design")
    site = tmp_path / "site"
    (site / "demo").mkdir(parents=True)
    for name in ("papers.bib", "profile.yaml", "clara.svg", "previews", "files"):
        copy = shutil.copytree if (DOCS / "demo" / name).is_dir() else shutil.copy
        copy(DOCS / "demo" / name, site / "demo" / name)
    (site / "conf.py").write_text(
        'extensions = ["sphinx_academic", "myst_parser", "sphinx_design"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'academic_bibfiles = ["demo/papers.bib"]\n'
        'academic_profile = "demo/profile.yaml"\n'
        'academic_preview_dir = "demo/previews"\n'
        'academic_files_dir = "demo/files"\n'
        'html_baseurl = "https://clara.example.org/"\n',
        encoding="utf-8",
    )
    home, tabs = _usage_markdown_examples()
    (site / "index.md").write_text(f"{home}\n## All papers\n\n{tabs}", encoding="utf-8")
    app = build_app(site)
    assert app.warning.getvalue() == ""
    page = parse_html(Path(app.outdir) / "index.html")
    assert page.select_one(".academic-profile-name").get_text() == "Clara Müller"
    assert len(page.select(".academic-news-item")) == 3
    assert page.select_one(".academic-cv") is not None
    assert page.select_one("p > a.reference.internal[href^='#pub-mueller2024selfsup']")
    selected, every = page.select(".sd-tab-content")
    assert selected.select(".academic-pub-card") and every.select(".academic-pub-line")
    assert ":::" not in page.body.get_text()
