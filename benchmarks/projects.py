"""The Sphinx projects the benchmark builds, and the one-entry edits made between builds.

Every project has the same three pages around the measured one (``index`` with the
toctree, the measured page, ``about`` with no data), the same theme and the same
settings; only the measured page differs:

==================  ======================================================================
``floor``           the citation lines written by hand in plain reStructuredText: the
                    same text the ``list`` style shows (no extension at all)
``bibtex``          sphinxcontrib-bibtex, ``.. bibliography:: :all:`` over the same bib
``list``, ``card``  ``.. publications::`` with ``:style: list`` / ``:style: card``
``news-floor``      the news items written by hand: date, title, text
``news``            ``.. news::`` over the profile
``timeline-floor``  the timeline entries written by hand: dates, heading, place, summary,
                    highlights, score
``timeline``        ``.. timeline:: work education`` over the profile
==================  ======================================================================
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from benchmarks.data import (
    MAX_AUTHORS,
    MONTHS,
    OWNER,
    NewsItem,
    Paper,
    Person,
    Profile,
    TimelineEntry,
    bibtex_file,
    profile_yaml,
    yaml_string,
)

#: The default theme of every project (``--theme``): Sphinx's default, whose own cost is
#: small, so the ratios show what the page content costs rather than what the theme costs.
THEME = "alabaster"

PUBLICATION_VARIANTS = ("floor", "bibtex", "list", "card")
PROFILE_VARIANTS = ("news-floor", "news", "timeline-floor", "timeline")
VARIANTS = PUBLICATION_VARIANTS + PROFILE_VARIANTS
#: The measured page of each variant.
PAGES = {
    **dict.fromkeys(PUBLICATION_VARIANTS, "publications"),
    "news-floor": "news",
    "news": "news",
    "timeline-floor": "timeline",
    "timeline": "timeline",
}
#: Variants that read the bib file or the profile (the others are plain Sphinx).
ACADEMIC = frozenset({"list", "card", "news", "timeline"})

_CONF = """\
project = "Benchmark"
html_theme = {theme!r}
html_baseurl = "https://clara.example.org/"
extensions = {extensions!r}
"""
_INDEX = """\
Clara Okafor
============

Welcome to a generated site.

.. toctree::

   {page}
   about
"""
_ABOUT = "About\n=====\n\nThis page shows no data, so editing the data must not re-read it.\n"


@dataclass
class Edit:
    """Append ``revisionN`` to one entry's text; ``template`` is unique in the file and
    holds ``\\0`` where the mark goes."""

    path: Path
    template: str

    def text(self, round_: int) -> str:
        return self.template.replace("\0", f" revision{round_}" if round_ else "")

    def apply(self, round_: int) -> None:
        """Edit number ``round_`` (1, 2, ...): replaces the previous round's mark."""
        content = self.path.read_text(encoding="utf-8")
        before = self.text(round_ - 1)
        if content.count(before) != 1:
            raise RuntimeError(f"{self.path}: the edited entry is not unique: {before!r}")
        self.path.write_text(content.replace(before, self.text(round_)), encoding="utf-8")


@dataclass
class Project:
    variant: str
    #: Entries shown on the measured page (papers, or news items, or timeline entries).
    size: int
    root: Path
    edit: Edit

    @property
    def src(self) -> Path:
        return self.root / "src"

    @property
    def outdir(self) -> Path:
        return self.root / "build" / "html"

    @property
    def doctrees(self) -> Path:
        return self.root / "build" / "doctrees"

    @property
    def page(self) -> str:
        return PAGES[self.variant]


def _write_common(
    src: Path, page: str, extensions: list[str], extra_conf: str, theme: str = THEME
) -> None:
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    conf = _CONF.format(theme=theme, extensions=extensions) + extra_conf
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.rst").write_text(_INDEX.format(page=page), encoding="utf-8")
    (src / "about.rst").write_text(_ABOUT, encoding="utf-8")


def _unique_template(path: Path, candidates: list[str]) -> Edit:
    content = path.read_text(encoding="utf-8")
    for template in candidates:
        if content.count(template.replace("\0", "")) == 1:
            return Edit(path, template)
    raise RuntimeError(f"{path}: no entry to edit is unique")


def _middle_first(count: int) -> list[int]:
    """Indexes from the middle outwards: the edited entry is in the middle of the page."""
    middle = count // 2
    return sorted(range(count), key=lambda index: abs(index - middle))


# -- publications --------------------------------------------------------------------------


def write_publications(
    variant: str, papers: list[Paper], root: Path, theme: str = THEME
) -> Project:
    src = root / "src"
    if variant == "floor":
        _write_common(src, "publications", [], "", theme)
        lines = [citation_rst(paper) for paper in papers]
        text = "Publications\n============\n\n" + "\n\n".join(lines) + "\n"
        path = src / "publications.rst"
        path.write_text(text, encoding="utf-8")
        order = _middle_first(len(papers))
        candidates = [lines[i].replace(papers[i].title, papers[i].title + "\0", 1) for i in order]
        return Project(variant, len(papers), root, _unique_template(path, candidates))
    if variant == "bibtex":
        _write_common(src, "publications", ["sphinxcontrib.bibtex"], _BIBTEX_CONF, theme)
        directive = ".. bibliography::\n   :all:\n"
    else:
        _write_common(src, "publications", ["sphinx_academic"], _ACADEMIC_BIB_CONF, theme)
        directive = f".. publications::\n   :style: {variant}\n"
    (src / "publications.rst").write_text(
        "Publications\n============\n\n" + directive, encoding="utf-8"
    )
    path = src / "papers.bib"
    path.write_text(bibtex_file(papers), encoding="utf-8")
    order = _middle_first(len(papers))
    candidates = [f"  title = {papers[i].fields['title'][:-1]}\0}},\n" for i in order]
    return Project(variant, len(papers), root, _unique_template(path, candidates))


