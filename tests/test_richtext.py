from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_academic.model.richtext import Span, decode, plain, rich


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"Na{\"i}ve M{\"u}ller", "Naïve Müller"),
        (r"\'{e}t\'e \`a", "été à"),
        (r"pages 1--10 and 2---3", "pages 1–10 and 2—3"),
        (r"A~B", "A\u00a0B"),
        (r"50{\%} \& 3\$", "50% & 3$"),
        (r"Video{GLUE} {NeRF}s", "VideoGLUE NeRFs"),
        (r"{\v{S}}koda \c{c}a \ss{} \o{}", "Škoda ça ß ø"),
        (r"Braces \{kept\}", "Braces {kept}"),
        (r"\textsc{Small} \texttt{mono}", "Small mono"),
        ('Straight "quotes"', 'Straight "quotes"'),
        ("  squashed \n  spaces ", "squashed spaces"),
        ("", ""),
    ],
)
def test_decode(latex: str, text: str) -> None:
    assert plain(latex) == text


def test_math_and_formatting_spans() -> None:
    assert rich(r"On $\alpha$-nets and \emph{deep} \textbf{nets}") == (
        Span("text", "On "),
        Span("math", r"\alpha"),
        Span("text", "-nets and "),
        Span("em", "deep"),
        Span("text", " "),
        Span("strong", "nets"),
    )


def test_escaped_dollar_is_not_math() -> None:
    assert rich(r"costs \$5 and \$6") == (Span("text", "costs $5 and $6"),)


def test_nested_font_commands_keep_text() -> None:
    assert plain(r"\textbf{Bold \emph{inner}} tail") == "Bold inner tail"


@given(st.text(max_size=200))
def test_decoding_never_raises(text: str) -> None:
    assert isinstance(decode(text), str)
    assert all(span.text for span in rich(text))


def test_neighbouring_groups_join_into_one_span_with_single_spaces() -> None:
    # A long title of many braced words (2,000 here; real abstracts have thousands of
    # groups) is one text span; where a group's space meets the next one's, one space.
    text = r"{T}{\'e}st {A} " * 2000
    assert rich(text) == (Span("text", ("Tést A " * 2000).strip()),)
    assert rich(r"\emph{a }\emph{ b} c") == (Span("em", "a b"), Span("text", " c"))
