"""Warnings: the problems readers find, the documented subtypes, how locations are written.

Readers never raise on bad input: they return what they could read plus a list of
:class:`Problem` records, which :func:`report` turns into Sphinx warnings. Every warning
has ``type="academic"`` and one of :data:`SUBTYPES`, so users can silence a kind with
``suppress_warnings = ["academic.link"]``; each is documented in
``docs/reference/warnings.rst``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sphinx.util import logging

logger = logging.getLogger("sphinx_academic")

WARNING_TYPE = "academic"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a data file, at a place a user can find."""

    #: Path of the data file, as given to the reader.
    path: str
    #: The message shown to the user.
    message: str
    #: Documented warning subtype, e.g. ``"bibtex"`` (see docs/reference/warnings).
    subtype: str
    #: 1-based line, when the reader knows it.
    line: int | None = None
    #: 1-based column, when the reader knows it.
    column: int | None = None

    @property
    def location(self) -> str:
        """``path:line`` (or ``path:line:column``), the form Sphinx prints."""
        parts = [self.path, str(self.line or 1)]
        if self.column:
            parts.append(str(self.column))
        return ":".join(parts)


#: Subtype -> what it reports (the docs' troubleshooting table is checked against this).
SUBTYPES: dict[str, str] = {
    "file": "a configured data file is missing, a directory, or unreadable",
    "bibtex": "BibTeX syntax error, undefined @string macro, unreadable names, non-UTF-8 file",
    "duplicate": "a BibTeX key defined twice, in one file or across files",
    "entry": "an entry without a title, of an unknown type, or with a dangling crossref",
    "key": "an unknown key in the publication directive or the :pub: role",
    "filter": "a :filter: expression that does not parse or uses something not allowed",
    "option": "a directive option with a value that is not allowed",
    "asset": "a preview, pdf or other file that is missing or outside the source directory",
    "link": "a link with a scheme other than http, https or mailto (dropped)",
    "ref": "a :pub: reference to an entry that no page renders",
    "yaml": "a YAML syntax error, tab, duplicate key, refused tag or alias bomb in a profile",
    "json": "a JSON syntax error in a profile",
    "profile": "a profile value of the wrong type, an unknown key, or an empty profile",
    "date": "an impossible date, or an end date before the start date",
    "news": "a news item without a date or text",
    "section": "a directive names a profile section that does not exist",
    "markup": "reStructuredText markup in a profile text field that does not parse",
    "feed": "news without html_baseurl: the Atom feed needs absolute links",
    "pages": "a publication page that cannot be written, would overwrite a file "
    "sphinx-academic did not write, or is shared by two keys; a second page for one key",
    "config": "an academic_* value in conf.py of a type none of its accepted forms fits",
    "latex": "a LaTeX command in a BibTeX field that is not known (shown as its argument)",
    "math": "math from a data file that could read files, run programs or make links",
    "coauthors": "a co-authors file that cannot be read or is not a list of people with a "
    "name and an http(s) or mailto url, or an author name that matches two of its people",
    "metrics": "a metrics file that is not valid JSON or not of the format, a bad entry in "
    "it, or an unknown academic_citation_source",
}


def warn(message: str, location: Any, subtype: str) -> None:  # location None: in message
    """Log a warning; ``location`` is a node, a docname, ``(docname, line)`` or a
    ``"path:line"`` string (data files)."""
    assert subtype in SUBTYPES, subtype
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


def report(problems: Iterable[Problem]) -> None:
    """Log the problems a reader found, at their file and line."""
    for problem in problems:
        warn(problem.message, problem.location, problem.subtype)
