"""An entry's topics (the BibTeX ``keywords``) -> a list of chips."""

from __future__ import annotations

from docutils import nodes

from sphinx_academic.model.publication import Publication


def topic_list(pub: Publication) -> nodes.bullet_list | None:
    """The topics as an ``academic-pub-topics`` list of ``academic-topic`` items (chips in
    HTML, a list elsewhere); ``None`` for an entry without keywords."""
    if not pub.keywords:
        return None
    chips = nodes.bullet_list(classes=["academic-pub-topics"])
    for word in pub.keywords:
        chips += nodes.list_item("", nodes.paragraph(word, word), classes=["academic-topic"])
    return chips
