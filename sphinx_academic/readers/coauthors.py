"""The co-authors file (``academic_coauthors``, YAML or JSON) -> :class:`Coauthor` records.

Never raises on bad content. Everything wrong with the file is an ``academic.coauthors``
problem at its line: a file that cannot be read or parsed, a file that is not a list, a
person without a name or url, an unknown key, a url that is not http(s) or mailto. A
person with a problem is left out; the others are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.coauthor_schema import CoauthorModel
from sphinx_academic.model.coauthors import Coauthor, CoauthorMatcher
from sphinx_academic.model.links import SAFE_SCHEMES, safe_url
from sphinx_academic.model.names import OwnerMatcher
from sphinx_academic.model.publication import Publication
from sphinx_academic.model.validation import validate_partial
from sphinx_academic.readers.yamlsafe import Document, load_file

SUBTYPE = "coauthors"


def read_coauthors(path: str) -> tuple[tuple[Coauthor, ...], list[Problem]]:
    """The people of the file at ``path`` and its problems."""
    document, problems = load_file(path)
    problems = [replace(problem, subtype=SUBTYPE) for problem in problems]
    if document is None:
        return (), problems
    people, found = read_document(document)
    return people, problems + found


def read_document(document: Document) -> tuple[tuple[Coauthor, ...], list[Problem]]:
    """The people of a loaded co-authors file."""
    if not isinstance(document.data, list):
        kind = type(document.data).__name__ if document.data is not None else "nothing"
        message = f"expected a list of co-authors (name, url, aliases), found {kind}"
        return (), [document.problem((), message, SUBTYPE)]
    people: list[Coauthor] = []
    problems: list[Problem] = []
    for index, item in enumerate(document.data):
        person, found = _person(document, index, item)
        problems += found
        if person is not None:
            people.append(person)
    return tuple(people), problems


def _person(document: Document, index: int, item: object) -> tuple[Coauthor | None, list[Problem]]:
    model, issues = validate_partial(CoauthorModel, item)
    located = document.problems_from((index,), issues)
    problems = [replace(problem, subtype=SUBTYPE) for problem in located]
    if model is None:
        return None, problems
    url = safe_url(model.url)
    if url is None or urlsplit(url).scheme.lower() not in SAFE_SCHEMES:
        message = f"url {model.url!r} of {model.name!r} is not an http(s) or mailto address"
        return None, [*problems, document.problem((index, "url"), message, SUBTYPE)]
    where = document.value_at((index,))
    location = f"{document.path}:{where.line if where else 1}"
    aliases = tuple(alias for alias in model.aliases if alias)
    return Coauthor(model.name, url, aliases, location), problems


def ambiguous_names(
    entries: Iterable[Publication], people: CoauthorMatcher, owner: OwnerMatcher
) -> list[Problem]:
    """A problem at each entry with a name that matches two or more people of the
    co-authors file (such a name links to nobody); the owner's name is never linked."""
    problems: list[Problem] = []
    for pub in entries:
        for author in (*pub.authors, *pub.editors):
            found = people.people(author)
            if len(found) > 1 and not owner.is_owner(author):
                names = " and ".join(f"{p.name!r} ({p.location})" for p in found)
                message = f"{pub.key}: {author.display!r} matches {names}; not linked"
                problems.append(Problem(pub.path, message, SUBTYPE, pub.line))
    return problems
