"""E-mail addresses in a profile: linked when they are addresses, a located warning and
no ``mailto:`` link when they are not."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import academic_warnings, build_app, parse_html, profile_site

PAGE = "Home\n====\n\n.. profile::\n"


def _contact(folder: Path, name: str, profile: str) -> tuple[list[str], list[str], str]:
    """Warnings, the mailto addresses and the contact line of a site showing ``profile``."""
    app = build_app(profile_site(folder, name, profile, PAGE))
    assert "Traceback" not in app.warning.getvalue()
    page = parse_html(app.outdir / "index.html")
    # docutils cloaks the addresses (``%40``): a browser follows them as written.
    links = [unquote(str(a["href"])) for a in page.select("a[href^='mailto:']")]
    contact = page.select_one(".academic-profile-contact")
    return academic_warnings(app.warning.getvalue()), links, contact.get_text() if contact else ""


@pytest.mark.parametrize(
    "written", ["ada@example.org", "mailto:ada@example.org", "  ada@example.org  "]
)
def test_an_address_is_linked(tmp_path: Path, written: str) -> None:
    warnings, links, contact = _contact(
        tmp_path, "profile.yaml", f"basics:\n  name: Ada\n  email: '{written}'\n"
    )
    assert warnings == []
    assert links == ["mailto:ada@example.org"]
    assert "ada@example.org" in contact and "mailto" not in contact


@pytest.mark.parametrize(
    "written",
    [
        "ada at example dot org",
        "ada@example",
        "ada@@example.org",
        "<ada@example.org>",
        "ada@example.org, bob@example.org",
    ],
)
def test_text_that_is_no_address_is_left_out_with_a_warning(tmp_path: Path, written: str) -> None:
    warnings, links, contact = _contact(
        tmp_path, "profile.yaml", f"basics:\n  name: Ada\n  email: '{written}'\n"
    )
    assert len(warnings) == 1, warnings
    assert "profile.yaml:3:10: WARNING: email:" in warnings[0]
    assert f"{written!r} is not an e-mail address" in warnings[0]
    assert warnings[0].endswith("[academic.profile]")
    assert links == [] and written not in contact


def test_rendercv_keeps_the_first_valid_address(tmp_path: Path) -> None:
    cv = "cv:\n  name: Ada\n  email:\n    - nobody\n    - ada@example.org\n"
    warnings, links, _ = _contact(tmp_path, "cv.yaml", cv)
    assert len(warnings) == 1 and "cv.yaml:4:7: WARNING: email[0]: 'nobody'" in warnings[0]
    assert links == ["mailto:ada@example.org"]
