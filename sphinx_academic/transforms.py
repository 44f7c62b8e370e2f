"""Per-builder adjustments made after reading, so the pickled doctrees stay builder-neutral.

Non-HTML builders (LaTeX, text, man, ...) get a clean citation list: each card becomes its
citation line, with a target keeping the anchor for ``:pub:`` links; timeline entries
become one line each (date, title, place) followed by their details, as in a printed CV.
HTML builders that cannot show remote images (epub) lose remote thumbnails instead of
Sphinx downloading them: a build never touches the network. Images from the data in a
format the builder cannot use (an SVG photo in LaTeX) are left out rather than breaking
the build.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.images import guess_mimetype

# Speed: the rendering code a transform uses is imported when it runs, so a build that
# writes no page (a no-op rebuild) does not import it.


def _quiet(message: str, location: str, subtype: str) -> None:
    """Problems were already reported when the page was read."""


#: MathJax's class names (version 3 and 4, and 2) for "skip this" and "but do this".
MATHJAX_IGNORE = ["mathjax_ignore", "tex2jax_ignore"]
MATHJAX_PROCESS = ["mathjax_process", "tex2jax_process"]


def _academic(node: nodes.Element) -> bool:
    classes: list[str] = node.get("classes", [])
    return any(name.startswith("academic-") for name in classes)


def _academic_roots(document: nodes.document) -> list[nodes.Element]:
    """The outermost elements the extension rendered (not looking inside them)."""
    roots: list[nodes.Element] = []
    stack: list[nodes.Element] = [document]
    while stack:
        for child in stack.pop().children:
            if isinstance(child, nodes.Element):
                (roots if _academic(child) else stack).append(child)
    return roots


def _images_and_formulas(
    roots: list[nodes.Element],
) -> tuple[list[nodes.image], list[nodes.math]]:
    """The images and formulas in ``roots``, found in one walk.

    Speed: a plain stack, not ``findall``, whose nested generators hand every node up
    through all its ancestors (a news page of a thousand items has 8,500 nodes).
    """
    images: list[nodes.image] = []
    formulas: list[nodes.math] = []
    stack: list[nodes.Node] = list(roots)
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.image):
            images.append(node)
        elif isinstance(node, nodes.math):
            formulas.append(node)
        if isinstance(node, nodes.Element):
            stack += node.children
    return images, formulas


class AdaptPublicationsToBuilder(SphinxPostTransform):
    # Before Sphinx's image downloader (priority 100) sees remote thumbnails.
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        roots = _academic_roots(self.document)
        if not roots:  # speed: most pages show nothing of ours
            return
        builder = self.builder_class()
        images, formulas = _images_and_formulas(roots)
        images = self.drop_unusable_images(images, builder.supported_image_types)
        if builder.format == "html":
            if not builder.supported_remote_images:
                self.drop_remote_thumbnails(images)
            self.keep_mathjax_to_formulas(roots, formulas)
            return
        self.cards_to_citation_lines()
        self.anchors_to_targets()
        self.compact_timeline_entries()
        self.drop_html_only_paragraphs()
        self.owner_names_in_roles()

    def keep_mathjax_to_formulas(
        self, roots: list[nodes.Element], formulas: list[nodes.math]
    ) -> None:
        """MathJax typesets any ``\\(...\\)`` in a page's text, so text from data could
        become math (``\\(\\href{javascript:...}{x}\\)`` a link): what the extension
        renders is ignored by MathJax, except the formulas it made (already checked)."""
        for root in roots:
            root["classes"] += MATHJAX_IGNORE
        for formula in formulas:
            formula["classes"] += MATHJAX_PROCESS

    def drop_html_only_paragraphs(self) -> None:
        """The export links point at files only HTML builds write."""
        for para in list(self.document.findall(nodes.paragraph)):
            if "academic-exports" in para["classes"]:
                para.parent.remove(para)

    def owner_names_in_roles(self) -> None:
        """The LaTeX writer shows classes only on inline nodes (``\\DUrole``): the owner's
        name goes back into one, the documented hook for restyling it in the PDF."""
        for strong in list(self.document.findall(nodes.strong)):
            if "academic-self" in strong["classes"]:
                strong["classes"].remove("academic-self")
                wrapper = nodes.inline(classes=["academic-self"])
                strong.replace_self(wrapper)
                wrapper += strong

    def compact_timeline_entries(self) -> None:
        for entry in list(self.document.findall(nodes.container)):
            if "academic-timeline-entry" not in entry["classes"]:
                continue
            lines = [
                node
                for node in entry.findall(nodes.paragraph)
                if {
                    "academic-timeline-date",
                    "academic-timeline-heading",
                    "academic-timeline-place",
                }
                & set(node["classes"])
            ]
            if len(lines) < 2:
                continue
            merged = nodes.paragraph(classes=["academic-timeline-line"])
            for index, line in enumerate(lines):
                if index:
                    merged += nodes.Text(" — ")
                merged += line.children
                line.parent.remove(line)
            entry.insert(0, merged)

    def drop_unusable_images(
        self, images: list[nodes.image], supported: list[str]
    ) -> list[nodes.image]:
        """Leave out images of a type the builder cannot use; the images kept."""
        kept: list[nodes.image] = []
        for image in images:
            candidates: dict[str, str] = dict(image.get("candidates", {}))
            if "*" in candidates:  # one file: its type is what its name says
                candidates[guess_mimetype(candidates["*"]) or "?"] = candidates["*"]
            if "?" in candidates or any(kind in candidates for kind in supported):
                kept.append(image)
            else:
                image.parent.remove(image)
        return kept

    def builder_class(self) -> Any:
        # Sphinx 9 exposes the builder class on the environment; 8.2 only through app.
        return getattr(self.env, "_builder_cls", None) or type(self.app.builder)

    def drop_remote_thumbnails(self, images: list[nodes.image]) -> None:
        from sphinx_academic.render.links import is_url

        for image in images:
            if "academic-pub-thumbnail" in image["classes"] and is_url(image["uri"]):
                image.parent.parent.remove(image.parent)

    def cards_to_citation_lines(self) -> None:
        from sphinx_academic.directives.common import render_context
        from sphinx_academic.render.publication import citation_line
        from sphinx_academic.store import get_store

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
