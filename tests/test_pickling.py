"""The records readers make survive pickling (Sphinx pickles its environment) unchanged."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model import dates, names, profile_records, publication, richtext
from sphinx_academic.readers.bibtex import read_bibtex
from sphinx_academic.readers.profile import read_profile

from conftest import CORPUS

FIXTURES = Path(__file__).parent / "fixtures"
BIB_FILES = sorted((CORPUS / "bib").glob("*.bib")) + sorted(FIXTURES.glob("**/*.bib"))
PROFILE_FILES = sorted((CORPUS / "profiles").glob("*")) + sorted((FIXTURES / "profiles").glob("*"))

RECORDS = [
    publication.Publication,
    names.Author,
    names.NameKey,
    richtext.Span,
    dates.PartialDate,
    profile_records.Source,
    profile_records.Link,
    profile_records.Basics,
    profile_records.Entry,
    profile_records.NewsItem,
    profile_records.Section,
    profile_records.Profile,
    Problem,
]


@pytest.mark.parametrize("path", BIB_FILES, ids=lambda p: p.name)
def test_bib_entries_round_trip(path: Path) -> None:
    entries = read_bibtex(str(path)).entries
    assert pickle.loads(pickle.dumps(entries, pickle.HIGHEST_PROTOCOL)) == entries


@pytest.mark.parametrize("path", PROFILE_FILES, ids=lambda p: p.name)
def test_profiles_round_trip(path: Path) -> None:
    profile, problems = read_profile(str(path))
    restored = pickle.loads(pickle.dumps((profile, problems), pickle.HIGHEST_PROTOCOL))
    assert restored == (profile, problems)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_records_are_frozen_slotted_dataclasses_with_plain_pickling(cls: type) -> None:
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert "__slots__" in vars(cls)
    assert "__reduce__" not in vars(cls) and "__reduce_ex__" not in vars(cls)