_BIBTEX_CONF = 'bibtex_bibfiles = ["papers.bib"]\n'
_ACADEMIC_BIB_CONF = f'academic_bibfiles = ["papers.bib"]\nacademic_author_aliases = ["{OWNER}"]\n'


def citation_rst(paper: Paper) -> str:
    """The citation line of ``:style: list``, as a person would write it in reST."""
    authors = _authors_rst(paper.authors)
    title = f"`{paper.title} <{paper.url}>`__" if paper.url else paper.title
    venue = f"*arXiv:{paper.arxiv_id}*" if paper.arxiv_id else f"*{paper.venue}*"
    parts = [venue, _volume(paper)]
    if paper.pages:
        parts.append(f"pp. {paper.pages}")
    parts.append(f"{MONTHS[paper.month - 1]} {paper.year}" if paper.month else str(paper.year))
    stop = "" if authors.endswith(".") else "."
    return f"{authors}{stop} {title}. {', '.join(part for part in parts if part)}."


def _volume(paper: Paper) -> str:
    if paper.volume and paper.number:
        return f"{paper.volume}({paper.number})"
    return paper.volume or (f"no. {paper.number}" if paper.number else "")


def _name_rst(person: Person) -> str:
    name = f"**{person.shown}**" if person.owner else person.shown
    return name + (f"\\ :sup:`{person.marker}`" if person.marker else "")


def _authors_rst(authors: list[Person]) -> str:
    """All names, or when there are more than ``MAX_AUTHORS`` the first ones and the
    owner, then "et al." (what a citation line shows)."""
    count = len(authors)
    if count <= MAX_AUTHORS:
        text = ""
        for index, person in enumerate(authors):
            if index:
                text += ", " if index < count - 1 else (" and " if count == 2 else ", and ")
            text += _name_rst(person)
        return text
    shown = set(range(MAX_AUTHORS)) | {i for i, person in enumerate(authors) if person.owner}
    text, previous = "", -1
    for index in sorted(shown):
        if previous >= 0:
            text += ", " if index == previous + 1 else ", …, "
        text += _name_rst(authors[index])
        previous = index
    return text + ", et al."


# -- news and timeline ---------------------------------------------------------------------


def write_profile(variant: str, profile: Profile, root: Path, theme: str = THEME) -> Project:
    src = root / "src"
    page = PAGES[variant]
    size = len(profile.news) if page == "news" else len(profile.timeline)
    if variant.endswith("-floor"):
        _write_common(src, page, [], "", theme)
        if page == "news":
            blocks = [news_rst(item) for item in profile.news]
            title, texts = "News\n====\n\n", [item.text for item in profile.news]
        else:
            blocks = [timeline_rst(entry) for entry in profile.timeline]
            title, texts = "Experience\n==========\n\n", [e.summary for e in profile.timeline]
        path = src / f"{page}.rst"
        path.write_text(title + "\n\n".join(blocks) + "\n", encoding="utf-8")
        candidates = [f"\n{texts[i]}\0" for i in _middle_first(size) if texts[i]]
        return Project(variant, size, root, _unique_template(path, candidates))
    _write_common(src, page, ["sphinx_academic"], 'academic_profile = "profile.yaml"\n', theme)
    directive = ".. news::\n" if page == "news" else ".. timeline:: work education\n"
    title = "News\n====\n\n" if page == "news" else "Experience\n==========\n\n"
    (src / f"{page}.rst").write_text(title + directive, encoding="utf-8")
    path = src / "profile.yaml"
    path.write_text(profile_yaml(profile), encoding="utf-8")
    name = "text" if page == "news" else "summary"
    texts = [item.text for item in profile.news] if page == "news" else []
    texts = texts or [entry.summary for entry in profile.timeline]
    candidates = [
        f'{name}: {yaml_string(texts[i])[:-1]}\0"' for i in _middle_first(size) if texts[i]
    ]
    return Project(variant, size, root, _unique_template(path, candidates))


def _day(date: tuple[int, int, int]) -> str:
    year, month, day = date
    return f"{MONTHS[month - 1]} {day}, {year}"  # the English medium date


def news_rst(item: NewsItem) -> str:
    """Date, title (linked when the item has a URL) and text, as the news list shows."""
    blocks = [_day(item.date)]
    if item.title:
        blocks.append(f"`{item.title} <{item.url}>`__" if item.url else f"**{item.title}**")
    more = f" `more <{item.url}>`__" if item.url and not item.title else ""
    blocks.append(item.text + more)
    return "\n\n".join(blocks)


def _month(date: tuple[int, int]) -> str:
    return f"{MONTHS[date[1] - 1]} {date[0]}"


def timeline_rst(entry: TimelineEntry) -> str:
    """Period, heading, place, summary, highlights and score, as the timeline shows."""
    end = _month(entry.end) if entry.end else "present"
    blocks = [f"{_month(entry.start)} – {end}"]
    blocks.append(f"**{entry.title}**" + (f", {entry.subtitle}" if entry.subtitle else ""))
    organisation = f"`{entry.organisation} <{entry.url}>`__" if entry.url else entry.organisation
    blocks.append(f"{organisation}, {entry.location}")
    if entry.summary:
        blocks.append(entry.summary)
    if entry.highlights:
        blocks.append("\n".join(f"- {text}" for text in entry.highlights))
    if entry.score:
        blocks.append(f"*Score:* {entry.score}")
    return "\n\n".join(blocks)
