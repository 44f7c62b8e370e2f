"""Profile records -> docutils node trees: dates, timelines, news, the card, CV sections."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.profile import Basics, Entry, Link, NewsItem, Section, Source
from sphinx_academic.nodes import academic_time
from sphinx_academic.readers.profile import read_profile
from sphinx_academic.render.dates import (
    format_date,
    format_period,
    iso_value,
    period_nodes,
    time_node,
)
from sphinx_academic.render.profile import (
    ProfileContext,
    news,
    news_items,
    order_entries,
    profile_card,
    section_block,
    timeline,
)

from conftest import make_inline, parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
SRC = Source("profile.yaml", 7)


# -- helpers -------------------------------------------------------------------------------


class Recorder:
    """A context whose inline parser remembers what it was given, and its warnings."""

    def __init__(self, srcdir: str = ".", language: str = "en") -> None:
        self.parsed: list[str] = []
        self.warnings: list[tuple[str, str, str]] = []
        parse = make_inline()

        def inline(text: str, source: Source | None) -> list[nodes.Node]:
            self.parsed.append(text)
            return parse(text, source)

        self.ctx = ProfileContext(
            inline=inline,
            language=language,
            srcdir=srcdir,
            warn=lambda message, where, subtype: self.warnings.append((message, where, subtype)),
        )

    def subtypes(self) -> list[str]:
        return [subtype for _, _, subtype in self.warnings]


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


def d(value: object) -> PartialDate:
    parsed = PartialDate.parse(value)
    assert parsed is not None
    return parsed


def classed(tree: nodes.Node, css: str) -> list[nodes.Element]:
    return [node for node in tree.findall(nodes.Element) if css in node.get("classes", [])]


def kids(node: nodes.Node) -> list[nodes.Element]:
    """The element children of ``node`` (typed for mypy)."""
    assert isinstance(node, nodes.Element)
    found = [child for child in node.children if isinstance(child, nodes.Element)]
    assert len(found) == len(node.children)
    return found


def block_of(found: list[nodes.Node]) -> nodes.Element:
    """The single block :func:`section_block` returns."""
    (block,) = found
    assert isinstance(block, nodes.Element)
    return block


def one(tree: nodes.Node, css: str) -> nodes.Element:
    found = classed(tree, css)
    assert len(found) == 1, f"{css}: {len(found)} nodes"
    return found[0]


def texts(tree: nodes.Node, css: str) -> list[str]:
    return [node.astext() for node in classed(tree, css)]


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "date", "expected"),
    [
        ("2018-08", "present", None, "Aug 2018 – present"),
        ("2016", "2020", None, "2016 – 2020"),
        (None, None, "2021-06", "Jun 2021"),
        (None, None, "Fall 2019", "Fall 2019"),
        (None, None, "2023-05-02", "May 2, 2023"),
        ("2019-09", "2019-09", None, "Sep 2019"),
        ("2020-01", None, None, "Jan 2020"),
        (None, "2020", None, "2020"),
        ("Fall 2019", "present", None, "Fall 2019 – present"),
        (None, None, None, ""),
    ],
)
def test_format_period(start: str | None, end: str | None, date: str | None, expected: str) -> None:
    parse = PartialDate.parse
    assert format_period(parse(start), parse(end), parse(date), "en") == expected


def test_dates_in_the_project_language() -> None:
    assert format_date(d("2018-08"), "de").startswith("Aug")
    assert format_date(d("2021-05"), "fr") == "mai 2021"
    assert format_date(d("present"), "de", present="heute") == "heute"
    assert format_period(d("2018-03"), d("present"), None, "de", present="heute") == (
        "März 2018 – heute"
    )


def test_iso_values() -> None:
    assert iso_value(d("2024-05")) == "2024-05"
    assert iso_value(d("2024-05-03")) == "2024-05-03"
    assert iso_value(d("present")) is None
    assert iso_value(d("Fall 2019")) is None


def test_time_nodes() -> None:
    node = time_node(d("2024-05"), "en")
    assert isinstance(node, academic_time)
    assert node["datetime"] == "2024-05"
    assert node.astext() == "May 2024"
    assert isinstance(time_node(d("Fall 2019"), "en"), nodes.Text)
    period = period_nodes(d("2018-08"), d("present"), None, "en")
    assert [type(node) for node in period] == [academic_time, nodes.Text]
    assert "".join(node.astext() for node in period) == "Aug 2018 – present"
    # Labels and separators are one Text node, not three.
    assert len(period_nodes(d("Fall 2019"), d("present"), None, "en")) == 1


# -- ordering ------------------------------------------------------------------------------


def test_order_newest_oldest_source() -> None:
    old = Entry("work", "Old", start=d("2010"), end=d("2014"))
    ongoing_early = Entry("work", "Ongoing early", start=d("2015"), end=d("present"))
    ongoing_late = Entry("work", "Ongoing late", start=d("2020"), end=d("present"))
    award = Entry("awards", "Award", date=d("2016-05"))
    same_end = Entry("work", "Same end, later start", start=d("2012"), end=d("2014"))
    undated = Entry("work", "Undated")
    entries = [undated, old, ongoing_early, award, same_end, ongoing_late]
    newest = [e.title for e in order_entries(entries)]
    assert newest == [
        "Ongoing late",
        "Ongoing early",
        "Award",
        "Same end, later start",
        "Old",
        "Undated",
    ]
    oldest = [e.title for e in order_entries(entries, "oldest")]
    assert oldest == [
        "Old",
        "Same end, later start",
        "Ongoing early",
        "Award",
        "Ongoing late",
        "Undated",
    ]
    assert order_entries(entries, "source") == entries
    with pytest.raises(ValueError, match="unknown order"):
        order_entries(entries, "random")


def test_order_is_stable() -> None:
    first = Entry("talks", "First", date=d("2020"))
    second = Entry("talks", "Second", date=d("2020"))
    assert order_entries([first, second]) == [first, second]
    assert order_entries([first, second], "oldest") == [first, second]


def test_news_items_newest_first_since_limit() -> None:
    items = [
        NewsItem(d("2023-09"), "a"),
        NewsItem(d("2024-01-15"), "b"),
        NewsItem(d("2023-09"), "c"),
        NewsItem(d("2022"), "d"),
    ]
    assert [i.text for i in news_items(items)] == ["b", "a", "c", "d"]
    assert [i.text for i in news_items(items, limit=2)] == ["b", "a"]
    assert [i.text for i in news_items(items, since=d("2023"))] == ["b", "a", "c"]
    assert [i.text for i in news_items(items, since=d("2023-10"))] == ["b"]
    assert news_items(items, limit=0) == []


# -- timeline ------------------------------------------------------------------------------


def test_timeline_entry_parts(rec: Recorder) -> None:
    entry = Entry(
        "work",
        "Postdoctoral Fellow",
        organisation="Instituto",
        url="https://example.org",
        location="Lisbon",
        start=d("2022-10"),
        end=d("present"),
        summary="Grammar *induction*.",
        highlights=("Led the **treebank**", "Supervised"),
        subitems=((), ("Two MSc students", "One PhD student")),
        keywords=("parsing", "syntax"),
        details=(("score", "1.0"), ("courses", "Syntax; Semantics")),
        source=SRC,
    )
    tree = timeline([entry], rec.ctx)
    assert tree["classes"] == ["academic-timeline"]
    (node,) = kids(tree)
    assert node["classes"] == ["academic-timeline-entry", "academic-timeline-ongoing"]
    date = one(node, "academic-timeline-date")
    assert date.astext() == "Oct 2022 – present"
    # A <time> for the start; "present" has no machine-readable value.
    assert [type(child) for child in date.children] == [academic_time, nodes.Text]
    assert date.children[0]["datetime"] == "2022-10"
    # No wrapper around the entry's text: one level less for every pass over the page.
    assert [child["classes"][0] for child in kids(node)] == [
        "academic-timeline-date",
        "academic-timeline-heading",
        "academic-timeline-place",
        "academic-timeline-summary",
        "academic-timeline-highlights",
        "academic-timeline-detail",
        "academic-timeline-detail",
        "academic-timeline-detail",
    ]
    assert one(node, "academic-timeline-title").astext() == "Postdoctoral Fellow"
    organisation = one(node, "academic-timeline-organisation")
    assert isinstance(organisation, nodes.reference)
    assert organisation["refuri"] == "https://example.org"
    assert one(node, "academic-timeline-place").astext() == "Instituto, Lisbon"
    summary = one(node, "academic-timeline-summary")
    assert isinstance(summary[1], nodes.emphasis)
    bullets = one(node, "academic-timeline-highlights")
    assert isinstance(bullets, nodes.bullet_list)
    assert len(bullets.children) == 2
    nested = kids(bullets)[1][1]
    assert isinstance(nested, nodes.bullet_list)
    assert [item.astext() for item in nested.children] == ["Two MSc students", "One PhD student"]
    assert texts(node, "academic-timeline-detail") == [
        "Score: 1.0",
        "Courses: Syntax; Semantics",
        "Keywords: parsing, syntax",
    ]
    assert rec.warnings == []


def test_timeline_titles_and_links(rec: Recorder) -> None:
    education = Entry(
        "education", "PhD", "Linguistics", "Example University", start=d("2018"), end=d("2022")
    )
    project = Entry("projects", "TinyParse", url="https://example.org/tinyparse")
    tree = timeline([education, project], rec.ctx)
    first, second = kids(tree)
    assert one(first, "academic-timeline-heading").astext() == "PhD, Linguistics"
    assert one(first, "academic-timeline-subtitle").astext() == "Linguistics"
    assert not classed(first, "academic-timeline-link")
    # Without an organisation, the title carries the link.
    link = one(second, "academic-timeline-link")
    assert isinstance(link, nodes.reference)
    assert link["refuri"] == "https://example.org/tinyparse"


def test_undated_entry_still_renders(rec: Recorder) -> None:
    tree = timeline([Entry("custom", "Something", summary="Text.")], rec.ctx)
    (node,) = kids(tree)
    assert "academic-timeline-undated" in node["classes"]
    assert not classed(node, "academic-timeline-date")
    assert one(node, "academic-timeline-title").astext() == "Something"


def test_unsafe_url_is_dropped_with_a_warning(rec: Recorder) -> None:
    entry = Entry("work", "Job", organisation="Evil Corp", url="javascript:alert(1)", source=SRC)
    tree = timeline([entry], rec.ctx)
    assert not list(tree.findall(nodes.reference))
    assert one(tree, "academic-timeline-organisation").astext() == "Evil Corp"
    ((message, where, subtype),) = rec.warnings
    assert (where, subtype) == ("profile.yaml:7", "link")
    assert "javascript:alert(1)" in message


def test_publication_entry_authors_and_doi(rec: Recorder) -> None:
    entry = Entry(
        "publications",
        "Learning to Parse",
        organisation="Journal of Examples",
        date=d("2021-05"),
        authors=("*Ada Researcher*", "Bob Example"),
        details=(("doi", "10.1234/x_y*"),),
    )
    tree = timeline([entry], rec.ctx)
    assert one(tree, "academic-timeline-authors").astext() == "Ada Researcher, Bob Example"
    doi = one(tree, "academic-doi")
    # A DOI is an identifier: never parsed as markup, linked to its resolver.
    assert doi.astext() == "10.1234/x_y*"
    assert doi["refuri"] == "https://doi.org/10.1234/x_y*"
    assert "10.1234/x_y*" not in rec.parsed


def test_a_doi_that_is_not_one_is_text_with_a_warning(rec: Recorder) -> None:
    entry = Entry("publications", "Paper", details=(("doi", "see the journal"),), source=SRC)
    tree = timeline([entry], rec.ctx)
    assert one(tree, "academic-doi").astext() == "see the journal"
    assert not list(tree.findall(nodes.reference))
    ((message, where, subtype),) = rec.warnings
    assert (where, subtype) == ("profile.yaml:7", "link")
    assert "doi: 'see the journal' is not a DOI or a web address; no link" in message


def test_raw_html_in_data_stays_text(rec: Recorder) -> None:
    entry = Entry("work", "<script>alert(1)</script>", summary="<b>bold</b>")
    tree = timeline([entry], rec.ctx)
    assert not list(tree.findall(nodes.raw))
    assert one(tree, "academic-timeline-title").astext() == "<script>alert(1)</script>"


# -- news ----------------------------------------------------------------------------------


def test_news_items_and_time(rec: Recorder) -> None:
    items = [
        NewsItem(d("2024-05"), "Paper at **ACL**!", url="https://example.org/acl"),
        NewsItem(d("2023-09"), "I started.", title="New *position*", url="https://e.org/n"),
        NewsItem(d("Fall 2022"), "Plain."),
    ]
    tree = news(items, rec.ctx)
    assert tree["classes"] == ["academic-news"]
    # The directive pairs items with children: only items, in order.
    assert [child["classes"] for child in kids(tree)] == [["academic-news-item"]] * 3
    first, second, third = kids(tree)
    date = one(first, "academic-news-date")
    (time,) = date.children
    assert isinstance(time, academic_time)
    assert (time["datetime"], date.astext()) == ("2024-05", "May 2024")
    assert [child["classes"][0] for child in kids(first)] == [
        "academic-news-date",
        "academic-news-text",
    ]
    assert one(first, "academic-news-text").astext() == "Paper at ACL! more"
    more = one(first, "academic-news-more")
    assert more["refuri"] == "https://example.org/acl"
    assert not classed(first, "academic-news-title")
    title = one(second, "academic-news-title")
    assert title.astext() == "New position"
    assert one(second, "academic-news-link")["refuri"] == "https://e.org/n"
    assert not classed(second, "academic-news-more")
    label = one(third, "academic-news-date")
    assert label.astext() == "Fall 2022"
    assert [type(child) for child in label.children] == [nodes.Text]


def test_news_more_label_and_bad_url() -> None:
    rec = Recorder()
    ctx = ProfileContext(rec.ctx.inline, "de", ".", rec.ctx.warn, present="heute", more="mehr")
    tree = news([NewsItem(d("2024-03"), "Neu.", url="https://e.org")], ctx)
    assert one(tree, "academic-news-more").astext() == "mehr"
    assert one(tree, "academic-news-date").astext() == "März 2024"
    bad = news([NewsItem(d("2024"), "Neu.", url="data:text/html,x", source=SRC)], ctx)
    assert not list(bad.findall(nodes.reference))
    assert rec.subtypes() == ["link"]


# -- profile card --------------------------------------------------------------------------


def test_profile_card_parts(rec: Recorder) -> None:
    basics = Basics(
        name="Ada *Researcher*",
        label="Postdoc",
        image="https://example.org/ada.jpg",
        email="ada@example.org",
        phone="+351 123 456",
        url="https://ada.example.org/",
        summary="First paragraph.\n\nSecond *paragraph*.",
        location="Lisbon, Portugal",
        profiles=(
            Link("GitHub", "ada", "https://github.com/ada"),
            Link("Google Scholar", "XyZ", "https://scholar.google.com/citations?user=XyZ"),
            Link("ORCID", "0000-0001", "https://orcid.org/0000-0001"),
            Link("Bluesky", "ada.bsky.social", "https://bsky.app/profile/ada.bsky.social"),
            Link("Matrix", "@ada:example.org"),
        ),
        source=SRC,
    )
    card = profile_card(basics, rec.ctx)
    assert card["classes"] == ["academic-profile"]
    image = one(card, "academic-profile-image")
    assert isinstance(image, nodes.image)
    assert (image["uri"], image["alt"]) == ("https://example.org/ada.jpg", "Ada Researcher")
    body = one(card, "academic-profile-body")
    assert [child["classes"][0] for child in kids(body)] == [
        "academic-profile-name",
        "academic-profile-label",
        "academic-profile-location",
        "academic-profile-contact",
        "academic-profile-links",
        "academic-profile-summary",
        "academic-profile-summary",
    ]
    assert one(card, "academic-profile-email")["refuri"] == "mailto:ada@example.org"
    assert one(card, "academic-profile-phone").astext() == "+351 123 456"
    assert one(card, "academic-profile-url").astext() == "ada.example.org"
    assert one(card, "academic-profile-contact").astext() == (
        "ada@example.org · +351 123 456 · ada.example.org"
    )
    links = classed(card, "academic-profile-link")
    assert [link.astext() for link in links] == [
        "GitHub",
        "Google Scholar",
        "ORCID",
        "Bluesky",
        "Matrix: @ada:example.org",
    ]
    assert [link["classes"][1] for link in links] == [
        "academic-link-github",
        "academic-link-googlescholar",
        "academic-link-orcid",
        "academic-link-bluesky",
        "academic-link-matrix",
    ]
    assert not isinstance(links[-1], nodes.reference)  # no address known
    # URLs, e-mail, phone and network names are never parsed as markup.
    for plain in ("ada@example.org", "+351 123 456", "https://ada.example.org/", "GitHub"):
        assert plain not in rec.parsed
    assert rec.warnings == []


def test_profile_photo_from_the_source_dir(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "me.jpg").write_bytes(b"jpg")
    rec = Recorder(srcdir=str(tmp_path))
    card = profile_card(Basics(name="Ada", image="img/me.jpg"), rec.ctx)
    assert one(card, "academic-profile-image")["uri"] == "/img/me.jpg"
    assert one(card, "academic-profile-photo")
    assert rec.warnings == []


@pytest.mark.parametrize(
    ("image", "subtype"),
    [
        ("missing.jpg", "asset"),
        ("../outside.jpg", "asset"),
        ("javascript:alert(1)", "link"),
    ],
)
def test_profile_photo_refused(tmp_path: Path, image: str, subtype: str) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "outside.jpg").write_bytes(b"jpg")
    rec = Recorder(srcdir=str(tmp_path / "src"))
    card = profile_card(Basics(name="Ada", image=image, source=SRC), rec.ctx)
    assert not list(card.findall(nodes.image))
    assert "academic-profile-no-photo" in card["classes"]
    assert [(where, kind) for _, where, kind in rec.warnings] == [("profile.yaml:7", subtype)]


def test_empty_profile_card(rec: Recorder) -> None:
    card = profile_card(Basics(), rec.ctx)
    assert card["classes"] == ["academic-profile", "academic-profile-no-photo"]
    assert card.children == []


# -- CV sections ---------------------------------------------------------------------------


def test_keywords_section(rec: Recorder) -> None:
    skills = Section(
        "skills",
        "Skills",
        "keywords",
        (
            Entry("skills", "Programming", "Expert", keywords=("Python", "*Rust*")),
            Entry("skills", "Portuguese", "Native"),
            Entry("skills", "Music", keywords=("Fado",)),
        ),
    )
    block = block_of(section_block(skills, rec.ctx))
    assert block["classes"] == [
        "academic-cv-section",
        "academic-cv-keywords",
        "academic-section-skills",
    ]
    assert texts(block, "academic-cv-keywords-line") == [
        "Programming (Expert): Python, Rust",
        "Portuguese (Native)",
        "Music: Fado",
    ]


def test_pairs_and_text_sections(rec: Recorder) -> None:
    pairs = Section("info", "Info", "pairs", (Entry("info", "Full Name", summary="Ada"),))
    block = block_of(section_block(pairs, rec.ctx))
    assert texts(block, "academic-cv-pair-line") == ["Full Name: Ada"]
    text = Section(
        "interests",
        "Interests",
        "text",
        (
            Entry("interests", "Syntax", highlights=("Grammar induction", "Treebanks")),
            Entry("interests", summary="Music & *fado*."),
            Entry("interests", "Prof. Example", summary="Ada is great.", date=d("2021")),
        ),
    )
    block = block_of(section_block(text, rec.ctx))
    assert [child.tagname for child in kids(block)] == [
        "paragraph",
        "bullet_list",
        "paragraph",
        "paragraph",
    ]
    assert texts(block, "academic-cv-text-line") == [
        "Syntax",
        "Music & fado.",
        "Prof. Example — Ada is great. (2021)",
    ]


def test_numbered_and_reversed_sections(rec: Recorder) -> None:
    entries = tuple(Entry("talks", summary=f"Talk {n}") for n in range(1, 5))
    up = block_of(section_block(Section("patents", "Patents", "numbered", entries), rec.ctx))
    assert texts(up, "academic-cv-number") == ["1.", "2.", "3.", "4."]
    down = block_of(section_block(Section("talks", "Talks", "reversed", entries), rec.ctx, limit=2))
    # Counting down from the number of entries, even when fewer are shown.
    assert texts(down, "academic-cv-numbered-line") == ["4. Talk 1", "3. Talk 2"]


def test_timeline_section_limit_and_order(rec: Recorder) -> None:
    entries = (
        Entry("work", "Old", start=d("2010"), end=d("2012")),
        Entry("work", "New", start=d("2020"), end=d("present")),
        Entry("work", "Middle", date=d("2015")),
    )
    section = Section("selected_honors", "Selected Honors", "timeline", entries)
    block = block_of(section_block(section, rec.ctx))
    assert block["classes"] == [
        "academic-timeline",
        "academic-cv-section",
        "academic-cv-timeline",
        "academic-section-selected-honors",
    ]
    assert texts(block, "academic-timeline-title") == ["Old", "New", "Middle"]
    block = block_of(section_block(section, rec.ctx, limit=2, order="newest"))
    assert texts(block, "academic-timeline-title") == ["New", "Middle"]


# -- whole fixture files -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["native.yaml", "rendercv.yaml", "alfolio_cv.yml"])
def test_fixture_profiles_render(name: str, rec: Recorder) -> None:
    profile, _problems = read_profile(str(FIXTURES / name))
    blocks = [node for s in profile.sections for node in section_block(s, rec.ctx)]
    assert len(blocks) == len(profile.sections)
    assert all(block.astext().strip() for block in blocks)
    news(news_items(profile.news), rec.ctx)
    profile_card(profile.basics, rec.ctx)
    # Only the RenderCV file's photo (not shipped with the fixtures) is warned about.
    assert set(rec.subtypes()) <= {"asset"}


def test_native_fixture_every_text_goes_through_inline(rec: Recorder) -> None:
    profile, _ = read_profile(str(FIXTURES / "native.yaml"))
    for section in profile.sections:
        section_block(section, rec.ctx)
    profile_card(profile.basics, rec.ctx)
    news(profile.news, rec.ctx)
    for text in (
        "Led the **treebank** project",
        "Syntax; Semantics",
        "I study how `parsers` learn.",
    ):
        assert text in rec.parsed
    for plain in ("https://example.org/tinyparse", "ada@example.org", "https://ada.example.org"):
        assert plain not in rec.parsed


# -- the <time> node in real builds ----------------------------------------------------------

CONF = """
from docutils.parsers.rst import Directive
from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.profile import Entry, NewsItem
from sphinx_academic.render.profile import ProfileContext, news, timeline
from sphinx_academic.nodes import register


