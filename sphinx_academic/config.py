"""The ``academic_*`` configuration values (documented in docs/reference/config.rst).

Each value has a normaliser: it turns the accepted spellings of a value into the one form
the rest of the extension reads (a single path where a list is expected becomes a list of
one), and refuses anything else. :func:`check_values` applies them to a whole
configuration; the build (at ``config-inited``) and ``sphinx-academic check`` both use it,
so they report the same ``academic.config`` problems.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, NamedTuple

from sphinx.application import Sphinx
from sphinx.config import Config

from sphinx_academic.diagnostics import Problem


class WrongValue(ValueError):
    """A configuration value that none of the accepted forms fits; the message says
    what is expected."""


def _path_list(value: object) -> list[str]:
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    if isinstance(value, (list, tuple)) and all(
        isinstance(item, (str, os.PathLike)) for item in value
    ):
        return [os.fspath(item) for item in value]
    raise WrongValue("a file name or a list of file names")


def _name_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return list(value)
    raise WrongValue("a name or a list of names")


def _path(expected: str) -> Callable[[object], str]:
    def normalise(value: object) -> str:
        if isinstance(value, (str, os.PathLike)):
            return os.fspath(value)
        raise WrongValue(expected)

    return normalise


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    raise WrongValue("a text")


def _count(value: object) -> int:
    """A whole number >= 0; digits in a string count too (the form ``-D`` gives)."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise WrongValue("a whole number >= 0")


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise WrongValue("True or False")


def page_patterns(value: object) -> list[str]:
    """True (every page), False (none), or page name patterns (``"demo/*"``)."""
    if isinstance(value, bool):
        return ["**"] if value else []
    try:
        return _name_list(value)
    except WrongValue:
        raise WrongValue("True, False or a list of page name patterns") from None


def _page_path(value: object) -> str:
    """A folder and name pattern inside the source folder, with ``{key}`` in it."""
    expected = "a relative path with {key} in it, inside the source folder"
    if not isinstance(value, str):
        raise WrongValue(expected)
    try:
        example = value.format(key="KEY")
    except (KeyError, IndexError, ValueError):
        raise WrongValue(expected + " (no other {...} fields)") from None
    parts = example.replace("\\", "/").split("/")
    if "KEY" not in example or os.path.isabs(example) or ".." in parts or example.startswith("/"):
        raise WrongValue(expected)
    return value


class ConfigValue(NamedTuple):
    name: str
    default: Any
    types: tuple[type, ...]
    doc: str
    #: Turns an accepted spelling into the value's one form; raises :class:`WrongValue`.
    normalise: Callable[[object], object]
    #: What a change makes Sphinx redo: "env" re-reads every page (most values change
    #: what pages contain); "html" writes every page again (the value only changes the
    #: theme's templates); "" redoes nothing (the value is read on every build).
    rebuild: Literal["env", "html", ""] = "env"


