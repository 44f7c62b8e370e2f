"""The front matter of Markdown pages (Jekyll and Hugo): a YAML block between ``---``
lines, or a TOML block between ``+++`` lines, at the top of the file.

YAML is read with the project's loader (:mod:`sphinx_academic.readers.yamlsafe`), so a
problem names the line in the Markdown file; TOML with :mod:`tomllib`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from sphinx_academic.diagnostics import Problem
from sphinx_academic.readers.yamlsafe import parse_yaml, read_text

__all__ = ["MigrateError", "Page", "read_data_file", "read_page"]

#: The subtype of every problem the migration reports (it is not a build warning).
SUBTYPE = "migrate"

_YAML_BLOCK = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$\r?\n?", re.DOTALL | re.M)
_TOML_BLOCK = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*$\r?\n?", re.DOTALL | re.M)


class MigrateError(Exception):
    """A problem that stops the migration: a missing folder, front matter that cannot be
    read. Its text is one line naming the file (and line)."""

    @classmethod
    def from_problem(cls, problem: Problem) -> MigrateError:
        return cls(f"{problem.location}: {problem.message}")


@dataclass(frozen=True)
class Page:
    """One Markdown page: its front matter as data and the text under it."""

    path: str
    data: dict[str, Any]
    body: str
    #: Line of the file where the front matter's first line is.
    first_line: int = 2
    problems: list[Problem] = field(default_factory=list)

    def problem(self, message: str) -> Problem:
        """A problem about this page, at its front matter."""
        return Problem(self.path, message, SUBTYPE, self.first_line - 1)


def read_page(path: str) -> tuple[Page | None, list[Problem]]:
    """The page at ``path``; ``None`` and a problem when it has no front matter.

    Raises :class:`MigrateError` when the file or its front matter cannot be read.
    """
    text, problems = read_text(path, SUBTYPE)
    if text is None or problems:
        raise MigrateError.from_problem(problems[0])
    text = text.removeprefix("\ufeff")
    found = _YAML_BLOCK.match(text)
    if found is not None:
        return _yaml_page(path, found.group(1), text[found.end() :])
    found = _TOML_BLOCK.match(text)
    if found is not None:
        return _toml_page(path, found.group(1), text[found.end() :])
    return None, [Problem(path, "no front matter (a block between --- lines); skipped", SUBTYPE, 1)]


def _yaml_page(path: str, block: str, body: str) -> tuple[Page | None, list[Problem]]:
    # One blank line per line before the block keeps the loader's lines the file's lines.
    if not block.strip():
        return Page(path, {}, body), []
    document, problems = parse_yaml("\n" + block, path, "yaml")
    if document is None:
        raise MigrateError.from_problem(problems[0])
    if not isinstance(document.data, dict):
        return None, [
            Problem(path, "the front matter is not a mapping of fields; skipped", SUBTYPE, 2)
        ]
    return Page(path, document.data, body, problems=problems), problems


def _toml_page(path: str, block: str, body: str) -> tuple[Page | None, list[Problem]]:
    try:
        data = tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        raise MigrateError(f"{path}: invalid TOML front matter: {error}") from None
    return Page(path, data, body), []


def read_data_file(path: str) -> dict[str, Any]:
    """A YAML or JSON data file that must be a mapping (``_config.yml``, ``cv.json``).

    Raises :class:`MigrateError` when it cannot be read.
    """
    from sphinx_academic.readers.yamlsafe import load_file

    document, problems = load_file(path)
    if document is None:
        raise MigrateError.from_problem(problems[0])
    if not isinstance(document.data, dict):
        raise MigrateError(f"{path}:1: expected a mapping of settings")
    return document.data
