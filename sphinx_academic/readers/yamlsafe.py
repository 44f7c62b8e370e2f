"""Load YAML and JSON safely, remembering where every key and value was written.

The result is a :class:`Document`: the plain Python data (dicts with string keys, lists,
scalars) plus the node tree it was read from, which locates any mapping key or value by
its path (``("work", 0, "startDate")``, the same shape as pydantic's error ``loc``) as a
1-based line and column.

YAML is read in two steps with PyYAML: :class:`PositionLoader` composes the node tree,
whose marks give the positions, then constructs the data from it. Loading never raises
on bad input. What could not be read becomes a :class:`~sphinx_academic.diagnostics.Problem`:

- ``file``: the file is missing, a directory or unreadable.
- ``yaml`` / ``json``: bytes that are not UTF-8, control characters, syntax errors, tabs
  used for indentation, duplicate keys, refused tags (``!!python/object``) and documents
  that expand too far through aliases (the "billion laughs" attack).
- ``profile``: the file holds no data at all.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sphinx_academic.diagnostics import Problem
from sphinx_academic.model.profile_records import Source

if TYPE_CHECKING:
    from sphinx_academic.model.validation import Issue

__all__ = [
    "MAX_ALIAS_EXPANSION",
    "DocPath",
    "Document",
    "Position",
    "PositionLoader",
    "decode",
    "load_file",
    "looks_like_json",
    "parse_json",
    "parse_text",
    "parse_yaml",
    "read_text",
]

#: A path into the data: mapping keys and list indices, like pydantic's ``loc``.
DocPath = tuple[str | int, ...]
Format = Literal["yaml", "json"]

#: How many nodes aliases may add on top of those written out. Generous for real files
#: (which rarely use anchors at all), tiny next to an alias bomb's billions.
MAX_ALIAS_EXPANSION = 100_000

_MERGE_TAG = "tag:yaml.org,2002:merge"
# The characters PyYAML's reader refuses; we replace them ourselves so one stray control
# character costs a warning instead of the whole file.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in a data file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Document:
    """Data read from one file, with the node tree that says where each key and value is."""

    #: Path of the file as given to the loader.
    path: str
    #: The data: dicts (string keys, file order), lists, str, int, float, bool, None, dates.
    data: Any
    #: ``"yaml"`` or ``"json"``, also the subtype of syntax problems.
    format: Format
    #: The nodes PyYAML composed from the text: their marks are the positions. ``None``
    #: when the text could not be composed (JSON that is not YAML): everything is then
    #: located at the start of the file.
    tree: Node | None

    def value_at(self, path: DocPath) -> Position:
        """Where the value at ``path`` is, or else its nearest ancestor in the file."""
        _, node = self._nearest(path)
        return _position(node) if node is not None else Position(1, 1)

    def key_at(self, path: DocPath) -> Position:
        """Where the key of the value at ``path`` is, falling back to :meth:`value_at`."""
        key, node = self._nearest(path)
        found = key if key is not None else node
        return _position(found) if found is not None else Position(1, 1)

    def _nearest(self, path: DocPath) -> tuple[Node | None, Node | None]:
        """The key node (when the whole path was found in a mapping) and the value node of
        the longest start of ``path`` in the tree."""
        key, node = None, self.tree
        for part in path:
            found = _child(node, part) if node is not None else None
            if found is None:
                return None, node
            key, node = found
        return key, node

    def source(self, path: DocPath) -> Source:
        """Where the value at ``path`` is, as a record's :class:`Source`."""
        where = self.value_at(path)
        return Source(self.path, where.line, where.column)

    def problem(self, path: DocPath, message: str, subtype: str, *, key: bool = False) -> Problem:
        """A problem located at the value (or key) at ``path``."""
        where = self.key_at(path) if key else self.value_at(path)
        return Problem(self.path, message, subtype, where.line, where.column)

    def problems_from(self, prefix: DocPath, issues: Iterable[Issue]) -> list[Problem]:
        """Locate issues whose paths are relative to the value at ``prefix``."""
        return [
            self.problem((*prefix, *issue.path), issue.message, issue.subtype, key=issue.on_key)
            for issue in issues
        ]


