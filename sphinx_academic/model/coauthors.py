"""Co-authors: the people whose names link to their pages, and how a name finds its person.

A name in an author list belongs to a co-author when it names the same person as the
co-author's ``name`` or one of their ``aliases``, by the rules that find the site owner
(:func:`~sphinx_academic.model.names.same_person`: initials, accents, particles). The
file's format is declared in :mod:`sphinx_academic.model.coauthor_schema`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sphinx_academic.model.names import Author, NameKey, parse_name, same_person

__all__ = ["Coauthor", "CoauthorMatcher"]


@dataclass(frozen=True, slots=True)
class Coauthor:
    """One person of the co-authors file."""

    name: str
    #: The checked link target (http, https or mailto).
    url: str
    aliases: tuple[str, ...] = ()
    #: Where the person is written: ``path:line``.
    location: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class CoauthorMatcher:
    """Finds the co-authors an author name belongs to."""

    def __init__(self, people: Iterable[Coauthor]) -> None:
        #: Spellings by the last word of their family name: two names of one person end
        #: in the same word, so only those are compared.
        self._by_last_word: dict[str, list[tuple[NameKey, Coauthor]]] = {}
        for person in people:
            for spelling in person.spellings:
                key = parse_name(spelling)
                if key.family:
                    self._by_last_word.setdefault(key.family[-1], []).append((key, person))
        self._found: dict[Author, tuple[Coauthor, ...]] = {}

    def __bool__(self) -> bool:
        return bool(self._by_last_word)

    def people(self, author: Author) -> tuple[Coauthor, ...]:
        """The co-authors ``author`` names, in file order (two or more: ambiguous)."""
        found = self._found.get(author)
        if found is None:
            key = author.key
            candidates = self._by_last_word.get(key.family[-1], []) if key.family else []
            matched = [person for spelling, person in candidates if same_person(spelling, key)]
            found = self._found[author] = tuple(dict.fromkeys(matched))
        return found
