"""The publication record and the rules that derive what an entry shows from its fields."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from sphinx_academic.model.identifiers import bare_identifier
from sphinx_academic.model.names import Author, without_markers
from sphinx_academic.model.richtext import RichText, decode, markdown_rich, plain, rich

#: Fields that only drive presentation (al-folio's list plus our own); the BibTeX shown to
#: readers for copying leaves them out.
PRESENTATION_FIELDS = frozenset(
    {
        "abbr",
        "abstract",
        "additional_info",
        "altmetric",
        "annotation",
        "arxiv",
        "award",
        "award_name",
        "bibtex_show",
        "blog",
        "code",
        "dimensions",
        "google_scholar_id",
        "hal",
        "html",
        "inspirehep_id",
        "pdf",
        "poster",
        "preview",
        "selected",
        "slides",
        "supp",
        "video",
        "website",
    }
)

#: Fields al-folio writes in Markdown rather than LaTeX.
MARKDOWN_FIELDS = frozenset({"additional_info"})

#: Entry types of BibTeX and biblatex; anything else is read as ``misc`` with a warning.
KNOWN_TYPES = frozenset(
    {
        "article",
        "book",
        "booklet",
        "conference",
        "inbook",
        "incollection",
        "inproceedings",
        "manual",
        "mastersthesis",
        "misc",
        "phdthesis",
        "proceedings",
        "techreport",
        "unpublished",
        # biblatex
        "online",
        "report",
        "thesis",
        "collection",
        "dataset",
        "software",
        "patent",
        "electronic",
        "www",
        "preprint",
        "mvbook",
        "suppbook",
        "reference",
    }
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
#: Year texts of work not out yet ("in press", "forthcoming", ...): they sort as newest.
_FORTHCOMING = re.compile(
    r"in\s*press|forthcoming|to\s+appear|accepted|submitted|under\s+review|in\s+prep",
    re.IGNORECASE,
)
#: biblatex ``pubstate`` values and how they read, shown when there is no year.
_PUBSTATES = {
    "inpress": "in press",
    "forthcoming": "forthcoming",
    "inpreparation": "in preparation",
    "submitted": "submitted",
    "prepublished": "prepublished",
}
#: The sort value of a forthcoming entry's year: after every real year.
FORTHCOMING_YEAR = 9999
_TRUE = frozenset({"true", "yes", "1", "on"})
_KEYWORD_SEPARATORS = re.compile(r"[,;]")

#: Fields that hold an article number, which journals without page numbers give instead
#: of pages: biblatex's ``eid``, ACM's ``articleno``, Web of Science's ``article-number``.
ARTICLE_NUMBER_FIELDS = ("eid", "articleno", "article-number")
#: A single ``pages`` value that is an article number and not a page: five or more digits,
#: after at most one letter (Elsevier's ``102451``, PLOS's ``e0123456``, APS's
#: ``L041101``). A single page that far into a volume is rare; a shorter article number
#: (Frontiers' ``1234``) cannot be told from a page and belongs in ``eid``.
_ARTICLE_NUMBER_PAGES = re.compile(r"[A-Za-z]?\d{5,}")


@dataclass(frozen=True, slots=True)
class Publication:
    """One BibTeX entry, decoded once when its file is read."""

    #: The citation key, as written.
    key: str
    #: Entry type in lower case (``article``, ``inproceedings``, ...).
    type: str
    #: Raw LaTeX values by lower-case field name, ``@string`` macros expanded, file order.
    fields: Mapping[str, str]
    #: Authors in file order (empty when the entry has none).
    authors: tuple[Author, ...]
    #: Editors in file order.
    editors: tuple[Author, ...]
    #: The BibTeX file the entry comes from.
    path: str
    #: 1-based line of the ``@`` that opens the entry.
    line: int
    #: Position among all entries of all configured files: the stable "file order".
    index: int
    #: Decoded title.
    title: RichText = field(default=())
    #: Publication year, when one can be read from ``year`` or ``date``.
    year: int | None = None
    #: Publication month (1-12), when known.
    month: int | None = None

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def title_text(self) -> str:
        """The title as plain text (for alt text, sorting and links)."""
        return "".join(span.text for span in self.title) or self.key

    def get(self, name: str) -> str:
        """Raw value of a field, ``""`` when absent."""
        return self.fields.get(name, "")

    def text(self, name: str) -> str:
        """Decoded plain-text value of a field, ``""`` when absent."""
        value = self.fields.get(name)
        return plain(value) if value else ""

    def rich(self, name: str) -> RichText:
        value = self.fields.get(name)
        if not value:
            return ()
        return markdown_rich(value) if name in MARKDOWN_FIELDS else rich(value)

    @property
    def year_label(self) -> str:
        """The year as written when it is more than a year (``in press``, ``2020a``), or
        the biblatex ``pubstate`` when there is no year; ``""`` for a plain year."""
        text = self.text("year").strip()
        if not text and not self.get("date"):
            state = self.get("pubstate").strip().lower()
            return _PUBSTATES.get(state, state)
        return "" if _YEAR.fullmatch(text) else text

    @property
    def year_sort(self) -> int | None:
        """The year to sort and group by: the year's digits, :data:`FORTHCOMING_YEAR` for
        work not out yet, ``None`` when unknown."""
        if self.year is not None:
            return self.year
        if _FORTHCOMING.search(self.year_label):
            return FORTHCOMING_YEAR
        return None

    @property
    def article_number(self) -> str:
        """The article number: the first of :data:`ARTICLE_NUMBER_FIELDS` that is set, else
        a single ``pages`` value shaped like one (``102451``); ``""`` when there is none."""
        for name in ARTICLE_NUMBER_FIELDS:
            value = self.text(name).strip()
            if value:
                return value
        pages = self.text("pages").strip()
        return pages if _ARTICLE_NUMBER_PAGES.fullmatch(pages) else ""

    @property
    def page_text(self) -> str:
        """The pages as written, decoded; ``""`` when they are the article number."""
        pages = self.text("pages").strip()
        return "" if pages == self.article_number else pages

    @property
    def keywords(self) -> tuple[str, ...]:
        """The topics of ``keywords`` (separated by commas or semicolons), decoded, in
        file order, each once (letter case aside)."""
        seen: dict[str, str] = {}
        for word in _KEYWORD_SEPARATORS.split(self.text("keywords")):
            word = " ".join(word.split())
            if word:
                seen.setdefault(word.casefold(), word)
        return tuple(seen.values())

    @property
    def selected(self) -> bool:
        return self.get("selected").strip().lower() in _TRUE

    def raw_identifier(self, name: str) -> str:
        """The value of an identifier field as written; for ``arxiv`` also an ``eprint``
        with ``archiveprefix``/``eprinttype`` arXiv."""
        value = self.get(name).strip()
        if name == "arxiv" and not value:
            prefix = (self.get("archiveprefix") or self.get("eprinttype")).strip().lower()
            value = self.get("eprint").strip() if prefix == "arxiv" else ""
        return value

    @property
    def arxiv_id(self) -> str:
        """The bare arXiv identifier (``2101.00001``), also from ``arXiv:2101.00001`` or an
        arxiv.org address, in ``arxiv`` or an arXiv ``eprint``; ``""`` when there is none."""
        return bare_identifier("arxiv", self.raw_identifier("arxiv")) or ""

    @property
    def doi(self) -> str:
        """The bare DOI (``10.1000/x``), also from ``doi:10.1000/x`` or a doi.org address;
        ``""`` when there is none."""
        return bare_identifier("doi", self.get("doi")) or ""

    @property
    def is_preprint(self) -> bool:
        if self.type in {"misc", "unpublished", "online", "preprint", "electronic", "www"}:
            return bool(self.raw_identifier("arxiv")) or "arxiv" in self.venue_name.lower()
        if self.type == "article":
            return bool(re.search(r"arxiv|biorxiv|medrxiv|preprint", self.venue_name, re.I))
        return False

    @property
    def venue_field(self) -> str:
        """The field naming the venue for this entry type (journal, booktitle, school,
        institution, publisher, ...), or ``""`` when the entry has none."""
        for name in _VENUE_FIELDS.get(self.type, _DEFAULT_VENUE_FIELDS):
            if self.get(name):
                return name
        return ""

    @property
    def venue_name(self) -> str:
        """The venue as plain text."""
        return self.text(self.venue_field) if self.venue_field else ""

    def cleaned_bibtex(self) -> str:
        """The entry as BibTeX for readers to copy: presentation-only fields removed (by
        field, never by text), contribution markers taken out of names, months as the
        standard macros, no ``crossref`` (its fields were inherited already), and an
        ``arxiv`` identifier as ``eprint`` with ``archiveprefix``."""
        lines = [f"@{self.type}{{{self.key},"]
        for name, value in self.fields.items():
            if name in PRESENTATION_FIELDS or name == "crossref":
                continue
            lines.append(f"  {name} = {_bibtex_value(name, value)},")
        arxiv = "" if self.get("eprint") else self.arxiv_id
        if arxiv:
            # al-folio's arxiv field, kept in the standard form tools read.
            lines += [f"  eprint = {{{arxiv}}},", "  archiveprefix = {arXiv},"]
        lines.append("}")
        return "\n".join(lines)


_VENUE_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("journal", "journaltitle"),
    "inproceedings": ("booktitle", "eventtitle"),
    "conference": ("booktitle", "eventtitle"),
    "incollection": ("booktitle",),
    "inbook": ("booktitle", "title"),
    "phdthesis": ("school", "institution"),
    "mastersthesis": ("school", "institution"),
    "thesis": ("school", "institution"),
    "techreport": ("institution", "school"),
    "report": ("institution",),
    "book": ("publisher",),
    "proceedings": ("publisher", "organization"),
    "manual": ("organization", "institution"),
}
_DEFAULT_VENUE_FIELDS = (
    "journal",
    "booktitle",
    "school",
    "institution",
    "publisher",
    "howpublished",
    "organization",
)


_MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bibtex_value(name: str, value: str) -> str:
    if name in {"author", "editor"}:
        return "{" + without_markers(value) + "}"
    if name == "month" and value.strip().lower() in _MONTHS:
        return _MONTH_MACROS[_MONTHS[value.strip().lower()] - 1]
    return "{" + value + "}"


def parse_year(fields: Mapping[str, str]) -> int | None:
    for name in ("year", "date"):
        match = _YEAR.search(fields.get(name, ""))
        if match:
            return int(match.group(1))
    return None


def parse_month(fields: Mapping[str, str]) -> int | None:
    """The month (1-12) from ``month`` or an ISO ``date``; ``None`` when neither has one."""
    month = _month_number(fields.get("month", ""))
    if month is not None:
        return month
    date = re.match(r"\d{4}-(\d{2})", fields.get("date", ""))
    if date and 1 <= int(date.group(1)) <= 12:
        return int(date.group(1))
    return None


def unusable_month(fields: Mapping[str, str]) -> str | None:
    """The ``month`` value when it is given but is no month, else ``None``."""
    value = fields.get("month", "").strip()
    return value if value and _month_number(value) is None else None


def _month_number(value: str) -> int | None:
    month = decode(value).strip().lower().rstrip(".")
    if month.isdigit():
        return int(month) if 1 <= int(month) <= 12 else None
    return _MONTHS.get(month)