# -- reading and decoding --------------------------------------------------------------


def read_text(path: str, subtype: str = "yaml") -> tuple[str | None, list[Problem]]:
    """Read and decode a file; bad bytes are replaced and reported at their place."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [Problem(path, "file not found", "file")]
    except IsADirectoryError:
        return None, [Problem(path, "expected a file, found a directory", "file")]
    except OSError as error:
        return None, [Problem(path, f"cannot read the file: {error.strerror or error}", "file")]
    return decode(raw, path, subtype)


def decode(raw: bytes, path: str, subtype: str) -> tuple[str, list[Problem]]:
    """Decode UTF-8 (or a BOM-marked UTF-16/32), reporting the first undecodable byte."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raw, encoding = raw[len(bom) :], name
            break
    try:
        return raw.decode(encoding), []
    except UnicodeDecodeError as error:
        text = raw.decode(encoding, errors="replace")
        before = raw[: error.start].decode(encoding, errors="replace")
        line, column = _line_column(before, len(before))
        message = f"the file is not valid {encoding.upper()} (byte {raw[error.start]:#04x})"
        return text, [Problem(path, message, subtype, line, column)]


def _line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _replace_non_printable(text: str, path: str, subtype: str) -> tuple[str, list[Problem]]:
    found = _NON_PRINTABLE.search(text)
    if found is None:
        return text, []
    line, column = _line_column(text, found.start())
    message = f"control character {ord(found.group()):#06x} is not allowed; replaced"
    return _NON_PRINTABLE.sub("\ufffd", text), [Problem(path, message, subtype, line, column)]


# -- the loader --------------------------------------------------------------------------


if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:  # PyYAML's binding to libyaml when it has one; the same loader otherwise
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PositionLoader(_SafeLoader):
    """PyYAML's safe loader, reporting problems instead of raising where it can.

    Only ``true`` and ``false`` are booleans (as in YAML 1.2), so Norway's country code
    (``NO``) or a fluency of ``Yes`` stay text. Tags it does not know
    (``!!python/object`` and friends) give ``None`` and a problem, impossible timestamps
    stay strings (the date checks report them), and mapping keys are kept as the text
    written, so ``2020: ...`` has the key ``"2020"``.
    """

    def __init__(self, stream: str, path: str = "", subtype: str = "yaml") -> None:
        super().__init__(stream)
        self.path = path
        self.subtype = subtype
        self.problems: list[Problem] = []

    def problem_at(self, node: Node, message: str) -> None:
        line, column = _line_and_column(node)
        self.problems.append(Problem(self.path, message, self.subtype, line, column))

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        """PyYAML's construction, except that a value its explicit tag does not fit
        (``!!int x``, ``!!bool maybe``, an empty ``!!float``) is a problem at its place
        and is left out (``None``), rather than an error about the whole file."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, IndexError, KeyError):
            self.recursive_objects.pop(node, None)
            self.constructed_objects[node] = None  # an alias of it is not reported again
            self.problem_at(node, f"{_described(node)} does not fit its tag; ignored")
            return None

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        """PyYAML's mapping, after a problem at each key written twice in it."""
        self.problems += _repeated_keys(node, self.path, self.subtype)
        self.flatten_mapping(node)
        return {self._key(key): self.construct_object(value, deep) for key, value in node.value}

    def _key(self, node: Node) -> str:
        if isinstance(node, ScalarNode):
            return str(node.value)
        return str(self.construct_object(node, deep=True))  # a list or mapping as a key

    def refuse_tag(self, node: Node) -> None:
        self.problem_at(node, f"the tag {node.tag!r} is not allowed; the value is ignored")

    def construct_lenient_timestamp(self, node: ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return str(node.value)  # 2020-02-30: the date checks report it with its place


_BOOL_TAG = "tag:yaml.org,2002:bool"
PositionLoader.add_constructor(None, PositionLoader.refuse_tag)
PositionLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", PositionLoader.construct_lenient_timestamp
)
PositionLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in PositionLoader.yaml_implicit_resolvers.items()
}
PositionLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _described(node: Node) -> str:
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
    if isinstance(node, ScalarNode):
        return f"the value {node.value!r} tagged {tag}"
    return f"the {'list' if isinstance(node, SequenceNode) else 'mapping'} tagged {tag}"


