"""Identifier spellings real bib files hold: prefixes and URLs of arXiv, DOI, PubMed, HAL
and OpenReview are normalised; only what cannot be made a link is a warning."""

from __future__ import annotations

import pytest

from sphinx_academic.model.identifiers import bare_identifier, web_address

from conftest import academic_warnings, bib_site, build_app, parse_html


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("arxiv", "2101.00001", "2101.00001"),
        ("arxiv", "arXiv:2101.00001", "2101.00001"),
        ("arxiv", "arxiv: 2101.00001v2", "2101.00001v2"),
        ("arxiv", "https://arxiv.org/abs/2101.00001", "2101.00001"),
        ("arxiv", "http://arxiv.org/pdf/2101.00001v1.pdf", "2101.00001v1"),
        ("arxiv", "hep-th/9901001", "hep-th/9901001"),
        ("arxiv", "math.GT/0309136", "math.GT/0309136"),
        ("arxiv", "not an id", None),
        ("doi", "10.1000/xyz", "10.1000/xyz"),
        ("doi", "doi:10.1000/xyz", "10.1000/xyz"),
        ("doi", "DOI: 10.1000/xyz", "10.1000/xyz"),
        ("doi", "https://doi.org/10.1000/xyz", "10.1000/xyz"),
        ("doi", "http://dx.doi.org/10.1000/xyz", "10.1000/xyz"),
        ("doi", "doi.org/10.1000/xyz", "10.1000/xyz"),
        ("doi", "https://www.doi.org/10.1000/xyz", "10.1000/xyz"),
        ("doi", "see the paper", None),
        ("pmid", "PMID: 12345678", "12345678"),
        ("pmid", "https://pubmed.ncbi.nlm.nih.gov/12345678/", "12345678"),
        ("pmid", "12345678", "12345678"),
        ("hal", "hal-01234567", "hal-01234567"),
        ("hal", "https://hal.science/hal-01234567v2", "hal-01234567v2"),
        ("hal", "https://hal.archives-ouvertes.fr/tel-01234567", "tel-01234567"),
        ("openreview", "AbC_d-12", "AbC_d-12"),
        ("openreview", "https://openreview.net/forum?id=AbC_d-12", "AbC_d-12"),
        ("openreview", "https://openreview.net/pdf?id=AbC_d-12", "AbC_d-12"),
    ],
)
def test_bare_identifier(field: str, value: str, expected: str | None) -> None:
    assert bare_identifier(field, value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("www.example.com", "https://www.example.com"),
        ("WWW.example.com/x", "https://WWW.example.com/x"),
        ("https://example.com", "https://example.com"),
        ("papers/x.pdf", "papers/x.pdf"),
    ],
)
def test_web_address(value: str, expected: str) -> None:
    assert web_address(value) == expected


BIB = r"""@misc{pre,
  title = {Preprint},
  author = {Doe, Jane},
  year = {2021},
  arxiv = {arXiv:2101.00001},
  doi = {https://doi.org/10.1000/abc},
  url = {www.example.com},
  pmid = {PMID: 12345678},
  openreview = {https://openreview.net/forum?id=XyZ12},
  hal = {hal-01234567},
}

@article{broken,
  title = {Broken ids},
  author = {Doe, Jane},
  journal = {J},
  year = {2020},
  doi = {see the paper},
  arxiv = {soon},
  code = {www.github.com/jane/x},
}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], object]:
    app = build_app(bib_site(tmp_path_factory.mktemp("ids"), BIB))
    return academic_warnings(app.warning.getvalue()), parse_html(app.outdir / "index.html")


def _links(page: object, key_title: str) -> dict[str, str]:
    card = next(
        c
        for c in page.select(".academic-pub-card")  # type: ignore[attr-defined]
        if key_title in c.get_text()
    )
    return {a.get_text(): a["href"] for a in card.select("a.academic-pub-link")} | {
        "title": card.select_one("a.academic-pub-title-link")["href"]
        if card.select_one("a.academic-pub-title-link")
        else ""
    }


def test_prefixed_identifiers_become_links(site: tuple[list[str], object]) -> None:
    links = _links(site[1], "Preprint")
    assert links["arXiv"] == "https://arxiv.org/abs/2101.00001"
    assert links["DOI"] == "https://doi.org/10.1000/abc"
    assert links["PubMed"] == "https://pubmed.ncbi.nlm.nih.gov/12345678/"
    assert links["OpenReview"] == "https://openreview.net/forum?id=XyZ12"
    assert links["HAL"] == "https://hal.science/hal-01234567"
    assert links["title"] == "https://www.example.com"
    assert "arXiv:2101.00001" in site[1].get_text()  # type: ignore[attr-defined]
    assert "arXiv:arXiv" not in site[1].get_text()  # type: ignore[attr-defined]


def test_only_what_cannot_be_a_link_warns(site: tuple[list[str], object]) -> None:
    warnings = site[0]
    assert len(warnings) == 2, warnings
    assert all(":13: WARNING: broken: field " in w for w in warnings), warnings
    assert all(w.endswith("[academic.link]") for w in warnings)
    assert "field 'doi': 'see the paper' is not a DOI" in warnings[0] + warnings[1]
    assert "field 'arxiv': 'soon' is not an arXiv identifier" in warnings[0] + warnings[1]
    links = _links(site[1], "Broken ids")
    assert links["Code"] == "https://www.github.com/jane/x"
    assert "DOI" not in links and "arXiv" not in links


ODD_DOIS = r"""@article{odd,
  title = {Odd DOI},
  author = {Doe, Jane},
  journal = {J},
  year = {2020},
  doi = {10.1000/a_b%c#d},
}

@article{sici,
  title = {SICI DOI},
  author = {Doe, Jane},
  journal = {J},
  year = {1997},
  doi = {https://doi.org/10.1002/(SICI)1097-4636(199707)36:1%3C55::AID-JBM7%3E3.0.CO;2-K},
}
"""


def test_doi_links_are_percent_encoded(tmp_path: object) -> None:
    """``#`` and ``%`` in a DOI are part of it, not a fragment and an escape: the link
    encodes them; a DOI given as an address, already encoded, is not encoded twice."""
    app = build_app(bib_site(tmp_path, ODD_DOIS))  # type: ignore[arg-type]
    page = parse_html(app.outdir / "index.html")
    assert _links(page, "Odd DOI")["DOI"] == "https://doi.org/10.1000/a_b%25c%23d"
    assert _links(page, "SICI DOI")["DOI"] == (
        "https://doi.org/10.1002/(SICI)1097-4636(199707)36:1%3C55::AID-JBM7%3E3.0.CO;2-K"
    )
    assert academic_warnings(app.warning.getvalue()) == []
