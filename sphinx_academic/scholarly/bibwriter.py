"""Adding imported works to a user's bib file without disturbing what is there.

New entries are appended, in al-folio's style (key ``familyYEARword``, one field per
line). Works already in the file (same DOI, arXiv id or normalised title) are skipped;
with ``update`` their missing fields are added by inserting lines into that entry's own
text, so every other byte of the file (comments, formatting, ``@string`` macros, other
entries) stays as the user wrote it.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from pybtex.database import Person

from sphinx_academic.model.publication import Publication
from sphinx_academic.scholarly.matching import normal_arxiv, normal_doi, normal_title
from sphinx_academic.scholarly.works import VENUE_FIELDS, NewWork

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: Words a key never takes from a title.
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "with", "from", "by"}
    | {"at", "as", "is", "are", "via", "towards", "toward"}
)
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\~{}",
    "^": r"\^{}",
    "{": "",
    "}": "",
}
_SPECIAL = re.compile("|".join(map(re.escape, _LATEX_SPECIALS)))
#: In names, also ``*``: at the end of a name part it would be read as a contribution mark.
_NAME_SPECIAL = re.compile("|".join(map(re.escape, [*_LATEX_SPECIALS, "*"])))
#: Characters an address cannot hold as they are in a braced value, percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


@dataclass
class Plan:
    """What an import changes: entries to add, fields to add to existing entries."""

    added: list[tuple[str, NewWork]] = field(default_factory=list)
    #: Existing entry -> ``(field, value)`` lines to add to it.
    updated: list[tuple[Publication, list[tuple[str, str]]]] = field(default_factory=list)
    #: Works already in the file (or given twice), left alone.
    skipped: int = 0


def bibtex_value(text: str) -> str:
    """Text as a braced BibTeX value: LaTeX's special characters escaped, braces dropped
    (a stray brace from a web service would break the file)."""
    return _SPECIAL.sub(lambda found: _LATEX_SPECIALS[found.group(0)], text)


def bibtex_name(name: str) -> str:
    """``name`` as one author of an ``author`` field: LaTeX's special characters escaped
    and braced (a trailing ``&`` or ``*`` would be read as a contribution mark), braces
    left out (BibTeX counts them even when escaped), and the word "and" braced (it would
    begin another author). A comma keeps its BibTeX meaning ("Family, Given")."""

    def escape(found: re.Match[str]) -> str:
        escaped = _LATEX_SPECIALS.get(found.group(0), found.group(0))
        return "{" + escaped + "}" if escaped else ""

    words = [_NAME_SPECIAL.sub(escape, word) for word in name.split()]
    return " ".join("{and}" if word.lower() == "and" else word for word in words if word)


def url_value(url: str) -> str:
    """A web address as a braced value: characters a value cannot hold as they are
    (spaces, braces, backslashes) percent-encoded, so the address stays the same."""
    return quote(url.strip(), safe=_URL_SAFE)


def verbatim_value(text: str) -> str:
    """An identifier or URL as a braced value: taken as written (styles print ``doi`` and
    ``url`` verbatim), without braces or backslashes."""
    return re.sub(r"[{}\\\s]", "", text)


def fields_of(work: NewWork) -> list[tuple[str, str]]:
    """The work's fields in the order they are written, values ready for the file."""
    venue = VENUE_FIELDS.get(work.type, "howpublished")
    if work.type == "misc" and work.arxiv and not work.venue:
        work = work._replace(venue=f"arXiv preprint arXiv:{work.arxiv}")
    values = [
        ("title", bibtex_value(work.title)),
        ("author", " and ".join(bibtex_name(name) for name in work.authors)),
        (venue, bibtex_value(work.venue)),
        ("year", str(work.year) if work.year else ""),
        ("month", MONTHS[work.month - 1] if work.month else ""),
        ("doi", verbatim_value(work.doi)),
        ("arxiv", verbatim_value(work.arxiv)),
        ("url", url_value(work.url) if work.url.startswith(("https://", "http://")) else ""),
        ("abstract", bibtex_value(work.abstract)),
    ]
    return [(name, value) for name, value in values if value]


def _field_line(name: str, value: str) -> str:
    return f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},"


def entry_text(key: str, work: NewWork) -> str:
    lines = [f"@{work.type}{{{key},", *(_field_line(n, v) for n, v in fields_of(work)), "}"]
    return "\n".join(lines) + "\n"


