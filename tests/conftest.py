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


def bib_site(folder: Path, bib: str, page: str = "Home\n====\n\n.. publications::\n") -> Path:
    """A one-page site in ``folder/site`` showing the bib text ``bib`` (as ``p.bib``)."""
    srcdir = folder / "site"
    srcdir.mkdir()
    (srcdir / "p.bib").write_text(bib, encoding="utf-8")
    (srcdir / "index.rst").write_text(page, encoding="utf-8")
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nacademic_bibfiles = ["p.bib"]\n'
        "show_warning_types = True\n",
        encoding="utf-8",
    )
    return srcdir


def profile_site(folder: Path, name: str, profile: str, page: str) -> Path:
    """A one-page site in ``folder/site`` showing the profile text ``profile`` (as the
    file ``name``) with the page text ``page``."""
    srcdir = folder / "site"
    srcdir.mkdir()
    (srcdir / name).write_text(profile, encoding="utf-8")
    (srcdir / "index.rst").write_text(page, encoding="utf-8")
    (srcdir / "conf.py").write_text(
        f'extensions = ["sphinx_academic"]\nacademic_profile = "{name}"\n'
        "show_warning_types = True\n",
        encoding="utf-8",
    )
    return srcdir


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


# -- the documentation as a demo site, built into folders and compared ---------------------

DOCS = Path(__file__).resolve().parents[1] / "docs"
#: The pages that show the extension's output (the rest of the docs is prose about it).
DEMO_PAGES = {"include_patterns": ["index.rst", "demo/**"]}


def copy_docs(root: Path) -> Path:
    """A copy of the documentation in ``root/docs``, which it returns."""
    srcdir = root / "docs"
    shutil.copytree(DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    # The docs include files from the package (the quickstart templates) by relative path.
    (root / "sphinx_academic").symlink_to(DOCS.parent / "sphinx_academic")
    return srcdir


def build_into(srcdir: Path, buildername: str, builddir: Path, **kwargs: object) -> SphinxTestApp:
    """Build ``srcdir`` into ``builddir`` (``kwargs`` go to ``SphinxTestApp``); no crash."""
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=builddir,
        status=StringIO(),
        warning=StringIO(),
        **kwargs,  # type: ignore[arg-type]
    )
    try:
        app.build()
    finally:
        app.cleanup()
    assert "Traceback" not in app.warning.getvalue()
    return app


def written_files(outdir: Path, leave_out: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file a build wrote, by path, except the pickles and names ending in
    ``leave_out``."""
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts and not path.name.endswith(leave_out)
    }


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    names = sorted(first.keys() | second.keys())
    return [name for name in names if first.get(name) != second.get(name)]


def migrate_site(
    platform: str, site: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str]:
    """``sphinx-academic migrate PLATFORM SITE --out OUT``: the folder and what it said."""
    from sphinx_academic.cli import main

    assert main(["migrate", platform, str(site), "--out", str(out)]) == 0
    return out, capsys.readouterr().err


def migrated_profile(out: Path) -> dict:  # type: ignore[type-arg]
    """The ``profile.yaml`` a migration wrote, as data."""
    import yaml

    return yaml.safe_load((out / "profile.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


MIGRATED_PAGE = (
    "Home\n====\n\n.. profile::\n\n.. publications::\n\n.. news::\n\n"
    "Talks\n-----\n\n.. timeline:: talks\n\nCV\n--\n\n.. cv::\n"
)


def build_migrated(out: Path, conf: str = "", page: str = MIGRATED_PAGE) -> BeautifulSoup:
    """Build the files a migration wrote in ``out`` on one page with every directive (or
    on ``page``); the page as built (the build must not warn)."""
    (out / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nacademic_profile = "profile.yaml"\n'
        'academic_bibfiles = ["papers.bib"]\nshow_warning_types = True\n' + conf,
        encoding="utf-8",
    )
    (out / "index.rst").write_text(page, encoding="utf-8")
    app = build_app(out)
    assert app.warning.getvalue() == ""
    return parse_html(app.outdir / "index.html")
