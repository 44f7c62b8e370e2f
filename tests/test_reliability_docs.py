"""The Troubleshooting page lists every warning subtype, with an example and a fix, and
is reachable from the documentation's front page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinx_academic.diagnostics import SUBTYPES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _rows() -> dict[str, str]:
    """Subtype -> its row of the table (example and fix)."""
    text = (DOCS / "troubleshooting.rst").read_text(encoding="utf-8")
    rows = re.split(r"\n   \* - ", text.split("Warnings by subtype", 1)[1])[1:]
    found = {}
    for row in rows:
        match = re.match(r":ref:`(\w+) <warning-\1>`", row)
        if match:
            found[match.group(1)] = row
    return found


@pytest.mark.parametrize("subtype", sorted(SUBTYPES))
def test_every_subtype_has_an_example_and_a_fix(subtype: str) -> None:
    row = _rows().get(subtype)
    assert row is not None, subtype
    example, fix = row.split("\n     - ")[1:3]
    assert example.strip().startswith("``") and fix.strip()


def test_page_is_in_a_toctree() -> None:
    index = (DOCS / "index.rst").read_text(encoding="utf-8")
    assert re.search(r"\.\. toctree::[^.]*\n   troubleshooting\n", index)
    title = (DOCS / "troubleshooting.rst").read_text(encoding="utf-8").splitlines()[:2]
    assert title == ["Troubleshooting", "=" * len("Troubleshooting")]
