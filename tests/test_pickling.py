"""The model's records pickle to field-value tuples and come back equal.

The entries of a bib file (and their names, spans and dates) are slotted dataclasses with
:func:`~sphinx_academic.model.pickling.compact_pickling`; the profile's records and the
problems are named tuples, which pickle as their values natively.
"""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from sphinx_academic.model import dates, names, profile_records, publication, richtext
from sphinx_academic.diagnostics import Problem
from sphinx_academic.readers.bibtex import read_bibtex
from sphinx_academic.readers.profile import read_profile
from sphinx_academic.store import FileStamp

from conftest import CORPUS

COMPACT = [
    publication.Publication,
    names.Author,
    names.NameKey,
    richtext.Span,
    dates.PartialDate,
]

#: Named tuples: no compact_pickling, and nothing to check of a state of their own.
NAMED_TUPLES = [
    profile_records.Source,
    profile_records.Link,
    profile_records.Basics,
    profile_records.Entry,
    profile_records.NewsItem,
    profile_records.Section,
    profile_records.Profile,
    Problem,
    FileStamp,
]


@pytest.mark.parametrize("path", sorted((CORPUS / "bib").glob("*.bib")), ids=lambda p: p.name)
def test_bib_entries_round_trip(path: object) -> None:
    entries = read_bibtex(str(path)).entries
    assert entries
    assert pickle.loads(pickle.dumps(entries, pickle.HIGHEST_PROTOCOL)) == entries


@pytest.mark.parametrize("path", sorted((CORPUS / "profiles").iterdir()), ids=lambda p: p.name)
def test_profiles_round_trip(path: object) -> None:
    profile, _ = read_profile(str(path))
    restored = pickle.loads(pickle.dumps(profile, pickle.HIGHEST_PROTOCOL))
    assert restored == profile
    assert restored.sections or restored.basics.name


@pytest.mark.parametrize("cls", COMPACT, ids=lambda cls: cls.__name__)
def test_state_is_the_field_values_in_order(cls: type) -> None:
    assert dataclasses.is_dataclass(cls)
    names_in_order = [field.name for field in dataclasses.fields(cls)]
    assert cls.__getstate__ is not object.__getstate__
    sample = _sample(cls)
    state = sample.__getstate__()
    assert state == tuple(getattr(sample, name) for name in names_in_order)
    # A state pickled as a list (the dataclass's own format) is read too.
    restored = cls.__new__(cls)
    restored.__setstate__(list(state))
    assert restored == sample
    with pytest.raises(ValueError):
        cls.__new__(cls).__setstate__(state[:-1])


@pytest.mark.parametrize("cls", NAMED_TUPLES, ids=lambda cls: cls.__name__)
def test_named_tuples_pickle_as_their_values(cls: type) -> None:
    assert issubclass(cls, tuple) and not dataclasses.is_dataclass(cls)
    assert "__getstate__" not in vars(cls) and "__setstate__" not in vars(cls)
    sample = _sample(cls)
    values = tuple(getattr(sample, name) for name in cls._fields)  # type: ignore[attr-defined]
    assert tuple(sample) == values  # type: ignore[call-overload]
    # Made again from the values alone: no state of its own beside them.
    assert sample.__reduce_ex__(pickle.HIGHEST_PROTOCOL)[1:3] == ((cls, *values), None)
    restored = pickle.loads(pickle.dumps(sample, pickle.HIGHEST_PROTOCOL))
    assert type(restored) is cls and restored == sample


def _sample(cls: type) -> object:
    samples: dict[type, object] = {
        publication.Publication: read_bibtex(
            str(sorted((CORPUS / "bib").glob("*.bib"))[0])
        ).entries[0],
        names.Author: names.Author("Ada", "Lovelace"),
        richtext.Span: richtext.Span("em", "text"),
        names.NameKey: names.NameKey.of("Ada", "Lovelace"),
        dates.PartialDate: dates.PartialDate(2020, 5),
        profile_records.Source: profile_records.Source("profile.yaml", 3, 5),
        profile_records.Link: profile_records.Link("GitHub", "ada", "https://github.com/ada"),
        Problem: Problem("refs.bib", "oops", "bibtex", 3, 5),
        FileStamp: FileStamp(120, 1_700_000_000_000_000_000),
    }
    if cls in samples:
        return samples[cls]
    profile, _ = read_profile(str(CORPUS / "profiles" / "jsonresume_sample.json"))
    found: dict[type, object] = {
        profile_records.Profile: profile,
        profile_records.Basics: profile.basics,
        profile_records.Section: profile.sections[0],
        profile_records.Entry: profile.sections[0].entries[0],
    }
    if cls in found:
        return found[cls]
    return profile_records.NewsItem(dates.PartialDate(2024, 1, 2), "Hello", None, None)
