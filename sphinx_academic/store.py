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
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO, Generic, NamedTuple, TypeVar

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from sphinx_academic import diagnostics
from sphinx_academic.gcpause import gc_paused_call
from sphinx_academic.problems import Problem

if TYPE_CHECKING:
    # Speed: the readers (pybtex, PyYAML, pydantic-core) are imported when a file is read, and
    # the records when they are unpickled, so a build that reads none (a no-op rebuild)
    # imports neither.
    from sphinx_academic.model.profile_records import Profile
    from sphinx_academic.model.publication import Publication
    from sphinx_academic.readers.bibtex import BibFile

ENV_ATTRIBUTE = "academic_publications"
_Store = TypeVar("_Store", "PublicationStore", "ProfileStore")
_T = TypeVar("_T")
PROFILE_ATTRIBUTE = "academic_profile"
#: The stores' parsed data, beside Sphinx's environment pickle (see :class:`Packed`).
PUBLICATIONS_FILE = "academic-publications.pickle"
PROFILE_FILE = "academic-profile.pickle"


class FileStamp(NamedTuple):
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
    """A value kept out of the pickled environment and unpickled when first used.

    Speed: unpickling thousands of entries (frozen dataclasses restore themselves in
    Python) took longer than all of Sphinx's own no-op rebuild, which needs none of them.
    Once :meth:`save` has written the value to a file beside the environment pickle, the
    environment holds only that file's name and a token naming this version of it;
    otherwise it holds the value as one blob of bytes. Either way the value becomes
    objects again only when a page, an export or a transform asks for it. Memory: the
    file is written as a stream while the stores are loaded, when the build holds little
    else, so pickling the environment later builds no big blob of bytes.
    """

    __slots__ = ("_blob", "_file", "_value")

    def __init__(self, value: _T) -> None:
        self._value: _T | None = value
        self._blob: bytes | None = None
        #: The side file and the token written at its start.
        self._file: tuple[str, str] | None = None

    def get(self) -> _T:
        if self._blob is not None:
            self._value, self._blob = pickle.loads(self._blob), None
        elif self._value is None and self._file is not None:
            path, token = self._file
            with open(path, "rb") as stream:
                if pickle.load(stream) != token:
                    raise RuntimeError(f"{path} was replaced by another build")
                kind = pickle.load(stream)
                self._value = kind.read_from(stream) if kind else pickle.load(stream)
        return self._value  # type: ignore[return-value]

    def save(self, path: str) -> None:
        """Write the value to ``path`` (atomically), to be read back from there."""
        value, token = self.get(), secrets.token_hex(8)
        partial = f"{path}.{os.getpid()}.tmp"
        chunked = hasattr(value, "write_to")
        with open(partial, "wb") as stream:
            pickle.dump(token, stream, pickle.HIGHEST_PROTOCOL)
            pickle.dump(type(value) if chunked else None, stream, pickle.HIGHEST_PROTOCOL)
            if chunked:
                value.write_to(stream)  # type: ignore[attr-defined]
            else:
                pickle.dump(value, stream, pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
        self._file = (path, token)

    def release(self) -> None:
        """Let go of the value if its file holds it (it is read back when asked for)."""
        if self._file is not None:
            self._value = None

    def readable(self) -> bool:
        """Whether :meth:`get` can give the value: it is held, or its file is the one
        :meth:`save` wrote (not deleted, nor replaced by a build that did not finish)."""
        if self._value is not None or self._blob is not None or self._file is None:
            return True
        path, token = self._file
        try:
            with open(path, "rb") as stream:
                return bool(pickle.load(stream) == token)
        except (OSError, pickle.UnpicklingError, EOFError):
            return False

    def __getstate__(self) -> tuple[bytes | None, tuple[str, str] | None]:
        if self._file is not None:
            return None, self._file
        if self._blob is not None:  # never unpacked: still what was read
            return self._blob, None
        return pickle.dumps(self._value, pickle.HIGHEST_PROTOCOL), None

    def __setstate__(self, state: tuple[bytes | None, tuple[str, str] | None]) -> None:
        self._value, (self._blob, self._file) = None, state


@dataclass
class _ParsedBibs:
    files: dict[str, BibFile] = field(default_factory=dict)
    entries: tuple[Publication, ...] = ()
    by_key: dict[str, Publication] = field(default_factory=dict)
    fields: frozenset[str] = frozenset()

    def write_to(self, stream: BinaryIO) -> None:
        """Pickle the entries a few hundred at a time, then the files and the merged list
        as indexes into them.

        Memory: one pickle of everything remembers every object it wrote (so that shared
        ones are written once) until it ends; for 10,000 entries that memo grew the
        process by 17 MiB for the rest of the build. Each chunk's memo is dropped with it.
        """
        numbers: dict[int, int] = {}
        entries: list[Publication] = []

        def number(entry: Publication) -> int:
            found = numbers.setdefault(id(entry), len(entries))
            if found == len(entries):
                entries.append(entry)
            return found

        files = {
            path: (bibfile.path, [number(entry) for entry in bibfile.entries], bibfile.problems)
            for path, bibfile in self.files.items()
        }
        merged = [number(entry) for entry in self.entries]
        pickle.dump(len(entries), stream, pickle.HIGHEST_PROTOCOL)
        for start in range(0, len(entries), _CHUNK):
            pickle.dump(entries[start : start + _CHUNK], stream, pickle.HIGHEST_PROTOCOL)
        pickle.dump((files, merged, self.fields), stream, pickle.HIGHEST_PROTOCOL)

    @classmethod
    def read_from(cls, stream: BinaryIO) -> _ParsedBibs:
        from sphinx_academic.readers.bibtex import BibFile

        count = pickle.load(stream)
        entries: list[Publication] = []
        while len(entries) < count:
            entries += pickle.load(stream)
        files, merged, fields = pickle.load(stream)
        merged_entries = tuple(entries[n] for n in merged)
        return cls(
            {
                path: BibFile(name, tuple(entries[n] for n in numbers), problems)
                for path, (name, numbers, problems) in files.items()
            },
            merged_entries,
            {entry.key.lower(): entry for entry in merged_entries},
            fields,
        )


#: Entries per pickle in a side file (see :meth:`_ParsedBibs.write_to`).
_CHUNK = 500


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

    def refresh(self, paths: Sequence[str], side_file: str | None = None) -> list[Problem]:
        """Re-read changed files; return every problem the files have now. When anything
        changed, the parsed data is saved to ``side_file`` (see :class:`Packed`).

        Problems are returned on every build while they last, not only when a file is
        parsed, so ``-W`` fails an incremental build of a broken file too.
        """
        if not self.parsed.readable():  # its side file is gone: read everything again
            self.parsed, self.stamps, self.file_problems = Packed(_ParsedBibs()), {}, {}
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
            if side_file:
                self.parsed.save(side_file)
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
    #: The profile, unpickled when first used (see :class:`Packed`); ``None`` before any
    #: file is read.
    packed: Packed[Profile | None] = field(default_factory=lambda: Packed(None))
    problems: tuple[Problem, ...] = ()
    #: Files that gave nothing but problems (unreadable, a syntax error, empty).
    unread: tuple[str, ...] = ()
    #: What every page's head needs, kept outside :attr:`packed` (speed: writing the
    #: search and index pages of a no-op rebuild does not unpickle the whole profile).
    has_news: bool = False
    #: The owner's name as plain text (the feed's title on every page).
    owner_name: str = ""

    @property
    def profile(self) -> Profile:
        profile = self.packed.get()
        if profile is None:
            from sphinx_academic.model.profile_records import Profile

            return Profile()
        return profile

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(path for path, _ in self.stamps)

    def refresh(self, paths: Sequence[str], side_file: str | None = None) -> list[Problem]:
        """Re-read all files when any changed (merging needs them all); return every
        problem they have now. What was read is saved to ``side_file`` (see
        :class:`Packed`)."""
        stamps = tuple((path, FileStamp.of(path)) for path in paths)
        unchanged = stamps == self.stamps and all(stamp for _, stamp in stamps)
        if not (unchanged and self.packed.readable()):
            from sphinx_academic.model.profile_records import Basics
            from sphinx_academic.readers.profile import merge_profiles, read_profile
            from sphinx_academic.render.plaintext import markup_text

            self.stamps = stamps
            read = [read_profile(path) for path in paths]
            merged = merge_profiles(profile for profile, _ in read)
            packed: Packed[Profile | None] = Packed(merged)
            self.packed = packed
            if side_file:
                self.packed.save(side_file)
            self.has_news = bool(merged.news)
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
    """The configured profile files as absolute paths."""
    return _absolute(app, app.config.academic_profile)


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
    env, cache = app.env, str(app.doctreedir)
    os.makedirs(cache, exist_ok=True)
    publications = os.path.join(cache, PUBLICATIONS_FILE)
    diagnostics.report(get_store(env).refresh(bib_paths(app), publications))
    profile = os.path.join(cache, PROFILE_FILE)
    diagnostics.report(get_profile_store(env).refresh(profile_paths(app), profile))


def release(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: every page is read, so the parsed entries are let go until the
    exports or a page's head ask for them. Memory: writing the pages can then reuse their
    memory (the entries are about 27 MiB at 10,000 entries); it lowered that build's
    peak by about 7 MiB. The profile is kept: it is small (about 1 MiB for 1,000 news
    items and 500 entries), and reading it back for the feed took 50 ms."""
    get_store(env).parsed.release()
