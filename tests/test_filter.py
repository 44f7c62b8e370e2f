from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_academic.query.filter import FilterError, compile_filter
from sphinx_academic.readers.bibtex import parse_bibtex

BIB = r"""
@inproceedings{a, title={Alpha}, author={Galstyan, Aram and Doe, Jane}, year={2021},
  booktitle={ICML}, selected={true}, volume={3}, keywords={Privacy; learning theory}}
@article{b, title={Beta}, author={Smith, John}, year=2019, journal={Nature},
  keywords={differential privacy, {\"O}konomie}}
@misc{c, title={Gamma}, year={2023}, eprint={2301.1}, archivePrefix={arXiv}}
@book{d, title={Delta}}
"""
ENTRIES = parse_bibtex(BIB, "refs.bib").entries


def keys(expression: str) -> list[str]:
    check = compile_filter(expression)
    return [entry.key for entry in ENTRIES if check(entry)]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("selected", ["a"]),
        ("not selected", ["b", "c", "d"]),
        ('year >= 2020 and type == "inproceedings"', ["a"]),
        ('"Galstyan" in author', ["a"]),
        ('"Galstyan" not in author', ["b", "c", "d"]),
        ('type in ("article", "misc")', ["b", "c"]),
        ('journal == "Nature" or key == "c"', ["b", "c"]),
        ("2019 <= year < 2022", ["a", "b"]),
        ('year >= "2021"', ["a", "c"]),
        ("volume == 3", ["a"]),
        ("eprint", ["c"]),
        ("not year", ["d"]),
        ('"lph" in title', ["a"]),
        ('"privacy" in keywords', ["a"]),
        ('"Differential Privacy" in keywords', ["b"]),
        ('"Ökonomie" in keywords', ["b"]),
        ('"theory" in keywords', []),
        ('"privacy" not in keywords', ["b", "c", "d"]),
        ("keywords", ["a", "b"]),
        ("True", ["a", "b", "c", "d"]),
    ],
)
def test_filter(expression: str, expected: list[str]) -> None:
    assert keys(expression) == expected


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("year >=", "syntax error"),
        ("open('x')", "calling a function is not allowed"),
        ("__import__('os').system('x')", "not allowed"),
        ("title.__class__", "attribute access is not allowed"),
        ("__class__", "name '__class__' is not allowed"),
        ("author[0]", "indexing is not allowed"),
        ("year + 1 > 2000", "arithmetic is not allowed"),
        ("lambda: 1", "not allowed"),
        ("[x for x in author]", "not allowed"),
        ("b'bytes'", "literal b'bytes' is not allowed"),
        ("", "empty filter"),
        ("1 or " * 1000 + "1", "longer than"),
    ],
)
def test_rejected(expression: str, message: str) -> None:
    with pytest.raises(FilterError, match=message.replace("(", r"\(").replace("[", r"\[")):
        compile_filter(expression)


@given(st.text(max_size=80))
def test_any_text_gives_a_filter_or_a_filter_error(expression: str) -> None:
    try:
        check = compile_filter(expression)
    except FilterError:
        return
    for entry in ENTRIES:
        assert check(entry) in (True, False)


_ATOMS = st.sampled_from(
    ["selected", "year", "type", "author", "title", '"x"', "2020", "True", "journal", "key"]
)
_OPS = st.sampled_from([" and ", " or ", " == ", " != ", " < ", " >= ", " in ", " not in "])


@given(st.lists(st.tuples(_ATOMS, _OPS), min_size=1, max_size=6), _ATOMS, st.booleans())
def test_generated_expressions_evaluate(
    parts: list[tuple[str, str]], last: str, negate: bool
) -> None:
    expression = "".join(a + op for a, op in parts) + last
    if negate:
        expression = f"not ({expression})"
    check = compile_filter(expression)
    for entry in ENTRIES:
        assert check(entry) in (True, False)
