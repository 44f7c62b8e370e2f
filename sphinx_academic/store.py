"""The data files (BibTeX and profiles), parsed once per build and cached across builds
in Sphinx's environment.

A file is parsed again only when its size or modification time changed; directives read
the stores and call ``env.note_dependency`` on the files, so editing a data file re-reads
exactly the pages that show its contents. The store is filled before documents are read
(also before the parallel readers fork) and is read-only afterwards, so parallel reads
need no merging.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from sphinx_academic import diagnostics
from sphinx_academic.model.profile import Profile
from sphinx_academic.model.publication import Publication
from sphinx_academic.problems import Problem
from sphinx_academic.readers.bibtex import BibFile, merge_files, read_bibtex
from sphinx_academic.readers.profile import read_profiles

ENV_ATTRIBUTE = "academic_publications"
_Store = TypeVar("_Store", "PublicationStore", "ProfileStore")
PROFILE_ATTRIBUTE = "academic_profile"


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
    #: Problems found when merging the files (duplicates across files, crossrefs).
    merge_problems: tuple[Problem, ...] = ()
    entries: tuple[Publication, ...] = ()
    by_key: dict[str, Publication] = field(default_factory=dict)
    fields: frozenset[str] = frozenset()

    def get(self, key: str) -> Publication | None:
        return self.by_key.get(key.lower())

    def refresh(self, paths: Sequence[str]) -> list[Problem]:
        """Re-read changed files; return every problem the files have now.

        Problems are returned on every build while they last, not only when a file is
        parsed, so ``-W`` fails an incremental build of a broken file too.
        """
        changed = tuple(paths) != self.paths
        for path in paths:
            stamp = FileStamp.of(path)
            cached = self.files.get(path)
            if cached is None or cached[0] != stamp or stamp is None:
                self.files[path] = (stamp, read_bibtex(path))
                changed = True
        for stale in set(self.files) - set(paths):
            del self.files[stale]
        if changed:
            self.paths = tuple(paths)
            self.merge_problems = tuple(self._merge())
        file_problems = [p for path in self.paths for p in self.files[path][1].problems]
        return file_problems + list(self.merge_problems)

    def _merge(self) -> list[Problem]:
        entries, problems = merge_files(self.files[path][1] for path in self.paths)
        self.entries = tuple(entries)
        self.by_key = {entry.key.lower(): entry for entry in entries}
        self.fields = frozenset(name for entry in entries for name in entry.fields)
        return problems


@dataclass
class ProfileStore:
    """The merged profile of the configured files (sections merged across files)."""

    stamps: tuple[tuple[str, FileStamp | None], ...] = ()
    profile: Profile = field(default_factory=Profile)
    problems: tuple[Problem, ...] = ()

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(path for path, _ in self.stamps)

    def refresh(self, paths: Sequence[str]) -> list[Problem]:
        """Re-read all files when any changed (merging needs them all); return every
        problem they have now."""
        stamps = tuple((path, FileStamp.of(path)) for path in paths)
        if stamps != self.stamps or not all(stamp for _, stamp in stamps):
            self.stamps = stamps
            profile, problems = read_profiles(list(paths)) if paths else (Profile(), [])
            self.profile, self.problems = profile, tuple(problems)
        return list(self.problems)


def _absolute(app: Sphinx, names: Sequence[str]) -> list[str]:
    return [os.path.normpath(os.path.join(app.confdir, name)) for name in names]


def bib_paths(app: Sphinx) -> list[str]:
    """The configured bib files as absolute paths."""
    return _absolute(app, app.config.academic_bibfiles)


def profile_paths(app: Sphinx) -> list[str]:
    """The configured profile files (one path or a list) as absolute paths."""
    value = app.config.academic_profile or []
    return _absolute(app, [value] if isinstance(value, str) else value)


def _kept_in_env(env: BuildEnvironment, attribute: str, kind: type[_Store]) -> _Store:
    """The store pickled with the environment (a new one on the first build)."""
    store = getattr(env, attribute, None)
    if not isinstance(store, kind):
        store = kind()
        setattr(env, attribute, store)
    return store


def get_store(env: BuildEnvironment) -> PublicationStore:
    return _kept_in_env(env, ENV_ATTRIBUTE, PublicationStore)


def get_profile_store(env: BuildEnvironment) -> ProfileStore:
    return _kept_in_env(env, PROFILE_ATTRIBUTE, ProfileStore)


def load(app: Sphinx) -> None:
    """``builder-inited`` (before Sphinx looks for outdated documents, so generated pages
    can be written): bring the stores up to date and report the data files' problems."""
    env = app.env
    diagnostics.report(get_store(env).refresh(bib_paths(app)))
    diagnostics.report(get_profile_store(env).refresh(profile_paths(app)))
