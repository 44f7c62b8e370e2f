"""Load YAML and JSON safely, remembering where every key and value was written.

The result is a :class:`Document`: the plain Python data (dicts with string keys, lists,
scalars) plus the 1-based line and column of every mapping key and value, addressed by
their path (``("work", 0, "startDate")``), the same shape as pydantic-core's error ``loc``.

Loading never raises on bad input. What could not be read becomes a
:class:`~sphinx_academic.diagnostics.Problem`:

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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sphinx_academic.diagnostics import Problem

__all__ = [
    "MAX_ALIAS_EXPANSION",
    "DocPath",
    "Document",
    "IssueLike",
    "Position",
    "PositionLoader",
    "decode",
    "load_file",
    "looks_like_json",
    "parse_json",
    "parse_text",
    "parse_yaml",
    "parse_yaml_tree",
    "read_text",
]

#: A path into the data: mapping keys and list indices, like pydantic-core's ``loc``.
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


class IssueLike(Protocol):
    """Something wrong at a path inside the data (e.g. a validation issue)."""

    @property
    def path(self) -> DocPath: ...
    @property
    def message(self) -> str: ...
    @property
    def subtype(self) -> str: ...
    @property
    def on_key(self) -> bool: ...


class Position(NamedTuple):
    """A 1-based line and column in a data file."""

    line: int
    column: int


@dataclass(slots=True)
class Document:
    """Data read from one file, with the position of each key and value in it."""

    #: Path of the file as given to the loader.
    path: str
    #: The data: dicts (string keys, file order), lists, str, int, float, bool, None, dates.
    data: Any
    #: ``"yaml"`` or ``"json"``, also the subtype of syntax problems.
    format: Format = "yaml"
    #: Where each value starts, by path; ``()`` is the whole document.
    values: dict[DocPath, Position] = field(default_factory=dict)
    #: Where each mapping key starts, by the path of its value.
    keys: dict[DocPath, Position] = field(default_factory=dict)
    #: The YAML node tree, when positions are looked up in it rather than kept in
    #: :attr:`values` and :attr:`keys` (speed: most files need no position but those of
    #: their entries, and noting all of them took a third of reading a large file).
    root: Node | None = None
    #: The YAML text of a document read from libyaml's events (see :func:`_stream`):
    #: :attr:`values` then holds where each mapping and list starts, and the node tree
    #: is composed from this text when any other position is asked for (a problem's).
    text: str | None = None

    def value_at(self, path: DocPath) -> Position | None:
        """Where the value at ``path`` is, or else its nearest known ancestor."""
        noted = self.values.get(path)
        if noted is not None:
            return noted
        root = self._tree()
        if root is not None:
            return _position(_descend(root, path)[0])
        for end in range(len(path) - 1, -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return found
        return None

    def key_at(self, path: DocPath) -> Position | None:
        """Where the key of the value at ``path`` is, falling back to :meth:`value_at`."""
        root = self._tree()
        if root is not None:
            node, key = _descend(root, path)
            return _position(key if key is not None else node)
        return self.keys.get(path) or self.value_at(path)

    def _tree(self) -> Node | None:
        if self.root is None and self.text is not None:
            loader = PositionLoader(self.text, self.path, self.format)
            try:  # the text was read once already: no error is expected
                self.root = loader.get_single_node()
            except (yaml.YAMLError, RecursionError):
                pass
            finally:
                loader.dispose()
            self.text = None
        return self.root

    def problem(self, path: DocPath, message: str, subtype: str, *, key: bool = False) -> Problem:
        """A problem located at the value (or key) at ``path``."""
        where = self.key_at(path) if key else self.value_at(path)
        if where is None:
            return Problem(self.path, message, subtype)
        return Problem(self.path, message, subtype, where.line, where.column)

    def problems_from(self, prefix: DocPath, issues: Iterable[IssueLike]) -> list[Problem]:
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
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode_as(raw[len(bom) :], encoding, path, subtype)
    return _decode_as(raw, "utf-8", path, subtype)


def _decode_as(raw: bytes, encoding: str, path: str, subtype: str) -> tuple[str, list[Problem]]:
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
else:  # libyaml's parser, when PyYAML has it, reads about ten times faster
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PositionLoader(_SafeLoader):
    """A safe loader (``yaml.CSafeLoader`` if there, else ``yaml.SafeLoader``) that reports
    instead of raising where it can.

    Tags it does not know (``!!python/object`` and friends) give ``None`` and a problem,
    impossible timestamps stay strings (the date checks report them), and mapping keys are
    kept as the text written, so ``2020: ...`` has the key ``"2020"``.
    """

    def __init__(self, stream: str, path: str = "", subtype: str = "yaml") -> None:
        super().__init__(stream)
        self.path = path
        self.subtype = subtype
        self.problems: list[Problem] = []

    def problem_at(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.path, message, self.subtype, mark.line + 1, mark.column + 1)
        )

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

    #: Whether :meth:`construct_mapping` reports duplicate keys (when positions are not
    #: noted beforehand, which reports them too).
    check_duplicates = False

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        mapping = {
            self._key(key): self.construct_object(value, deep=deep) for key, value in node.value
        }
        if self.check_duplicates and len(mapping) < len(node.value):
            self.problems += _duplicate_keys(node.value, self.path, self.subtype)
        return mapping

    def _key(self, node: Node) -> str:
        if isinstance(node, ScalarNode):
            return str(node.value)
        return str(self.construct_object(node, deep=True))

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a node without one, as :class:`yaml.resolver.BaseResolver` finds it.

        Speed: libyaml's parser asks this for every node it composes; PyYAML's own method
        builds a list of candidates each time. Scalars are looked up in the candidates
        gathered once per first character (:data:`_SCALAR_RESOLVERS`).
        """
        if (
            kind is not ScalarNode
            or self.yaml_path_resolvers
            or self.yaml_implicit_resolvers is not _RESOLVERS_GATHERED
        ):
            return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        if implicit[0]:  # plain (unquoted) text: maybe a number, a date, null, a boolean
            for tag, pattern in _SCALAR_RESOLVERS.get(value[:1], _WILDCARD_RESOLVERS):
                if pattern.match(value):
                    return tag
        return str(self.DEFAULT_SCALAR_TAG)

    def construct_plain(self, node: Node) -> Any:
        """The data of a document without anchors or merge keys, as
        :meth:`construct_document` gives it.

        Speed: texts, lists and mappings, nearly every node of a profile, are built here
        directly; PyYAML's generic path looks up each node's constructor, keeps a table of
        what it built (for aliases, which such a document has none of) and finishes each
        list and mapping through a generator. Every other tag (numbers, dates, null,
        refused tags) goes through that generic path.
        """
        try:
            return self._plain(node)
        finally:
            self.constructed_objects, self.recursive_objects = {}, {}

    def _plain(self, node: Node) -> Any:
        tag = node.tag
        if tag == _STR_TAG and type(node) is ScalarNode:
            return node.value
        if tag == _SEQ_TAG and type(node) is SequenceNode:
            return [self._plain(child) for child in node.value]
        if tag == _MAP_TAG and type(node) is MappingNode:
            self.flatten_mapping(node)  # only ``=`` value keys here: there is no ``<<``
            mapping = {self._plain_key(key): self._plain(value) for key, value in node.value}
            if self.check_duplicates and len(mapping) < len(node.value):
                self.problems += _duplicate_keys(node.value, self.path, self.subtype)
            return mapping
        return self.construct_object(node, deep=True)

    def _plain_key(self, node: Node) -> str:
        if type(node) is ScalarNode:
            return str(node.value)
        return str(self._plain(node))


