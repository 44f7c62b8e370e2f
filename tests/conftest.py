from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

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
