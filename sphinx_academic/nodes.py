"""The two custom nodes HTML needs (a disclosure and a button) and their visitors.

Everything else is standard docutils nodes with classes. These two only ever sit inside
publication cards, which non-HTML builders replace with citation lines before writing
(see :mod:`sphinx_academic.transforms`); the non-HTML visitors skip them to be safe.
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


def skip(translator: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    skipped: dict[str, Any] = {name: (skip, None) for name in ("latex", "text", "man", "texinfo")}
    app.add_node(academic_details, html=(visit_details_html, depart_details_html), **skipped)
    app.add_node(academic_button, html=(visit_button_html, None), **skipped)
    app.add_node(academic_source, html=(visit_source_html, None))
    app.add_node(academic_output_link, html=(visit_output_link_html, None), **skipped)