def _ascii_word(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", decomposed.encode("ascii", "ignore").decode().lower())


def key_for(work: NewWork, taken: set[str]) -> str:
    """``familyYEARword`` (al-folio's keys), made unique against ``taken`` (lower case)
    with a letter: ``smith2020deep``, ``smith2020deepb``."""
    family = ""
    if work.authors:
        person = Person(work.authors[0])
        family = _ascii_word(" ".join(person.last_names) or work.authors[0])
    words = [_ascii_word(word) for word in work.title.split()]
    word = next((w for w in words if w and w not in _SMALL_WORDS), "")
    base = f"{family or 'anon'}{work.year or ''}{word}"
    key, suffix = base, ord("b")
    while key.lower() in taken:
        key, suffix = f"{base}{chr(suffix)}", suffix + 1
    taken.add(key.lower())
    return key


class _Known:
    """The identifiers of the works seen so far, to tell duplicates."""

    def __init__(self) -> None:
        self.dois: dict[str, Publication | None] = {}
        self.arxiv: dict[str, Publication | None] = {}
        self.titles: dict[str, Publication | None] = {}

    def add(self, doi: str, arxiv: str, title: str, pub: Publication | None) -> None:
        for table, value in ((self.dois, doi), (self.arxiv, arxiv), (self.titles, title)):
            if value:
                table.setdefault(value, pub)

    def find(self, work: NewWork) -> tuple[bool, Publication | None]:
        """Whether the work is known, and the existing entry it is (``None``: a work
        of this same import)."""
        for table, value in (
            (self.dois, normal_doi(work.doi)),
            (self.arxiv, normal_arxiv(work.arxiv)),
            (self.titles, normal_title(work.title)),
        ):
            if value and value in table:
                return True, table[value]
        return False, None


def plan(existing: Sequence[Publication], works: Iterable[NewWork], update: bool) -> Plan:
    """What importing ``works`` into a file holding ``existing`` changes."""
    known = _Known()
    for pub in existing:
        title = normal_title(pub.title_text) if pub.title else ""
        known.add(normal_doi(pub.doi), normal_arxiv(pub.arxiv_id), title, pub)
    taken = {pub.key.lower() for pub in existing}
    result = Plan()
    updates: dict[str, tuple[Publication, list[tuple[str, str]]]] = {}
    for work in works:
        seen, same = known.find(work)
        if not seen:
            known.add(
                normal_doi(work.doi), normal_arxiv(work.arxiv), normal_title(work.title), None
            )
            result.added.append((key_for(work, taken), work))
            continue
        result.skipped += 1
        if update and same is not None:
            _, lines = updates.setdefault(same.key, (same, []))
            have = {name for name, _ in lines}
            lines += [(n, v) for n, v in _missing(same, work) if n not in have]
    result.updated = [(pub, lines) for pub, lines in updates.values() if lines]
    return result


def _missing(pub: Publication, work: NewWork) -> list[tuple[str, str]]:
    """The work's fields the entry lacks (a venue only when it has none)."""
    present = set(pub.fields) | ({"arxiv"} if pub.arxiv_id else set())
    result = []
    for name, value in fields_of(work):
        if name in VENUE_FIELDS.values() and pub.venue_field:
            continue
        if name not in present:
            result.append((name, value))
    return result


def apply(text: str, existing: Sequence[Publication], changes: Plan) -> str:
    """``text`` with the planned fields inserted into their entries and the new entries
    appended."""
    newline = "\r\n" if "\r\n" in text else "\n"
    for pub, lines in sorted(changes.updated, key=lambda item: -item[0].line):
        text = _insert_fields(text, pub, lines, newline)
    if changes.added:
        if text and not text.endswith("\n"):
            text += newline
        added = "".join("\n" + entry_text(key, work) for key, work in changes.added)
        text += added.replace("\n", newline)
    return text


def _insert_fields(text: str, pub: Publication, lines: list[tuple[str, str]], newline: str) -> str:
    """Insert field lines before the closing brace of ``pub``'s entry in ``text``."""
    start, end = entry_span(text, pub)
    body = text[start:end].rstrip()
    inner = body[:-1].rstrip()  # without the closing brace or parenthesis
    comma = "" if inner.endswith(",") else ","
    added = newline.join(_field_line(name, value) for name, value in lines)
    return text[:start] + inner + comma + newline + added + newline + body[-1] + text[end:]


def entry_span(text: str, pub: Publication) -> tuple[int, int]:
    """Where ``pub``'s entry (from ``@`` to its closing delimiter) is in ``text``."""
    offset = 0
    for _ in range(pub.line - 1):
        offset = text.index("\n", offset) + 1
    head = re.compile(rf"@\s*\w+\s*([{{(])\s*{re.escape(pub.key)}\s*,", re.IGNORECASE)
    found = head.search(text, offset)
    if found is None:
        raise ValueError(f"entry {pub.key!r} not found at line {pub.line}")
    close = "}" if found.group(1) == "{" else ")"
    depth, position = 1, found.end()
    try:
        while depth:
            char = text[position]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            elif char == close and depth == 1:
                depth = 0
            position += 1
    except IndexError:
        raise ValueError(f"entry {pub.key!r} at line {pub.line} is not closed") from None
    return found.start(), position


def write_bib(path: str, text: str) -> None:
    """Replace ``path`` with ``text`` atomically, keeping the file's permissions (a
    symbolic link stays one: the file it points to is replaced)."""
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    handle, partial = tempfile.mkstemp(prefix=".bib-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        if os.path.exists(path):
            shutil.copymode(path, partial)
        else:
            os.chmod(partial, 0o644)
        os.replace(partial, path)
    except BaseException:
        if os.path.exists(partial):
            os.unlink(partial)
        raise