def _key_text(node: Node) -> str:
    return str(node.value) if isinstance(node, ScalarNode) else "?"


def _line_and_column(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _position(node: Node) -> Position:
    return Position(*_line_and_column(node))


# -- parsing YAML ------------------------------------------------------------------------


def parse_yaml(
    text: str, path: str = "<string>", subtype: Format = "yaml"
) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a :class:`Document`; ``None`` when nothing could be read."""
    text, problems = _replace_non_printable(text.removeprefix("\ufeff"), path, subtype)
    loader = PositionLoader(text, path, subtype)
    try:
        document, found = _load(loader, text, subtype)
    finally:
        loader.dispose()
    return document, problems + found + loader.problems


def _load(
    loader: PositionLoader, text: str, subtype: Format
) -> tuple[Document | None, list[Problem]]:
    path = loader.path
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(path, "the file holds no data", "profile")]
        # Without an anchor (``&name``) there can be no alias to expand.
        bomb = _alias_bomb(node, path, subtype) if "&" in text else None
        if bomb is not None:
            return None, [bomb]
        # Deep: each list and mapping is finished inside its own construct_object, where a
        # value that does not fit its tag is caught (aliases cannot loop: see above).
        data = loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, path, subtype, text)]
    except RecursionError:
        return None, [Problem(path, "the data is nested too deeply", subtype)]
    except (yaml.YAMLError, ValueError, TypeError) as error:
        return None, [Problem(path, f"cannot read the file: {error}", subtype)]
    return Document(path, data, subtype, node), []


def _syntax_problem(error: yaml.MarkedYAMLError, path: str, subtype: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    message = str(error.problem or error.context or "invalid YAML")
    if "end of stream" in message and error.context_mark is not None:
        # An unclosed quote or bracket runs to the end of the file; where it was opened
        # is the line to fix.
        mark = error.context_mark
    if error.context and error.problem:
        message = f"{message} ({error.context})"
    if mark is None:
        return Problem(path, message, subtype)
    lines = text.split("\n", mark.line + 1)
    if mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        message = "a tab character here; YAML indentation must use spaces"
    return Problem(path, message, subtype, mark.line + 1, mark.column + 1)


# -- alias bombs -------------------------------------------------------------------------


class _TooBig(Exception):
    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.node = node


def _alias_bomb(root: Node, path: str, subtype: str) -> Problem | None:
    """A problem when aliases expand the document too far, or refer to themselves.

    Sizes are memoised per node, so this runs in time proportional to the nodes written,
    however far they would expand.
    """
    try:
        _expanded_size(root, {}, set())
    except _TooBig as error:
        return Problem(path, str(error), subtype, *_line_and_column(error.node))
    return None


def _expanded_size(node: Node, sizes: dict[int, int], active: set[int]) -> int:
    """Nodes under ``node`` with aliases expanded; ``sizes`` also counts distinct nodes."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    if id(node) in active:
        raise _TooBig(node, "an alias refers to the node that contains it")
    active.add(id(node))
    total = 1 + sum(_expanded_size(child, sizes, active) for child in _children(node))
    active.discard(id(node))
    sizes[id(node)] = total
    # Without aliases a subtree never exceeds the distinct nodes seen so far.
    if total - len(sizes) > MAX_ALIAS_EXPANSION:
        raise _TooBig(node, f"aliases expand this to more than {MAX_ALIAS_EXPANSION} extra nodes")
    return total


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, SequenceNode):
        yield from node.value
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value


# -- positions -----------------------------------------------------------------------------


