"""Markdown page bodies as the plain text of a BibTeX abstract (``sphinx-academic
migrate``), on bodies shaped as the academicpages template and its generators write them."""

from __future__ import annotations

import pytest

from sphinx_academic.migrate.prose import markdown_text
from sphinx_academic.migrate.values import first_paragraph

#: The template's own publication page (before ``excerpt`` was added to it).
TEMPLATE_BODY = """This paper is about the number 1. The number 2 is left for future work.

[Download paper here](http://academicpages.github.io/files/paper1.pdf)

Recommended citation: Your Name, You. (2009). "Paper Title Number 1." <i>Journal 1</i>. 1(1).
"""

#: What ``markdown_generator/publications.py`` writes: an HTML link, the excerpt with
#: HTML character references, the citation.
GENERATOR_BODY = """

<a href='http://example.org/paper.pdf'>Download paper here</a>

We &apos;count&apos; crevasses &amp; seracs.

Recommended citation: Smith, J. (2019). &quot;Crevasses.&quot; <i>Ice</i>."""

#: What ``pubsFromBib.py`` writes when the entry has no URL.
SCHOLAR_BODY = (
    "\nUse [Google Scholar](https://scholar.google.com/scholar?q=Crevasses)"
    '{:target="_blank"} for full citation'
)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (TEMPLATE_BODY, "This paper is about the number 1. The number 2 is left for future work."),
        (GENERATOR_BODY, "We 'count' crevasses & seracs."),
        (SCHOLAR_BODY, None),
        ("", None),
        (None, None),
    ],
)
def test_template_lines_are_left_out(body: str | None, text: str | None) -> None:
    assert markdown_text(body) == text


@pytest.mark.parametrize(
    ("body", "text"),
    [
        # Emphasis, links, code and autolinks give their text; images are dropped.
        (
            "We use **strong** and __strong__, *em* and _em_, [a link](https://x.org/a_(b)),"
            " `code`, <https://x.org> and ![a figure](/f.png) here.",
            "We use strong and strong, em and em, a link, code, https://x.org and here.",
        ),
        # Escaped characters are the characters; underscores inside words stay.
        (
            r"Not \*emphasis\*, a snake_case_name and 100\% sure.",
            "Not *emphasis*, a snake_case_name and 100% sure.",
        ),
        # HTML blocks are dropped, their text kept; comments are dropped whole.
        (
            '<div style="text-align: justify">\nThe text.<br/>More.\n</div>\n<!-- hidden\n\nx -->',
            "The text. More.",
        ),
        # Headings, rules, tables, fenced code and reference definitions are not prose.
        (
            "## Abstract\n\nProse.\n\n---\n\n| a | b |\n|---|---|\n\n```\ncode\n```\n\n"
            "[//]: # (a comment)\n[ref]: https://x.org\n",
            "Prose.",
        ),
        # List and quote markers are dropped, the items kept; reference links as text.
        (
            "> Quoted [text][ref].\n\n- one\n- two\n1. three\n\n[ref]: https://x.org",
            "Quoted text. one two three",
        ),
        # Brackets without a link reference definition are text, as CommonMark reads them.
        ("See [1] and [text][nowhere].", "See [1] and [text][nowhere]."),
        # Liquid and Hugo template tags are dropped.
        ("{% include base_path %}\nText {{< icon name=x >}}here.", "Text here."),
        # Paragraphs of links (with separators or a label) are not prose.
        ("[arXiv](https://a.org) | [Code](https://c.org)\n\nCode: [repo](https://c.org)", None),
        # A BibTeX citation under "Recommended citation:" is dropped with it.
        ("Prose.\n\nRecommended citation:  \n@article{k,\n  title={T},\n}\n", "Prose."),
    ],
)
def test_markup_is_dropped_and_sentences_kept(body: str, text: str | None) -> None:
    assert markdown_text(body) == text


@pytest.mark.parametrize(
    ("body", "text"),
    [
        # HTML blocks are read a paragraph at a time: the template's paragraphs and a
        # paragraph of HTML links are left out there too.
        (
            "<p>The abstract.</p>\n<p>Recommended citation: X (2020).</p>\n"
            '<p><a href="a">arXiv</a> | <a href="b">Code</a></p>',
            "The abstract.",
        ),
        # HTML headings are not prose; character references are read.
        ("<h2>Abstract</h2>\n<p>Text &amp; more.</p>", "Text & more."),
        # Markdown in an HTML block is read as Markdown only after a blank line, as
        # CommonMark (and Jekyll's kramdown) show it.
        (
            "<div>\nNot __bold__ here.\n</div>\n<div>\n\n__Bold__ here.\n\n</div>",
            "Not __bold__ here. Bold here.",
        ),
        # A comment over blank lines hides all it holds; an inline one is dropped.
        ("<!--\nHidden.\n\nAlso hidden.\n-->\n\nShown <!-- not this --> here.", "Shown here."),
        # A comment an HTML block opens hides the blocks up to its end.
        ("<div>\nA\n<!-- open\n\nhidden\n\nhidden -->\n\nShown.", "A Shown."),
        # Struck-through text is deleted text; indented code is code.
        ("We use ~~old~~ new methods.\n\n    indented code", "We use new methods."),
        # kramdown attribute lists, after a link or on a line of their own, are dropped.
        ('A [link](https://x.org){:target="_blank"}.\n{: .notice}', "A link."),
    ],
)
def test_html_comments_and_extensions(body: str, text: str | None) -> None:
    assert markdown_text(body) == text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Headings (ATX and setext), images, HTML blocks, lists, quotes and rules come
        # before the paragraph on real pages and are passed over.
        (
            "## Course overview\n\n![map](map.png)\n\n<div class='row'>\n</div>\n\n"
            "- a list item\n\n> a quote\n\n---\n\nStudents learn to *read*\n"
            "a [hydrograph](https://example.org/h).\n\nSecond paragraph.\n",
            "Students learn to *read* a `hydrograph <https://example.org/h>`__.",
        ),
        ("Setext heading\n==============\n\nThe text.\n", "The text."),
        ("{% include figure.liquid path='a.jpg' %}\n\nAfter the figure.\n", "After the figure."),
        ("1. only\n2. a list\n", None),
        ("", None),
    ],
)
def test_first_paragraph_is_read_as_commonmark(body: str, expected: str | None) -> None:
    assert first_paragraph(body) == expected
