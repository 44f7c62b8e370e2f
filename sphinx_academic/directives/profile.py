"""``.. timeline::``, ``.. news::`` and ``.. profile::``: the profile's sections (``.. cv::``
is in :mod:`sphinx_academic.directives.cv`)."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from types import SimpleNamespace

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.languages import get_language
from docutils.parsers.rst.states import Inliner
from docutils.utils import Reporter

from sphinx_academic.directives.base import (
    AcademicDirective,
    register_anchor,
    unique_anchor,
)
from sphinx_academic.domain import get_domain, profile_for_page
from sphinx_academic.locale import _
from sphinx_academic.model.dates import DateError, PartialDate
from sphinx_academic.model.links import within
from sphinx_academic.model.profile_records import NewsItem, Profile, Section, Source
from sphinx_academic.query.profile import newest_items, news_anchors, news_items, order_entries
from sphinx_academic.render.context import Warn
from sphinx_academic.render.profile import ProfileContext, cards, news, profile_card, timeline
from sphinx_academic.render.sanitize import SPHINX_SUBSTITUTIONS, Checks, sanitize

ORDERS = ("newest", "oldest", "source")
#: How ``.. timeline::`` shows its entries: a dated timeline, or a grid of cards.
TIMELINE_STYLES = ("timeline", "cards")


class ProfileDirectiveBase(AcademicDirective):
    """Options, the profile and inline-markup parsing shared by the profile directives."""

    @functools.cached_property
    def profile(self) -> Profile:
        """The profile; when none is configured, the directive says so (once)."""
        store = profile_for_page(self.env)
        if not store.paths:
            self.warn(
                f".. {self.name}:: shows the profile, but no profile file is configured "
                "(set academic_profile in conf.py, for example to 'profile.yaml')",
                "profile",
            )
        return store.profile

    @property
    def page_warn(self) -> Warn:
        """Reports a data problem once per build, however often the data is shown."""
        return get_domain(self.env).note_problem

    def context(self) -> ProfileContext:
        return ProfileContext(
            inline=self.inline_markup,
            language=self.env.config.language or "en",
            present=_("present"),
            more=_("more"),
            srcdir=str(self.env.srcdir),
            warn=self.page_warn,
        )

    def inline_markup(self, text: str, source: Source | None) -> list[nodes.Node]:
        """reStructuredText inline markup from the data, also on Markdown (MyST) pages;
        its problems, and Sphinx's warnings about its cross-references, are at the data
        file's line."""
        path, line = self.get_source_info()
        if source is not None and source.path:
            path, line = source.path, source.line or 1
        where = f"{path}:{line}"
        parsed, messages = self._parse(text, path, line)
        for message in messages:
            # Infos ("No role entry ... Using English fallback") are not problems: the
            # same role in a page's own text is not warned about either.
            if message["level"] >= Reporter.WARNING_LEVEL:
                text = message.children[0].astext() if message.children else message.astext()
                self.page_warn(f"markup in profile text: {text}", where, "markup")
        # Data is not trusted like the page: no script links, downloads from outside the
        # project, or formulas that make LaTeX read files. Data shown on every page cannot
        # use what belongs to one page either (footnotes, targets, named references).
        shown = sanitize(
            list(parsed),
            Checks(self.outside_source, self.has_substitution),
            lambda message, kind: self.page_warn(message, where, kind),
        )
        for node in shown:
            for cited in node.findall(nodes.citation_reference):
                self._adopt_citation(cited, path, line)
        return shown

    def _adopt_citation(self, cited: nodes.citation_reference, path: str, line: int) -> None:
        """Give a citation reference from the data an id in the page (the citation links
        back to it) and the data's place (Sphinx's "citation not found" names it)."""
        cited["ids"] = []
        self.state.document.set_id(cited)
        cited.source, cited.line = path, line

    def _parse(
        self, text: str, path: str, line: int
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """docutils' inline parse of ``text`` into the directive's own document, its
        problems returned rather than reported; Sphinx's roles locate what they make at
        ``path`` and ``line``."""
        memo = self._memo
        memo.reporter.get_source_and_line = lambda lineno=None: (path, line)
        return self._inliner.parse(text, self.lineno, memo, nodes.paragraph())

    def outside_source(self, target: str) -> bool:
        """Whether a file named in the data (as Sphinx resolves it) leaves the project."""
        _, absolute = self.env.relfn2path(target, self.env.docname)
        return not within(absolute, str(self.env.srcdir))

    def has_substitution(self, name: str) -> bool:
        """Whether the page defines the substitution ``name`` (``rst_prolog`` defines it
        for every page), or Sphinx does (``|version|``, ``|today|``...)."""
        page = self.state.document
        return (
            name in page.substitution_defs
            or name.lower() in page.substitution_names
            or name in SPHINX_SUBSTITUTIONS
        )

    @functools.cached_property
    def _inliner(self) -> Inliner:
        """docutils' own reStructuredText inliner with the page's settings."""
        inliner = Inliner()
        inliner.init_customizations(self.state.document.settings)
        return inliner

    @functools.cached_property
    def _memo(self) -> SimpleNamespace:
        """What the inliner reads of the parser's state: a document of the directive's own
        with the page's settings (what the data's markup registers, such as reference
        names, stays out of the page), the role names of the page's language, and a
        reporter that keeps the messages for :meth:`inline_markup` to report."""
        page = self.state.document
        quiet = Reporter(page["source"], Reporter.SEVERE_LEVEL + 1, Reporter.SEVERE_LEVEL + 1)
        document = nodes.document(page.settings, quiet, source=page["source"])
        return SimpleNamespace(
            document=document,
            reporter=quiet,
            # The reStructuredText language module (role names), as docutils' parser uses.
            language=get_language(page.settings.language_code, quiet),
            inliner=self._inliner,
            title_styles=[],
            section_level=0,
            section_bubble_up_kludge=False,
        )

    def positive_int(self, name: str) -> int | None:
        value = self.options.get(name)
        if value is None:
            return None
        if not value.strip().isdigit():
            self.warn(f":{name}: {value!r} is not a whole number >= 0; ignored", "option")
            return None
        return int(value)

    def find_section(self, key: str) -> Section | None:
        section = self.profile.section(key)
        if section is None:
            known = self.profile.section_keys()
            hint = difflib.get_close_matches(key, known, n=1)
            # The sections of a file that could not be read (or of no file at all) are
            # unknown, and another warning says why: one mistake, one warning. A likely
            # typo is still reported.
            store = profile_for_page(self.env)
            if not hint and (store.unread or not store.paths):
                return None
            suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
            listing = ", ".join(known) or "none"
            self.warn(f"no profile section {key!r}{suggestion} (sections: {listing})", "section")
        return section


class TimelineDirective(ProfileDirectiveBase):
    """Entries of one or more sections in one timeline (or a grid of cards), newest
    first."""

    required_arguments = 1
    optional_arguments = 20
    option_spec = {
        "limit": directives.unchanged,
        "order": directives.unchanged,
        "style": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        sections = [s for s in map(self.find_section, self.arguments) if s is not None]
        entries = [entry for section in sections for entry in section.entries]
        entries = order_entries(entries, self.choice("order", ORDERS, "newest"))
        limit = self.positive_int("limit")
        shown = entries[:limit] if limit is not None else entries
        render = cards if self.choice("style", TIMELINE_STYLES, "timeline") == "cards" else timeline
        node = render(shown, self.context())
        node["classes"].extend(self.options.get("class", []))
        self.set_source_info(node)
        return [node]


class NewsDirective(ProfileDirectiveBase):
    """News items, newest first; each has a stable anchor the Atom feed links to."""

    option_spec = {
        "limit": directives.unchanged,
        "since": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        profile = self.profile
        items = news_items(profile.news, self.positive_int("limit"), self.since())
        node = news(items, self.context())
        node["classes"].extend(self.options.get("class", []))
        anchors = news_anchors(profile.news)
        in_feed = _feed_keys(profile.news, anchors, self.env.config.academic_feed_limit)
        domain = get_domain(self.env)
        full = not any(name in self.options for name in ("limit", "since"))
        rendered = [
            child
            for child in node.children
            if isinstance(child, nodes.Element) and "academic-news-item" in child["classes"]
        ]
        for item, child in zip(items, rendered, strict=False):
            key = anchors[id(item)]
            anchor = unique_anchor(self.state.document, key, prefix="")
            child["ids"].append(anchor)
            register_anchor(self.state.document, child, anchor)
            if in_feed is None or key in in_feed:
                domain.note_news(self.env.docname, key, anchor, _news_text(child), full)
        self.set_source_info(node)
        return [node]

    def since(self) -> PartialDate | None:
        value = self.options.get("since")
        if value is None:
            return None
        try:
            since = PartialDate.parse(value.strip())
        except DateError as error:
            self.warn(f":since: {value!r}: {error}; showing all", "option")
            return None
        if since is None or not since.is_date:
            self.warn(
                f":since: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD); showing all",
                "option",
            )
            return None
        return since


def _feed_keys(
    news: Sequence[NewsItem], anchors: dict[int, str], limit: int
) -> frozenset[str] | None:
    """The anchors of the items the Atom feed holds (``None``: all of them), the only ones
    the feed needs the page's place and words of (a changed ``academic_feed_limit``
    reads every page again)."""
    if limit <= 0:
        return None
    return frozenset(anchors[id(item)] for item in newest_items(news, limit))


def _news_text(item: nodes.Element) -> str:
    """The item's words for the feed (without its date or "more" link)."""
    text: nodes.Element = item
    for paragraph in item.children:
        if isinstance(paragraph, nodes.Element) and "academic-news-text" in paragraph["classes"]:
            text = paragraph
    words = "".join(
        child.astext()
        for child in text.children
        if not (isinstance(child, nodes.Element) and "academic-news-more" in child["classes"])
    )
    return " ".join(words.split())


class ProfileDirective(ProfileDirectiveBase):
    """The profile card: photo, name, position, contact and profile links, summary."""

    option_spec = {"metrics": directives.flag, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        node = profile_card(self.profile.basics, self.context())
        if "metrics" in self.options:
            body = [
                child
                for child in node.children
                if isinstance(child, nodes.Element) and "academic-profile-body" in child["classes"]
            ]
            (body[0] if body else node).extend(self.metrics_paragraph())
        node["classes"].extend(self.options.get("class", []))
        get_domain(self.env).note_profile(self.env.docname)
        self.set_source_info(node)
        return [node]

    def metrics_paragraph(self) -> list[nodes.Node]:
        """Total citations and h-index from the metrics file (``:metrics:``)."""
        from sphinx_academic.citations import metrics
        from sphinx_academic.render.metrics import totals_paragraph

        source = self.env.config.academic_citation_source
        totals = metrics(self.env).totals.get(source)
        if totals is None:
            return []
        return [totals_paragraph(totals, source, self.env.config.language or "en")]
