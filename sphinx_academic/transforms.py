"""Per-builder adjustments made after reading, so the pickled doctrees stay builder-neutral.

Non-HTML builders (LaTeX, text, man, ...) get a clean citation list: each card becomes its
citation line, with a target keeping the anchor for ``:pub:`` links. HTML builders that
cannot show remote images (epub) lose remote thumbnails instead of Sphinx downloading them:
a build never touches the network.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_academic.directives.common import render_context
from sphinx_academic.render.links import is_url
from sphinx_academic.render.publication import citation_line
from sphinx_academic.store import get_store


def _quiet(message: str, location: str, subtype: str) -> None:
    """Problems were already reported when the page was read."""


class AdaptPublicationsToBuilder(SphinxPostTransform):
    # Before Sphinx's image downloader (priority 100) sees remote thumbnails.
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        builder = self.builder_class()
        if builder.format == "html":
            if not builder.supported_remote_images:
                self.drop_remote_thumbnails()
            return
        self.cards_to_citation_lines()
        self.anchors_to_targets()

    def builder_class(self) -> Any:
        # Sphinx 9 exposes the builder class on the environment; 8.2 only through app.
        return getattr(self.env, "_builder_cls", None) or type(self.app.builder)

    def drop_remote_thumbnails(self) -> None:
        for image in list(self.document.findall(nodes.image)):
            if "academic-pub-thumbnail" in image["classes"] and is_url(image["uri"]):
                image.parent.parent.remove(image.parent)

    def cards_to_citation_lines(self) -> None:
        store = get_store(self.env)
        ctx = render_context(self.env, warn=_quiet)
        for card in list(self.document.findall(nodes.container)):
            if "academic-pub-card" not in card["classes"]:
                continue
            pub = store.get(card["academic_key"])
            if pub is None:
                card.parent.remove(card)
                continue
            line = citation_line(pub, ctx)
            line["ids"] = list(card["ids"])
            card.replace_self(line)

    def anchors_to_targets(self) -> None:
        """LaTeX labels come from targets, so anchors move onto one before each line."""
        for line in list(self.document.findall(nodes.paragraph)):
            if "academic-pub-line" in line["classes"] and line["ids"]:
                target = nodes.target("", "", ids=line["ids"])
                line["ids"] = []
                line.parent.insert(line.parent.index(line), target)
