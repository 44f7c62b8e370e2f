"""``sphinx-build -b linkcheck`` sees every link the extension shows.

The network is never used: every URI is ignored by ``linkcheck_ignore``, and Sphinx still
lists ignored links in ``output.json``. What linkcheck must list is read from the HTML
build of the same sources: every external link inside the extension's blocks.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DEMO_PAGES, ROOTS, build_app, build_into, copy_docs, parse_html

#: The roots between them show cards, citation lines, publication pages, the profile,
#: news and timelines (with DOI, arXiv, code, website, slides and remote PDF links), and
#: co-authors' names.
SITES = ("basic", "profile", "pages", "coauthors")


def _shown_links(outdir: Path) -> set[str]:
    """Every http(s) link inside an ``academic-*`` block of the HTML pages."""
    links: set[str] = set()
    for page in outdir.rglob("*.html"):
        soup = parse_html(page)
        for anchor in soup.select("a[href^='http']"):
            if any(
                name.startswith("academic-")
                for parent in anchor.parents
                for name in parent.get("class") or []
            ):
                links.add(anchor["href"])
    return links


def _checked_links(outdir: Path) -> set[str]:
    lines = (outdir / "output.json").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["uri"] for line in lines if line.strip()}


@pytest.mark.parametrize("root", SITES)
def test_linkcheck_lists_every_link_shown(root: str, tmp_path: Path) -> None:
    srcdir = tmp_path / root
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    html = build_app(srcdir, "html", builddir=tmp_path / "html")
    shown = _shown_links(Path(html.outdir))
    assert shown  # the root shows links at all
    linkcheck = build_app(
        srcdir,
        "linkcheck",
        builddir=tmp_path / "linkcheck",
        confoverrides={"linkcheck_ignore": [r".*"]},
    )
    checked = _checked_links(Path(linkcheck.outdir))
    assert shown - checked == set()


def test_paper_links_reach_linkcheck(tmp_path: Path) -> None:
    """The links of a card's buttons, not only its title."""
    srcdir = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    app = build_app(srcdir, "linkcheck", confoverrides={"linkcheck_ignore": [r".*"]})
    checked = _checked_links(Path(app.outdir))
    assert any(uri.startswith("https://doi.org/") for uri in checked)
    assert any(uri.startswith("https://arxiv.org/abs/") for uri in checked)


def test_demo_site_links_all_reach_linkcheck(tmp_path: Path) -> None:
    """The documentation's demo pages: cards, publication pages, the CV, news, timelines."""
    srcdir = copy_docs(tmp_path)
    html = build_into(srcdir, "html", tmp_path / "html", confoverrides=DEMO_PAGES)
    shown = _shown_links(Path(html.outdir))
    assert len(shown) > 10
    linkcheck = build_into(
        srcdir,
        "linkcheck",
        tmp_path / "linkcheck",
        confoverrides={**DEMO_PAGES, "linkcheck_ignore": [r".*"]},
    )
    assert shown - _checked_links(Path(linkcheck.outdir)) == set()
