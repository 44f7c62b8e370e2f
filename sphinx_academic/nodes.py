"""The extension's few custom nodes and their visitors; everything else it renders is
standard docutils nodes with ``academic-*`` classes.

Each custom node subclasses the standard node it stands for (a container, an inline, a
literal block), so a builder without a visitor of its own for it writes it as that node:
Sphinx looks visitors up along the node's classes. HTML visitors build their tags with
``translator.starttag``, so themes that override it see every element.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

#: The extension that adds a copy button to every code block, BibTeX blocks included.
COPYBUTTON = "sphinx_copybutton"
#: The builders that know our nodes only as what they subclass, named explicitly so
#: the fallback is not left to chance.
OTHER_FORMATS = ("latex", "text", "man", "texinfo")


class academic_publications(nodes.General, nodes.Element):  # lower case: docutils naming
    """Where publication entries go, rendered when the page is written (see
    :class:`~sphinx_academic.transforms.RenderPublications`), as sphinxcontrib-bibtex
    renders bibliographies: a page of thousands of entries is read and pickled as one
    node. ``entries`` lists ``(key, anchor, number)`` in page order; ``style`` and
    ``abstract`` are the directive's options. Its children are the nodes of the entries'
    files (thumbnails, downloads), placed here when the page is read so that Sphinx's
    collectors register them, and moved into the entries when they are rendered."""


class academic_details(nodes.container):  # lower case: docutils node naming
    """A disclosure (``<details>`` in HTML); ``summary`` is its always-visible label."""


class academic_button(nodes.inline):  # lower case: docutils node naming
    """A ``<button>`` that ``academic.js`` gives its behaviour (``action``): ``label`` is
    its text, ``done`` the text after the action, ``tooltip`` its title, ``expanded``
    its ``aria-expanded`` state, ``panel`` the class of the panel it opens, ``hidden``
    whether it waits for the script to show it. Only meaningful on screen: other builders
    skip it."""


class academic_source(nodes.literal_block):  # lower case: docutils node naming
    """Source text shown as it is, without highlighting (an entry's BibTeX)."""


class academic_output_link(nodes.inline):  # lower case: docutils node naming
    """A download link to a file the HTML build writes (``target``: its path in the
    output folder; ``label``: the link text). Other builders write no such files and skip
    it."""


class academic_time(nodes.inline):  # lower case: docutils node naming
    """A date or one end of a period; ``datetime`` is its ISO 8601 value (``<time>``)."""


class academic_search(nodes.container):  # lower case: docutils node naming
    """The search box of a publication list, for ``academic-search.js``: ``entries`` (the
    data of each entry), ``facets`` (name, label, chips) and ``labels`` (interface text).
    Written hidden, so without JavaScript the list shows whole and no controls; only
    meaningful on screen: other builders skip it."""


class academic_address(nodes.reference):  # lower case: docutils node naming
    """A link whose text is an address: an e-mail, a web address without its scheme, an
    identifier such as ``doi:10.1234/x``. LaTeX sets the text as a URL, so a long one
    breaks after ``/``, ``.`` and the like instead of running into the margin; other
    builders write it as the reference it is."""


def visit_details_html(translator: HTML5Translator, node: academic_details) -> None:
    translator.body.append(translator.starttag(node, "details", ""))
    summary = translator.encode(node["summary"])
    translator.body.append(f"{translator.starttag(nodes.inline(), 'summary', '')}{summary}")
    translator.body.append("</summary>")


def depart_details_html(translator: HTML5Translator, node: academic_details) -> None:
    translator.body.append("</details>\n")


def visit_button_html(translator: HTML5Translator, node: academic_button) -> None:
    if node["action"] == "copy" and COPYBUTTON in translator.config.extensions:
        raise nodes.SkipNode  # sphinx-copybutton gives every code block its own button
    attributes: dict[str, Any] = {"type": "button", "data-academic-action": node["action"]}
    if node.get("expanded") is not None:
        attributes["aria-expanded"] = "true" if node["expanded"] else "false"
    if node.get("tooltip"):
        attributes["title"] = node["tooltip"]
    if node.get("done"):
        attributes["data-done-label"] = node["done"]
    if node.get("panel"):
        attributes["data-academic-panel"] = node["panel"]
    if node.get("hidden"):
        attributes["hidden"] = "hidden"
    tag = translator.starttag(node, "button", "", CLASS="academic-button", **attributes)
    translator.body.append(f"{tag}{translator.encode(node['label'])}</button>")
    raise nodes.SkipNode


def visit_source_html(translator: HTML5Translator, node: academic_source) -> None:
    translator.body.append(translator.starttag(node, "div", "", CLASS="highlight"))
    translator.body.append(
        translator.starttag(nodes.literal_block(), "pre", "", CLASS="academic-source")
    )
    translator.body.append(f"{translator.encode(node.astext())}</pre></div>\n")
    raise nodes.SkipNode


def visit_output_link_html(translator: HTML5Translator, node: academic_output_link) -> None:
    builder = translator.builder
    page = builder.get_target_uri(builder.current_docname)
    href = relative_uri(page, node["target"])
    tag = translator.starttag(node, "a", "", CLASS="academic-output-link", href=href, download="")
    translator.body.append(f"{tag}{translator.encode(node['label'])}</a>")
    raise nodes.SkipNode


def visit_time_html(translator: HTML5Translator, node: academic_time) -> None:
    translator.body.append(translator.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time_html(translator: HTML5Translator, node: academic_time) -> None:
    translator.body.append("</time>")


def visit_search_html(translator: HTML5Translator, node: academic_search) -> None:
    labels, encode, body = node["labels"], translator.encode, translator.body

    def tag(name: str, attributes: dict[str, Any], text: str | None = None) -> str:
        """``<name ...>text</name>``; without ``text`` an element left open or empty."""
        element = nodes.inline(ids=[attributes.pop("id")] if "id" in attributes else [])
        start = translator.starttag(element, name, "", name == "input", **attributes)
        return start if text is None else f"{start}{encode(text)}</{name}>"

    input_id = f"{node['ids'][0]}-input"
    body.append(translator.starttag(node, "div", "", role="search", hidden="hidden"))
    body.append(tag("label", {"CLASS": "academic-search-label", "for": input_id}, labels["search"]))
    field = {
        "type": "search",
        "id": input_id,
        "CLASS": "academic-search-input",
        "autocomplete": "off",
        "placeholder": labels["placeholder"],
    }
    body.append(tag("input", field))
    for name, label, chips in node["facets"]:
        group = {"CLASS": "academic-search-facet", "role": "group", "aria-label": label}
        body.append(tag("div", group))
        hidden_label = {"CLASS": "academic-search-facet-label", "aria-hidden": "true"}
        body.append(tag("span", hidden_label, label))
        for value, text in chips:
            chip = {
                "type": "button",
                "CLASS": "academic-chip",
                "aria-pressed": "false",
                "data-facet": name,
                "data-value": value,
            }
            body.append(tag("button", chip, text))
        body.append("</div>")
    body.append(
        tag("button", {"type": "button", "CLASS": "academic-search-clear"}, labels["clear"])
    )
    status = {
        "CLASS": "academic-search-status",
        "role": "status",
        "aria-live": "polite",
        "data-template": labels["status"],
    }
    body.append(tag("p", status, ""))
    data = {"type": "application/json", "CLASS": "academic-search-data"}
    body.append(f"{tag('script', data)}{script_json(node['entries'])}</script></div>\n")
    raise nodes.SkipNode


def visit_address_latex(translator: LaTeXTranslator, node: academic_address) -> None:
    """``\\sphinxhref{address}{\\sphinxnolinkurl{text}}``: hyperref's way of linking text
    that is itself a URL, with the two commands Sphinx's LaTeX writer uses for links and
    URLs (they take care of ``%``, ``#`` and ``~``); the text breaks where a URL does."""
    for anchor in node["ids"]:
        translator.body.append(translator.hypertarget(anchor))
    uri = translator.encode_uri(node["refuri"])
    text = translator.encode_uri(node.astext())
    translator.body.append(f"\\sphinxhref{{{uri}}}{{\\sphinxnolinkurl{{{text}}}}}")
    raise nodes.SkipNode


def script_json(data: object) -> str:
    """``data`` as JSON that cannot end the ``<script>`` element holding it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def add_search_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the search script, on the pages that have a search box
    (as Sphinx adds MathJax to pages with math)."""
    if doctree is not None and next(doctree.findall(academic_search), None) is not None:
        app.add_js_file("academic-search.js", loading_method="defer")


def skip(translator: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """Add every custom node with its visitors (called from the extension's ``setup``)."""
    skipped: dict[str, Any] = {name: (skip, None) for name in OTHER_FORMATS}
    app.add_node(academic_publications)  # replaced by RenderPublications for every builder
    app.add_node(academic_details, html=(visit_details_html, depart_details_html))
    app.add_node(academic_button, html=(visit_button_html, None), **skipped)
    app.add_node(academic_source, html=(visit_source_html, None))
    app.add_node(academic_output_link, html=(visit_output_link_html, None), **skipped)
    app.add_node(academic_address, latex=(visit_address_latex, None))
    app.add_node(academic_time, html=(visit_time_html, depart_time_html))
    app.add_node(academic_search, html=(visit_search_html, None), **skipped)