class NewsTest(Directive):
    def run(self):
        def inline(text, source):
            return self.state.inline_text(text, self.lineno)[0]

        ctx = ProfileContext(inline, "en", ".", lambda *args: None)
        day = PartialDate.parse
        entries = [
            Entry("work", "Job", start=day("2018-08"), end=day("present")),
            Entry("work", "Post", start=day("Fall <2019>"), end=day("2020-05")),
            Entry("work", "Award", date=day("2021-06-02")),
        ]
        return [
            news([NewsItem(PartialDate.parse("2024-05"), "Hello *world*.")], ctx),
            timeline(entries, ctx),
        ]


def setup(app):
    register(app)
    app.add_directive("news-test", NewsTest)
"""


@pytest.fixture
def news_project(tmp_path: Path) -> Path:
    (tmp_path / "conf.py").write_text(CONF, encoding="utf-8")
    (tmp_path / "index.rst").write_text("News\n====\n\n.. news-test::\n", encoding="utf-8")
    return tmp_path


def build(srcdir: Path, buildername: str) -> SphinxTestApp:
    app = SphinxTestApp(buildername, srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""  # type: ignore[attr-defined]
    return app


def test_time_element_in_html(news_project: Path) -> None:
    app = build(news_project, "html")
    page = parse_html(app.outdir / "index.html")
    time = page.select_one(".academic-news-item .academic-news-date time")
    assert time is not None
    assert (time["datetime"], time.get_text()) == ("2024-05", "May 2024")
    text = page.select_one(".academic-news-text")
    assert text is not None
    assert text.get_text() == "Hello world."


def test_periods_in_html(news_project: Path) -> None:
    """One node per period, written as the <time> elements it would have had as nodes."""
    app = build(news_project, "html")
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    dates = parse_html(app.outdir / "index.html").select(".academic-timeline-date")
    assert [date.get_text() for date in dates] == [
        "Aug 2018 – present",
        "Fall <2019> – May 2020",
        "Jun 2, 2021",
    ]
    assert [[(t["datetime"], t.get_text()) for t in d.select("time")] for d in dates] == [
        [("2018-08", "Aug 2018")],
        [("2020-05", "May 2020")],
        [("2021-06-02", "Jun 2, 2021")],
    ]
    assert "Fall &lt;2019&gt; – <time" in html


@pytest.mark.parametrize(("buildername", "filename"), [("text", "index.txt"), ("latex", None)])
def test_time_as_text_elsewhere(news_project: Path, buildername: str, filename: str | None) -> None:
    app = build(news_project, buildername)
    outputs = [app.outdir / filename] if filename else list(app.outdir.glob("*.tex"))
    content = "".join(path.read_text(encoding="utf-8") for path in outputs)
    assert "May 2024" in content
    # LaTeX writes the en dash as \textendash{}.
    assert "Aug 2018 – present" in content.replace("\\textendash{}", "–")
    assert "<time" not in content


@pytest.mark.parametrize(
    ("markup", "words"),
    [
        ("Clara Okafor", "Clara Okafor"),
        ("  Clara\n  Okafor ", "Clara Okafor"),
        # Inline text: what would start a list or a section in a document stays words.
        ("A. Smith", "A. Smith"),
        ("- Ana", "- Ana"),
        ("X) Bo", "X) Bo"),
        ("*Clara* **Okafor**", "Clara Okafor"),
        ("Ana `Bo <https://example.org>`_", "Ana Bo"),
        ("Ana\\_Bo", "Ana_Bo"),
        ("", ""),
        (None, ""),
    ],
)
def test_markup_text_gives_the_words_of_inline_markup(markup: str | None, words: str) -> None:
    from sphinx_academic.render.plaintext import markup_text

    assert markup_text(markup) == words
