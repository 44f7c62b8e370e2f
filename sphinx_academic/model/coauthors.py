"""Co-authors: the people whose names link to their pages, and how a name finds its person.

A name in an author list belongs to a co-author when it names the same person as the
co-author's ``name`` or one of their ``aliases``, by the rules that find the site owner
(:func:`~sphinx_academic.model.names.same_person`: initials, accents, particles).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, RootModel

from sphinx_academic.model.names import Author, NameKey, parse_name, same_person

__all__ = ["Coauthor", "CoauthorMatcher", "CoauthorModel", "CoauthorsModel"]


class CoauthorModel(BaseModel):
    """A co-author: their name as papers spell it, the page their name links to, and
    other spellings of the name."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, description="The name, 'Given Family' or 'Family, Given'.")
    url: str = Field(
        min_length=1, description="The page the name links to (http, https or mailto)."
    )
    aliases: list[str] = Field(
        default=[], description="Other spellings of the name found in BibTeX files."
    )


class CoauthorsModel(RootModel[list[CoauthorModel]]):
    """The co-authors file (``academic_coauthors``): a list of people."""


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
