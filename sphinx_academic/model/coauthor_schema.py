"""The co-authors file's format as pydantic models: what the reader validates each
person with, and the JSON Schema ``sphinx-academic schema --coauthors`` prints."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel

from sphinx_academic.model.validation import json_schema_of

__all__ = ["CoauthorModel", "CoauthorsModel", "coauthors_json_schema"]


class CoauthorModel(BaseModel):
    """A co-author: their name as papers spell it, the page their name links to, and
    other spellings of the name."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, description="The name, 'Given Family' or 'Family, Given'.")
    url: str = Field(
        min_length=1, description="The page the name links to (http, https or mailto)."
    )
    aliases: list[str] = Field(
        default=[], description="Other spellings of the name found in BibTeX files."
    )


class CoauthorsModel(RootModel[list[CoauthorModel]]):
    """The co-authors file (``academic_coauthors``): a list of people."""


def coauthors_json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the co-authors file, for editors."""
    return json_schema_of(CoauthorsModel)
