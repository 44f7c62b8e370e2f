"""Caching across builds, dependency tracking, and parallel builds."""

from __future__ import annotations

import os
import pickle
import shutil
import zlib
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_academic.store import PublicationStore

from conftest import ROOTS, academic_warnings


def _app(srcdir: Path, **kwargs: object) -> SphinxTestApp:
    return SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)  # type: ignore[arg-type]


def _build(srcdir: Path, **kwargs: object) -> tuple[SphinxTestApp, str]:
    app = _app(srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, app.status.getvalue()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    srcdir = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    (srcdir / "other.rst").write_text("Other\n=====\n\nNo publications here.\n")
    index = srcdir / "index.rst"
    index.write_text(index.read_text().replace("   cv\n", "   cv\n   other\n"))
    return srcdir


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))


def test_noop_rebuild_reads_nothing(site: Path) -> None:
    _build(site)
    _, status = _build(site)
    assert "0 added, 0 changed, 0 removed" in status


def test_noop_rebuild_keeps_the_inventory(site: Path) -> None:
    """A no-op rebuild takes the entries' places from the last build's environment."""
    app, _ = _build(site)
    assert b"other2018report academic:publication" in zlib.decompress(
        (app.outdir / "objects.inv").read_bytes().split(b"\n", 4)[4]
    )
    inventory = (app.outdir / "objects.inv").read_bytes()
    (app.outdir / "objects.inv").unlink()  # written again on every build
    app, _ = _build(site)
    assert (app.outdir / "objects.inv").read_bytes() == inventory
    assert "publications.html#pub-other2018report" in (app.outdir / "index.html").read_text()


def test_bib_edit_rereads_only_pages_that_use_it(site: Path) -> None:
    _build(site)
    bib = site / "more.bib"
    bib.write_text(bib.read_text().replace("A report", "A revised report"))
    _touch_later(bib)
    app, status = _build(site)
    assert "0 added, 3 changed, 0 removed" in status  # index, publications, cv; not other
    html = (app.outdir / "publications.html").read_text()
    assert "A revised report" in html


def test_unchanged_bib_not_parsed_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(site)
    from sphinx_academic.readers import bibtex  # the store imports its reader when needed

    def fail(path: str, first_index: int = 0) -> object:
        raise AssertionError(f"{path} parsed again")

    monkeypatch.setattr(bibtex, "read_bibtex", fail)
    _build(site)


def test_incremental_equals_clean_build(site: Path, tmp_path: Path) -> None:
    _build(site)
    bib = site / "refs.bib"
    bib.write_text(bib.read_text().replace("{2023}", "{2022}"))
    _touch_later(bib)
    incremental, _ = _build(site)
    clean_dir = tmp_path / "clean"
    shutil.copytree(site, clean_dir, ignore=shutil.ignore_patterns("_build"))
    clean, _ = _build(clean_dir)
    for page in ("index.html", "publications.html", "cv.html"):
        assert (incremental.outdir / page).read_text() == (clean.outdir / page).read_text()


def test_pub_links_follow_moved_entries(site: Path) -> None:
    app, _ = _build(site)
    assert "publications.html#pub-other2018report" in (app.outdir / "index.html").read_text()
    pubs = site / "publications.rst"
    pubs.write_text(pubs.read_text() + "   :filter: year > 2018\n")
    _touch_later(pubs)
    app, _ = _build(site)
    # The report is now only in cv.rst (numbered list), so index.html is rewritten.
    assert "cv.html#pub-other2018report" in (app.outdir / "index.html").read_text()


def _keeping_mtime(path: Path, text: str) -> None:
    """Write ``text`` and give the file its old modification time back, as ``cp -p``,
    ``rsync -a`` or ``tar`` do."""
    stat = path.stat()
    path.write_text(text)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_bib_changed_with_its_old_mtime_is_read_again(site: Path) -> None:
    _build(site)
    bib = site / "more.bib"
    _keeping_mtime(bib, bib.read_text().replace("A report", "A copied report"))
    app, status = _build(site)
    assert "0 added, 3 changed, 0 removed" in status  # index, publications, cv; not other
    assert "A copied report" in (app.outdir / "publications.html").read_text()


