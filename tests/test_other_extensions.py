"""The extension beside others users run: sphinx-copybutton, sphinx-design (MyST and
intersphinx have tests of their own)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOTS, academic_warnings, build_app, parse_html


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