def _described(node: Node) -> str:
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
    if isinstance(node, ScalarNode):
        return f"the value {node.value!r} tagged {tag}"
    return f"the {'list' if isinstance(node, SequenceNode) else 'mapping'} tagged {tag}"


def _refuse_tag(loader: PositionLoader, node: Node) -> None:
    loader.problem_at(node, f"the tag {node.tag!r} is not allowed; the value is ignored")


def _lenient_timestamp(loader: PositionLoader, node: ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return str(node.value)  # 2020-02-30: the date checks report it with its position


PositionLoader.add_constructor(None, _refuse_tag)
PositionLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)

# Booleans as YAML 1.2 has them (true/false) rather than 1.1's yes/no/on/off, so that
# Norway's country code (countryCode: NO) or a fluency of "Yes" stay text.
_BOOL_TAG = "tag:yaml.org,2002:bool"
PositionLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in PositionLoader.yaml_implicit_resolvers.items()
}
PositionLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
# The implicit resolvers for a plain scalar, by its first character ("" for an empty
# one), the ones for any first character included, in PyYAML's order.
_Resolvers = tuple[tuple[str, re.Pattern[str]], ...]
_RESOLVERS_GATHERED = PositionLoader.yaml_implicit_resolvers  # a subclass may add its own
_WILDCARD_RESOLVERS: _Resolvers = tuple(_RESOLVERS_GATHERED.get(None, []))
_SCALAR_RESOLVERS: dict[str, _Resolvers] = {
    first: (*resolvers, *_WILDCARD_RESOLVERS)
    for first, resolvers in _RESOLVERS_GATHERED.items()
    if first is not None
}


