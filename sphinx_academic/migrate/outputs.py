"""What a migration produces and how it is written: ``profile.yaml`` with PyYAML,
``papers.bib`` from BibTeX texts checked with the project's reader."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import yaml

from sphinx_academic.diagnostics import Problem
from sphinx_academic.migrate.frontmatter import SUBTYPE, MigrateError
from sphinx_academic.readers.bibtex import parse_bibtex
from sphinx_academic.scholarly.bibwriter import Plan, apply, entry_span

__all__ = ["BibPart", "Migration", "bibliography", "planned_files", "profile_text", "write_files"]

PROFILE_NAME = "profile.yaml"
BIB_NAME = "papers.bib"


@dataclass
class BibPart:
    """BibTeX text from one place of the old site, and fields to add to its entries."""

    #: The file the text came from (a ``cite.bib``, or the Markdown page it was made from).
    path: str
    text: str
    #: Entry key -> ``(field, value)`` pairs, values ready for the file, added to the
    #: entry when it does not have the field already.
    extra: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


@dataclass
class Migration:
    """The converted data, and what could not be converted."""

    profile: dict[str, Any] = field(default_factory=dict)
    bib: list[BibPart] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Files of the old site the build reads as they are: ``(name, text)``, written
    #: beside the profile.
    files: list[tuple[str, str]] = field(default_factory=list)
    #: Lines of ``conf.py`` that use what was written (``academic_profile = [...]``).
    advice: list[str] = field(default_factory=list)

    def note(self, path: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(path, message, SUBTYPE, line))

    def add_section(self, name: str, entries: list[dict[str, Any]]) -> None:
        if entries:
            self.profile.setdefault(name, []).extend(entries)


def profile_text(profile: dict[str, Any], source: str) -> str:
    """The profile as YAML, with a first line saying where it came from."""
    header = f"# Converted from {source} by sphinx-academic migrate; check it, then edit freely.\n"
    return header + yaml.safe_dump(
        profile, sort_keys=False, allow_unicode=True, width=88, default_flow_style=False
    )


def bibliography(parts: list[BibPart], problems: list[Problem]) -> str:
    """The parts as one BibTeX text: each entry once (later ones with a key already used
    are left out, with a problem), extra fields added."""
    seen: set[str] = set()
    texts = []
    for part in parts:
        text = _part_text(part, seen, problems)
        if text.strip():
            texts.append(text.strip() + "\n")
    return "\n".join(texts)


def _part_text(part: BibPart, seen: set[str], problems: list[Problem]) -> str:
    parsed = parse_bibtex(part.text, part.path)
    problems += [Problem(p.path, p.message, SUBTYPE, p.line, p.column) for p in parsed.problems]
    text = part.text.replace("\r\n", "\n").replace("\r", "\n")
    kept, repeated = [], []
    for pub in parsed.entries:
        if pub.key.lower() in seen:
            problems.append(
                Problem(
                    part.path, f"key {pub.key!r} used before; entry left out", SUBTYPE, pub.line
                )
            )
            repeated.append(pub)
        else:
            seen.add(pub.key.lower())
            kept.append(pub)
    updates = [(pub, _missing(pub.fields, part.extra.get(pub.key, []))) for pub in kept]
    text = apply(text, kept, Plan(updated=[(pub, lines) for pub, lines in updates if lines]))
    for pub in sorted(repeated, key=lambda pub: -pub.line):
        start, end = entry_span(text, pub)
        text = text[:start] + text[end:]
    return text


def _missing(fields: Any, extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    present = {name.lower() for name in fields}
    return [(name, value) for name, value in extra if name not in present]


def planned_files(migration: Migration, out_dir: str, source: str) -> list[tuple[str, str]]:
    """The files to write into ``out_dir``, as ``(path, text)``; an empty part is not
    written."""
    files = []
    if migration.profile:
        files.append((os.path.join(out_dir, PROFILE_NAME), profile_text(migration.profile, source)))
    bib = bibliography(migration.bib, migration.problems)
    if bib:
        files.append((os.path.join(out_dir, BIB_NAME), bib))
    files += [(os.path.join(out_dir, name), text) for name, text in migration.files]
    return files


def write_files(files: list[tuple[str, str]], force: bool) -> None:
    """Write every file, or none: existing files are refused without ``force``."""
    if not force:
        existing = [path for path, _ in files if os.path.lexists(path)]
        if existing:
            raise MigrateError(f"{existing[0]}: exists already; use --force to replace it")
    for path, _ in files:
        folder = os.path.dirname(path) or "."
        if os.path.exists(folder) and not os.path.isdir(folder):
            raise MigrateError(f"{folder}: is not a folder")
    for path, text in files:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
