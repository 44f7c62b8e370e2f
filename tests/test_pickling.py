"""The model's records pickle to field-value tuples and come back equal."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from sphinx_academic.model import dates, names, profile_records, publication, richtext
from sphinx_academic.readers.bibtex import read_bibtex
from sphinx_academic.readers.profile import read_profile

from conftest import CORPUS

COMPACT = [
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
