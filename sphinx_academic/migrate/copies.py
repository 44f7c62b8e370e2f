"""Files of the old site a migration brings along (a photo, pictures, PDFs, a CV file):
which of them can be copied, and where to.

Their paths come from the old site's data, so each is checked: the file must be in the
old site (after following links) and its new place in the output folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sphinx_academic.diagnostics import Problem
from sphinx_academic.migrate.frontmatter import SUBTYPE
from sphinx_academic.model.links import within

__all__ = ["FileCopy", "planned_copies"]


@dataclass(frozen=True)
class FileCopy:
    """A file the converted data refers to, to copy from the old site."""

    #: Its path in the old site, from the site's folder.
    source: str
    #: Its path in the output folder, as the converted data names it.
    target: str
    #: The file that refers to it, and the line, for notes.
    referrer: str
    line: int | None = 1


def planned_copies(
    copies: list[FileCopy], site: str, out_dir: str, taken: set[str], problems: list[Problem]
) -> list[tuple[str, str]]:
    """The copies to make, as ``(source path, target path)``: each target once, and not
    one of ``taken`` (the paths of the files written). A copy that cannot be made is a
    problem instead."""
    planned: dict[str, str] = {}
    for copy in copies:
        paths = _paths(copy, site, out_dir, problems)
        if paths is None:
            continue
        source, target = paths
        if target in taken or planned.get(target, source) != source:
            problems.append(_problem(copy, f"{copy.target} is written already; not copied"))
        else:
            planned[target] = source
    return [(source, target) for target, source in planned.items()]


def _paths(
    copy: FileCopy, site: str, out_dir: str, problems: list[Problem]
) -> tuple[str, str] | None:
    source = os.path.join(site, copy.source)
    if not _inside(source, site):
        problems.append(_problem(copy, f"{copy.source} is not a file of the site; not copied"))
        return None
    if not os.path.isfile(source):
        problems.append(_problem(copy, f"{copy.source} is referenced but not in the site"))
        return None
    target = os.path.join(out_dir, copy.target)
    if not _inside(target, out_dir):
        problems.append(
            _problem(copy, f"{copy.target} would be outside the output folder; not copied")
        )
        return None
    return source, os.path.normpath(target)


def _inside(path: str, folder: str) -> bool:
    """Whether ``path``, its links followed, is in ``folder`` (and is not the folder)."""
    return within(path, folder) and os.path.realpath(path) != os.path.realpath(folder)


def _problem(copy: FileCopy, message: str) -> Problem:
    return Problem(copy.referrer, message, SUBTYPE, copy.line)
