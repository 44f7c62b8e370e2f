"""Link buttons, downloadable files and thumbnails: where data points outside the text.

Every URL passes :func:`~sphinx_academic.model.links.safe_url` and every file must be
inside the source directory; what fails is dropped with a warning at the entry.
"""

from __future__ import annotations

import os

from docutils import nodes
from sphinx import addnodes

from sphinx_academic.locale import N_, _
from sphinx_academic.model.identifiers import (
    SCHEMES,
    address,
    bare_identifier,
    identifier_url,
    web_address,
)
from sphinx_academic.model.links import OutsideSource, is_url, project_file, safe_url
from sphinx_academic.model.publication import Publication
from sphinx_academic.nodes import academic_address
from sphinx_academic.render.context import RenderContext

#: (field, label) for link buttons, in the order they are shown. Identifier fields
#: (:data:`~sphinx_academic.model.identifiers.SCHEMES`) link to the identifier's address.
LINK_FIELDS: tuple[tuple[str, str], ...] = (
    ("doi", "DOI"),
    ("arxiv", "arXiv"),
    ("pmid", "PubMed"),
    ("openreview", "OpenReview"),
    ("pdf", "PDF"),
    ("html", "HTML"),
    ("code", N_("Code")),
    ("website", N_("Website")),
    ("slides", N_("Slides")),
    ("poster", N_("Poster")),
    ("video", N_("Video")),
    ("blog", N_("Blog")),
    ("supp", N_("Supp.")),
    ("hal", "HAL"),
)
#: (field, prefix) of the identifiers a printed citation line ends with, in this order.
PRINTED_IDENTIFIERS: tuple[tuple[str, str], ...] = (
    ("doi", "doi:"),
    ("arxiv", "arXiv:"),
    ("pmid", "PMID:"),
)
#: Fields whose bare value is a file in the project, copied to the output.
FILE_FIELDS = frozenset({"pdf", "slides", "poster", "supp"})


def link_nodes(pub: Publication, ctx: RenderContext) -> list[nodes.Node]:
    """One reference per link field present, separated by spaces."""
    links: list[nodes.Node] = []
    # With pages the title links to the page, so the entry's own URL gets a button.
    fields = (*LINK_FIELDS, ("url", N_("Link"))) if ctx.link_pages else LINK_FIELDS
    for name, label in fields:
        value = pub.raw_identifier(name)
        node = _link(pub, name, _(label), value, ctx) if value else None
        if node is not None:
            if links:
                links.append(nodes.Text(" "))
            links.append(node)
    return links


def identifier_links(pub: Publication) -> list[academic_address]:
    """``doi:10.1234/x``, ``arXiv:2101.00001``: the entry's identifiers in the compact
    form a printed CV gives them, each a link to its address. A field that holds no
    identifier of its kind (another web address) gives none."""
    links: list[academic_address] = []
    for name, prefix in PRINTED_IDENTIFIERS:
        bare = bare_identifier(name, pub.raw_identifier(name))
        if bare is not None:
            text = prefix + bare
            url = address(name, bare)
            links.append(
                academic_address(text, text, refuri=url, classes=[f"academic-link-{name}"])
            )
    return links


def _link(
    pub: Publication, name: str, label: str, value: str, ctx: RenderContext
) -> nodes.Element | None:
    classes = ["academic-pub-link", f"academic-link-{name}"]
    if _is_file(name, value):
        if ctx.collected is not None:
            return ctx.collected.get((pub.key, name))
        return _file_link(pub, name, label, value, classes, ctx)
    url = _identifier_url(pub, name, value, ctx) if name in SCHEMES else web_address(value)
    if url is None or not checked_url(pub, name, url, ctx):
        return None
    return nodes.reference(label, label, refuri=url, classes=classes)


def _identifier_url(pub: Publication, name: str, value: str, ctx: RenderContext) -> str | None:
    url = identifier_url(name, value)
    if url is None:
        ctx.warn(
            f"{pub.key}: field {name!r}: {value!r} is not {SCHEMES[name].name} or a web "
            "address; no link",
            pub.location,
            "link",
        )
    return url