CONFIG_VALUES = (
    ConfigValue(
        "academic_bibfiles",
        [],
        (list,),
        "BibTeX files, relative to the configuration directory.",
        _path_list,
    ),
    ConfigValue(
        "academic_profile",
        [],
        (list,),
        "Profile file(s) (JSON Resume, RenderCV or al-folio cv.yml; YAML or JSON), relative "
        "to the configuration directory; several are merged section by section.",
        _path_list,
    ),
    ConfigValue(
        "academic_feed",
        "atom.xml",
        (str,),
        "File name of the Atom feed of the news in the HTML output ('' for no feed).",
        _path("a file name"),
    ),
    ConfigValue(
        "academic_feed_limit",
        20,
        (int,),
        "The newest news items the Atom feed holds (0: all of them).",
        _count,
    ),
    ConfigValue(
        "academic_publication_pages",
        False,
        (bool,),
        "Generate a page per entry (with Google Scholar, schema.org and OpenGraph metadata); "
        "card titles and :pub: then link to it.",
        _flag,
    ),
    ConfigValue(
        "academic_publication_page_path",
        "publications/{key}",
        (str,),
        "Where the generated pages go, in the source and output folders ({key}: the key).",
        _page_path,
    ),
    ConfigValue(
        "academic_exports",
        True,
        (bool,),
        "Write publications.bib and publications.json (CSL-JSON) into the HTML output and "
        "link them from full publication lists.",
        _flag,
    ),
    ConfigValue(
        "academic_author_aliases",
        [],
        (list,),
        "Spellings of the site owner's name, highlighted in author lists.",
        _name_list,
    ),
    ConfigValue(
        "academic_coauthors",
        "",
        (str,),
        "A YAML or JSON file listing co-authors (name, url, aliases), relative to the "
        "configuration directory: their names in author lists link to their pages.",
        _path("a file name"),
    ),
    ConfigValue(
        "academic_preview_dir",
        ".",
        (str,),
        "Folder, relative to the source directory, holding bare ``preview`` file names.",
        _path("a folder name"),
    ),
    ConfigValue(
        "academic_files_dir",
        ".",
        (str,),
        "Folder, relative to the source directory, holding bare pdf/slides/poster/supp names.",
        _path("a folder name"),
    ),
    ConfigValue(
        "academic_max_authors",
        8,
        (int,),
        "Authors shown before a list is shortened (0: never shorten).",
        _count,
    ),
    ConfigValue(
        "academic_metrics",
        "metrics.json",
        (str,),
        "The metrics file (written by 'sphinx-academic metrics'), relative to the "
        "configuration directory; a missing file means no counts ('' for none).",
        _path("a file name"),
    ),
    ConfigValue(
        "academic_show_citations",
        False,
        (bool,),
        "Show a 'Cited by N' badge on cards and publication pages (from the metrics file).",
        _flag,
    ),
    ConfigValue(
        "academic_citation_source",
        "openalex",
        (str,),
        "Which source's counts the badge, :filter:, :sort: and the profile show: openalex, "
        "crossref, semanticscholar or inspire.",
        _text,
    ),
    ConfigValue(
        "academic_sidebar_profile",
        False,
        (bool, list),
        "Show the profile (photo, name, position, place, icon links) in the theme's "
        "sidebar: True for every page, or a list of page name patterns.",
        page_patterns,
        rebuild="html",
    ),
    ConfigValue(
        "academic_inventory",
        True,
        (bool,),
        "List the publications in the HTML build's objects.inv inventory, so other "
        "projects can cite them through intersphinx.",
        _flag,
        rebuild="",
    ),
)


def check_values(
    values: Mapping[str, object], conf_path: str, conf_text: str = ""
) -> tuple[dict[str, object], list[Problem]]:
    """The normalised form of each ``academic_*`` value set in ``values``, and one
    ``config`` problem (at its line in ``conf_text``, when found) per value that has none;
    a refused value is given its default."""
    normalised: dict[str, object] = {}
    problems: list[Problem] = []
    for value in CONFIG_VALUES:
        if value.name not in values:
            continue
        try:
            normalised[value.name] = value.normalise(values[value.name])
        except WrongValue as error:
            normalised[value.name] = value.default
            message = (
                f"{value.name} = {values[value.name]!r}: expected {error}; "
                f"using the default {value.default!r}"
            )
            line = assignment_line(conf_text, value.name)
            problems.append(Problem(conf_path, message, "config", line))
    return normalised, problems


def assignment_line(conf_text: str, name: str) -> int | None:
    """The 1-based line of the last top-level ``name = ...`` in ``conf_text``."""
    lines = [
        number
        for number, line in enumerate(conf_text.splitlines(), 1)
        if re.match(rf"{name}\s*(:[^=]*)?=", line)
    ]
    return lines[-1] if lines else None


def normalise_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: bring every ``academic_*`` value to its one form (before Sphinx
    compares types); a refused value is one ``academic.config`` warning and its default."""
    from sphinx_academic import diagnostics

    conf_path = os.path.join(app.confdir, "conf.py") if app.confdir else "conf.py"
    values = {value.name: config[value.name] for value in CONFIG_VALUES}
    normalised, problems = check_values(values, conf_path, _read(conf_path))
    for name, value in normalised.items():
        config[name] = value
    diagnostics.report(problems)


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except (OSError, UnicodeDecodeError):
        return ""


def register(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, types=value.types)
    app.connect("config-inited", normalise_config, priority=400)
