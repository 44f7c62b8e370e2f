"""Other projects cite the site's papers through intersphinx, and ``:any:`` finds them."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOTS, academic_warnings, build_app, parse_html

KEY = "harutyunyan2020improving"


def _site(tmp_path: Path) -> Path:
    """The first project, built: its objects.inv lists the publications."""
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    app = build_app(srcdir, "html")
    return Path(app.outdir)


def _citing_project(tmp_path: Path, inventory: Path, text: str) -> Path:
    srcdir = tmp_path / "other"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_academic", "sphinx.ext.intersphinx"]\n'
        "intersphinx_mapping = {\n"
        f'    "site": ("https://site.example.org/", {str(inventory)!r}),\n'
        "}\n"
        "show_warning_types = True\n",
        encoding="utf-8",
    )
    (srcdir / "index.rst").write_text(f"Other\n=====\n\n{text}\n", encoding="utf-8")
    return srcdir


def test_external_pub_role_links_to_the_paper(tmp_path: Path) -> None:
    outdir = _site(tmp_path)
    srcdir = _citing_project(
        tmp_path,
        outdir / "objects.inv",
        f"See :external+site:academic:pub:`{KEY}` and :external+site:academic:pub:`it <{KEY}>`.",
    )
    app = build_app(srcdir, "html")
    assert academic_warnings(app.warning.getvalue()) == []
    links = parse_html(Path(app.outdir) / "index.html").select("a.reference.external")
    hrefs = [link["href"] for link in links]
    assert hrefs == [f"https://site.example.org/publications.html#pub-{KEY}"] * 2
    assert "Improving" in links[0].get_text()  # the paper's title from the inventory
    assert links[1].get_text() == "it"


def test_external_key_the_site_lacks_is_warned_about(tmp_path: Path) -> None:
    outdir = _site(tmp_path)
    srcdir = _citing_project(
        tmp_path, outdir / "objects.inv", ":external+site:academic:pub:`nosuchkey2000`"
    )
    app = build_app(srcdir, "html")
    assert "nosuchkey2000" in app.warning.getvalue()


def test_any_role_finds_a_paper(tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    (srcdir / "index.rst").write_text(
        (srcdir / "index.rst").read_text(encoding="utf-8") + f"\nSee :any:`{KEY}`.\n",
        encoding="utf-8",
    )
    app = build_app(srcdir, "html")
    html = parse_html(Path(app.outdir) / "index.html")
    assert any(
        link["href"].endswith(f"publications.html#pub-{KEY}")
        for link in html.select("a.reference.internal")
    )
