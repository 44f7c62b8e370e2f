"""Caching across builds, dependency tracking, and parallel builds."""

from __future__ import annotations

import os
import shutil
import zlib
from io import StringIO
from pathlib import Path

import pytest
from sphinx.environment import BuildEnvironment
from sphinx.testing.util import SphinxTestApp

from sphinx_academic.pages import EXPORT_BIB
from sphinx_academic.store import PROFILE_FILE, PUBLICATIONS_FILE, PublicationStore, get_store

from conftest import ROOTS


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
    (site / "conf.py").write_text((site / "conf.py").read_text() + "\nacademic_inventory = True\n")
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


def _side_files(app: SphinxTestApp) -> list[Path]:
    return [app.doctreedir / name for name in (PUBLICATIONS_FILE, PROFILE_FILE)]


def test_parsed_data_kept_beside_the_environment_not_in_it(site: Path) -> None:
    app, _ = _build(site)
    publications, profile = _side_files(app)
    assert not profile.exists()  # this site has no profile
    environment = (app.doctreedir / "environment.pickle").read_bytes()
    assert b"A report" in publications.read_bytes()
    assert b"A report" not in environment  # only the side file's name and token


def test_profile_kept_beside_the_environment(tmp_path: Path) -> None:
    srcdir = tmp_path / "profile"
    shutil.copytree(ROOTS / "test-profile", srcdir)
    app, _ = _build(srcdir)
    assert _side_files(app)[1].is_file()
    first = _pages(app)
    for page in srcdir.glob("*.rst"):
        page.touch()
        _touch_later(page)
    app, status = _build(srcdir)  # every page read again, the profile from its side file
    assert "0 added, 0 changed" not in status
    assert _pages(app) == first


@pytest.mark.parametrize("damage", ["delete", "replace"])
def test_lost_side_file_means_reading_the_data_again(site: Path, damage: str) -> None:
    """A side file that was deleted, or rewritten by a build that never pickled its
    environment, is not trusted: the data files are read again and the site is right."""
    app, _ = _build(site)
    expected = (app.outdir / "publications.html").read_text()
    publications = _side_files(app)[0]
    if damage == "delete":
        publications.unlink()
    else:
        stale = PublicationStore()
        stale.refresh([str(site / "more.bib")], str(publications))  # another build's data
    (site / "publications.rst").touch()
    _touch_later(site / "publications.rst")
    app, status = _build(site)
    assert "1 changed" in status
    assert (app.outdir / "publications.html").read_text() == expected
    assert publications.stat().st_size > 1000


def test_data_let_go_after_reading_and_read_back_for_the_exports(site: Path) -> None:
    released: list[bool] = []

    def watch(app: object, env: BuildEnvironment) -> None:
        released.append(get_store(env).parsed._value is None)

    app = _app(site)
    app.connect("env-updated", watch, priority=999)
    try:
        app.build()
    finally:
        app.cleanup()
    assert released == [True]
    assert "A report" in (app.outdir / EXPORT_BIB).read_text()


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


def test_side_file_round_trip_keeps_entries_shared(tmp_path: Path) -> None:
    """Entries are pickled in chunks; reading them back gives the same entries, each one
    object whether reached from its file, the merged list or the key index."""
    bibs = [str(ROOTS / "test-basic" / name) for name in ("refs.bib", "more.bib")]
    store = PublicationStore()
    store.refresh(bibs, str(tmp_path / PUBLICATIONS_FILE))
    before = store.parsed.get()
    store.parsed.release()
    after = store.parsed.get()
    assert after is not before
    assert after.entries == before.entries and after.fields == before.fields
    assert after.files == before.files
    for entry in after.entries:
        assert after.by_key[entry.key.lower()] is entry
    first_file = after.files[bibs[0]]
    assert all(any(entry is merged for merged in after.entries) for entry in first_file.entries)