def _file_link(
    pub: Publication, name: str, label: str, value: str, classes: list[str], ctx: RenderContext
) -> nodes.Element | None:
    found = _project_file(pub, name, value, ctx.files_dir, ctx)
    if found is None:
        return None
    # Like Sphinx's :download: role: the collector copies the file into _downloads/.
    return addnodes.download_reference(
        "",
        "",
        nodes.literal(label, label, classes=["xref", "download"]),
        reftarget="/" + found,
        refexplicit=True,
        refdomain="",
        reftype="download",
        classes=classes,
    )


def _is_file(name: str, value: str) -> bool:
    """Whether the value of link field ``name`` is a file in the project."""
    return name in FILE_FIELDS and not is_url(value) and not value.lower().startswith("www.")


def file_nodes(pub: Publication, ctx: RenderContext) -> list[nodes.Element]:
    """The thumbnail and the download links of the entry's files, each marked with
    ``academic_file`` (key, field): the nodes Sphinx's collectors register (images to
    copy, files to offer for download) when they are in a page being read."""
    found: list[tuple[str, nodes.Element | None]] = [("preview", _new_preview_node(pub, ctx))]
    for name, label in LINK_FIELDS:
        value = pub.raw_identifier(name)
        if value and _is_file(name, value):
            classes = ["academic-pub-link", f"academic-link-{name}"]
            found.append((name, _file_link(pub, name, _(label), value, classes, ctx)))
    for name, node in found:
        if node is not None:
            node["academic_file"] = (pub.key, name)
    return [node for _, node in found if node is not None]


def collected_files(holder: nodes.Element) -> dict[tuple[str, str], nodes.Element]:
    """The nodes :func:`file_nodes` made, by ``(key, field)``, from where they were kept."""
    return {
        child["academic_file"]: child
        for child in holder.children
        if isinstance(child, nodes.Element) and "academic_file" in child
    }


def preview_node(pub: Publication, ctx: RenderContext) -> nodes.image | None:
    """The thumbnail, with the title as alt text."""
    if ctx.collected is not None:
        image = ctx.collected.get((pub.key, "preview"))
        return image if isinstance(image, nodes.image) else None
    return _new_preview_node(pub, ctx)


def _new_preview_node(pub: Publication, ctx: RenderContext) -> nodes.image | None:
    value = pub.get("preview").strip()
    if not value:
        return None
    if not is_url(value) and is_url(ctx.preview_dir) and "/" not in value:
        # A preview folder on the web (a CDN, the old site): bare names are joined to it.
        value = ctx.preview_dir.rstrip("/") + "/" + value
    if is_url(value):
        uri = value if checked_url(pub, "preview", value, ctx) else None
    else:
        found = _project_file(pub, "preview", value, ctx.preview_dir, ctx)
        uri = "/" + found if found else None
    if uri is None:
        return None
    return nodes.image(uri=uri, alt=pub.title_text, classes=["academic-pub-thumbnail"])


def _project_file(
    pub: Publication, name: str, value: str, bare_dir: str, ctx: RenderContext
) -> str | None:
    """The file's path from the source directory, or ``None`` after a warning."""
    try:
        found = project_file(value, ctx.srcdir, bare_dir)
    except OutsideSource:
        ctx.warn(
            f"{pub.key}: field {name!r}: {value!r} is outside the source directory; not used",
            pub.location,
            "asset",
        )
        return None
    if not os.path.isfile(found.absolute):
        ctx.warn(
            f"{pub.key}: field {name!r}: file {found.relative!r} not found (bare names are "
            f"looked up in {bare_dir!r} under the source directory)",
            pub.location,
            "asset",
        )
        return None
    return found.relative


def checked_url(pub: Publication, name: str, url: str, ctx: RenderContext) -> bool:
    """Whether ``url`` may be linked; warns when it may not."""
    if safe_url(url) is not None:
        return True
    ctx.warn(
        f"{pub.key}: field {name!r}: link {url!r} dropped (only http, https, mailto and "
        "relative links are allowed)",
        pub.location,
        "link",
    )
    return False