def test_profile_changed_with_its_old_mtime_is_read_again(tmp_path: Path) -> None:
    srcdir = tmp_path / "profile"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    _build(srcdir)
    (profile,) = [path for path in srcdir.glob("*.y*ml")]
    text = profile.read_text()
    name = text.split("name:", 1)[1].split("\n", 1)[0].strip().strip('"')
    _keeping_mtime(profile, text.replace(name, "Renamed Person"))
    app, status = _build(srcdir)
    assert "0 added, 0 changed" not in status
    assert any("Renamed Person" in page.decode() for page in _pages(app).values())


def test_bib_moved_away_and_back(site: Path) -> None:
    """Moved away (a warning, the entries gone), then back with its old mtime."""
    app, _ = _build(site)
    expected = (app.outdir / "publications.html").read_text()
    bib, aside = site / "more.bib", site.parent / "more.bib.away"
    shutil.move(bib, aside)
    app, _ = _build(site)
    assert "more.bib" in app.warning.getvalue()
    assert "A report" not in (app.outdir / "publications.html").read_text()
    shutil.move(aside, bib)
    app, _ = _build(site)
    assert (app.outdir / "publications.html").read_text() == expected


def test_data_lives_in_the_domain(site: Path) -> None:
    """The parsed entries are the domain's data, pickled with the environment."""
    app, _ = _build(site)
    with open(app.doctreedir / "environment.pickle", "rb") as stream:
        env = pickle.load(stream)
    store = env.domaindata["academic"]["publications"]
    assert isinstance(store, PublicationStore)
    assert store.get("other2018report") is not None


def _pages(app: SphinxTestApp) -> dict[str, bytes]:
    pages = {p.name: p.read_bytes() for p in app.outdir.glob("*.html")}
    pages.update({p.name: p.read_bytes() for p in app.outdir.glob("*.xml")})
    return pages


@pytest.mark.parametrize("root", ["basic", "profile"])
def test_parallel_build_identical_to_serial(root: str, tmp_path: Path) -> None:
    outputs = []
    for jobs in (1, 4):
        srcdir = tmp_path / f"j{jobs}"
        shutil.copytree(ROOTS / f"test-{root}", srcdir)
        app, _ = _build(srcdir, parallel=jobs)
        outputs.append(_pages(app))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("root", ["basic", "profile"])
def test_two_clean_builds_byte_identical(root: str, tmp_path: Path) -> None:
    outputs = []
    for run in range(2):
        srcdir = tmp_path / f"run{run}"
        shutil.copytree(ROOTS / f"test-{root}", srcdir)
        app, _ = _build(srcdir)
        outputs.append(_pages(app))
    assert outputs[0] == outputs[1]


def _site_showing_problems_on_three_pages(srcdir: Path) -> Path:
    """Three pages that each show an entry with a missing preview and a profile whose
    summary has broken markup."""
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_academic"]\nacademic_bibfiles = ["p.bib"]\n'
        'academic_profile = "profile.yaml"\nshow_warning_types = True\n'
    )
    (srcdir / "p.bib").write_text(
        "@article{doe2020,\n  author = {Doe, Jane},\n  title = {A Title},\n"
        "  journal = {J},\n  year = {2020},\n  preview = {missing.png},\n}\n"
    )
    (srcdir / "profile.yaml").write_text("basics:\n  name: Jane Doe\n  summary: See `this.\n")
    page = ".. publications::\n\n.. profile::\n"
    (srcdir / "index.rst").write_text(f"Home\n====\n\n.. toctree::\n\n   a\n   b\n\n{page}")
    for name in ("a", "b"):
        (srcdir / f"{name}.rst").write_text(f"{name.upper()}\n=\n\n{page}")
    return srcdir


def test_parallel_build_reports_each_data_problem_once(tmp_path: Path) -> None:
    """Pages read by separate processes (-j) share the data problems they found, so a
    missing preview shown on three pages is one warning, as in a serial build."""
    warnings = []
    for jobs in (1, 2):
        srcdir = _site_showing_problems_on_three_pages(tmp_path / f"j{jobs}")
        app, _ = _build(srcdir, parallel=jobs)
        found = academic_warnings(app.warning.getvalue())
        warnings.append([line.replace(str(srcdir), "SRC") for line in found])
    serial, parallel = warnings
    assert sum("missing.png" in line for line in serial) == 1
    assert sum("[academic.markup]" in line for line in serial) == 1
    assert parallel == serial
