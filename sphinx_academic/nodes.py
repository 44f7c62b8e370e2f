"""The custom nodes HTML needs (a disclosure, a button, a source block, a link to an
output file) and their visitors, and two standard nodes whose HTML start tag is written
without docutils' generic one (:class:`academic_block`, :class:`academic_paragraph`).

Everything else is standard docutils nodes with classes. The disclosure and the button
only ever sit inside publication cards, which non-HTML builders replace with citation
lines before writing (see :mod:`sphinx_academic.transforms`); the non-HTML visitors skip
them to be safe.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri
from sphinx.writers.html5 import HTML5Translator


class academic_details(nodes.General, nodes.Element):
    """A ``<details>`` block; ``summary`` is its always-visible label."""


class academic_button(nodes.General, nodes.Inline, nodes.Element):
    """A ``<button>`` that ``academic.js`` gives its behaviour (``action``)."""


class academic_source(nodes.literal_block):  # lower case: docutils node naming
    """Source text shown as is (the BibTeX of an entry).

    HTML writes it as a plain ``<pre>``: Sphinx would build a Pygments formatter per
    block, the largest cost of a page with thousands of cards. Other builders treat it
    as the literal block it is.
    """


def visit_source_html(translator: HTML5Translator, node: academic_source) -> None:
    translator.body.append(
        f'<div class="highlight"><pre class="academic-source">'
        f"{translator.encode(node.astext())}</pre></div>\n"
    )
    raise nodes.SkipNode


class academic_output_link(
    nodes.General, nodes.Inline, nodes.Element
):  # lower case: docutils node naming
    """A link to a file the build writes (``target``: its path in the output folder)."""


def visit_output_link_html(translator: HTML5Translator, node: academic_output_link) -> None:
    builder = translator.builder
    page = builder.get_target_uri(builder.current_docname)
    href = relative_uri(page, node["target"])
    classes = " ".join(["academic-output-link", *node["classes"]])
    translator.body.append(
        f'<a class="{translator.attval(classes)}" href="{translator.attval(href)}" download>'
        f"{translator.encode(node['label'])}</a>"
    )
    raise nodes.SkipNode


def visit_details_html(translator: HTML5Translator, node: academic_details) -> None:
    classes = " ".join(node["classes"])
    translator.body.append(f'<details class="{translator.attval(classes)}">')
    translator.body.append(f"<summary>{translator.encode(node['summary'])}</summary>")


def depart_details_html(translator: HTML5Translator, node: academic_details) -> None:
    translator.body.append("</details>\n")


def visit_button_html(translator: HTML5Translator, node: academic_button) -> None:
    attributes = {
        "type": "button",
        "class": " ".join(["academic-button", *node["classes"]]),
        "data-academic-action": node["action"],
    }
    if node.get("expanded") is not None:
        attributes["aria-expanded"] = "true" if node["expanded"] else "false"
    if node.get("tooltip"):
        attributes["title"] = node["tooltip"]
    if node.get("done"):
        # The label after the action ("Copied", "show less"), translated like the rest.
        attributes["data-done-label"] = node["done"]
    rendered = " ".join(
        f'{name}="{translator.attval(value)}"' for name, value in attributes.items()
    )
    translator.body.append(f"<button {rendered}>{translator.encode(node['label'])}</button>")
    raise nodes.SkipNode


class academic_block(nodes.container):  # lower case: docutils node naming
    """A container (a news item, a timeline entry) whose HTML start tag is written
    directly: the ``<div class="... docutils container" id="...">`` docutils writes.

    Speed: docutils' generic ``starttag`` sorts, merges and escapes the attributes of every
    element anew, several microseconds each; a page of a thousand news items or timeline
    entries has thousands of such elements, all with the same few classes. Every other
    builder writes it as the container it is.
    """


class academic_paragraph(nodes.paragraph):  # lower case: docutils node naming
    """A paragraph with classes whose HTML start tag is written directly (see
    :class:`academic_block`); a paragraph for every other builder."""


def start_tag(
    translator: HTML5Translator,
    node: nodes.Element,
    tagname: str,
    suffix: str = "\n",
    extra: str = "",
) -> str:
    """What ``translator.starttag(node, tagname, suffix, CLASS=extra)`` writes (it writes
    only the classes and ids of a node), for an element with at most one id and plain
    classes; any other element goes through ``starttag`` itself."""
    ids = node["ids"]
    classes = _class_attribute(tuple(node["classes"]), extra, translator)
    if classes is None or len(ids) > 1:
        return translator.starttag(node, tagname, suffix, CLASS=extra)
    anchor = f' id="{translator.attval(ids[0])}"' if ids else ""
    return f"<{tagname}{classes}{anchor}>{suffix}"


#: ``(classes, extra)`` -> the ``class`` attribute as ``starttag`` writes it, or ``None``
#: for classes it treats specially (``language-*``, repeated ones; ``ins``/``del`` on
#: containers), which are left to it. A page has only a few distinct sets.
_CLASS_ATTRIBUTES: dict[tuple[tuple[str, ...], str], str | None] = {}


def _class_attribute(
    classes: tuple[str, ...], extra: str, translator: HTML5Translator
) -> str | None:
    key = (classes, extra)
    if key not in _CLASS_ATTRIBUTES:
        names = [*classes, *extra.split()]
        plain = (
            " ".join(names).split() == names
            and len(set(names)) == len(names)
            and not any(name.startswith("language-") or name in ("ins", "del") for name in names)
        )
        joined = f' class="{translator.attval(" ".join(names))}"' if names else ""
        _CLASS_ATTRIBUTES[key] = joined if plain else None
    return _CLASS_ATTRIBUTES[key]


def visit_block_html(translator: HTML5Translator, node: academic_block) -> None:
    element_classes: set[str] = getattr(translator, "supported_block_tags", set())
    if element_classes.intersection(node["classes"]):  # ``ins``, ``del``: other elements
        translator.visit_container(node)
    else:
        translator.body.append(start_tag(translator, node, "div", extra="docutils container"))


def depart_block_html(translator: HTML5Translator, node: academic_block) -> None:
    if hasattr(node, "html5tagname"):  # written by docutils' visit_container
        translator.depart_container(node)
    else:
        translator.body.append("</div>\n")


def visit_paragraph_html(translator: HTML5Translator, node: academic_paragraph) -> None:
    translator.body.append(start_tag(translator, node, "p", ""))


def skip(translator: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    skipped: dict[str, Any] = {name: (skip, None) for name in ("latex", "text", "man", "texinfo")}
    app.add_node(academic_details, html=(visit_details_html, depart_details_html), **skipped)
    app.add_node(academic_button, html=(visit_button_html, None), **skipped)
    app.add_node(academic_source, html=(visit_source_html, None))
    app.add_node(academic_output_link, html=(visit_output_link_html, None), **skipped)
    # Other builders find the visitors of ``container`` and ``paragraph`` (Sphinx looks
    # visitors up along the node's classes).
    app.add_node(academic_block, html=(visit_block_html, depart_block_html))
    app.add_node(academic_paragraph, html=(visit_paragraph_html, _depart_paragraph_html))


def _depart_paragraph_html(translator: HTML5Translator, node: academic_paragraph) -> None:
    translator.depart_paragraph(node)