def parse_yaml(
    text: str, path: str = "<string>", subtype: Format = "yaml"
) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a :class:`Document`; ``None`` when nothing could be read.

    Most files are read from libyaml's parsing events (:func:`_stream`); the rest (and
    every file with a syntax error) through PyYAML's node tree (:func:`parse_yaml_tree`).
    """
    text, problems = _replace_non_printable(text.removeprefix("\ufeff"), path, subtype)
    streamed = _stream(text, path, subtype)
    if streamed is not None:
        return streamed[0], problems + streamed[1]
    document, found = parse_yaml_tree(text, path, subtype)
    return document, problems + found


def parse_yaml_tree(
    text: str, path: str = "<string>", subtype: Format = "yaml", *, note_all: bool = False
) -> tuple[Document | None, list[Problem]]:
    """:func:`parse_yaml` through the node tree, whatever the text (control characters
    already replaced). Positions are looked up in the tree, or with ``note_all`` (and
    for files with merge keys, which change the tree) noted for every key and value:
    the ways must agree, which the tests check."""
    loader = PositionLoader(text, path, subtype)
    try:
        document, found = _load(loader, path, subtype, text, note_all or "<<" in text)
    finally:
        loader.dispose()
    return document, found + loader.problems


def _load(
    loader: PositionLoader, path: str, subtype: Format, text: str, note_all: bool
) -> tuple[Document | None, list[Problem]]:
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(path, "the file holds no data", "profile")]
        # Speed: without an anchor ("&") there is no alias, so nothing to expand.
        bomb = _alias_bomb(node, path, subtype) if "&" in text else None
        if bomb is not None:
            return None, [bomb]
        document = Document(path, None, subtype)
        if note_all:
            duplicates = _record_positions(node, (), document, path, subtype)
        else:
            document.root, duplicates, loader.check_duplicates = node, [], True
        # Without anchors or merge keys, every node is built once and nothing is shared.
        plain = "&" not in text and "<<" not in text
        document.data = loader.construct_plain(node) if plain else loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, path, subtype, text)]
    except RecursionError:
        return None, [Problem(path, "the data is nested too deeply", subtype)]
    except (yaml.YAMLError, ValueError, TypeError) as error:
        return None, [Problem(path, f"cannot read the file: {error}", subtype)]
    return document, duplicates


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
    if _char_at(text, mark.line, mark.column) == "\t":
        message = "a tab character here; YAML indentation must use spaces"
    return Problem(path, message, subtype, mark.line + 1, mark.column + 1)


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column of ``text`` ("" past its end)."""
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


# -- reading from libyaml's events -----------------------------------------------------------


class _NeedsTree(Exception):
    """Something :func:`_stream` leaves to the node tree (which reports it precisely)."""


