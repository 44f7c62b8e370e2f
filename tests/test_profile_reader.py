"""Profile readers: native format, RenderCV, al-folio, and safe YAML/JSON loading."""

from __future__ import annotations

import dataclasses
import json
import pickle
import time
from pathlib import Path
from typing import Any

import docutils.core
import docutils.nodes
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.dates import PartialDate
from sphinx_academic.model.profile import (
    Basics,
    Entry,
    Link,
    Profile,
    Section,
    json_schema,
    profile_url,
)
from sphinx_academic.readers.alfolio import is_alfolio_cv
from sphinx_academic.readers.markup import escape_rst, html_to_rst, markdown_to_rst
from sphinx_academic.readers.profile import (
    merge_profiles,
    read_document,
    read_profile,
    read_profiles,
)
from sphinx_academic.readers.rendercv import entry_type, section_title
from sphinx_academic.readers.yamlsafe import Position, parse_json, parse_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "profiles"
CORPUS_FILES = sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is not there")


def read_text(
    tmp_path: Path, text: str | bytes, name: str = "profile.yaml"
) -> tuple[Profile, list[Problem]]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return read_profile(str(path))


def only(problems: list[Problem], subtype: str) -> Problem:
    found = [problem for problem in problems if problem.subtype == subtype]
    assert len(found) == 1, problems
    return found[0]


def where(problem: Problem) -> tuple[str, int | None, int | None]:
    return problem.subtype, problem.line, problem.column


# =========================================================================================
# Real-world files
# =========================================================================================


def _expected_sections(path: Path) -> dict[str, int]:
    """Section key -> number of entries, read straight from the file."""
    data = (
        json.loads(path.read_text()) if path.suffix == ".json" else yaml.safe_load(path.read_text())
    )
    if isinstance(data, list):  # al-folio
        return {item["title"]: len(item["contents"]) for item in data}
    if "cv" in data:  # RenderCV
        return {key: len(value) for key, value in data["cv"]["sections"].items()}
    skip = {"$schema", "meta", "basics", "news"}
    return {key: len(value) for key, value in data.items() if key not in skip}


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda path: path.name)
def test_corpus_file_loads_every_section_and_entry(path: Path) -> None:
    profile, problems = read_profile(str(path))
    assert problems == []
    expected = _expected_sections(path)
    assert len(profile.sections) == len(expected)
    for key, count in expected.items():
        section = profile.section(key)
        assert section is not None, key
        assert len(section.entries) == count, key
        assert all(entry.source and entry.source.line for entry in section.entries)
    assert pickle.loads(pickle.dumps(profile)) == profile


@needs_corpus
def test_corpus_details() -> None:
    profile, _ = read_profile(str(CORPUS / "rendercv_John_Doe_CV.yaml"))
    welcome = profile.section("Welcome to RenderCV")
    assert welcome is not None and welcome.kind == "text"
    assert welcome.entries[3].summary is not None
    assert "**bold**" in welcome.entries[3].summary
    nested = profile.section("experience")
    assert nested is not None and len(nested.entries[2].subitems[1]) == 3
    einstein, _ = read_profile(str(CORPUS / "jsonresume_alfolio_einstein.json"))
    assert einstein.section("certificates") is not None
    assert einstein.basics.name == "Albert Einstein"


# =========================================================================================
# The native format
# =========================================================================================


def test_native_yaml_fixture() -> None:
    profile, problems = read_profile(str(FIXTURES / "native.yaml"))
    assert problems == []
    assert profile.section_keys() == (
        "work",
        "education",
        "awards",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
        "talks",
        "teaching",
    )
    basics = profile.basics
    assert basics.name == "Ada Researcher"
    assert basics.location == "Lisbon, PT"
    assert basics.profiles == (
        Link("GitHub", "ada-r", "https://github.com/ada-r"),
        Link("Mastodon", "@ada@scholar.social", "https://scholar.social/@ada"),
        Link("Homepage", None, "https://ada.example.org/cv"),
    )
    work = profile.section("work")
    assert work is not None and work.kind == "timeline"
    postdoc = work.entries[0]
    assert (postdoc.title, postdoc.organisation) == (
        "Postdoctoral Fellow",
        "Instituto de Linguística",
    )
    assert postdoc.start == PartialDate(2022, 10) and postdoc.ongoing
    assert postdoc.highlights[0] == "Led the **treebank** project"  # RST kept as written
    assert postdoc.source is not None and postdoc.source.line == 20
    education = profile.section("education")
    assert education is not None
    phd = education.entries[0]
    assert (phd.title, phd.subtitle, phd.organisation) == (
        "PhD",
        "Linguistics",
        "Example University",
    )
    assert phd.detail("courses") == "Syntax; Semantics" and phd.detail("score") == "1.0"
    skills = profile.section("skills")
    assert skills is not None and skills.kind == "keywords"
    assert skills.entries[0].keywords == ("Python", "Rust")
    talks = profile.section("talks")
    assert talks is not None and talks.title == "Talks"
    assert talks.entries[1].date == PartialDate(label="Fall 2021")
    assert talks.entries[0].organisation == "LingConf"
    teaching = profile.section("teaching")
    assert teaching is not None and teaching.kind == "text"
    assert teaching.entries[1].summary == "Computational Linguistics lab"
    assert [item.date for item in profile.news] == [PartialDate(2024, 1, 15), PartialDate(2023, 9)]
    assert profile.news[1].title == "New position"


