"""The files of an al-folio site that the build reads as they are: ``papers.bib`` (with
the thumbnails and PDFs its entries name) and the CV (``_data/cv.yml`` or
``assets/json/resume.json``), copied into the output, with the settings that use them."""

from __future__ import annotations

import os
from typing import Any

from sphinx_academic.migrate.frontmatter import read_page
from sphinx_academic.migrate.outputs import BibPart, Migration
from sphinx_academic.migrate.values import text_of
from sphinx_academic.model.links import is_url
from sphinx_academic.readers.bibtex import parse_bibtex
from sphinx_academic.readers.yamlsafe import read_text
from sphinx_academic.render.resources import FILE_FIELDS

__all__ = ["bibliography", "cv_file"]

#: The CV files the build reads as they are: al-folio's path -> the name written.
_CV_FILES = {
    "jsonresume": ("assets/json/resume.json", "resume.json"),
    "rendercv": ("_data/cv.yml", "cv.yml"),
}
#: Where al-folio looks up the files BibTeX fields name, and the setting that keeps
#: that folder for the build's bare names.
_PREVIEW_DIR = "assets/img/publication_preview"
_FILES_DIR = "assets/pdf"
_BIB_FOLDERS = {"preview": _PREVIEW_DIR} | dict.fromkeys(sorted(FILE_FIELDS), _FILES_DIR)
_FOLDER_SETTINGS = {_PREVIEW_DIR: "academic_preview_dir", _FILES_DIR: "academic_files_dir"}


def bibliography(site: str, config: dict[str, Any], migration: Migration) -> None:
    """``papers.bib`` (or the file ``scholar.bibliography`` names in ``_bibliography``)."""
    found = config.get("scholar")
    scholar: dict[str, Any] = found if isinstance(found, dict) else {}
    name = text_of(scholar.get("bibliography")) or "papers.bib"
    if not name.endswith(".bib"):
        name += ".bib"
    path = os.path.join(site, "_bibliography", name)
    if not os.path.isfile(path):
        migration.note(os.path.join(site, "_bibliography"), f"no {name}: no publications")
        return
    text, problems = read_text(path, "migrate")
    migration.problems += problems
    if text is not None:
        migration.bib.append(BibPart(path, text))
        _bib_files(path, text, migration)
    aliases = _aliases(scholar)
    if aliases:
        migration.advice.append(f"academic_author_aliases = {aliases!r}")


def _bib_files(path: str, text: str, migration: Migration) -> None:
    """Copy the files the entries name (``preview``, ``pdf``, ``supp``, ``poster``,
    ``slides``), from al-folio's folders to the same folders of the output, and advise
    the settings that make the build look there."""
    folders = set()
    for pub in parse_bibtex(text, path).entries:
        for name, folder in _BIB_FOLDERS.items():
            value = pub.get(name).strip()
            if not value or is_url(value) or value.lower().startswith("www."):
                continue
            # al-folio puts its folder before any value; the build, before bare names.
            target = value.lstrip("/") if "/" in value else f"{folder}/{value}"
            migration.copy(f"{folder}/{value.lstrip('/')}", target, path, pub.line)
            folders.add(folder)
    for folder in sorted(folders):
        migration.advice.append(f'{_FOLDER_SETTINGS[folder]} = "{folder}"')


def _aliases(scholar: dict[str, Any]) -> list[str]:
    """The spellings of the owner's name ``scholar`` highlights in author lists."""
    last = [text for text in map(text_of, _listed(scholar.get("last_name"))) if text]
    first = [text for text in map(text_of, _listed(scholar.get("first_name"))) if text]
    return [f"{given} {family}" for family in last for given in first]


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def cv_file(site: str, migration: Migration) -> None:
    """The CV file the old site showed, copied beside the profile for the build to read
    as it is: the one ``_pages/cv.md`` names in ``cv_format``, else the one there is."""
    present = {
        kind: names
        for kind, names in _CV_FILES.items()
        if os.path.isfile(os.path.join(site, names[0]))
    }
    if not present:
        return
    chosen = _cv_format(site)
    kind = chosen if chosen in present else next(iter(present))
    source, target = present[kind]
    migration.copy(source, target, os.path.join(site, source))
    migration.advice.append(f'academic_profile = ["profile.yaml", "{target}"]')
    if len(present) > 1 and chosen not in present:
        other = next(names[0] for name, names in present.items() if name != kind)
        migration.note(
            os.path.join(site, source),
            f"copied as {target}; {other} is there too: copy that one instead if it is your CV",
        )


def _cv_format(site: str) -> str | None:
    path = os.path.join(site, "_pages", "cv.md")
    if not os.path.isfile(path):
        return None
    page, _ = read_page(path)
    return text_of(page.data.get("cv_format")) if page is not None else None