def _stream(text: str, path: str, subtype: Format) -> tuple[Document, list[Problem]] | None:
    """The document built straight from libyaml's parsing events, or ``None`` when it
    needs the node tree: an anchor, an alias or a merge key (``<<``), any syntax error,
    several documents, a duplicate key, a key that is not text, a tag on a mapping or
    list.

    Speed and memory: composing the node tree first made, for a 300 kB profile, some
    fifteen thousand nodes with two marks each, several megabytes that were touched once
    and thrown away. Here only where each mapping and list starts is noted (an entry's
    place); the tree is composed from the text when a problem asks for another position.
    Texts become the data as they are; other scalars are built by the loader's own
    constructors, from a node made for them alone.
    """
    loader = PositionLoader(text, path, subtype)
    try:
        data, starts = _data_from_events(loader)
    except (_NeedsTree, yaml.YAMLError, RecursionError, ValueError, TypeError):
        return None
    finally:
        loader.dispose()
    return Document(path, data, subtype, values=starts, text=text), loader.problems


def _data_from_events(loader: PositionLoader) -> tuple[Any, dict[DocPath, Position]]:
    # Speed: names looked up once; this loop runs for every key and value of the file.
    # Any: the kind of event is told by ``type(event) is ...``, which mypy does not narrow.
    get_event: Callable[[], Any] = loader.get_event
    resolve = loader.resolve
    scalar, mapping_start, sequence_start = _SCALAR, _MAPPING_START, _SEQUENCE_START
    mapping_end, sequence_end = _MAPPING_END, _SEQUENCE_END
    starts: dict[DocPath, Position] = {}
    # Open mappings and lists, innermost last: [container, its path, the key waiting
    # for its value (``_NOTHING`` when a key comes next)].
    open_: list[list[Any]] = []
    top: list[Any] | None = None
    root: Any = _NOTHING
    if type(get_event()) is not _STREAM_START:
        raise _NeedsTree
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar:
            if event.anchor is not None:
                raise _NeedsTree
            if top is not None and top[2] is _NOTHING and type(top[0]) is dict:
                if event.value == "<<":
                    raise _NeedsTree  # maybe a merge key
                top[2] = event.value  # a key: the text written, as ``_key`` has it
                continue
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(ScalarNode, event.value, event.implicit)
            value = event.value if tag == _STR_TAG else _scalar(loader, event, tag)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or not event.implicit:
                raise _NeedsTree  # an anchor, or a tag such as !!set or !!omap
            if top is None:
                where: DocPath = ()
            elif type(top[0]) is dict:
                if top[2] is _NOTHING:
                    raise _NeedsTree  # a mapping or list as a key
                where = (*top[1], top[2])
            else:
                where = (*top[1], len(top[0]))
            mark = event.start_mark
            starts[where] = Position(mark.line + 1, mark.column + 1)
            top = [{} if kind is mapping_start else [], where, _NOTHING]
            open_.append(top)
            if len(open_) > _MAX_STREAMED_DEPTH:
                raise _NeedsTree  # the tree path reports data nested too deeply
            continue
        elif kind is mapping_end or kind is sequence_end:
            value = open_.pop()[0]
            top = open_[-1] if open_ else None
        elif kind is _DOCUMENT_START:
            if root is not _NOTHING:
                raise _NeedsTree  # a second document: the tree path refuses it
            continue
        elif kind is _DOCUMENT_END:
            continue
        elif kind is _STREAM_END and root is not _NOTHING:
            return root, starts
        else:  # an alias, or a stream with no data (the tree path says so)
            raise _NeedsTree
        if top is None:
            root = value
        elif type(top[0]) is list:
            top[0].append(value)
        else:
            container, _, key = top
            if key in container:
                raise _NeedsTree  # a duplicate key: the tree path reports both places
            container[key] = value
            top[2] = _NOTHING


_SCALAR, _MAPPING_START, _SEQUENCE_START = (
    yaml.ScalarEvent,
    yaml.MappingStartEvent,
    yaml.SequenceStartEvent,
)
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_STREAM_START, _STREAM_END = yaml.StreamStartEvent, yaml.StreamEndEvent
_DOCUMENT_START, _DOCUMENT_END = yaml.DocumentStartEvent, yaml.DocumentEndEvent
_NOTHING: Any = object()
#: Deeper data is left to the node tree, whose recursive construction reports what is
#: nested too deeply for the rest of the build (pickling, validation) to handle.
_MAX_STREAMED_DEPTH = 100