def test_native_json_fixture_with_tabs() -> None:
    profile, problems = read_profile(str(FIXTURES / "native.json"))
    assert problems == []
    assert profile.basics.profiles[0].url == "https://orcid.org/0000-0002-1825-0097"
    work = profile.section("work")
    assert work is not None
    assert work.entries[0].source is not None
    assert (work.entries[0].source.line, work.entries[0].source.column) == (8, 3)
    assert profile.news[0].text == "Defended my thesis."


BAD_FIXTURE_PROBLEMS = [
    ("profile", 3, 3, "did you mean 'email'"),
    ("date", 7, 16, "2020-13-01"),
    ("date", 12, 14, "before the start"),
    ("profile", 13, 17, "highlights"),
    ("date", 17, 14, "2020-02-30"),
    ("profile", 18, 5, "without any content"),
    ("news", 20, 5, "without a date"),
    ("date", 23, 11, "2023-02-31"),  # one message, which says the item is left out
    ("profile", 25, 1, "did you mean 'education'"),
    ("profile", 26, 5, "unknown key 'institution'"),
    ("profile", 26, 5, "without any content"),
    ("profile", 27, 9, "should be a list"),
    ("profile", 28, 1, "unknown top-level key 'color'"),
]


def test_bad_fixture_reports_each_problem_at_its_place() -> None:
    profile, problems = read_profile(str(FIXTURES / "bad.yaml"))
    assert len(problems) == len(BAD_FIXTURE_PROBLEMS), problems
    for problem, (subtype, line, column, text) in zip(problems, BAD_FIXTURE_PROBLEMS, strict=True):
        assert where(problem) == (subtype, line, column)
        assert text in problem.message
    # The rest still loads; bad fields are left out of entries that keep their meaning.
    assert profile.basics.name == "Ada Researcher"
    work = profile.section("work")
    assert work is not None and len(work.entries) == 2
    assert work.entries[0].start is None and work.entries[0].end == PartialDate(2021)
    assert work.entries[1].highlights == ()
    education = profile.section("education")
    assert education is not None and len(education.entries) == 1
    assert [item.text for item in profile.news] == ["This one is fine."]
    assert profile.section("skills") is None


def test_wrong_type_in_a_nested_value(tmp_path: Path) -> None:
    profile, problems = read_text(
        tmp_path,
        "basics:\n  name: Ada\n  location: [Lisbon]\n  profiles:\n    - network: GitHub\n"
        "      username: [a, b]\n",
    )
    assert [where(problem) for problem in problems] == [("profile", 3, 13), ("profile", 6, 17)]
    assert profile.basics.name == "Ada" and profile.basics.location is None
    assert profile.basics.profiles == (Link("GitHub", None, None),)


def test_unknown_key_inside_a_location_object_keeps_the_location(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "basics:\n  location: {city: Porto, contry: PT}\n")
    problem = only(problems, "profile")
    assert where(problem) == ("profile", 2, 27)
    assert "did you mean 'countryCode'" in problem.message
    assert profile.basics.location == "Porto"


def test_unknown_key_suggests_camel_case(tmp_path: Path) -> None:
    _, problems = read_text(tmp_path, "work:\n  - name: Lab\n    start_date: 2020\n")
    problem = only(problems, "profile")
    assert where(problem) == ("profile", 3, 5)
    assert "did you mean 'startDate'" in problem.message


def test_end_before_start_keeps_the_entry(tmp_path: Path) -> None:
    profile, problems = read_text(
        tmp_path, "work:\n  - name: Lab\n    startDate: 2020-05\n    endDate: 2020-04-30\n"
    )
    assert where(only(problems, "date")) == ("date", 4, 14)
    work = profile.section("work")
    assert work is not None and work.entries[0].end == PartialDate(2020, 4, 30)


def test_same_year_with_coarser_end_is_not_before_start(tmp_path: Path) -> None:
    _, problems = read_text(
        tmp_path, "work:\n  - name: Lab\n    startDate: 2020-05\n    endDate: 2020\n"
    )
    assert problems == []


