"""Output kept out of the page's tree until writing (``sphinx_academic.deferred``): the
pages read hold placeholders, and every builder writes what it wrote when the output sat
in the tree, in a clean build, a parallel one, and a page written again without being
read again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from sphinx_academic import deferred
from sphinx_academic.directives import lazy

from conftest import DEMO_PAGES, build_into, copy_docs, differences, parse_html, written_files

#: Files that carry the time of the build (epub's package file and the book made of it).
STAMPED = (".buildinfo", "content.opf", ".epub")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation: its demo pages have news, timelines, the CV, cards with
    thumbnails, downloads and formulas, lists, and the profile with its photo."""
    return copy_docs(tmp_path_factory.mktemp("deferred"))


def _build(
    srcdir: Path,
    buildername: str,
    builddir: Path,
    confoverrides: dict[str, object] | None = None,
    **kwargs: object,
) -> SphinxTestApp:
    overrides = {**DEMO_PAGES, **(confoverrides or {})}
    return build_into(srcdir, buildername, builddir, confoverrides=overrides, **kwargs)


def _output(outdir: Path) -> dict[str, bytes]:
    return written_files(outdir, leave_out=STAMPED)


@pytest.fixture(scope="module")
def html_build(demo: Path) -> SphinxTestApp:
    return _build(demo, "html", demo / "_build" / "html")


def test_read_pages_hold_placeholders(html_build: SphinxTestApp) -> None:
    doctree = html_build.env.get_doctree("demo/news")
    placeholders = list(doctree.findall(deferred.academic_deferred))
    assert placeholders
    in_tree = [
        node
        for node in doctree.findall(nodes.Element)
        if any(name.startswith("academic-news") for name in node["classes"])
    ]
    assert in_tree == []
    assert any(
        "academic-news" in node["classes"]
        for placeholder in placeholders
        for node in placeholder.deferred
        if isinstance(node, nodes.Element)
    )


def test_images_and_formulas_stay_where_reading_sees_them(html_build: SphinxTestApp) -> None:
    """Sphinx copied the thumbnails and the photo, and the page with formulas loads
    MathJax: the nodes the read-time passes need stayed in the tree."""
    env = html_build.env
    assert any("previews" in path for path in env.images), sorted(env.images)
    assert env.get_domain("math").has_equations("demo/publications")  # type: ignore[attr-defined]
    html = (html_build.outdir / "demo" / "publications.html").read_text(encoding="utf-8")
    assert "mathjax" in html.lower()
    page = parse_html(html_build.outdir / "demo" / "publications.html")
    thumbnails = page.select("img.academic-pub-thumbnail")
    assert thumbnails
    for image in thumbnails:
        assert (html_build.outdir / "demo" / image["src"]).resolve().is_file(), image["src"]
    assert not page.select(".academic-deferred, .academic-slot")


@pytest.mark.parametrize("buildername", ["html", "singlehtml", "latex", "text", "man", "epub"])
def test_every_builder_writes_what_it_wrote_without_deferring(
    buildername: str, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_placeholders = _output(
        _build(demo, buildername, demo / "_build" / f"d-{buildername}").outdir
    )
    monkeypatch.setattr(lazy, "defer", lambda document, output: output)
    in_tree = _output(_build(demo, buildername, demo / "_build" / f"t-{buildername}").outdir)
    assert with_placeholders
    assert differences(with_placeholders, in_tree) == []


def test_smartquotes_apply_to_rendered_text(demo: Path, html_build: SphinxTestApp) -> None:
    """Data text gets curly quotes like the page's own text, and none when the project
    turns them off."""
    curly = (html_build.outdir / "demo" / "timeline.html").read_text(encoding="utf-8")
    assert "institute\u2019s hydrophone" in curly
    app = _build(demo, "html", demo / "_build" / "straight", {"smartquotes": False})
    straight = (app.outdir / "demo" / "timeline.html").read_text(encoding="utf-8")
    assert "institute&#x27;s hydrophone" in straight or "institute's hydrophone" in straight


def test_page_written_again_without_reading(demo: Path, html_build: SphinxTestApp) -> None:
    """A page whose output file is gone is written from its pickled tree (not the one
    kept in memory after reading), placeholders and all."""
    builddir = demo / "_build" / "again"
    first = _build(demo, "html", builddir)
    page = first.outdir / "demo" / "publications.html"
    before = page.read_bytes()
    page.unlink()
    second = _build(demo, "html", builddir)
    status = strip_escape_sequences(second.status.getvalue())
    read = [line for line in status.splitlines() if line.startswith("reading sources")]
    assert not any("demo/publications" in line for line in read), read
    assert page.read_bytes() == before


def test_parallel_build_writes_what_a_serial_one_does(
    demo: Path, html_build: SphinxTestApp
) -> None:
    parallel = _build(demo, "html", demo / "_build" / "j2", parallel=2)
    assert differences(_output(html_build.outdir), _output(parallel.outdir)) == []


def test_output_needed_while_reading_is_not_deferred() -> None:
    section = nodes.section("", nodes.title("", "Heading"), ids=["heading"])
    box = nodes.container("", section)
    document = _document()
    assert deferred.defer(document, [box]) == [box]
    footnote = nodes.container("", nodes.paragraph("", "", nodes.footnote_reference("", "1")))
    assert deferred.defer(document, [footnote]) == [footnote]
    named = nodes.container("", nodes.paragraph("", "", nodes.reference("", "x", refname="x")))
    assert deferred.defer(document, [named]) == [named]
    assert deferred.defer(document, [nodes.Text("loose")]) == [nodes.Text("loose")]


def test_kept_nodes_go_back_in_place() -> None:
    image = nodes.image(uri="a.png")
    formula = nodes.math("x", "x")
    para = nodes.paragraph("", "", nodes.Text("see "), formula, nodes.Text(" here"))
    box = nodes.container("", nodes.reference("", "", image, refuri="a.html"), para)
    document = _document()
    (placeholder,) = deferred.defer(document, [box])
    assert isinstance(placeholder, deferred.academic_deferred)
    assert {type(child) for child in placeholder.children} == {nodes.image, nodes.math}
    assert not list(box.findall(nodes.image))
    copy = placeholder.deepcopy()
    holder = nodes.container("", copy)
    deferred.restore(copy)
    (restored,) = holder.children
    assert restored is not box  # the copy carried its own output
    assert [type(node) for node in restored[1].children] == [nodes.Text, nodes.math, nodes.Text]
    assert restored[0][0]["uri"] == "a.png"
    assert restored.pformat() == _restored_original(placeholder).pformat()


def _restored_original(placeholder: deferred.academic_deferred) -> nodes.Element:
    holder = nodes.container("", placeholder)
    deferred.restore(placeholder)
    restored: nodes.Element = holder[0]  # type: ignore[assignment]
    return restored


def _document() -> nodes.document:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    settings = get_default_settings(Parser)
    settings.smart_quotes = False  # SmartQuotes needs Sphinx's environment otherwise
    return new_document("test", settings)
