"""The ``academic_*`` configuration values (documented in docs/reference/config.rst)."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from sphinx.application import Sphinx


class ConfigValue(NamedTuple):
    name: str
    default: Any
    types: tuple[type, ...]
    doc: str
    #: What a change makes Sphinx redo: "env" re-reads every page (most values change
    #: what pages contain); "" redoes nothing (the value is read on every build).
    rebuild: Literal["env", ""] = "env"


CONFIG_VALUES = (
    ConfigValue(
        "academic_bibfiles",
        [],
        (list, tuple),
        "BibTeX files, relative to the configuration directory.",
    ),
    ConfigValue(
        "academic_profile",
        [],
        (str, list, tuple),
        "Profile file(s) (JSON Resume, RenderCV or al-folio cv.yml; YAML or JSON), relative "
        "to the configuration directory; several are merged section by section.",
    ),
    ConfigValue(
        "academic_feed",
        "atom.xml",
        (str,),
        "File name of the Atom feed of the news in the HTML output ('' for no feed).",
    ),
    ConfigValue(
        "academic_feed_limit",
        20,
        (int,),
        "The newest news items the Atom feed holds (0: all of them).",
    ),
    ConfigValue(
        "academic_publication_pages",
        False,
        (bool,),
        "Generate a page per entry (with Google Scholar, schema.org and OpenGraph metadata); "
        "card titles and :pub: then link to it.",
    ),
    ConfigValue(
        "academic_publication_page_path",
        "publications/{key}",
        (str,),
        "Where the generated pages go, in the source and output folders ({key}: the key).",
    ),
    ConfigValue(
        "academic_exports",
        True,
        (bool,),
        "Write publications.bib and publications.json (CSL-JSON) into the HTML output and "
        "link them from full publication lists.",
    ),
    ConfigValue(
        "academic_author_aliases",
        [],
        (list, tuple),
        "Spellings of the site owner's name, highlighted in author lists.",
    ),
    ConfigValue(
        "academic_preview_dir",
        ".",
        (str,),
        "Folder, relative to the source directory, holding bare ``preview`` file names.",
    ),
    ConfigValue(
        "academic_files_dir",
        ".",
        (str,),
        "Folder, relative to the source directory, holding bare pdf/slides/poster/supp names.",
    ),
    ConfigValue(
        "academic_max_authors",
        8,
        (int,),
        "Authors shown before a list is shortened (0: never shorten).",
    ),
    ConfigValue(
        "academic_metrics",
        "metrics.json",
        (str,),
        "The metrics file (written by 'sphinx-academic metrics'), relative to the "
        "configuration directory; a missing file means no counts ('' for none).",
    ),
    ConfigValue(
        "academic_show_citations",
        False,
        (bool,),
        "Show a 'Cited by N' badge on cards and publication pages (from the metrics file).",
    ),
    ConfigValue(
        "academic_citation_source",
        "openalex",
        (str,),
        "Which source's counts the badge, :filter:, :sort: and the profile show: openalex, "
        "crossref, semanticscholar or inspire.",
    ),
    ConfigValue(
        "academic_inventory",
        True,
        (bool,),
        "List the publications in the HTML build's objects.inv inventory, so other "
        "projects can cite them through intersphinx.",
        rebuild="",
    ),
)


def register(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)