def test_yaml_timestamps_are_dates(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "news:\n  - date: 2024-02-29\n    text: Leap day.\n")
    assert problems == []
    assert profile.news[0].date == PartialDate(2024, 2, 29)


def test_news_problems(tmp_path: Path) -> None:
    profile, problems = read_text(
        tmp_path,
        "news:\n  - date: 2024-01-01\n  - text: no date\n  - not a mapping\n"
        "  - date: 2023\n    text: ok\n",
    )
    assert [where(problem) for problem in problems] == [
        ("news", 2, 5),
        ("news", 3, 5),
        ("profile", 4, 5),
    ]
    assert "without text" in problems[0].message
    assert [item.text for item in profile.news] == ["ok"]


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "- just\n- a list\n")
    assert where(only(problems, "profile")) == ("profile", 1, 1)
    assert profile.sections == ()


def test_known_section_must_hold_mappings(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "work:\n  - Postdoc at Lab\n  - name: Lab\n")
    assert where(only(problems, "profile")) == ("profile", 2, 5)
    work = profile.section("work")
    assert work is not None and len(work.entries) == 1


def test_numbers_are_accepted_as_text(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "education:\n  - institution: MIT\n    score: 3.9\n")
    assert problems == []
    education = profile.section("education")
    assert education is not None and education.entries[0].detail("score") == "3.9"


# =========================================================================================
# YAML and JSON safety
# =========================================================================================


def test_duplicate_keys(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "basics:\n  name: A\n  label: X\n  name: B\n")
    assert where(only(problems, "yaml")) == ("yaml", 4, 3)
    assert profile.basics.name == "B"


def test_a_duplicate_key_is_reported_once_however_often_it_is_aliased() -> None:
    text = "base: &b {city: Porto, city: Braga}\nhome: *b\nwork: [*b, *b]\n"
    document, problems = parse_yaml(text)
    assert [where(problem) for problem in problems] == [("yaml", 1, 24)]
    assert document is not None and document.data["work"][1] == {"city": "Braga"}
    assert document.value_at(("work", 1, "city")) == Position(1, 30)


def test_a_merged_key_is_located_where_the_value_the_data_holds_was_written() -> None:
    text = "one: &one {x: 1, y: 1}\ntwo: &two {x: 2, z: 2}\nboth:\n  <<: [*one, *two]\n  w: 3\n"
    document, problems = parse_yaml(text)
    assert document is not None and not problems
    assert document.data["both"] == {"x": 1, "y": 1, "z": 2, "w": 3}
    assert document.value_at(("both", "x")) == Position(1, 15)  # the first merged mapping wins
    assert document.key_at(("both", "z")) == Position(2, 18)
    assert document.value_at(("both", "w")) == Position(5, 6)


def test_python_tags_are_refused_and_the_rest_loads(tmp_path: Path) -> None:
    text = "basics:\n  name: !!python/object/apply:os.system [echo hi]\n  label: Fine\n"
    profile, problems = read_text(tmp_path, text)
    assert where(only(problems, "yaml")) == ("yaml", 2, 9)
    assert "not allowed" in problems[0].message
    assert profile.basics.label == "Fine" and profile.basics.name is None


