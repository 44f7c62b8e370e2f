"""Publications of the configured BibTeX files, parsed once per build and cached across
builds in Sphinx's environment.

A file is parsed again only when its size or modification time changed; directives read
the store and call ``env.note_dependency`` on the files, so editing a bib file re-reads
exactly the pages that show its entries. The store is filled before documents are read
(also before the parallel readers fork) and is read-only afterwards, so parallel reads
need no merging.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from sphinx_academic import diagnostics
from sphinx_academic.model.publication import Publication
from sphinx_academic.problems import Problem
from sphinx_academic.readers.bibtex import BibFile, merge_files, read_bibtex

ENV_ATTRIBUTE = "academic_publications"


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What tells a file changed: its size and modification time (ns)."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> FileStamp | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns)


@dataclass
class PublicationStore:
    """Parsed bib files and the merged, key-indexed view the directives use."""

    files: dict[str, tuple[FileStamp | None, BibFile]] = field(default_factory=dict)
    paths: tuple[str, ...] = ()
    entries: tuple[Publication, ...] = ()
    by_key: dict[str, Publication] = field(default_factory=dict)
    fields: frozenset[str] = frozenset()

    def get(self, key: str) -> Publication | None:
        return self.by_key.get(key.lower())

    def refresh(self, paths: Sequence[str]) -> list[Problem]:
        """Re-read changed files; return the problems of the files that were read now."""
        problems: list[Problem] = []
        changed = tuple(paths) != self.paths
        for path in paths:
            stamp = FileStamp.of(path)
            cached = self.files.get(path)
            if cached is None or cached[0] != stamp or stamp is None:
                bibfile = read_bibtex(path)
                self.files[path] = (stamp, bibfile)
                problems.extend(bibfile.problems)
                changed = True
        for stale in set(self.files) - set(paths):
            del self.files[stale]
        if changed:
            self.paths = tuple(paths)
            problems.extend(self._merge())
        return problems

    def _merge(self) -> list[Problem]:
        entries, problems = merge_files(self.files[path][1] for path in self.paths)
        self.entries = tuple(entries)
        self.by_key = {entry.key.lower(): entry for entry in entries}
        self.fields = frozenset(name for entry in entries for name in entry.fields)
        return problems


def bib_paths(app: Sphinx) -> list[str]:
    """The configured bib files as absolute paths."""
    return [os.path.normpath(os.path.join(app.confdir, p)) for p in app.config.academic_bibfiles]


def get_store(env: BuildEnvironment) -> PublicationStore:
    store = getattr(env, ENV_ATTRIBUTE, None)
    if not isinstance(store, PublicationStore):
        store = PublicationStore()
        setattr(env, ENV_ATTRIBUTE, store)
    return store


def load(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: bring the store up to date and report new problems."""
    diagnostics.report(get_store(env).refresh(bib_paths(app)))
