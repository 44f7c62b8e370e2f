from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def academic_warnings(text: str) -> list[str]:
    """Warning lines of the academic type (one per warning)."""
    text = strip_escape_sequences(text)
    return [line for line in text.splitlines() if "[academic." in line]