@pytest.mark.parametrize(
    ("value", "described"),
    [
        ("!!int", "the value '' tagged !!int"),
        ("!!bool maybe", "the value 'maybe' tagged !!bool"),
        ("!!float x", "the value 'x' tagged !!float"),
        ("!!set [1]", "the list tagged !!set"),
    ],
)
def test_values_that_do_not_fit_their_tag_are_located_and_the_rest_loads(
    tmp_path: Path, value: str, described: str
) -> None:
    text = f"basics:\n  name: {value}\n  label: Fine\n"
    profile, problems = read_text(tmp_path, text)
    assert where(only(problems, "yaml")) == ("yaml", 2, 9)
    assert problems[0].message == f"{described} does not fit its tag; ignored"
    assert profile.basics.label == "Fine" and profile.basics.name is None


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):  # 10**12 nodes once expanded
        previous, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    started = time.perf_counter()
    profile, problems = read_text(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    problem = only(problems, "yaml")
    assert "alias" in problem.message and problem.line is not None
    assert profile.sections == ()


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    _, problems = read_text(tmp_path, "work: &w\n  - *w\n")
    assert where(only(problems, "yaml")) == ("yaml", 1, 7)  # the anchored node


def test_small_aliases_and_merge_keys_work(tmp_path: Path) -> None:
    text = (
        "lab: &lab {name: Lab, location: Lisbon}\n"
        "work:\n  - <<: *lab\n    position: Postdoc\n  - <<: *lab\n    position: Intern\n"
    )
    profile, problems = read_text(tmp_path, text)
    assert [where(problem) for problem in problems] == [("profile", 1, 1)]  # lab: not a list
    work = profile.section("work")
    assert work is not None
    assert [(entry.title, entry.location) for entry in work.entries] == [
        ("Postdoc", "Lisbon"),
        ("Intern", "Lisbon"),
    ]


def test_only_true_and_false_are_booleans() -> None:
    document, problems = parse_yaml("a: [yes, no, on, off, Y, NO, true, False, TRUE]\n")
    assert document is not None and not problems
    assert document.data["a"] == ["yes", "no", "on", "off", "Y", "NO", True, False, True]


def test_every_key_and_value_is_located() -> None:
    text = (
        'basics:\n  name: A\nnews:\n  - date: 2024-01-02\n    text: "x"\n'
        "  - {date: 2023, text: y}\n"
        "a: 1\na: 2\n"
        "base: &b {city: Porto}\nplace:\n  <<: *b\n  city: Braga\n"
    )
    document, problems = parse_yaml(text)
    assert document is not None
    assert [where(problem) for problem in problems] == [("yaml", 8, 1)]  # the second "a"
    assert document.value_at(()) == Position(1, 1)
    assert document.value_at(("basics",)) == Position(2, 3)
    assert document.key_at(("basics", "name")) == Position(2, 3)
    assert document.value_at(("basics", "name")) == Position(2, 9)
    assert document.value_at(("news", 1)) == Position(6, 5)
    assert document.value_at(("news", 1, "text")) == Position(6, 24)
    assert document.key_at(("news", 0, "text")) == Position(5, 5)
    assert document.value_at(("a",)) == Position(8, 4)  # the last duplicate, as in the data
    assert document.value_at(("place", "city")) == Position(12, 9)  # explicit beats merged
    # A path the data lacks is located at its nearest ancestor.
    assert document.value_at(("news", 1, "missing", 3)) == Position(6, 5)
    assert document.key_at(("news", 7)) == document.value_at(("news",))


def test_utf8_bom(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "\ufeffbasics:\n  name: Zoë\n".encode())
    assert problems == [] and profile.basics.name == "Zoë"
    profile, problems = read_text(tmp_path, '\ufeff{"basics": {"name": "Zoë"}}'.encode(), "p.json")
    assert problems == [] and profile.basics.name == "Zoë"


def test_non_utf8_bytes_are_located_and_the_rest_loads(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, b"basics:\n  name: Ada\n  label: caf\xe9 owner\n")
    assert where(only(problems, "yaml")) == ("yaml", 3, 13)
    assert profile.basics.name == "Ada" and profile.basics.label == "caf\ufffd owner"


def test_control_characters(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "basics:\n  name: A\x07da\n")
    assert where(only(problems, "yaml")) == ("yaml", 2, 10)
    assert profile.basics.name == "A\ufffdda"


def test_tabs(tmp_path: Path) -> None:
    _, problems = read_text(tmp_path, "basics:\n\tname: Ada\n")
    problem = only(problems, "yaml")
    assert where(problem) == ("yaml", 2, 1)
    assert "tab" in problem.message


def test_yaml_syntax_error(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "basics:\n  name: [Ada\n  label: x\n")
    assert only(problems, "yaml").line == 3
    assert profile == Profile(sources=(str(tmp_path / "profile.yaml"),))


@pytest.mark.parametrize("text", ["", "   \n\n", "# just a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    profile, problems = read_text(tmp_path, text)
    assert only(problems, "profile").line is None
    assert profile.sections == ()


def test_json_syntax_error_uses_json_positions(tmp_path: Path) -> None:
    text = '{\n  "basics": {\n    "name": "Ada",\n  }\n}\n'
    with pytest.raises(json.JSONDecodeError) as error:
        json.loads(text)
    _, problems = read_text(tmp_path, text, "profile.json")
    assert where(only(problems, "json")) == ("json", error.value.lineno, error.value.colno)


def test_json_positions_agree_with_json(tmp_path: Path) -> None:
    text = '{"work": [\n  {"name": "Lab",\n   "startDate": "2020-02-30"}],\n "x": 1e5}'
    document, problems = parse_json(text, "p.json")
    assert problems == [] and document is not None
    assert document.data == json.loads(text)  # JSON's values, e.g. 1e5 is a float
    _, problems = read_text(tmp_path, text, "profile.json")
    assert [where(problem) for problem in problems] == [("date", 3, 17), ("profile", 4, 2)]


def test_json_duplicate_key(tmp_path: Path) -> None:
    _, problems = read_text(tmp_path, '{"basics": {"name": "A", "name": "B"}}', "profile.json")
    assert where(only(problems, "json")) == ("json", 1, 26)


@pytest.mark.parametrize(
    ("name", "text", "subtype"),
    [("profile.txt", '{"basics": {"name": 1,}}', "json"), ("profile.txt", "basics: [\n", "yaml")],
)
def test_format_is_told_by_content_without_a_known_extension(
    tmp_path: Path, name: str, text: str, subtype: str
) -> None:
    _, problems = read_text(tmp_path, text, name)
    assert only(problems, subtype)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    profile, problems = read_profile(str(tmp_path / "nope.yaml"))
    assert where(only(problems, "file")) == ("file", None, None)
    assert profile.sources == (str(tmp_path / "nope.yaml"),)
    _, problems = read_profile(str(tmp_path))
    assert "directory" in only(problems, "file").message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("basics: {}\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _, problems = read_profile(str(path))
    assert "Permission denied" in only(problems, "file").message


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.sampled_from(
            [
                "basics:",
                "work:",
                "news:",
                "\n",
                "  ",
                "- ",
                "date: ",
                "2020-02-30",
                "name: ",
                "x",
                "&a ",
                "*a",
                "[",
                "]",
                "{",
                "}",
                ",",
                ":",
                "!!python/object ",
                "\t",
                "'",
                '"',
                "cv:",
                "sections:",
                "<<: ",
                "#",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_any_input_gives_a_result_or_located_problems(text: str) -> None:
    for parse in (parse_yaml, parse_json):
        document, problems = parse(text, "fuzz")
        assert all(isinstance(problem, Problem) for problem in problems)
        if document is not None:
            profile, found = read_document(document)
            assert isinstance(profile, Profile)
            assert all(problem.path == "fuzz" for problem in found)


# =========================================================================================
# Merging
# =========================================================================================


def test_merging_files() -> None:
    paths = [
        str(FIXTURES / "native.json"),
        str(FIXTURES / "native.yaml"),
        str(FIXTURES / "rendercv.yaml"),
    ]
    profile, problems = read_profiles(paths)
    assert problems == []
    assert profile.sources == tuple(paths)
    assert profile.basics.phone == "+351 000 000 000"  # only in the first file
    assert profile.basics.email == "ada@example.org"  # filled from the second
    assert profile.basics.image == "ada.jpg"  # filled from the third
    assert profile.basics.profiles[0].network == "ORCID"
    assert len(profile.basics.profiles) == 1 + 3 + 8  # the Mastodon link is in two files
    work = profile.section("work")
    assert work is not None and [entry.title for entry in work.entries] == [
        "Visiting Researcher",
        "Postdoctoral Fellow",
        "Research Assistant",
    ]
    education = profile.section("education")
    assert education is not None and len(education.entries) == 3
    assert {entry.section for entry in education.entries} == {"education"}
    talks = profile.section("talks")
    assert talks is not None and talks.kind == "timeline" and len(talks.entries) == 4
    assert profile.news[0].text == "Defended my thesis."
    assert len(profile.news) == 3


def test_merge_matches_section_keys_loosely() -> None:
    first = Profile(
        sections=(
            Section("selected_honors", "Selected Honors", "text", (Entry("selected_honors"),)),
        )
    )
    second = Profile(
        Basics(name="Ada"),
        (
            Section(
                "Selected Honors",
                "Selected Honors",
                "text",
                (Entry("Selected Honors", summary="x"),),
            ),
        ),
    )
    merged = merge_profiles([first, second])
    assert merged.basics.name == "Ada"
    assert len(merged.sections) == 1
    assert [entry.section for entry in merged.sections[0].entries] == ["selected_honors"] * 2
    assert merge_profiles([]) == Profile()


def test_read_profiles_reports_every_file(tmp_path: Path) -> None:
    profile, problems = read_profiles([str(tmp_path / "a.yaml"), str(FIXTURES / "native.json")])
    assert [problem.subtype for problem in problems] == ["file"]
    assert profile.basics.name == "Ada Researcher"


# =========================================================================================
# JSON Schema
# =========================================================================================


def test_json_schema() -> None:
    schema = json.loads(json.dumps(json_schema()))
    assert schema["type"] == "object"
    assert {
        "basics",
        "work",
        "volunteer",
        "education",
        "awards",
        "certificates",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
        "news",
        "meta",
        "$schema",
    } <= set(schema["properties"])
    assert schema["additionalProperties"] == {"$ref": "#/$defs/CustomSection"}
    education = schema["$defs"]["EducationModel"]["properties"]
    assert {"institution", "area", "studyType", "startDate", "endDate", "score", "courses"} <= set(
        education
    )
    assert schema["$defs"]["NewsModel"]["required"] == ["date", "text"]


@needs_corpus
def test_json_resume_files_validate_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    validator.check_schema(json_schema())
    for path in [*CORPUS.glob("*.json"), FIXTURES / "native.json"]:
        assert list(validator.iter_errors(json.loads(path.read_text()))) == [], path
    native = yaml.safe_load((FIXTURES / "native.yaml").read_text())
    native = json.loads(json.dumps(native, default=str))
    assert list(validator.iter_errors(native)) == []


# =========================================================================================
# RenderCV
# =========================================================================================


@pytest.mark.parametrize(
    ("entry", "name"),
    [
        ({"institution": "MIT", "area": "CS"}, "EducationEntry"),
        ({"company": "ACME", "position": "Engineer"}, "ExperienceEntry"),
        ({"title": "A paper", "authors": ["A"]}, "PublicationEntry"),
        ({"label": "Languages", "details": "Python"}, "OneLineEntry"),
        ({"name": "A project"}, "NormalEntry"),
        ({"bullet": "A bullet"}, "BulletEntry"),
        ({"number": "A patent"}, "NumberedEntry"),
        ({"reversed_number": "A talk"}, "ReverseNumberedEntry"),
        ("Just text", "TextEntry"),
        ({"name": "X", "company": "ACME", "position": "Engineer"}, "ExperienceEntry"),
        ({"institution": "MIT"}, "EducationEntry"),  # incomplete, reported when read
    ],
)
def test_rendercv_entry_type_inference(entry: object, name: str) -> None:
    found = entry_type(entry)
    assert found is not None and found.name == name


def test_rendercv_unknown_entry_type() -> None:
    assert entry_type({"foo": "bar"}) is None
    assert entry_type(42) is None


def test_rendercv_fixture() -> None:
    profile, problems = read_profile(str(FIXTURES / "rendercv.yaml"))
    assert problems == []
    kinds = {section.key: section.kind for section in profile.sections}
    assert kinds == {
        "intro": "text",
        "education": "timeline",
        "experience": "timeline",
        "projects": "timeline",
        "publications": "timeline",
        "skills": "pairs",
        "honors": "text",
        "patents": "numbered",
        "talks": "reversed",
    }
    basics = profile.basics
    assert (basics.name, basics.label, basics.image) == (
        "Ada Researcher",
        "Postdoc at the **Instituto**",
        "ada.jpg",
    )
    assert basics.phone is None and basics.url == "https://ada.example.org"
    assert [link.url for link in basics.profiles] == [
        "https://linkedin.com/in/ada-r",
        "https://scholar.google.com/citations?user=XyZ123",
        "https://scholar.social/@ada",
        "https://bsky.app/profile/ada.bsky.social",
        "https://x.com/ada_r",
        "https://stackoverflow.com/users/12345/ada",
        "https://youtube.com/@adatalks",
        "https://www.researchgate.net/profile/Ada-Researcher",
        "https://gitlab.com/ada",
    ]
    sections = {section.key: section for section in profile.sections}
    phd = sections["education"].entries[0]
    assert (phd.title, phd.subtitle, phd.organisation) == (
        "PhD",
        "Linguistics",
        "Example University",
    )
    assert phd.highlights == ("Thesis: *Grammar Induction*",)
    postdoc = sections["experience"].entries[0]
    assert postdoc.ongoing  # a start alone runs to the present
    assert list(postdoc.highlight_items()) == [
        ("Published widely", ("ACL 2023 main conference", "EMNLP 2024 findings"))
    ]
    project = sections["projects"].entries[0]
    assert (project.title, project.url, project.date) == (
        "TinyParse",
        "https://example.org/tinyparse",
        PartialDate(2021),
    )
    paper = sections["publications"].entries[0]
    assert paper.authors == ("*Ada Researcher*", "Bob Example")
    assert paper.url == "https://doi.org/10.1234/example.5678"
    assert paper.organisation == "Journal of Examples"
    assert sections["skills"].entries[0].title == "Languages"
    assert sections["skills"].entries[0].summary == "Python, Rust"
    assert sections["intro"].entries[1].summary == (
        r"Plain text with a star \* and an underscore\_ and \`backquotes\`."
    )


def test_rendercv_problems(tmp_path: Path) -> None:
    text = (
        "cv:\n  name: Ada\n  sections:\n    education:\n      - institution: MIT\n"
        "      - institution: MIT\n        area: CS\n        start_date: 2020-02-30\n"
        "      - bullet: mixed\n      - 42\n    broken: text\n"
    )
    profile, problems = read_text(tmp_path, text)
    assert [where(problem) for problem in problems] == [
        ("profile", 5, 9),  # area missing
        ("date", 8, 21),
        ("profile", 9, 9),  # a BulletEntry among EducationEntries
        ("profile", 10, 9),  # no type
        ("profile", 11, 13),  # not a list
    ]
    education = profile.section("education")
    assert education is not None and education.kind == "timeline"
    assert [entry.organisation or entry.summary for entry in education.entries] == ["MIT", "mixed"]
    assert education.entries[0].start is None


def test_rendercv_cv_must_be_a_mapping(tmp_path: Path) -> None:
    profile, problems = read_text(tmp_path, "cv: [1, 2]\n")
    assert where(only(problems, "profile")) == ("profile", 1, 5)
    assert profile.sections == ()


@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("selected_honors", "Selected Honors"),
        ("education", "Education"),
        ("invited_talks_and_posters", "Invited Talks And Posters"),
        ("Welcome to RenderCV", "Welcome to RenderCV"),
        ("myPapers", "myPapers"),
        ("honors and awards", "honors and awards"),
    ],
)
def test_section_titles(key: str, title: str) -> None:
    assert section_title(key) == title


@pytest.mark.parametrize(
    ("network", "username", "url"),
    [
        ("LinkedIn", "ada", "https://linkedin.com/in/ada"),
        ("GitHub", "ada", "https://github.com/ada"),
        ("ORCID", "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
        ("Google Scholar", "abc_DEF", "https://scholar.google.com/citations?user=abc_DEF"),
        ("Twitter", "@ada", "https://x.com/ada"),
        ("Mastodon", "@ada@fosstodon.org", "https://fosstodon.org/@ada"),
        ("Mastodon", "not a handle", None),
        ("SomethingElse", "ada", None),
        ("Website", "https://ada.example.org", "https://ada.example.org"),
        ("GitHub", None, None),
    ],
)
def test_profile_urls(network: str, username: str | None, url: str | None) -> None:
    assert profile_url(network, username) == url


# =========================================================================================
# Markdown / HTML -> reStructuredText
# =========================================================================================


@pytest.mark.parametrize(
    ("markdown", "rst"),
    [
        ("This is **bold**.", "This is **bold**."),
        ("*John Doe*", "*John Doe*"),
        ("see [the docs](https://example.org/a_b)", "see `the docs <https://example.org/a_b>`__"),
        ("[x](https://example.org/a_)", r"`x <https://example.org/a\_>`__"),
        ("[](https://example.org)", "`https://example.org <https://example.org>`__"),
        ("a**b**c", r"a\ **b**\ c"),
        ("(**b**)", "(**b**)"),
        ("2 * 3 * 4", r"2 \* 3 \* 4"),
        ("**bold [link](https://e.org)**", "bold `link <https://e.org>`__"),  # no nesting
        (
            "snake_case name_ |sub| `code` back\\slash",
            r"snake_case name\_ \|sub\| \`code\` back\\slash",
        ),
        ("two\n  lines", "two lines"),
        ("[a <b>](https://e.org)", r"`a \<b> <https://e.org>`__"),
    ],
)
def test_markdown_to_rst(markdown: str, rst: str) -> None:
    assert markdown_to_rst(markdown) == rst


@pytest.mark.parametrize(
    ("html", "rst"),
    [
        ('<a href="https://e.org">al-folio</a>', "`al-folio <https://e.org>`__"),
        ("<u>Hobbies:</u> reading", "Hobbies: reading"),
        ("a <b>bold</b> and <em>em</em> &amp; *stars*", r"a **bold** and *em* & \*stars\*"),
        ("x<strong> y </strong>z", "x **y** z"),
        ("line<br>break", "line break"),
        ('<a href="https://e.org">unclosed', "unclosed"),
    ],
)
def test_html_to_rst(html: str, rst: str) -> None:
    assert html_to_rst(html) == rst


def _parse_inline(rst: str) -> docutils.nodes.document:
    settings = {"report_level": 5, "halt_level": 5, "warning_stream": False}
    return docutils.core.publish_doctree(f"x {rst} x", settings_overrides=settings)


def _is_clean(document: docutils.nodes.document) -> bool:
    bad = (docutils.nodes.system_message, docutils.nodes.problematic)
    return not any(True for node in document.findall(lambda n: isinstance(n, bad)))


_tricky_text = st.lists(
    st.sampled_from([*"ab *_`\\|[]()<>:-'\".,!", "https://e.org/x_", "**", "](", "a_b", " - "]),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_tricky_text)
def test_escaped_text_shows_as_written(text: str) -> None:
    text = " ".join(text.split())
    document = _parse_inline(escape_rst(text))
    assert _is_clean(document)
    assert document.astext() == f"x {text} x"


@settings(max_examples=400, deadline=None)
@given(_tricky_text)
def test_converted_markdown_is_clean_rst(text: str) -> None:
    assert _is_clean(_parse_inline(markdown_to_rst(text)))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"ab *_`|:&;'",
                "<b>",
                "</b>",
                "<i>",
                "</i>",
                "<u>",
                "<br>",
                "&amp;",
                "<a href='https://e.org/x_'>",
                "</a>",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_converted_html_is_clean_rst(text: str) -> None:
    assert _is_clean(_parse_inline(html_to_rst(text)))


# =========================================================================================
# al-folio
# =========================================================================================


def test_alfolio_fixture() -> None:
    profile, problems = read_profile(str(FIXTURES / "alfolio_cv.yml"))
    assert problems == []
    assert [(s.key, s.title, s.kind, len(s.entries)) for s in profile.sections] == [
        ("general_information", "General Information", "pairs", 2),
        ("positions", "Positions", "timeline", 3),
        ("honors", "Honors", "timeline", 1),
        ("research_interests", "Research Interests", "text", 1),
        ("other_interests", "Other Interests", "text", 1),
    ]
    sections = {section.key: section for section in profile.sections}
    postdoc, assistant, intern = sections["positions"].entries
    assert (postdoc.start, postdoc.end, postdoc.ongoing) == (
        PartialDate(2022),
        PartialDate(present=True),
        True,
    )
    assert list(postdoc.highlight_items()) == [
        ("Grammar induction.", ()),
        ("Supervision", ("Two MSc students.",)),
    ]
    assert assistant.title == "`Research Assistant <https://example.org/ra>`__"
    assert (assistant.start, assistant.end) == (PartialDate(2019), PartialDate(2022))
    assert assistant.summary == "Annotation of a **treebank**."
    assert intern.date == PartialDate(2018) and intern.organisation is None
    assert sections["honors"].entries[0].highlights == ("Best Paper Award",)
    assert sections["research_interests"].entries[0].highlights == (
        "Grammar induction",
        "Treebanks",
    )
    assert sections["other_interests"].entries[0].summary == "Music: fado & jazz"
    assert sections["general_information"].entries[0].summary == "Ada Researcher"


def test_alfolio_problems(tmp_path: Path) -> None:
    text = (
        "- title: Jobs\n  type: timeline\n  contents:\n    - title: Postdoc\n      year: 2020-13\n"
        "- type: list\n  contents: [a]\n"
    )
    profile, problems = read_text(tmp_path, text)
    assert [where(problem) for problem in problems] == [
        ("profile", 2, 9),  # unknown type
        ("date", 5, 13),
        ("profile", 6, 3),  # no title
    ]
    assert len(profile.sections) == 1
    assert profile.sections[0].entries[0].title == "Postdoc"


@pytest.mark.parametrize(
    ("year", "start", "end", "date"),
    [
        ("1933 - 1955", PartialDate(1933), PartialDate(1955), None),
        ("1917-1933", PartialDate(1917), PartialDate(1933), None),
        ("2015-now", PartialDate(2015), PartialDate(present=True), None),
        ("2018-09 to 2019-01", PartialDate(2018, 9), PartialDate(2019, 1), None),
        ("2018-09", None, None, PartialDate(2018, 9)),
        ("1921", None, None, PartialDate(1921)),
        ("Spring 2020", None, None, PartialDate(label="Spring 2020")),
        ("2015-soon", None, None, PartialDate(label="2015-soon")),
    ],
)
def test_alfolio_periods(tmp_path: Path, year: str, start: Any, end: Any, date: Any) -> None:
    text = (
        f"- title: Jobs\n  type: time_table\n  contents:\n    - title: Job\n      year: '{year}'\n"
    )
    profile, problems = read_text(tmp_path, text)
    assert problems == []
    entry = profile.sections[0].entries[0]
    assert (entry.start, entry.end, entry.date) == (start, end, date)


def test_alfolio_detection() -> None:
    assert is_alfolio_cv([{"title": "A", "type": "list", "contents": []}])
    assert not is_alfolio_cv([{"title": "A"}])
    assert not is_alfolio_cv([])
    assert not is_alfolio_cv({"title": "A"})


# =========================================================================================
# Records
# =========================================================================================


def test_records_are_immutable_and_picklable() -> None:
    entry = Entry("work", "Postdoc", start=PartialDate(2020), end=PartialDate(present=True))
    with pytest.raises(AttributeError):
        entry.title = "x"  # type: ignore[misc]
    assert not hasattr(entry, "__dict__")
    assert pickle.loads(pickle.dumps(entry)) == entry
    assert dataclasses.replace(entry, title="x").title == "x" and entry.title == "Postdoc"
    assert hash(entry) == hash(dataclasses.replace(entry))
    assert entry.ongoing and entry.sort_date == PartialDate(present=True)
    assert Entry("x", date=PartialDate(2020)).sort_date == PartialDate(2020)


def test_profile_section_lookup() -> None:
    profile = Profile(sections=(Section("Selected Honors", "Selected Honors", "text"),))
    assert profile.section("Selected Honors") is profile.sections[0]
    assert profile.section("selected_honors") is profile.sections[0]
    assert profile.section("selected-honors") is profile.sections[0]
    assert profile.section("awards") is None
