"""Real-world files: a site built from each one renders every entry exactly once."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import CORPUS, academic_warnings, parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "bib"
BIB_FILES = [FIXTURES / "alfolio_shapes.bib"]
if CORPUS.is_dir():
    BIB_FILES += sorted((CORPUS / "bib").glob("*.bib"))


def _keys(text: str) -> list[str]:
    pattern = r"^\s*@(?!string\b|comment\b|preamble\b)\w+\s*[{(]\s*([^,\s]+)\s*,"
    return re.findall(pattern, text, re.M | re.I)


@pytest.mark.parametrize("bib", BIB_FILES, ids=lambda p: p.name)
def test_site_from_bib_file(bib: Path, tmp_path: Path) -> None:
    shutil.copy(bib, tmp_path / "papers.bib")
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nacademic_bibfiles = ["papers.bib"]\n'
        "show_warning_types = True\n"
    )
    (tmp_path / "index.rst").write_text(
        "Papers\n======\n\n.. publications::\n   :group-by: year\n\n"
        "CV\n--\n\n.. publications::\n   :style: numbered\n   :group-by: type\n"
    )
    app = SphinxTestApp("html", srcdir=tmp_path, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    page = parse_html(app.outdir / "index.html")
    keys = _keys(bib.read_text(encoding="utf-8"))
    cards = page.select(".academic-pub-card")
    lines = page.select(".academic-style-numbered .academic-pub-line")
    for rendered in (cards, lines):
        rendered_keys = [re.sub(r"-2$", "", node["id"].removeprefix("pub-")) for node in rendered]
        assert sorted(rendered_keys) == sorted(keys)
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    for warning in academic_warnings(warnings):
        # Only missing thumbnail/pdf files (not shipped with the corpus), at their entry.
        assert re.search(r"papers\.bib:\d+: WARNING: .* \[academic\.asset\]$", warning), warning