def _child(node: Node, part: str | int) -> tuple[Node | None, Node] | None:
    """The key node (``None`` in a list) and value node at ``part`` inside ``node``.

    The pair the data took its value from: the last pair with that key, as in the mapping
    PyYAML built, which has the merged keys (``<<: *base``) before the written ones. A
    mapping not built yet still has its ``<<`` keys: written keys come first there, then
    the merged mappings in order.
    """
    if isinstance(node, SequenceNode):
        if isinstance(part, int) and 0 <= part < len(node.value):
            return None, node.value[part]
        return None
    if not isinstance(node, MappingNode) or not isinstance(part, str):
        return None
    for key_node, value_node in reversed(node.value):
        if key_node.tag != _MERGE_TAG and _key_text(key_node) == part:
            return key_node, value_node
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:
            merged = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for mapping in merged:
                found = _child(mapping, part)
                if found is not None:
                    return found
    return None


def _repeated_keys(node: MappingNode, path: str, subtype: str) -> list[Problem]:
    """A problem at each key written again in ``node``; merged keys (``<<``) never count."""
    problems: list[Problem] = []
    last_line: dict[str, int] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:
            continue
        key = _key_text(key_node)
        if key in last_line:
            message = (
                f"duplicate key {key!r} (first at line {last_line[key]}); the last one is used"
            )
            problems.append(Problem(path, message, subtype, *_line_and_column(key_node)))
        last_line[key] = key_node.start_mark.line + 1
    return problems


# -- JSON ----------------------------------------------------------------------------------


def parse_json(text: str, path: str = "<string>") -> tuple[Document | None, list[Problem]]:
    """Parse JSON with :mod:`json`; positions come from composing the same text as YAML.

    The values are :mod:`json`'s (``1e5`` is a float, as JSON says), so YAML's different
    reading of a few scalars cannot change the data, only where a position is missing.
    """
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"invalid JSON: {error.msg}"
        return None, [Problem(path, message, "json", error.lineno, error.colno)]
    except RecursionError:
        return None, [Problem(path, "invalid JSON: nested too deeply", "json")]
    tree = _json_tree(text, path)
    duplicates = _json_duplicate_keys(tree, path) if tree is not None else []
    return Document(path, data, "json", tree), duplicates


def _json_duplicate_keys(tree: Node, path: str) -> list[Problem]:
    """A problem at each key written twice in a mapping of JSON composed as YAML (which
    has no aliases or merge keys), in file order."""
    problems: list[Problem] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, MappingNode):
            problems += _repeated_keys(node, path, "json")
            pending += (value for _, value in node.value)
        elif isinstance(node, SequenceNode):
            pending += node.value
    return sorted(problems, key=lambda problem: (problem.line or 0, problem.column or 0))


def _json_tree(text: str, path: str) -> Node | None:
    """JSON text composed as YAML, for its positions; ``None`` when YAML cannot read it."""
    # Outside strings a tab is only whitespace in JSON, and raw tabs are not allowed inside
    # strings, so swapping each for a space keeps every line and column.
    loader = PositionLoader(text.replace("\t", " "), path, "json")
    try:
        return loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


# -- choosing a format ---------------------------------------------------------------------


def looks_like_json(path: str, text: str) -> bool:
    """JSON by extension (``.json``), or by content for other extensions."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return True
    if suffix in {".yaml", ".yml"}:
        return False
    return text.lstrip("\ufeff \t\r\n")[:1] in {"{", "["}


def parse_text(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse text as JSON or YAML, chosen by :func:`looks_like_json`."""
    if not text.strip(" \t\r\n\ufeff"):
        return None, [Problem(path, "the file is empty", "profile")]
    if looks_like_json(path, text):
        return parse_json(text, path)
    return parse_yaml(text, path)


def load_file(path: str) -> tuple[Document | None, list[Problem]]:
    """Read a YAML or JSON file; see :func:`parse_text`."""
    subtype = "json" if Path(path).suffix.lower() == ".json" else "yaml"
    text, problems = read_text(path, subtype)
    if text is None:
        return None, problems
    document, found = parse_text(text, path)
    return document, problems + found
