"""Same sources, same bytes: clean builds of the demo site (the front page and
``docs/demo/``) repeat exactly in HTML, LaTeX and text, a parallel build writes what a
serial one does, an incremental build after any kind of edit writes what a clean build of
the edited sources does, and the whole documentation builds with the network switched off.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import DEMO_PAGES, ROOTS, build_into, copy_docs, differences, written_files


@contextlib.contextmanager
def _no_network() -> Iterator[list[str]]:
    """Every way out to the network raises (and is recorded)."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:200])
        raise OSError("network access during a build")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket.socket, "connect_ex", refuse)
        patch.setattr(socket, "create_connection", refuse)
        patch.setattr(socket, "getaddrinfo", refuse)
        yield attempts


# -- the demo site ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_docs(tmp_path_factory.mktemp("demo"))


def test_demo_builds_without_network(demo: Path) -> None:
    """The whole documentation, with every way to the network closed."""
    with _no_network() as attempts:
        app = build_into(demo, "html", demo / "_build" / "offline")
    assert attempts == [], attempts
    assert (app.outdir / "index.html").is_file() and (app.outdir / "demo" / "cv.html").is_file()


@pytest.fixture(scope="module")
def demo_html(demo: Path) -> list[dict[str, bytes]]:
    """Two clean serial builds of the demo pages and one with four processes, all from
    the same folder into fresh build folders."""
    return [
        written_files(
            build_into(
                demo, "html", demo / "_build" / name, confoverrides=DEMO_PAGES, parallel=jobs
            ).outdir
        )
        for name, jobs in (("one", 0), ("two", 0), ("j4", 4))
    ]


def test_demo_html_clean_builds_identical(demo_html: list[dict[str, bytes]]) -> None:
    assert "demo/publications.html" in demo_html[0]
    assert differences(demo_html[0], demo_html[1]) == []


def test_demo_parallel_build_identical_to_serial(demo_html: list[dict[str, bytes]]) -> None:
    assert differences(demo_html[0], demo_html[2]) == []


@pytest.mark.parametrize("buildername", ["latex", "text"])
def test_demo_clean_builds_identical(buildername: str, demo: Path) -> None:
    runs = [
        written_files(
            build_into(
                demo,
                buildername,
                demo / "_build" / f"{buildername}{n}",
                confoverrides=DEMO_PAGES,
            ).outdir
        )
        for n in (1, 2)
    ]
    assert runs[0] and differences(runs[0], runs[1]) == []


# -- incremental builds equal clean builds --------------------------------------------------


def _touch_later(path: Path) -> None:
    """A modification time Sphinx cannot mistake for the previous build's."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(srcdir: Path) -> None:
        path = srcdir / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        _touch_later(path)

    return edit


def _add(name: str, text: str) -> Callable[[Path], None]:
    def add(srcdir: Path) -> None:
        (srcdir / name).write_text(text, encoding="utf-8")
        _touch_later(srcdir / name)

    return add


def _remove(name: str) -> Callable[[Path], None]:
    return lambda srcdir: (srcdir / name).unlink()


NEW_ENTRY = "\n@misc{added,\n  title = {Added later},\n  year = {2022},\n}\n"
GOOD2 = (
    "@inproceedings{good2,\n  title = {Second good paper},\n  author = {Doe, Jane},\n"
    "  booktitle = {Proceedings of Stuff},\n  year = {2019},\n}\n"
)

EDITS: dict[str, Callable[[Path], None]] = {
    "bib entry added": _edit("refs.bib", GOOD2, GOOD2 + NEW_ENTRY),
    "bib entry removed": _edit("refs.bib", GOOD2, ""),
    "bib entry changed": _edit("refs.bib", "{First good paper}", "{First revised paper}"),
    "bib year changed": _edit("refs.bib", "{2021}", "{2018}"),
    "profile entry changed": _edit("profile.yaml", "position: Scientist", "position: Professor"),
    "profile section added": _edit(
        "extra.json",
        '"awards"',
        '"teaching": [{"name": "Uni", "position": "Lecturer"}],\n  "awards"',
    ),
    "profile section removed": _edit("extra.json", '"awards"', '"prizes"'),
    "news added": _edit(
        "profile.yaml", "news:\n", "news:\n  - date: 2024-05-01\n    text: Newer news\n"
    ),
    # A full list on a page whose name sorts first: :pub: targets move there.
    "page added": _add("a-first.rst", ":orphan:\n\nA first\n=======\n\n.. publications::\n"),
    "page removed": _remove("list.rst"),
}


def _incremental_site(srcdir: Path) -> None:
    # Pages added or removed are orphans: Sphinx itself does not rewrite the neighbours'
    # next/previous links when a page leaves a toctree, which is not what is tested here.
    shutil.copytree(ROOTS / "test-rel-site", srcdir)
    with (srcdir / "index.rst").open("a", encoding="utf-8") as stream:
        stream.write("\n.. toctree::\n\n   cites\n")
    (srcdir / "cites.rst").write_text(
        "Cites\n=====\n\nSee :pub:`good1` and :pub:`good2`.\n\n.. cv::\n", encoding="utf-8"
    )
    (srcdir / "list.rst").write_text(
        ":orphan:\n\nList\n====\n\n.. publications::\n   :filter: year > 2020\n\n"
        ".. news::\n   :limit: 1\n",
        encoding="utf-8",
    )


def _comparable(output: dict[str, bytes]) -> dict[str, Any]:
    """The output with Sphinx's own incremental leftovers evened out: its search index
    keeps words whose pages no longer have them, with an empty list of pages."""
    found: dict[str, Any] = dict(output)
    text = output["searchindex.js"].decode("utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for table in ("terms", "titleterms"):
        index[table] = {term: docs for term, docs in index[table].items() if docs != []}
    found["searchindex.js"] = index
    return found


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_incremental_build_equals_cleanbuild_into(edit: str, tmp_path: Path) -> None:
    srcdir = tmp_path / "site"
    _incremental_site(srcdir)
    build_into(srcdir, "html", srcdir / "_build")
    EDITS[edit](srcdir)
    incremental = written_files(build_into(srcdir, "html", srcdir / "_build").outdir)
    clean_dir = tmp_path / "clean"
    shutil.copytree(srcdir, clean_dir, ignore=shutil.ignore_patterns("_build"))
    clean = written_files(build_into(clean_dir, "html", clean_dir / "_build").outdir)
    # Sphinx leaves the output of a removed page in place; nothing else may be left.
    stale = sorted(incremental.keys() - clean.keys())
    assert all(Path(name).stem.startswith("list") for name in stale), stale
    incremental = {name: data for name, data in incremental.items() if name not in stale}
    first, second = _comparable(incremental), _comparable(clean)
    assert sorted(name for name in first if first[name] != second.get(name)) == []
    assert first.keys() == second.keys()
