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
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from sphinx_academic import diagnostics
from sphinx_academic.gcpause import gc_paused_call
from sphinx_academic.model.profile_records import Basics, Profile
from sphinx_academic.model.publication import Publication
from sphinx_academic.problems import Problem

if TYPE_CHECKING:
    # Speed: the readers (pybtex, PyYAML, pydantic) are imported when a file is read, so
    # a build that reads none (a no-op rebuild) does not import them.
    from sphinx_academic.readers.bibtex import BibFile

ENV_ATTRIBUTE = "academic_publications"
_Store = TypeVar("_Store", "PublicationStore", "ProfileStore")
_T = TypeVar("_T")
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


class Packed(Generic[_T]):
    """A value that is pickled as one blob of bytes and unpickled when first used.

    Speed: unpickling thousands of entries (frozen dataclasses restore themselves in
    Python) took longer than all of Sphinx's own no-op rebuild, which needs none of them.
    In the pickled environment the stores' parsed data is bytes, read in microseconds;
    it becomes objects again only when a page, an export or a transform asks for it.
    """

    __slots__ = ("_blob", "_value")

    def __init__(self, value: _T) -> None:
        self._value: _T | None = value
        self._blob: bytes | None = None

    def get(self) -> _T:
        if self._blob is not None:
            self._value, self._blob = pickle.loads(self._blob), None
        return self._value  # type: ignore[return-value]

    def __getstate__(self) -> bytes:
        if self._blob is not None:  # never unpacked: still what was read
            return self._blob
        return pickle.dumps(self._value, pickle.HIGHEST_PROTOCOL)

    def __setstate__(self, blob: bytes) -> None:
        self._value, self._blob = None, blob


@dataclass
class _ParsedBibs:
    files: dict[str, BibFile] = field(default_factory=dict)
    entries: tuple[Publication, ...] = ()
    by_key: dict[str, Publication] = field(default_factory=dict)
    fields: frozenset[str] = frozenset()


@dataclass
class PublicationStore:
    """Parsed bib files and the merged, key-indexed view the directives use.

    What tells whether a file changed (its stamp) and its problems are kept apart from
    the parsed entries, so that a build that reads no page never unpickles them.
    """

    paths: tuple[str, ...] = ()
    stamps: dict[str, FileStamp | None] = field(default_factory=dict)
    file_problems: dict[str, tuple[Problem, ...]] = field(default_factory=dict)
    #: Problems found when merging the files (duplicates across files, crossrefs).
    merge_problems: tuple[Problem, ...] = ()
    parsed: Packed[_ParsedBibs] = field(default_factory=lambda: Packed(_ParsedBibs()))

    @property
    def files(self) -> dict[str, BibFile]:
        return self.parsed.get().files

    @property
    def entries(self) -> tuple[Publication, ...]:
        return self.parsed.get().entries

    @property
    def by_key(self) -> dict[str, Publication]:
        return self.parsed.get().by_key

    @property
    def fields(self) -> frozenset[str]:
        return self.parsed.get().fields

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
            if path not in self.stamps or self.stamps[path] != stamp or stamp is None:
                from sphinx_academic.readers.bibtex import read_bibtex

                bibfile = read_bibtex(path)
                self.files[path] = bibfile
                self.stamps[path], self.file_problems[path] = stamp, bibfile.problems
                changed = True
        for stale in set(self.stamps) - set(paths):
            del self.files[stale], self.stamps[stale], self.file_problems[stale]
        if changed:
            self.paths = tuple(paths)
            self.merge_problems = tuple(self._merge())
        file_problems = [p for path in self.paths for p in self.file_problems[path]]
        return file_problems + list(self.merge_problems)

    def _merge(self) -> list[Problem]:
        from sphinx_academic.readers.bibtex import merge_files

        parsed = self.parsed.get()
        entries, problems = merge_files(parsed.files[path] for path in self.paths)
        parsed.entries = tuple(entries)
        parsed.by_key = {entry.key.lower(): entry for entry in entries}
        parsed.fields = frozenset(name for entry in entries for name in entry.fields)
        return problems


@dataclass
class ProfileStore:
    """The merged profile of the configured files (sections merged across files)."""

    stamps: tuple[tuple[str, FileStamp | None], ...] = ()
    #: The profile, unpickled when first used (see :class:`Packed`).
    packed: Packed[Profile] = field(default_factory=lambda: Packed(Profile()))
    problems: tuple[Problem, ...] = ()
    #: Files that gave nothing but problems (unreadable, a syntax error, empty).
    unread: tuple[str, ...] = ()
    #: What every page's head needs, kept outside :attr:`packed` (speed: writing the
    #: search and index pages of a no-op rebuild does not unpickle the whole profile).
    basics: Basics = field(default_factory=Basics)
    has_news: bool = False
    #: The owner's name as plain text (the feed's title on every page).
    owner_name: str = ""

    @property
    def profile(self) -> Profile:
        return self.packed.get()

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(path for path, _ in self.stamps)

    def refresh(self, paths: Sequence[str]) -> list[Problem]:
        """Re-read all files when any changed (merging needs them all); return every
        problem they have now."""
        stamps = tuple((path, FileStamp.of(path)) for path in paths)
        if stamps != self.stamps or not all(stamp for _, stamp in stamps):
            from sphinx_academic.readers.profile import merge_profiles, read_profile
            from sphinx_academic.render.plaintext import markup_text

            self.stamps = stamps
            read = [read_profile(path) for path in paths]
            merged = merge_profiles(profile for profile, _ in read)
            self.packed = Packed(merged)
            self.basics, self.has_news = merged.basics, bool(merged.news)
            self.owner_name = markup_text(merged.basics.name)
            self.problems = tuple(problem for _, found in read for problem in found)
            self.unread = tuple(
                path
                for path, (profile, found) in zip(paths, read, strict=True)
                if found and not (profile.basics != Basics() or profile.sections or profile.news)
            )
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


@gc_paused_call
def load(app: Sphinx) -> None:
    """``builder-inited`` (before Sphinx looks for outdated documents, so generated pages
    can be written): bring the stores up to date and report the data files' problems."""
    env = app.env
    diagnostics.report(get_store(env).refresh(bib_paths(app)))
    diagnostics.report(get_profile_store(env).refresh(profile_paths(app)))
