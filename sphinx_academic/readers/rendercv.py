"""Read other tools' CV files: RenderCV's ``cv:`` YAML and al-folio's ``_data/cv.yml``.

**RenderCV** (a top-level ``cv:`` key). Each entry's type is told from its keys, as
RenderCV does: ``institution`` + ``area`` EducationEntry, ``company`` + ``position``
ExperienceEntry, ``title`` + ``authors`` PublicationEntry, ``label`` + ``details``
OneLineEntry, ``name`` NormalEntry, ``bullet`` BulletEntry, ``number`` NumberedEntry,
``reversed_number`` ReverseNumberedEntry, and a plain string TextEntry. Section titles
come from the keys (``selected_honors`` -> ``Selected Honors``). RenderCV's Markdown
(``**bold**``, ``*italic*``, ``[text](url)``) becomes reStructuredText; everything else
is escaped. A highlight ``"Did X - detail one - detail two"`` (how YAML folds an indented
sub-list) gives a highlight with sub-items. A ``start_date`` without ``end_date`` runs to
the present, as in RenderCV. Unknown keys are ignored, as RenderCV does.

**al-folio** ``_data/cv.yml``: a list of ``{title, type, contents}`` where ``type`` is
``map`` (name/value pairs), ``time_table`` (title, institution, year, description,
items), ``nested_list`` (title, items) or ``list`` (strings). Its small HTML (``<a>``,
``<b>``, ``<i>``...) becomes reStructuredText; a ``year`` such as ``1933 - 1955`` or
``2015-now`` is a period.

Problems use the subtypes of :mod:`sphinx_academic.readers.profile`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Literal

from pydantic_core import CoreSchema
from pydantic_core import core_schema as cs

from sphinx_academic.model.dates import PartialDate, parse_date
from sphinx_academic.model.profile import (
    Basics,
    Entry,
    Link,
    Profile,
    Section,
    SectionKind,
    Source,
    profile_url,
    section_key,
)
from sphinx_academic.model.validation import (
    Record,
    any_list,
    date,
    either,
    list_of,
    one_or_more,
    record,
    text,
    texts,
    validate_partial,
)
from sphinx_academic.diagnostics import Problem
from sphinx_academic.readers.formats import is_alfolio_cv, is_rendercv, section_title
from sphinx_academic.readers.yamlsafe import DocPath, Document

__all__ = [
    "escape_rst",
    "html_to_rst",
    "is_alfolio_cv",
    "is_rendercv",
    "markdown_to_rst",
    "read_alfolio_cv",
    "read_rendercv",
    "section_title",
]

# =========================================================================================
# Inline markup: Markdown and HTML subsets -> reStructuredText
# =========================================================================================

TokenKind = Literal["text", "strong", "em", "link"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: TokenKind
    text: str
    url: str = ""


_SPECIAL = re.compile(r"([\\`*|])")
# "_" only makes markup at the end of a word (``name_``, ``name__``), never inside one.
_TRAILING_UNDERSCORE = re.compile(r"_(?![^\W_])")


def escape_rst(text: str) -> str:
    """Escape ``text`` so that reStructuredText shows it as is, with no markup."""
    return _TRAILING_UNDERSCORE.sub(r"\\_", _SPECIAL.sub(r"\\\1", text))


_MARKDOWN = re.compile(
    r"\[(?P<link>[^\]\n]*)\]\((?P<url>[^()\s]+)\)"
    r"|\*\*(?P<strong>[^\s*](?:(?:(?!\*\*).)*?[^\s*])?)\*\*"
    r"|\*(?P<em>[^\s*](?:[^*]*?[^\s*])?)\*",
    re.DOTALL,
)
_WHOLE_LINK = re.compile(r"\s*\[([^\]\n]*)\]\(([^()\s]+)\)\s*")


def markdown_to_rst(text: str) -> str:
    """RenderCV's Markdown (bold, italic, links) as one line of RST inline markup.

    Everything else is escaped, so no other RST markup can appear.
    """
    return _render(_markdown_tokens(_squash(text)))


def _squash(text: str) -> str:
    """Whitespace runs as one space; NUL removed (it marks markup in :func:`_render`)."""
    return " ".join(text.replace("\x00", "").split())


def _markdown_tokens(text: str) -> Iterator[_Token]:
    position = 0
    for match in _MARKDOWN.finditer(text):
        yield _Token("text", text[position : match.start()])
        position = match.end()
        if match.group("url"):
            yield _Token("link", _markdown_plain(match.group("link")), match.group("url"))
        elif match.group("strong") is not None:
            yield from _emphasis("strong", match.group("strong"), match.group())
        else:
            yield from _emphasis("em", match.group("em"), match.group())
    yield _Token("text", text[position:])


def _emphasis(kind: TokenKind, inner: str, whole: str) -> Iterator[_Token]:
    # RST cannot nest markup: a link inside wins over the emphasis around it.
    tokens = [token for token in _markdown_tokens(inner) if token.text or token.url]
    if any(token.kind == "link" for token in tokens):
        yield from tokens
    elif inner.strip():
        yield _Token(kind, _markdown_plain(inner))
    else:
        yield _Token("text", whole)


def _markdown_plain(text: str) -> str:
    """The text of Markdown without its markup."""
    return "".join(token.text for token in _markdown_tokens(text))


def _render(tokens: Iterator[_Token] | list[_Token]) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.kind == "text":
            parts.append(escape_rst(token.text))
        else:
            parts.append("\x00" + _markup(token) + "\x00")
    return _separate("".join(parts))


def _markup(token: _Token) -> str:
    if token.kind == "link":
        label = escape_rst(" ".join(token.text.split()) or token.url).replace("<", r"\<")
        return f"`{label} <{_escape_url(token.url)}>`__"
    marker = "**" if token.kind == "strong" else "*"
    return f"{marker}{escape_rst(' '.join(token.text.split()))}{marker}"


def _escape_url(url: str) -> str:
    url = re.sub(r"[<>`\\\s]", lambda m: f"%{ord(m.group()):02X}", url)
    # A trailing "_" would make the target a reference name instead of a URL.
    return url[:-1] + r"\_" if url.endswith("_") else url


# Characters after which, and before which, RST sees inline markup without help.
_OPENS_MARKUP = frozenset(" \t\n('\"")
_CLOSES_MARKUP = frozenset(" \t\n.,;:!?)'\"")


def _separate(text: str) -> str:
    """Replace the marks around markup by ``\\ `` where the neighbours would hide it.

    RST only sees markup after a space or some punctuation, and before one; an escaped
    space (which renders as nothing) turns ``a**b**c`` into ``a\\ **b**\\ c``.
    """
    out = ""
    pieces = text.split("\x00")
    for index, piece in enumerate(pieces):
        if index % 2 == 0:  # text
            out += piece
            continue
        before = out[-1:]
        if before and (before not in _OPENS_MARKUP or _closes(before, piece)):
            out += "\\ "
        after = pieces[index + 1][:1] if index + 1 < len(pieces) else ""
        out += piece + ("\\ " if after and after not in _CLOSES_MARKUP else "")
    return out


def _closes(opening: str, markup: str) -> bool:
    """RST ignores a start-string between matching brackets or quotes: ``(*)*``."""
    first = markup.lstrip("*`")[:1]
    return (opening, first) in {("(", ")"), ("'", "'"), ('"', '"')}


class _HTMLTokens(HTMLParser):
    """Tokens from a small HTML subset: ``<a href>``, ``<b>``/``<strong>``, ``<i>``/``<em>``."""

    _KINDS: dict[str, TokenKind] = {"b": "strong", "strong": "strong", "i": "em", "em": "em"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[_Token] = []
        self.href: str | None = None
        self.link_text: list[str] = []
        self.styles: list[TokenKind] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.link_text = []
        elif tag in self._KINDS:
            self.styles.append(self._KINDS[tag])
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.href is not None:
            text = "".join(self.link_text)
            self.tokens.append(
                _Token("link", text, self.href) if self.href else _Token("text", text)
            )
            self.href = None
        elif tag in self._KINDS and self.styles:
            self.styles.pop()

    def handle_data(self, data: str) -> None:
        if self.href is not None:
            self.link_text.append(data)
        elif self.styles and data.strip():
            self.tokens.append(_Token(self.styles[-1], data))
        else:
            self.tokens.append(_Token("text", data))


def html_to_rst(text: str) -> str:
    """al-folio's inline HTML as RST: links, bold and italic kept, other tags dropped."""
    parser = _HTMLTokens()
    parser.feed(_squash(text))
    parser.close()
    if parser.href is not None:  # an unclosed <a>: keep its text
        parser.tokens.append(_Token("text", "".join(parser.link_text)))
    return _render(_spaced(parser.tokens))


