"""The parsed data files (BibTeX and profiles), kept by the ``academic`` domain between
builds and parsed again only when a file's content changed.

A file's content is known by a SHA-256 of its bytes, not by its size and modification
time, so a file moved back with an old modification time (``mv``, ``cp -p``,
``rsync -a``, ``tar``) is noticed too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx.application import Sphinx

from sphinx_academic.diagnostics import Problem

if TYPE_CHECKING:
    from sphinx_academic.model.coauthors import Coauthor
    from sphinx_academic.model.metrics import Metrics
    from sphinx_academic.model.profile_records import Profile
    from sphinx_academic.model.publication import Publication
    from sphinx_academic.readers.bibtex import BibFile


def content_digest(path: str) -> str | None:
    """The SHA-256 of the file's bytes; ``None`` when it cannot be read."""
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


@dataclass
class PublicationStore:
    """The parsed bib files and the merged, key-indexed view the directives use."""

    paths: tuple[str, ...] = ()
    digests: dict[str, str | None] = field(default_factory=dict)
    files: dict[str, BibFile] = field(default_factory=dict)
    entries: tuple[Publication, ...] = ()
    by_key: dict[str, Publication] = field(default_factory=dict)
    #: Every field name some entry has (``:filter:`` warns about names none has).
    fields: frozenset[str] = frozenset()
    #: Problems found when merging the files (duplicates across files, crossrefs).
    merge_problems: tuple[Problem, ...] = ()

    def get(self, key: str) -> Publication | None:
        return self.by_key.get(key.lower())

    @property
    def problems(self) -> list[Problem]:
        """Every problem the files have now (reported on every build while they last, so
        ``-W`` fails an incremental build of a broken file too)."""
        found = [problem for path in self.paths for problem in self.files[path].problems]
        return found + list(self.merge_problems)

    def refresh(self, paths: Sequence[str]) -> set[str]:
        """Parse the files whose content changed; return the paths that changed."""
        from sphinx_academic.readers.bibtex import merge_files, read_bibtex

        changed = {path for path in set(paths) | set(self.paths) if path not in paths}
        for path in paths:
            digest = content_digest(path)
            if path not in self.files or digest is None or digest != self.digests.get(path):
                self.files[path], self.digests[path] = read_bibtex(path), digest
                changed.add(path)
        for stale in set(self.files) - set(paths):
            del self.files[stale], self.digests[stale]
        if changed or tuple(paths) != self.paths:
            self.paths = tuple(paths)
            entries, problems = merge_files(self.files[path] for path in self.paths)
            self.entries = tuple(entries)
            self.by_key = {entry.key.lower(): entry for entry in entries}
            self.fields = frozenset(name for entry in entries for name in entry.fields)
            self.merge_problems = tuple(problems)
        return changed


@dataclass
class ProfileStore:
    """The profile merged from the configured files (sections merged across files)."""

    paths: tuple[str, ...] = ()
    digests: tuple[str | None, ...] = ()
    #: The merged profile; ``None`` before any file is read.
    merged: Profile | None = None
    problems: tuple[Problem, ...] = ()
    #: Files that gave nothing but problems (unreadable, a syntax error, empty).
    unread: tuple[str, ...] = ()

    @property
    def profile(self) -> Profile:
        """The profile (an empty one when no file is configured)."""
        if self.merged is None:
            from sphinx_academic.model.profile_records import Profile

            return Profile()
        return self.merged

    @property
    def has_news(self) -> bool:
        return self.merged is not None and bool(self.merged.news)

    def refresh(self, paths: Sequence[str]) -> set[str]:
        """Read all files again when any changed (merging needs them all); return the
        paths that changed."""
        digests = tuple(content_digest(path) for path in paths)
        if (tuple(paths), digests) == (self.paths, self.digests) and None not in digests:
            return set()
        from sphinx_academic.model.profile_records import Basics
        from sphinx_academic.readers.profile import merge_profiles, read_profile

        before = dict(zip(self.paths, self.digests, strict=True))
        changed = {
            path
            for path, digest in zip(paths, digests, strict=True)
            if digest is None or before.get(path) != digest
        } | (set(self.paths) - set(paths))
        read = [read_profile(path) for path in paths]
        self.paths, self.digests = tuple(paths), digests
        self.merged = merge_profiles(profile for profile, _ in read)
        self.problems = tuple(problem for _, found in read for problem in found)
        self.unread = tuple(
            path
            for path, (profile, found) in zip(paths, read, strict=True)
            if found and not (profile.basics != Basics() or profile.sections or profile.news)
        )
        return changed


def _absolute(app: Sphinx, names: Iterable[str]) -> list[str]:
    return [os.path.normpath(os.path.join(app.confdir, name)) for name in names]


def bib_paths(app: Sphinx) -> list[str]:
    """The configured bib files as absolute paths."""
    return _absolute(app, app.config.academic_bibfiles)


def metrics_path(app: Sphinx) -> str:
    """The configured metrics file (``academic_metrics``), absolute; ``""`` for none."""
    name = app.config.academic_metrics
    return _absolute(app, [name])[0] if name else ""


def coauthors_path(app: Sphinx) -> str:
    """The configured co-authors file (``academic_coauthors``), absolute; ``""`` for none."""
    name = app.config.academic_coauthors
    return _absolute(app, [name])[0] if name else ""


def profile_paths(app: Sphinx) -> list[str]:
    """The configured profile files as absolute paths."""
    return _absolute(app, app.config.academic_profile)


@dataclass
class MetricsStore:
    """The metrics file (``academic_metrics``) as this build read it; a missing file
    holds no counts and is no problem."""

    path: str = ""
    digest: str | None = None
    metrics: Metrics | None = None
    problems: tuple[Problem, ...] = ()

    def refresh(self, path: str) -> set[str]:
        """Read the file again when its content changed; return the paths that changed
        (a file that appeared or went away counts too)."""
        digest = content_digest(path) if path else None
        if (path, digest) == (self.path, self.digest) and self.metrics is not None:
            return set()
        changed = {name for name in (path, self.path) if name}
        self.path, self.digest, self.metrics, self.problems = path, digest, None, ()
        if digest is not None:
            from sphinx_academic.readers.metrics import read_metrics

            self.metrics, found = read_metrics(path)
            self.problems = tuple(found)
        if self.metrics is None:
            from sphinx_academic.model.metrics import Metrics

            self.metrics = Metrics()
        return changed


@dataclass
class CoauthorStore:
    """The co-authors file (``academic_coauthors``) as this build read it."""

    path: str = ""
    digest: str | None = None
    people: tuple[Coauthor, ...] = ()
    problems: tuple[Problem, ...] = ()

    def refresh(self, path: str) -> set[str]:
        """Read the file again when its content changed; return the paths that changed."""
        digest = content_digest(path) if path else None
        if (path, digest) == (self.path, self.digest) and digest is not None:
            return set()
        changed = {name for name in (path, self.path) if name}
        self.path, self.digest, self.people, self.problems = path, digest, (), ()
        if path:
            from sphinx_academic.readers.coauthors import read_coauthors

            people, found = read_coauthors(path)
            self.people, self.problems = people, tuple(found)
        return changed
