"""What a migration produces and how it is written: ``profile.yaml`` with PyYAML,
``papers.bib`` from BibTeX texts checked with the project's reader, and the files of the
old site they refer to, copied."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from typing import Any

import yaml

from sphinx_academic.diagnostics import Problem
from sphinx_academic.migrate.copies import FileCopy, planned_copies
from sphinx_academic.migrate.frontmatter import SUBTYPE, MigrateError, Page
from sphinx_academic.readers.bibtex import parse_bibtex
from sphinx_academic.scholarly.bibwriter import Plan, apply, entry_span

__all__ = [
    "BibPart",
    "Migration",
    "Outputs",
    "bibliography",
    "planned_outputs",
    "profile_text",
    "write_outputs",
]

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
    """The converted data of the old site in the folder ``site``, and what could not be
    converted."""

    site: str
    profile: dict[str, Any] = field(default_factory=dict)
    bib: list[BibPart] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Files of the old site the converted data refers to (the build reads them as they
    #: are), to copy into the output folder.
    copies: list[FileCopy] = field(default_factory=list)
    #: Lines of ``conf.py`` that use what was written (``academic_profile = [...]``).
    advice: list[str] = field(default_factory=list)

    def note(self, path: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(path, message, SUBTYPE, line))

    def copy(self, source: str, target: str, referrer: Page | str, line: int = 1) -> None:
        """Bring the file ``source`` (a path from the site's folder) along as ``target``
        (a path from the output folder); ``referrer`` is the page or file naming it (at
        ``line`` of a file)."""
        if isinstance(referrer, Page):
            self.copies.append(FileCopy(source, target, referrer.path, referrer.first_line - 1))
        else:
            self.copies.append(FileCopy(source, target, referrer, line))

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


@dataclass
class Outputs:
    """What a migration writes into the output folder."""

    #: Files written, as ``(path, text)``.
    texts: list[tuple[str, str]]
    #: Files of the old site copied, as ``(source path, target path)``.
    copies: list[tuple[str, str]]

    def targets(self) -> list[str]:
        return [path for path, _ in self.texts] + [target for _, target in self.copies]


def planned_outputs(migration: Migration, out_dir: str, source: str) -> Outputs:
    """The files to write into ``out_dir``; an empty part is not written. A file to copy
    that cannot be copied is a problem of the migration instead."""
    texts = []
    if migration.profile:
        texts.append((os.path.join(out_dir, PROFILE_NAME), profile_text(migration.profile, source)))
    bib = bibliography(migration.bib, migration.problems)
    if bib:
        texts.append((os.path.join(out_dir, BIB_NAME), bib))
    taken = {os.path.normpath(path) for path, _ in texts}
    copies = planned_copies(migration.copies, migration.site, out_dir, taken, migration.problems)
    return Outputs(texts, copies)


def write_outputs(outputs: Outputs, force: bool) -> None:
    """Write and copy every file, or none: existing files are refused without ``force``."""
    targets = outputs.targets()
    if not force:
        existing = [path for path in targets if os.path.lexists(path)]
        if existing:
            raise MigrateError(f"{existing[0]}: exists already; use --force to replace it")
    for path in targets:
        folder = os.path.dirname(path) or "."
        if os.path.exists(folder) and not os.path.isdir(folder):
            raise MigrateError(f"{folder}: is not a folder")
    for path, text in outputs.texts:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    for source, target in outputs.copies:
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        shutil.copyfile(source, target)
