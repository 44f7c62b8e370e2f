"""What every directive of the extension shares: lenient options and located warnings."""

from __future__ import annotations

from typing import Any

from sphinx.util.docutils import SphinxDirective

from sphinx_academic import diagnostics
from sphinx_academic.directives.options import lenient, usable_options


class AcademicDirective(SphinxDirective):
    """Unknown options and refused values become warnings, not a dropped directive."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = lenient(cls.option_spec)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = usable_options(self.options, lambda message: self.warn(message, "option"))

    def warn(self, message: str, subtype: str) -> None:
        diagnostics.warn(message, self.get_location(), subtype)