def _scalar(loader: PositionLoader, event: yaml.ScalarEvent, tag: str) -> Any:
    """A scalar that is not text (a number, a date, null, a refused tag), built by the
    loader's constructors from a node made for it alone."""
    marks: tuple[Any, Any] = (event.start_mark, event.end_mark)  # libyaml's marks
    node = ScalarNode(tag, event.value, *marks, event.style)
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.constructed_objects.pop(node, None)


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
        mark = error.node.start_mark
        return Problem(path, str(error), subtype, mark.line + 1, mark.column + 1)
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


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _descend(node: Node, path: DocPath) -> tuple[Node, Node | None]:
    """The node at ``path`` (or its nearest ancestor there is) and, when the path ends in
    a mapping key that exists, that key's node. The last of duplicate keys counts, as in
    the data."""
    key: Node | None = None
    for step in path:
        if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            key, node = None, node.value[step]
        elif isinstance(node, MappingNode) and isinstance(step, str):
            found = [pair for pair in node.value if _key_text(pair[0]) == step]
            if not found:
                return node, None
            key, node = found[-1]
        else:
            return node, None
    return node, key


def _key_text(node: Node) -> str:
    return str(node.value) if isinstance(node, ScalarNode) else "?"


def _duplicate_keys(pairs: list[tuple[Node, Node]], file: str, subtype: str) -> list[Problem]:
    """A problem at each key that a later one of the same mapping overrides."""
    problems: list[Problem] = []
    seen: dict[str, Position] = {}
    for key_node, _ in pairs:
        key, where = _key_text(key_node), _position(key_node)
        if key in seen:
            first = seen[key].line
            message = f"duplicate key {key!r} (first at line {first}); the last one is used"
            problems.append(Problem(file, message, subtype, where.line, where.column))
        seen[key] = where
    return problems


def _record_positions(
    node: Node, path: DocPath, document: Document, file: str, subtype: str
) -> list[Problem]:
    """Note where each value and key under ``node`` is; report duplicate keys."""
    document.values.setdefault(path, _position(node))
    if isinstance(node, SequenceNode):
        problems: list[Problem] = []
        for index, item in enumerate(node.value):
            problems += _record_positions(item, (*path, index), document, file, subtype)
        return problems
    if isinstance(node, MappingNode):
        return _record_mapping(node, path, document, file, subtype)
    return []


def _record_mapping(
    node: MappingNode, path: DocPath, document: Document, file: str, subtype: str
) -> list[Problem]:
    explicit = [pair for pair in node.value if pair[0].tag != _MERGE_TAG]
    merged = [value for key, value in node.value if key.tag == _MERGE_TAG]
    problems = _duplicate_keys(explicit, file, subtype)
    for key_node, value_node in explicit:
        key, where = _key_text(key_node), _position(key_node)
        document.keys[(*path, key)] = where
        document.values.pop((*path, key), None)  # the last duplicate wins, as in the data
        problems += _record_positions(value_node, (*path, key), document, file, subtype)
    for source in merged:  # merged keys never override explicit ones
        for mapping in source.value if isinstance(source, SequenceNode) else [source]:
            if isinstance(mapping, MappingNode):
                _record_merged(mapping, path, document, file, subtype)
    return problems


def _record_merged(
    node: MappingNode, path: DocPath, document: Document, file: str, subtype: str
) -> None:
    scratch = Document(file, None)
    _record_mapping(node, path, scratch, file, subtype)
    for where, position in scratch.keys.items():
        document.keys.setdefault(where, position)
    for where, position in scratch.values.items():
        document.values.setdefault(where, position)


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
    document = Document(path, data, "json")
    return document, _json_positions(text, document)


def _json_positions(text: str, document: Document) -> list[Problem]:
    # Outside strings a tab is only whitespace in JSON, and raw tabs are not allowed inside
    # strings, so swapping each for a space keeps every line and column.
    loader = PositionLoader(text.replace("\t", " "), document.path, "json")
    try:
        node = loader.get_single_node()
        if node is None or _alias_bomb(node, document.path, "json") is not None:
            return []
        return _record_positions(node, (), document, document.path, "json")
    except (yaml.YAMLError, RecursionError):
        document.values.setdefault((), Position(1, 1))
        return []
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
