"""The ``:filter:`` language: a small, safe expression language over publication fields.

Expressions are parsed with :mod:`ast` and checked against a whitelist before anything is
evaluated; evaluation walks the checked tree itself (never ``eval``), so a filter can
compare and combine values but cannot call, import or reach attributes.

Grammar: ``and``, ``or``, ``not``, comparisons ``== != < <= > >=`` (chainable), ``in`` and
``not in``, string and number literals, ``True``/``False``, lists of literals (``type in ("article",
"book")``), parentheses, and names: any
BibTeX field in lower case (``""`` when absent), ``key``, ``type``, ``year`` (an int, ``0``
when absent), ``month`` (an int), ``author`` and ``editor`` (all names; ``"Smith" in author``
is true when a name contains ``Smith``), ``selected`` (true/false from the field),
``arxiv`` (the arXiv id, also from ``eprint`` with ``archivePrefix = arXiv``),
``citations`` (the count from the metrics file, ``0`` when it has none), ``keywords``
(the topics of the ``keywords`` field; ``"privacy" in keywords`` is true when one topic
is ``privacy``, letter case aside).
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sphinx_academic.model.publication import Publication


class FilterError(ValueError):
    """A filter that cannot be parsed or is not allowed; the message says why."""


@dataclass(frozen=True, slots=True)
class NameList:
    """Author names: ``"x" in names`` is a substring test on each name."""

    names: tuple[str, ...]

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and any(item in name for name in self.names)

    def __bool__(self) -> bool:
        return bool(self.names)


@dataclass(frozen=True, slots=True)
class Topics:
    """An entry's topics: ``"x" in topics`` is true when one topic is ``x``, letter case
    aside."""

    folded: frozenset[str]

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and item.casefold() in self.folded

    def __bool__(self) -> bool:
        return bool(self.folded)


_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: _contains(b, a),
    ast.NotIn: lambda a, b: not _contains(b, a),
}
_ALLOWED_NODES = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.Compare,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.Tuple,
    ast.List,
    *_COMPARE,
)
_MAX_LENGTH = 2000


#: Names with a meaning beyond "the field of that name".
SPECIAL_NAMES = frozenset(
    {"key", "type", "year", "month", "selected", "author", "editor", "title", "arxiv"}
    | {"citations", "keywords"}
)
#: An entry's citation count (``None``: none), given to filters that read ``citations``.
Citations = Callable[[Publication], int | None]


@dataclass(frozen=True, slots=True)
class Filter:
    """A checked filter expression, ready to test publications."""

    source: str
    tree: ast.Expression

    @property
    def names(self) -> frozenset[str]:
        """The field names the expression reads (to tell the user about typos)."""
        names = {node.id for node in ast.walk(self.tree) if isinstance(node, ast.Name)}
        return frozenset(names - {"True", "False", "true", "false"})

    def __call__(self, publication: Publication, citations: Citations | None = None) -> bool:
        return bool(_evaluate(self.tree.body, _Names(publication, citations)))


def compile_filter(source: str) -> Filter:
    """Parse and check ``source``; raise :class:`FilterError` with a readable message."""
    source = " ".join(source.split())
    if not source:
        raise FilterError("empty filter")
    if len(source) > _MAX_LENGTH:
        raise FilterError(f"filter longer than {_MAX_LENGTH} characters")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as error:
        where = f" at character {error.offset}" if error.offset else ""
        raise FilterError(f"syntax error{where}: {error.msg}") from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise FilterError(f"cannot parse filter: {error}") from None
    for node in ast.walk(tree):
        _check(node)
    return Filter(source, tree)


def _check(node: ast.AST) -> None:
    if isinstance(node, ast.Constant) and not isinstance(node.value, str | int | float | bool):
        raise FilterError(f"literal {node.value!r} is not allowed")
    if not isinstance(node, _ALLOWED_NODES):
        raise FilterError(f"{_describe(node)} is not allowed in a filter")
    if isinstance(node, ast.Name) and node.id.startswith("_"):
        raise FilterError(f"name {node.id!r} is not allowed in a filter")


def _describe(node: ast.AST) -> str:
    descriptions = {
        ast.Call: "calling a function",
        ast.Attribute: "attribute access",
        ast.Subscript: "indexing",
        ast.Lambda: "lambda",
        ast.BinOp: "arithmetic",
    }
    for kind, text in descriptions.items():
        if isinstance(node, kind):
            return text
    return f"'{type(node).__name__}'"


class _Names:
    """Looks up names for one publication, lazily (most filters use one or two)."""

    def __init__(self, publication: Publication, citations: Citations | None = None) -> None:
        self.publication = publication
        self.citations = citations

    def __getitem__(self, name: str) -> Any:
        pub = self.publication
        special: dict[str, Callable[[], Any]] = {
            "key": lambda: pub.key,
            "type": lambda: pub.type,
            "year": lambda: pub.year or 0,
            "month": lambda: pub.month or 0,
            "selected": lambda: pub.selected,
            "author": lambda: NameList(tuple(a.display for a in pub.authors)),
            "editor": lambda: NameList(tuple(a.display for a in pub.editors)),
            "title": lambda: pub.title_text if pub.title else "",
            "arxiv": lambda: pub.arxiv_id,
            "citations": lambda: (self.citations(pub) if self.citations else None) or 0,
            "keywords": lambda: Topics(frozenset(word.casefold() for word in pub.keywords)),
        }
        getter = special.get(name)
        return getter() if getter else pub.text(name)


def _evaluate(node: ast.expr, names: _Names) -> Any:
    if isinstance(node, ast.BoolOp):
        values = (_evaluate(value, names) for value in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp):
        return not _evaluate(node.operand, names)
    if isinstance(node, ast.Compare):
        return _compare(node, names)
    if isinstance(node, ast.Name):
        return _name(node.id, names)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(_evaluate(element, names) for element in node.elts)
    raise FilterError(f"{_describe(node)} is not allowed in a filter")  # pragma: no cover


def _name(identifier: str, names: _Names) -> Any:
    constants = {"True": True, "False": False, "true": True, "false": False}
    if identifier in constants:
        return constants[identifier]
    return names[identifier]


def _compare(node: ast.Compare, names: _Names) -> bool:
    left = _evaluate(node.left, names)
    for op, right_node in zip(node.ops, node.comparators, strict=True):
        right = _evaluate(right_node, names)
        if not _apply(_COMPARE[type(op)], left, right):
            return False
        left = right
    return True


def _apply(function: Callable[[Any, Any], bool], left: Any, right: Any) -> bool:
    left, right = _coerce(left, right)
    try:
        return bool(function(left, right))
    except TypeError:  # comparing a number with text: no match rather than an error
        return False


def _coerce(left: Any, right: Any) -> tuple[Any, Any]:
    """Let ``year >= "2020"`` and ``volume == 3`` mean what the user meant."""
    if isinstance(left, int) and isinstance(right, str) and right.strip().isdigit():
        return left, int(right)
    if isinstance(right, int) and isinstance(left, str) and left.strip().isdigit():
        return int(left), right
    return left, right


def _contains(container: Any, item: Any) -> bool:
    if isinstance(container, NameList | Topics):
        return item in container
    if isinstance(container, str) and isinstance(item, str):
        return item in container
    if isinstance(container, Sequence):
        return item in container
    raise TypeError("'in' needs text or a list on its right")