def _spaced(tokens: list[_Token]) -> list[_Token]:
    """Move spaces at the edges of styled runs outside, where RST needs them."""
    result: list[_Token] = []
    for token in tokens:
        if token.kind not in ("strong", "em"):
            result.append(token)
            continue
        text = token.text
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        result += [_Token("text", lead), _Token(token.kind, text.strip()), _Token("text", trail)]
    return result


# =========================================================================================
# Shared helpers
# =========================================================================================


def _source(document: Document, path: DocPath) -> Source:
    where = document.value_at(path)
    if where is None:
        return Source(document.path)
    return Source(document.path, where.line, where.column)


def _text(value: str | None, convert: Callable[[str], str]) -> str | None:
    """Converted text, or ``None`` for missing and blank values."""
    if value is None or not value.strip():
        return None
    return convert(" ".join(value.split()))


def _first(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return next((item for item in value if item), None)
    return value or None


def _loose(name: str, fields: dict[str, CoreSchema], required: tuple[str, ...] = ()) -> Record:
    """RenderCV and al-folio ignore keys they do not know, and so do we."""
    return Record(record(name, fields, required=required, extra="ignore"))


#: RenderCV's text is kept as written (its Markdown may start with spaces).
_TEXT = text(strip=False)
_REQUIRED_TEXT = text(strip=False, nullable=False)
_TEXTS = texts(strip=False)

# =========================================================================================
# RenderCV
# =========================================================================================

_SOCIAL_NETWORK = record(
    "SocialNetwork",
    {"network": _REQUIRED_TEXT, "username": _REQUIRED_TEXT},
    required=("network", "username"),
    extra="ignore",
)
_CONNECTION = record("CustomConnection", {"placeholder": _TEXT, "url": _TEXT}, extra="ignore")
_CV = _loose(
    "CV",
    {
        "name": _TEXT,
        "headline": _TEXT,
        "location": _TEXT,
        "email": one_or_more(strip=False),
        "phone": one_or_more(strip=False),
        "website": one_or_more(strip=False),
        "photo": _TEXT,
        "social_networks": list_of(_SOCIAL_NETWORK),
        "custom_connections": list_of(_CONNECTION),
    },
)
#: What every RenderCV entry may have.
_ENTRY_FIELDS: dict[str, CoreSchema] = {
    "date": date(),
    "start_date": date(),
    "end_date": date(),
    "location": _TEXT,
    "summary": _TEXT,
    "highlights": _TEXTS,
    "url": _TEXT,
}


def _entry(name: str, fields: dict[str, CoreSchema], required: tuple[str, ...]) -> Record:
    return _loose(name, {**_ENTRY_FIELDS, **fields}, required)


_EDUCATION = _entry(
    "EducationEntry",
    {"institution": _REQUIRED_TEXT, "area": _REQUIRED_TEXT, "degree": _TEXT},
    ("institution", "area"),
)
_EXPERIENCE = _entry(
    "ExperienceEntry",
    {"company": _REQUIRED_TEXT, "position": _REQUIRED_TEXT},
    ("company", "position"),
)
_PUBLICATION = _entry(
    "PublicationEntry",
    {"title": _REQUIRED_TEXT, "authors": _TEXTS, "doi": _TEXT, "journal": _TEXT},
    ("title", "authors"),
)
_ONE_LINE = _entry(
    "OneLineEntry", {"label": _REQUIRED_TEXT, "details": _REQUIRED_TEXT}, ("label", "details")
)
_NORMAL = _entry("NormalEntry", {"name": _REQUIRED_TEXT}, ("name",))
_BULLET = _loose("BulletEntry", {"bullet": _REQUIRED_TEXT}, ("bullet",))
_NUMBERED = _loose("NumberedEntry", {"number": _REQUIRED_TEXT}, ("number",))
_REVERSED_NUMBERED = _loose(
    "ReverseNumberedEntry", {"reversed_number": _REQUIRED_TEXT}, ("reversed_number",)
)
_TEXT_ENTRY_FIELDS = _loose("TextEntry", {})


@dataclass(frozen=True, slots=True)
class _EntryType:
    name: str
    keys: tuple[str, ...]
    fields: Record
    kind: SectionKind


#: RenderCV's entry types, most specific first, with the keys that identify each.
ENTRY_TYPES: tuple[_EntryType, ...] = (
    _EntryType("EducationEntry", ("institution", "area"), _EDUCATION, "timeline"),
    _EntryType("ExperienceEntry", ("company", "position"), _EXPERIENCE, "timeline"),
    _EntryType("PublicationEntry", ("title", "authors"), _PUBLICATION, "timeline"),
    _EntryType("OneLineEntry", ("label", "details"), _ONE_LINE, "pairs"),
    _EntryType("NormalEntry", ("name",), _NORMAL, "timeline"),
    _EntryType("BulletEntry", ("bullet",), _BULLET, "text"),
    _EntryType("NumberedEntry", ("number",), _NUMBERED, "numbered"),
    _EntryType("ReverseNumberedEntry", ("reversed_number",), _REVERSED_NUMBERED, "reversed"),
)
_TEXT_ENTRY = _EntryType("TextEntry", (), _TEXT_ENTRY_FIELDS, "text")


def entry_type(entry: object) -> _EntryType | None:
    """RenderCV's entry type for ``entry``: all its identifying keys, else any of them."""
    if isinstance(entry, str):
        return _TEXT_ENTRY
    if not isinstance(entry, dict):
        return None
    for candidate in ENTRY_TYPES:
        if all(entry.get(key) is not None for key in candidate.keys):
            return candidate
    return next((t for t in ENTRY_TYPES if any(key in entry for key in t.keys)), None)


def read_rendercv(document: Document) -> tuple[Profile, list[Problem]]:
    """Read a RenderCV file (its ``design``, ``locale`` and ``settings`` are ignored)."""
    cv = document.data.get("cv")
    if not isinstance(cv, dict):
        problem = document.problem(("cv",), "'cv' should be a mapping", "profile")
        return Profile(sources=(document.path,)), [problem]
    basics, problems = _rendercv_basics(document, cv)
    sections: list[Section] = []
    raw_sections = cv.get("sections")
    if raw_sections is not None and not isinstance(raw_sections, dict):
        problems.append(document.problem(("cv", "sections"), "should be a mapping", "profile"))
    for key, entries in (raw_sections if isinstance(raw_sections, dict) else {}).items():
        section, found = _rendercv_section(document, key, entries)
        problems += found
        if section is not None:
            sections.append(section)
    return Profile(basics, tuple(sections), (), (document.path,)), problems


def _rendercv_basics(document: Document, cv: dict[str, Any]) -> tuple[Basics, list[Problem]]:
    fields, issues = validate_partial(_CV, cv)
    problems = document.problems_from(("cv",), issues)
    if fields is None:
        return Basics(source=_source(document, ("cv",))), problems
    links = [
        Link(n["network"], n["username"], profile_url(n["network"], n["username"]))
        for n in fields["social_networks"]
    ]
    links += [
        Link(c["placeholder"] or c["url"] or "", None, c["url"])
        for c in fields["custom_connections"]
        if c["url"]
    ]
    basics = Basics(
        name=_text(fields["name"], markdown_to_rst),
        label=_text(fields["headline"], markdown_to_rst),
        image=fields["photo"] or None,
        email=_first(fields["email"]),
        phone=_first(fields["phone"]),
        url=_first(fields["website"]),
        location=_text(fields["location"], markdown_to_rst),
        profiles=tuple(links),
        source=_source(document, ("cv",)),
    )
    return basics, problems


def _rendercv_section(
    document: Document, key: str, entries: object
) -> tuple[Section | None, list[Problem]]:
    path: DocPath = ("cv", "sections", key)
    if not isinstance(entries, list):
        message = f"section {key!r} should be a list of entries; ignored"
        return None, [document.problem(path, message, "profile")]
    first: list[_EntryType] = []  # the type of the first entry decides the section's
    built: list[Entry] = []
    problems: list[Problem] = []
    for index, raw in enumerate(entries):
        entry, kind, found = _rendercv_entry(document, key, (*path, index), raw, first)
        problems += found
        if entry is not None and kind is not None:
            first = first or [kind]
            built.append(entry)
    section_kind = first[0].kind if first else "text"
    section = Section(key, section_title(key), section_kind, tuple(built), _source(document, path))
    return section, problems


def _rendercv_entry(
    document: Document, key: str, path: DocPath, raw: object, first: list[_EntryType]
) -> tuple[Entry | None, _EntryType | None, list[Problem]]:
    kind = entry_type(raw)
    if kind is None:
        names = ", ".join(t.name for t in ENTRY_TYPES)
        message = f"cannot tell the type of this entry (one of {names}, or text); ignored"
        return None, None, [document.problem(path, message, "profile")]
    problems: list[Problem] = []
    if first and first[0] is not kind:
        message = f"a {kind.name} in a section of {first[0].name}s (RenderCV needs one type)"
        problems.append(document.problem(path, message, "profile"))
    source = _source(document, path)
    if kind is _TEXT_ENTRY:
        assert isinstance(raw, str)
        return Entry(key, summary=_text(raw, markdown_to_rst), source=source), kind, problems
    fields, issues = validate_partial(kind.fields, raw)
    problems += document.problems_from(path, issues)
    if fields is None:
        return None, kind, problems
    return _CONVERTERS[kind.name](key, fields, source), kind, problems


def _dated(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields every dated RenderCV entry has, as :class:`Entry` keyword arguments."""
    start, end = fields["start_date"], fields["end_date"]
    if start is not None and end is None:
        end = PartialDate(present=True)  # RenderCV: a start alone runs to the present
    highlights = [_nested(text) for text in fields["highlights"] if text.strip()]
    return {
        "location": _text(fields["location"], markdown_to_rst),
        "url": fields["url"] or None,
        "date": fields["date"],
        "start": start,
        "end": end,
        "summary": _text(fields["summary"], markdown_to_rst),
        "highlights": tuple(head for head, _ in highlights),
        "subitems": tuple(items for _, items in highlights)
        if any(i for _, i in highlights)
        else (),
    }


def _nested(text: str) -> tuple[str, tuple[str, ...]]:
    head, *items = " ".join(text.split()).split(" - ")
    return markdown_to_rst(head), tuple(markdown_to_rst(item) for item in items if item)


def _titled(text: str | None, fields: dict[str, Any]) -> str | None:
    """A title; a title that is one Markdown link gives its text and the entry's URL."""
    match = _WHOLE_LINK.fullmatch(text or "")
    if match and not fields.get("url"):
        fields["url"] = match.group(2)
        return _text(match.group(1), escape_rst)
    return _text(text, markdown_to_rst)


_Converter = Callable[[str, dict[str, Any], Source], Entry]


def _education(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields)
    organisation = _titled(fields["institution"], dated)
    area = _text(fields["area"], markdown_to_rst)
    degree = _text(fields["degree"], markdown_to_rst)
    return Entry(
        key, degree or area, area if degree else None, organisation, source=source, **dated
    )


def _experience(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields)
    organisation = _titled(fields["company"], dated)
    title = _text(fields["position"], markdown_to_rst)
    return Entry(key, title, organisation=organisation, source=source, **dated)


def _publication(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields)
    doi = (fields["doi"] or "").strip()
    if doi and not dated["url"]:
        dated["url"] = f"https://doi.org/{doi}"
    return Entry(
        key,
        _titled(fields["title"], dated),
        organisation=_text(fields["journal"], markdown_to_rst),
        authors=tuple(markdown_to_rst(author) for author in fields["authors"] if author.strip()),
        details=(("doi", doi),) if doi else (),
        source=source,
        **dated,
    )


def _one_line(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields) | {"summary": _text(fields["details"], markdown_to_rst)}
    return Entry(key, _text(fields["label"], markdown_to_rst), source=source, **dated)


def _normal(key: str, fields: dict[str, Any], source: Source) -> Entry:
    dated = _dated(fields)
    return Entry(key, _titled(fields["name"], dated), source=source, **dated)


def _one_text(field: str) -> _Converter:
    def convert(key: str, fields: dict[str, Any], source: Source) -> Entry:
        return Entry(key, summary=_text(fields[field], markdown_to_rst), source=source)

    return convert


_CONVERTERS: dict[str, _Converter] = {
    "EducationEntry": _education,
    "ExperienceEntry": _experience,
    "PublicationEntry": _publication,
    "OneLineEntry": _one_line,
    "NormalEntry": _normal,
    "BulletEntry": _one_text("bullet"),
    "NumberedEntry": _one_text("number"),
    "ReverseNumberedEntry": _one_text("reversed_number"),
}

# =========================================================================================
# al-folio _data/cv.yml
# =========================================================================================

AlfolioType = Literal["map", "time_table", "nested_list", "list"]
_ALFOLIO_KINDS: dict[str, SectionKind] = {
    "map": "pairs",
    "time_table": "timeline",
    "nested_list": "text",
    "list": "text",
}


_ALFOLIO_SECTION = _loose(
    "AlfolioSection", {"title": _REQUIRED_TEXT, "type": _TEXT, "contents": any_list()}, ("title",)
)
_PAIR = _loose("Pair", {"name": _TEXT, "value": _TEXT})
_NESTED_ITEM = record("NestedItem", {"title": _TEXT, "contents": _TEXTS}, extra="ignore")
#: al-folio's description: a text, or a list of texts and nested lists.
_DESCRIPTION = either(
    _REQUIRED_TEXT, cs.list_schema(cs.union_schema([_REQUIRED_TEXT, _NESTED_ITEM]))
)
_TIME_TABLE_ITEM = _loose(
    "TimeTableItem",
    {
        "title": _TEXT,
        "institution": _TEXT,
        "location": _TEXT,
        "year": _TEXT,
        "description": _DESCRIPTION,
        "items": _TEXTS,
    },
)
_LIST_ITEM = _loose("ListItem", {"title": _TEXT, "items": _TEXTS})

_ALFOLIO_ITEMS: dict[str, Record] = {"map": _PAIR, "time_table": _TIME_TABLE_ITEM}


def read_alfolio_cv(document: Document) -> tuple[Profile, list[Problem]]:
    """Read al-folio's ``_data/cv.yml``; section keys are the titles in snake case."""
    sections: list[Section] = []
    problems: list[Problem] = []
    for index, raw in enumerate(document.data):
        section, found = _alfolio_section(document, (index,), raw)
        problems += found
        if section is not None:
            sections.append(section)
    return Profile(sections=tuple(sections), sources=(document.path,)), problems


def _alfolio_section(
    document: Document, path: DocPath, raw: object
) -> tuple[Section | None, list[Problem]]:
    fields, issues = validate_partial(_ALFOLIO_SECTION, raw)
    problems = document.problems_from(path, issues)
    if fields is None:
        return None, problems
    contents = fields["contents"]
    kind_name = fields["type"] or _guess_alfolio_type(contents)
    if kind_name not in _ALFOLIO_KINDS:
        message = f"unknown section type {kind_name!r} (map, time_table, nested_list, list)"
        problems.append(document.problem((*path, "type"), message, "profile"))
        kind_name = _guess_alfolio_type(contents)
    key = section_key(fields["title"]) or f"section_{path[-1]}"
    entries: list[Entry] = []
    for index, item in enumerate(contents):
        entry, found = _alfolio_entry(document, key, kind_name, (*path, "contents", index), item)
        problems += found
        if entry is not None:
            entries.append(entry)
    title = html_to_rst(fields["title"])
    source = _source(document, path)
    return Section(key, title, _ALFOLIO_KINDS[kind_name], tuple(entries), source), problems


def _guess_alfolio_type(contents: list[Any]) -> str:
    if all(isinstance(item, str) for item in contents):
        return "list"
    if all(isinstance(item, dict) and "value" in item for item in contents):
        return "map"
    return "time_table"


def _alfolio_entry(
    document: Document, key: str, kind: str, path: DocPath, raw: object
) -> tuple[Entry | None, list[Problem]]:
    source = _source(document, path)
    if isinstance(raw, str):
        return Entry(key, summary=_text(raw, html_to_rst), source=source), []
    item_kind = _ALFOLIO_ITEMS.get(kind, _LIST_ITEM)
    fields, issues = validate_partial(item_kind, raw)
    problems = document.problems_from(path, issues)
    if fields is None:
        return None, problems
    if item_kind is _TIME_TABLE_ITEM:
        entry, found = _time_table_entry(key, source, fields, document, (*path, "year"))
        return entry, problems + found
    if item_kind is _PAIR:
        name, summary = _text(fields["name"], html_to_rst), _text(fields["value"], html_to_rst)
        return Entry(key, name, summary=summary, source=source), problems
    title, highlights = _text(fields["title"], html_to_rst), _texts(fields["items"])
    return Entry(key, title, highlights=highlights, source=source), problems


def _texts(items: list[str]) -> tuple[str, ...]:
    return tuple(text for text in (_text(item, html_to_rst) for item in items) if text)


def _time_table_entry(
    key: str, source: Source, fields: dict[str, Any], document: Document, year: DocPath
) -> tuple[Entry, list[Problem]]:
    (start, end, when), problems = _period(document, year, fields["year"])
    summary, highlights, subitems = _description(fields["description"])
    items = fields["items"]
    entry = Entry(
        key,
        _text(fields["title"], html_to_rst),
        organisation=_text(fields["institution"], html_to_rst),
        location=_text(fields["location"], html_to_rst),
        start=start,
        end=end,
        date=when,
        summary=summary,
        highlights=highlights + _texts(items),
        subitems=subitems + tuple(() for _ in items) if subitems else (),
        source=source,
    )
    return entry, problems


def _description(
    value: str | list[str | dict[str, Any]] | None,
) -> tuple[str | None, tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """al-folio's description: a string (summary) or a list (highlights, maybe nested)."""
    if value is None or isinstance(value, str):
        return _text(value, html_to_rst), (), ()
    highlights: list[str] = []
    subitems: list[tuple[str, ...]] = []
    for item in value:
        if isinstance(item, str):
            highlights.append(_text(item, html_to_rst) or "")
            subitems.append(())
        else:
            highlights.append(_text(item["title"], html_to_rst) or "")
            subitems.append(_texts(item["contents"]))
    return None, tuple(highlights), tuple(subitems) if any(subitems) else ()


_PERIOD = re.compile(
    r"(\d{4}(?:-\d{1,2}){0,2})\s*(?:-|–|—|to)\s*(\d{4}(?:-\d{1,2}){0,2}|[A-Za-z]+)",
    re.IGNORECASE,
)
_Period = tuple[PartialDate | None, PartialDate | None, PartialDate | None]


def _period(document: Document, path: DocPath, value: str | None) -> tuple[_Period, list[Problem]]:
    """``1905`` is a date; ``1933 - 1955`` and ``2015-now`` are periods (start, end)."""
    where = document.value_at(path)
    line, column = (where.line, where.column) if where else (None, None)
    text = " ".join((value or "").split())
    match = _PERIOD.fullmatch(text)
    if match is None:
        date, problem = parse_date(text, document.path, line, column)
        return (None, None, date), [problem] if problem else []
    start, first = parse_date(match.group(1), document.path, line, column)
    end, second = parse_date(match.group(2), document.path, line, column)
    problems = [problem for problem in (first, second) if problem]
    if end is not None and end.label is not None:  # "2015-soon": not a period after all
        return (None, None, PartialDate(label=text)), problems
    return (start, end, None), problems
