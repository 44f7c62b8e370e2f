"""``.. timeline:: projects`` with ``:style: cards``: a grid of cards with pictures in
HTML, the timeline's lines in LaTeX and text; ``image`` fields that cannot be used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import academic_warnings, build_app, build_root, parse_html, profile_site


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_root("cards", tmp_path_factory.mktemp("cards"))


def test_builds_without_warnings(html: SphinxTestApp) -> None:
    assert academic_warnings(html.warning.getvalue()) == []


def test_cards_have_picture_title_date_description_and_tags(html: SphinxTestApp) -> None:
    page = parse_html(html.outdir / "index.html")
    grid = page.select_one("div.academic-cards")
    assert "my-projects" in grid["class"]  # :class: kept
    cards = grid.select(":scope > div.academic-card")
    titles = [card.select_one(".academic-card-title").get_text() for card in cards]
    assert titles == ["River Atlas", "Floodcast", "River sketches"]  # newest first
    atlas = cards[0]
    # The picture first, its alternative text the project's name, the file copied.
    first = atlas.find("div")
    assert "academic-card-image" in first["class"]
    image = first.select_one("img.academic-card-img")
    assert image["alt"] == "River Atlas" and image["src"] == "_images/atlas.png"
    assert (html.outdir / "_images" / "atlas.png").is_file()
    link = atlas.select_one(".academic-card-title a")
    assert link["href"] == "https://atlas.example.org/"
    assert atlas.select_one(".academic-card-date").get_text() == "Mar 2021 – present"
    assert atlas.select_one(".academic-card-description").get_text() == (
        "A map of the rivers of West Africa."
    )
    tags = [tag.get_text() for tag in atlas.select(".academic-card-tags .academic-card-tag")]
    assert tags == ["maps", "open data"]
    # An absolute path is from the source folder; no link, no title link.
    assert cards[1].select_one("img")["src"] == "_images/tall.png"
    assert cards[1].select_one(".academic-card-title a") is None
    # Without a picture: a class for the empty place, the entity as its place.
    assert "academic-card-no-image" in cards[2]["class"]
    assert cards[2].select_one("img") is None
    assert cards[2].select_one(".academic-card-place").get_text() == "Field School"


def test_custom_sections_have_cards_too(html: SphinxTestApp) -> None:
    page = parse_html(html.outdir / "index.html")
    grids = page.select("div.academic-cards")
    assert len(grids) == 2  # ":style: Cards" in any case
    talk = grids[1].select_one(".academic-card")
    assert talk.select_one("img")["alt"] == "Rivers without gauges"
    assert talk.select_one(".academic-card-place").get_text() == "Hydrology Days"


def test_the_timeline_style_stays_the_default(html: SphinxTestApp) -> None:
    page = parse_html(html.outdir / "index.html")
    timeline = page.select_one("div.academic-timeline")
    assert len(timeline.select(".academic-timeline-entry")) == 3
    assert timeline.select_one("img") is None


@pytest.mark.parametrize("buildername", ["text", "latex"])
def test_printed_output_shows_the_timeline_form(
    buildername: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    app = build_root("cards", tmp_path_factory.mktemp(buildername), buildername)
    assert academic_warnings(app.warning.getvalue()) == []
    name = "index.txt" if buildername == "text" else "cards.tex"
    output = (app.outdir / name).read_text(encoding="utf-8")
    cards_part = output.split("As a timeline")[0]
    timeline_part = output.split("As a timeline")[1]
    if buildername == "text":
        # The same lines as the timeline shows: date — title, description; details below.
        line = "Mar 2021 – present — **River Atlas**, A map of the rivers of West\nAfrica."
        assert line in cards_part and line in timeline_part
        assert cards_part.count("*Keywords:* maps, open data") == 1
        assert "2015 – 2016 — **River sketches**, Drawings from field trips. — Field" in output
        assert "May 2023 — **Rivers without gauges** — Hydrology Days" in cards_part
    else:
        assert "includegraphics" not in output
        assert r"\sphinxhref{https://atlas.example.org/}{River Atlas}" in cards_part
        assert re.search(r"Keywords:\}.*maps\}, .*open data", cards_part)


@pytest.mark.parametrize(
    ("image", "message", "subtype"),
    [
        (
            '"javascript:alert(1)"',
            "projects.image: link 'javascript:alert(1)' dropped (only http, https, mailto",
            "link",
        ),
        ("../secret.png", "projects.image: '../secret.png' is outside the source", "asset"),
        ("img/missing.png", "projects.image: file 'img/missing.png' not found", "asset"),
    ],
)
def test_unusable_image_warned_at_its_line(
    tmp_path: Path, image: str, message: str, subtype: str
) -> None:
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    srcdir = profile_site(
        tmp_path,
        "profile.yaml",
        f"basics:\n  name: Ada\nprojects:\n  - name: Atlas\n    image: {image}\n",
        "Home\n====\n\n.. timeline:: projects\n   :style: cards\n",
    )
    app = build_app(srcdir)
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1, warnings
    assert re.search(r"profile\.yaml:4: WARNING: profile: ", warnings[0])
    assert message in warnings[0] and warnings[0].endswith(f"[academic.{subtype}]")
    page = parse_html(app.outdir / "index.html")
    card = page.select_one(".academic-card")
    assert card.select_one("img") is None and "academic-card-no-image" in card["class"]
    assert not (app.outdir / "_images" / "secret.png").exists()


def test_a_bad_style_is_warned_and_the_timeline_shown(tmp_path: Path) -> None:
    srcdir = profile_site(
        tmp_path,
        "profile.yaml",
        "projects:\n  - name: Atlas\n",
        "Home\n====\n\n.. timeline:: projects\n   :style: grid\n",
    )
    app = build_app(srcdir)
    warnings = academic_warnings(app.warning.getvalue())
    assert len(warnings) == 1
    expected = "index.rst:4: WARNING: :style: 'grid' is not one of timeline, cards; using "
    assert expected + "'timeline'" in warnings[0]
    assert warnings[0].endswith("[academic.option]")
    page = parse_html(app.outdir / "index.html")
    assert page.select_one(".academic-timeline-entry") is not None
    assert page.select_one(".academic-cards") is None


def test_the_editor_schema_has_the_image_field() -> None:
    from sphinx_academic.model.profile import json_schema

    definitions = json_schema()["$defs"]
    for model in ("ProjectModel", "CustomEntryModel"):
        field = definitions[model]["properties"]["image"]
        assert "http(s) address" in field["description"]
