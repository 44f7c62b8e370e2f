from __future__ import annotations

import shutil
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from docutils import frontend, languages, nodes, utils
from docutils.parsers.rst import Parser
from docutils.parsers.rst.states import Inliner
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from sphinx_academic.model.profile_records import Source

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def academic_warnings(text: str) -> list[str]:
    """Warning lines of the academic type (one per warning)."""
    text = strip_escape_sequences(text)
    return [line for line in text.splitlines() if "[academic." in line]


def build_app(srcdir: Path, buildername: str = "html", **kwargs: object) -> SphinxTestApp:
    """Build ``srcdir`` once with ``buildername`` (``kwargs`` go to ``SphinxTestApp``:
    ``confoverrides``, ``freshenv``, ...), output and warnings kept in the app."""
    app = SphinxTestApp(buildername, srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)  # type: ignore[arg-type]
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def build_root(
    root: str, workdir: Path, buildername: str = "html", **kwargs: object
) -> SphinxTestApp:
    """Copy ``roots/test-<root>`` to ``workdir`` and build it once (for module fixtures)."""
    srcdir = workdir / root
    if not srcdir.exists():
        shutil.copytree(ROOTS / f"test-{root}", srcdir)
    return build_app(srcdir, buildername, **kwargs)


def make_inline() -> Callable[[str, Source | None], list[nodes.Node]]:
    """reStructuredText inline markup parsed by docutils, as the directive does."""
    settings = frontend.get_default_settings(Parser)
    document = utils.new_document("<profile>", settings)
    inliner = Inliner()
    inliner.init_customizations(settings)
    memo = SimpleNamespace(
        document=document,
        reporter=document.reporter,
        language=languages.get_language("en"),
        title_styles=[],
        section_level=0,
        section_bubble_up_kludge=False,
        inliner=inliner,
    )

    def inline(text: str, source: Source | None) -> list[nodes.Node]:
        parsed, _messages = inliner.parse(text, 1, memo, document)
        return list(parsed)

    return inline
