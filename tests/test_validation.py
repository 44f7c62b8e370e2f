"""The validation vocabulary over pydantic-core (sphinx_academic.model.validation)."""

from __future__ import annotations

import subprocess
import sys

from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.profile import BASICS, NEWS, json_schema
from sphinx_academic.model.validation import (
    Issue,
    Record,
    date,
    either,
    list_of,
    one_or_more,
    record,
    text,
    texts,
    validate_partial,
)

_LINK = record("Link", {"network": text(), "url": text()})
_PERSON = Record(
    record(
        "Person",
        {
            "name": text(nullable=False),
            "born": date(),
            "aliases": texts(),
            "email": one_or_more(),
            "home": either(text(nullable=False), _LINK),
            "links": list_of(_LINK),
        },
        required=("name",),
    )
)


def test_missing_fields_get_their_defaults() -> None:
    first, issues = validate_partial(_PERSON, {"name": "Ada"})
    second, _ = validate_partial(_PERSON, {"name": "Grace"})
    assert issues == []
    assert first == {
        "name": "Ada",
        "born": None,
        "aliases": [],
        "email": None,
        "home": None,
        "links": [],
    }
    assert second is not None
    assert first["links"] is not second["links"]  # never one list shared


def test_values_are_converted() -> None:
    fields, issues = validate_partial(
        _PERSON,
        {"name": " Ada ", "born": "1815-12", "aliases": [1815, None], "email": ["a@b.c"]},
    )
    assert fields is not None
    assert fields["name"] == "Ada"
    assert fields["born"] == PartialDate(1815, 12)
    assert fields["email"] == ["a@b.c"]
    # A null in a list of texts is dropped with its own message, the rest is kept.
    assert fields["aliases"] == ["1815"]
    assert [(i.path, i.subtype) for i in issues] == [(("aliases", 1), "profile")]


def test_unknown_keys_are_reported_with_a_suggestion_at_any_depth() -> None:
    fields, issues = validate_partial(
        _PERSON, {"name": "Ada", "Born": 1815, "links": [{"netwrok": "GitHub"}]}
    )
    assert fields is not None
    assert fields["born"] is None and fields["links"] == [{"network": None, "url": None}]
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
    fields, issues = validate_partial(_PERSON, {"name": "Ada", "home": [1], "born": "2020-02-30"})
    assert fields is not None and fields["home"] is None and fields["born"] is None
    messages = {issue.path: (issue.message, issue.subtype) for issue in issues}
    assert messages[("home",)] == ("home: wrong type (list); ignored", "profile")
    assert messages[("born",)][1] == "date"


def test_what_is_not_a_mapping_is_refused_whole() -> None:
    assert validate_partial(_PERSON, ["Ada"]) == (
        None,
        [Issue((), "the entry: expected key: value pairs, found a list; ignored", "profile")],
    )
    fields, issues = validate_partial(_PERSON, {})
    assert fields is None
    assert issues == [Issue((), "the entry: 'name' is required", "profile")]


def test_known_keys_follow_lists_and_unions() -> None:
    assert _PERSON.known_keys(("links", 3)) == ["network", "url"]
    assert _PERSON.known_keys(("home",)) == ["network", "url"]
    assert _PERSON.known_keys(("name",)) == []
    assert "postalCode" in BASICS.known_keys(("location",))


def test_json_schema_describes_dates_once() -> None:
    schema = json_schema()
    definitions = schema["$defs"]
    assert definitions["PartialDate"]["description"].startswith("YYYY, YYYY-MM")
    assert definitions["WorkModel"]["properties"]["startDate"]["$ref"] == "#/$defs/PartialDate"
    assert definitions["NewsModel"]["properties"]["date"]["$ref"] == "#/$defs/PartialDate"
    assert definitions["WorkModel"]["additionalProperties"] is False
    assert "title" not in definitions["WorkModel"]["properties"]["startDate"]
    assert NEWS.name == "NewsModel"


def test_validation_does_not_import_the_pydantic_package() -> None:
    code = (
        "import sys\n"
        "from sphinx_academic.readers.profile import read_document\n"
        "from sphinx_academic.readers.yamlsafe import parse_yaml\n"
        "document, _ = parse_yaml('basics: {name: Ada}\\nnews: [{date: 2024, text: Hi}]')\n"
        "profile, problems = read_document(document)\n"
        "assert profile.news and not problems, problems\n"
        "print('pydantic' in sys.modules, 'pydantic_core' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
