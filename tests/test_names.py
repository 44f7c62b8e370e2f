from __future__ import annotations

import pytest
from pybtex.database import Person

from sphinx_academic.model.names import Author, OwnerMatcher, author_from_parts, split_markers


def author(name: str) -> Author:
    person = Person(name)
    return author_from_parts(
        person.first_names + person.middle_names,
        person.prelast_names + person.last_names,
        person.lineage_names,
    )


@pytest.mark.parametrize(
    ("owner", "candidate"),
    [
        ("Harutyunyan, Hrayr", "H. Harutyunyan"),
        ("Harutyunyan, Hrayr", "Hrayr Harutyunyan"),
        ("Hrayr Harutyunyan", "Harutyunyan, H."),
        ("{Ver Steeg}, Greg", "G. Ver Steeg"),
        ("G. Ver Steeg", "{Ver Steeg}, Greg"),
        ("{Ver Steeg}, Greg", "Greg Ver Steeg"),
        ("José Müller", r"Jos{\'e} M{\"u}ller"),
        ("José Müller", "J. Muller"),
        ("Jean-Pierre Dupont", "J.-P. Dupont"),
        ("Jean-Pierre Dupont", "J. Dupont"),
        ("Greg Smith", "Gregory Smith"),
        ("Ludwig van Beethoven", "van Beethoven, L."),
        ("Harutyunyan, Hrayr", "Harutyunyan*, Hrayr"),
    ],
)
def test_same_person(owner: str, candidate: str) -> None:
    assert OwnerMatcher([owner]).is_owner(author(candidate))


@pytest.mark.parametrize(
    ("owner", "candidate"),
    [
        ("Harutyunyan, Hrayr", "Hrant Harutyunyan"),
        ("Harutyunyan, Hrayr", "A. Harutyunyan"),
        ("{Ver Steeg}, Greg", "J. Ver Steeg"),
        ("Jane Smith", "Jane Smithson"),
        ("Jane Smith", "Smith"),
    ],
)
def test_different_person(owner: str, candidate: str) -> None:
    assert not OwnerMatcher([owner]).is_owner(author(candidate))


def test_no_owner_configured_matches_nobody() -> None:
    matcher = OwnerMatcher(["", "  "])
    assert not matcher
    assert not matcher.is_owner(author("Anyone Else"))


@pytest.mark.parametrize(
    ("raw", "name", "markers"),
    [
        ("Yuan*", "Yuan", "*"),
        ("Lee^", "Lee", "^"),
        (r"Smith\textsuperscript{*}", "Smith", "*"),
        (r"Xin$^\dagger$", "Xin", "†"),
        ("Doe†‡", "Doe", "†‡"),
        (r"Ng\&", "Ng", "&"),
        ("Plain", "Plain", ""),
    ],
)
def test_markers(raw: str, name: str, markers: str) -> None:
    assert split_markers(raw) == (name, markers)


def test_marker_after_given_name() -> None:
    assert author("Lindqvist, Sofia*") == Author("Sofia", "Lindqvist", "", "*")
    assert author("Yuan*, Zhihang") == Author("Zhihang", "Yuan", "", "*")


def test_display_order_and_suffix() -> None:
    assert author("King, Jr., Martin Luther").display == "Martin Luther King, Jr."
    assert author("de la Fontaine, Jean").display == "Jean de la Fontaine"
