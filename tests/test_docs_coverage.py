"""The reference documents everything users can write or see: a new option, config value
or warning subtype without docs fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sphinx_academic
from sphinx_academic.config import CONFIG_VALUES
from sphinx_academic.diagnostics import SUBTYPES

DOCS = Path(__file__).resolve().parents[1] / "docs"
REFERENCE = DOCS / "reference"


def _text(name: str) -> str:
    return (REFERENCE / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("subtype", sorted(SUBTYPES))
def test_warning_subtype_documented(subtype: str) -> None:
    assert f"academic.{subtype}" in _text("warnings.rst")


@pytest.mark.parametrize("value", [v.name for v in CONFIG_VALUES])
def test_config_value_documented(value: str) -> None:
    assert re.search(rf"\.\. confval:: {value}\b", _text("config.rst"))


class _Recorder:
    """Collects what ``setup()`` registers, without building anything."""

    def __init__(self) -> None:
        self.directives: dict[str, type] = {}
        self.roles: list[str] = []

    def add_directive(self, name: str, cls: type) -> None:
        self.directives[name] = cls

    def add_role(self, name: str, role: object) -> None:
        self.roles.append(name)

    def __getattr__(self, name: str) -> object:
        return lambda *args, **kwargs: None


def _registered() -> _Recorder:
    recorder = _Recorder()
    sphinx_academic.setup(recorder)  # type: ignore[arg-type]
    return recorder


DIRECTIVES = _registered().directives
OPTIONS = [(name, option) for name, cls in DIRECTIVES.items() for option in cls.option_spec or {}]


@pytest.mark.parametrize("directive", sorted(DIRECTIVES))
def test_directive_documented(directive: str) -> None:
    assert re.search(rf"\.\. rst:directive:: \.\. {directive}::", _text("directives.rst"))


@pytest.mark.parametrize(("directive", "option"), OPTIONS)
def test_directive_option_documented(directive: str, option: str) -> None:
    text = _text("directives.rst")
    start = re.search(rf"\.\. rst:directive:: \.\. {directive}::", text)
    assert start is not None
    following = text[start.end() :]
    end = re.search(r"\n\.\. rst:directive:: ", following)
    section = following[: end.start() if end else None]
    assert re.search(rf"rst:directive:option:: {re.escape(option)}\b", section), option


def test_role_documented() -> None:
    assert "rst:role:: pub" in _text("directives.rst")
    assert _registered().roles == ["pub"]
