"""Validation that keeps what it can (sphinx_academic.model.validation), on a small model."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict

from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.profile import BasicsModel, json_schema
from sphinx_academic.model.validation import (
    Date,
    Issue,
    NullAsEmpty,
    Texts,
    known_keys,
    validate_partial,
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_strip_whitespace=True)


class _Link(_Strict):
    network: str | None = None
    url: str | None = None


class _Person(_Strict):
    name: str
    born: Date = None
    aliases: Texts = []
    email: str | list[str] | None = None
    home: str | _Link | None = None
    links: Annotated[list[_Link], NullAsEmpty] = []


def test_missing_fields_get_their_defaults() -> None:
    first, issues = validate_partial(_Person, {"name": "Ada", "links": None})
    second, _ = validate_partial(_Person, {"name": "Grace"})
    assert issues == []
    assert first == _Person(name="Ada")
    assert first is not None and second is not None
    assert first.links == [] and first.links is not second.links  # never one list shared


def test_values_are_converted() -> None:
    person, issues = validate_partial(
        _Person,
        {"name": " Ada ", "born": "1815-12", "aliases": [1815, None], "email": ["a@b.c"]},
    )
    assert person is not None
    assert person.name == "Ada"
    assert person.born == PartialDate(1815, 12)
    assert person.email == ["a@b.c"]
    # A null in a list of texts is dropped with its own message, the rest is kept.
    assert person.aliases == ["1815"]
    assert [(i.path, i.subtype) for i in issues] == [(("aliases", 1), "profile")]


def test_unknown_keys_are_reported_with_a_suggestion_at_any_depth() -> None:
    person, issues = validate_partial(
        _Person, {"name": "Ada", "Born": 1815, "links": [{"netwrok": "GitHub"}]}
    )
    assert person is not None
    assert person.born is None and person.links == [_Link()]
    assert set(issues) == {
        Issue(("Born",), "unknown key 'Born'; ignored (did you mean 'born'?)", "profile", True),
        Issue(
            ("links", 0, "netwrok"),
            "unknown key 'netwrok'; ignored (did you mean 'network'?)",
            "profile",
            True,
        ),
    }


def test_wrong_types_drop_the_field_and_say_what_was_found() -> None:
    person, issues = validate_partial(_Person, {"name": "Ada", "home": [1], "born": "2020-02-30"})
    assert person is not None and person.home is None and person.born is None
    messages = {issue.path: (issue.message, issue.subtype) for issue in issues}
    assert messages[("home",)] == ("home: wrong type (list); ignored", "profile")
    assert messages[("born",)][1] == "date"


def test_what_is_not_a_mapping_is_refused_whole() -> None:
    assert validate_partial(_Person, ["Ada"]) == (
        None,
        [Issue((), "the entry: expected key: value pairs, found a list; ignored", "profile")],
    )
    person, issues = validate_partial(_Person, {})
    assert person is None
    assert issues == [Issue((), "the entry: 'name' is required", "profile")]


def test_known_keys_follow_lists_unions_and_aliases() -> None:
    assert known_keys(_Person, ("links", 3)) == ["network", "url"]
    assert known_keys(_Person, ("home",)) == ["network", "url"]
    assert known_keys(_Person, ("name",)) == []
    # Keys as written in files: JSON Resume's camelCase.
    assert "postalCode" in known_keys(BasicsModel, ("location",))


def test_json_schema_describes_dates_once() -> None:
    schema = json_schema()
    definitions = schema["$defs"]
    assert definitions["Date"]["description"].startswith("YYYY, YYYY-MM")
    assert definitions["WorkModel"]["properties"]["startDate"]["$ref"] == "#/$defs/Date"
    assert definitions["NewsModel"]["properties"]["date"]["$ref"] == "#/$defs/Date"
    assert definitions["WorkModel"]["additionalProperties"] is False
    assert "title" not in definitions["WorkModel"]["properties"]["startDate"]
