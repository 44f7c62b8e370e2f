"""Files the HTML build writes beside the pages: ``publications.bib`` (every entry,
cleaned) and ``publications.json`` (CSL-JSON), and on each publication page's behalf its
entry's ``.bib`` and a copy of its PDF (for ``citation_pdf_url``)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx

from sphinx_academic.domain import get_domain
from sphinx_academic.export import SITE_BUILDERS, outputs_current
from sphinx_academic.export.pages import pdf_beside_page

if TYPE_CHECKING:
    from sphinx_academic.model.publication import Publication

EXPORT_BIB = "publications.bib"
EXPORT_CSL = "publications.json"


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the bib and CSL-JSON exports, per-page files."""
    if exception is not None or app.builder.name not in SITE_BUILDERS:
        return
    store = get_domain(app.env).publications
    if not app.config.academic_exports or not store.paths:
        return
    current = outputs_current(
        app, [os.path.join(app.outdir, name) for name in _EXPORTS], store.paths
    )
    pages = sorted(get_domain(app.env).data["pages"].items())
    if (current and not pages) or not store.entries:
        return
    if not current:
        from sphinx_academic.export.csl import csl_item

        _write(app, EXPORT_BIB, _joined((pub.cleaned_bibtex() for pub in store.entries), "\n\n"))
        _write(app, EXPORT_CSL, _csl_json(csl_item(pub) for pub in store.entries))
    for pagename, key in pages:
        pub = store.get(key)
        if pub is not None:
            if not current:
                _write(app, pagename + ".bib", [pub.cleaned_bibtex(), "\n"])
            _copy_pdf(app, pagename, pub)


_EXPORTS = (EXPORT_BIB, EXPORT_CSL)


#: ``json.dumps(item, ensure_ascii=False)``, with one encoder for all items.
_CSL_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _csl_json(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON list with one item per line."""
    yield "[\n"
    yield from _joined((_CSL_ENCODER.encode(item) for item in items), ",\n")
    yield "]\n"


def _joined(texts: Iterable[str], separator: str) -> Iterator[str]:
    """``separator.join(texts) + "\\n"``, piece by piece."""
    for index, text in enumerate(texts):
        if index:
            yield separator
        yield text
    yield "\n"


def _write(app: Sphinx, path: str, chunks: Iterable[str]) -> None:
    target = os.path.join(app.outdir, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as stream:
        stream.writelines(chunks)


def _copy_pdf(app: Sphinx, pagename: str, pub: Publication) -> None:
    source, target = pdf_beside_page(app, pagename, pub)
    if source and target:
        destination = os.path.join(app.outdir, target)
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        shutil.copyfile(source, destination)


#: What the extension wrote into each output folder, kept beside the doctrees.
MANIFEST = "academic-outputs.json"


def remove_stale_outputs(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: remove what the extension wrote into the output folder in an
    earlier build and no longer writes (exports of removed data, the feed of a removed
    profile, generated publication pages whose entry is gone)."""
    if exception is not None or app.builder.name not in SITE_BUILDERS:
        return
    outdir = str(app.outdir)
    files = _files_written(app)
    pages = sorted(get_domain(app.env).generated_pages)
    manifests = _read_manifest(app)
    before = manifests.get(outdir, {"files": [], "pages": []})
    stale_files = set(before["files"]) - set(files)
    builder: Any = app.builder  # an HTML builder: it has get_outfilename
    for docname in set(before["pages"]) - set(pages) - set(app.env.found_docs):
        stale_files.add(os.path.relpath(builder.get_outfilename(docname), outdir))
        stale_files.add(docname + ".bib")
    for name in sorted(stale_files):
        path = os.path.join(outdir, name)
        if os.path.isfile(path):
            os.remove(path)
    manifests[outdir] = {"files": sorted(files), "pages": pages}
    with open(os.path.join(app.doctreedir, MANIFEST), "w", encoding="utf-8") as stream:
        json.dump(manifests, stream, indent=1, sort_keys=True)


def _files_written(app: Sphinx) -> set[str]:
    """The files (relative to the output folder) this build wrote or kept current."""
    from sphinx_academic.export.feed import feed_wanted, has_absolute_baseurl

    domain = get_domain(app.env)
    files: set[str] = set()
    if feed_wanted(app) and has_absolute_baseurl(app) and domain.profile.has_news:
        files.add(app.config.academic_feed)
    store = domain.publications
    if app.config.academic_exports and store.entries:
        files.update(_EXPORTS)
        for pagename, key in domain.data["pages"].items():
            pub = store.get(key)
            if pub is not None:
                files.add(pagename + ".bib")
                pdf = pdf_beside_page(app, pagename, pub)[1]
                if pdf:
                    files.add(pdf)
    return files


def _read_manifest(app: Sphinx) -> dict[str, dict[str, list[str]]]:
    try:
        with open(os.path.join(app.doctreedir, MANIFEST), encoding="utf-8") as stream:
            found = json.load(stream)
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}
