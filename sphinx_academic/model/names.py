"""Author names: decoding, display order, contribution markers and owner matching.

Matching is the part other tools get wrong most often. Two spellings name the same person
when, after Unicode normalisation, they end in the same family name words and their given
names agree initial by initial (a missing middle name is fine). This makes
``Harutyunyan, Hrayr``, ``H. Harutyunyan`` and ``Hrayr Harutyunyan`` one person, and also
``{Ver Steeg}, Greg`` and ``G. Ver Steeg`` (which BibTeX splits as given ``G. Ver``, family
``Steeg``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sphinx_academic.model.richtext import plain

#: Contribution markers written after a name (equal contribution, corresponding, ...).
MARKERS = "*†‡§¶‖&^"
#: Han, kana and hangul: names in these scripts are written family name first.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_TRAILING_MARKERS = re.compile(r"(?:\s*(?:\\?[*&^]|[†‡§¶‖]|\\dag(?:ger)?\b|\\ddag\b))+\s*$")
_LATEX_MARKERS = {"\\dagger": "†", "\\dag": "†", "\\ddag": "‡", "\\&": "&"}
_WORD_SPLIT = re.compile(r"[\s~]+")
#: ``\textsuperscript{*}``, ``$^{\dagger}$`` and ``$^*$`` wrap markers; unwrap them first.
_SUPERSCRIPT = re.compile(r"\\textsuperscript\s*\{([^{}]*)\}|\$\^\{?([^${}]*)\}?\$")


@dataclass(frozen=True, slots=True)
class Author:
    """One author as shown: decoded given and family names plus markers."""

    #: Given names (first and middle), decoded, e.g. ``"Hrayr"`` or ``"G."``.
    given: str
    #: Family name with its particles (``"de la Fontaine"``), decoded.
    family: str
    #: Suffix such as ``"Jr."``.
    suffix: str = ""
    #: Contribution markers found after the name, e.g. ``"*"`` or ``"†"``.
    markers: str = ""

    @property
    def display(self) -> str:
        """``Given Family, Suffix``: the order readers expect; a name written in Chinese,
        Japanese or Korean script keeps its family name first, without a space."""
        if _CJK.search(self.family) and (not self.given or _CJK.search(self.given)):
            name = f"{self.family}{self.given}"
        else:
            name = f"{self.given} {self.family}".strip()
        return f"{name}, {self.suffix}" if self.suffix else name

    @property
    def key(self) -> NameKey:
        """The normalised form used for matching."""
        return NameKey.of(self.given, self.family)


@dataclass(frozen=True, slots=True)
class NameKey:
    """Normalised name words: ``given`` words then ``family`` words, lower case, no accents."""

    given: tuple[str, ...]
    family: tuple[str, ...]

    @classmethod
    def of(cls, given: str, family: str) -> NameKey:
        return cls(_words(given), _words(family))

    @property
    def words(self) -> tuple[str, ...]:
        return self.given + self.family


def _words(text: str) -> tuple[str, ...]:
    return tuple(word for word in (_normalise(w) for w in _WORD_SPLIT.split(text)) if word)


def _normalise(word: str) -> str:
    """Lower case, accents removed, punctuation except hyphens dropped."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if c.isalnum() or c == "-").strip("-")


def author_from_parts(
    given: Sequence[str], family: Sequence[str], suffix: Sequence[str] = ()
) -> Author:
    """Build an :class:`Author` from BibTeX name parts (raw LaTeX), pulling off markers
    wherever the name ends: ``Yuan*, Zhihang`` and ``Lindqvist, Sofia*`` alike."""
    family_text, family_markers = split_markers(" ".join(family))
    given_text, given_markers = split_markers(" ".join(given))
    return Author(given_text, family_text, plain(" ".join(suffix)), family_markers + given_markers)


def split_markers(raw: str) -> tuple[str, str]:
    """Separate trailing contribution markers from a name part: ``Yuan*`` -> (Yuan, *)."""
    raw = _SUPERSCRIPT.sub(lambda m: m.group(1) or m.group(2) or "", raw)
    match = _TRAILING_MARKERS.search(raw)
    if not match:
        return plain(raw), ""
    markers = match.group(0)
    for latex, char in _LATEX_MARKERS.items():
        markers = markers.replace(latex, char)
    markers = "".join(c for c in markers if c in MARKERS)
    return plain(raw[: match.start()]), markers


#: Anything a marker could be made of; a name list without any is copied as written.
_MAY_HAVE_MARKERS = re.compile(r"[*&^†‡§¶‖]|\\d?dag|\\textsuperscript")


@functools.lru_cache(maxsize=4096)  # a card and the exports both copy the entry
def without_markers(names: str) -> str:
    """A BibTeX name list with contribution markers removed (for copying)."""
    if not _MAY_HAVE_MARKERS.search(names):
        return names
    from pybtex.bibtex.utils import split_name_list

    cleaned = []
    for name in split_name_list(names):
        parts = [
            _SUPERSCRIPT.sub(lambda m: m.group(1) or m.group(2) or "", p) for p in name.split(",")
        ]
        cleaned.append(",".join(_TRAILING_MARKERS.sub("", part) for part in parts))
    return " and ".join(cleaned)


def parse_name(text: str) -> NameKey:
    """Normalise a free-form name (``"Last, First"`` or ``"First Last"``) for matching."""
    text = plain(text)
    if "," in text:
        family, _, given = text.partition(",")
        return NameKey.of(given, family)
    words = text.split()
    return NameKey.of(" ".join(words[:-1]), " ".join(words[-1:]))


def same_person(a: NameKey, b: NameKey) -> bool:
    """Whether two normalised names plausibly name the same person."""
    if not a.family or not b.family:
        return False
    return _family_suffix_match(a, b) or _family_suffix_match(b, a)


def _family_suffix_match(a: NameKey, b: NameKey) -> bool:
    """``a``'s family words end ``b``'s words, and the words before agree by initials."""
    size = len(a.family)
    words = b.words
    if len(words) < size or words[-size:] != a.family:
        return False
    return _initials_agree(a.given, words[:-size])


def _initials_agree(given_a: Sequence[str], given_b: Sequence[str]) -> bool:
    if not given_a or not given_b:
        return not given_a and not given_b
    # Middle names may be missing on one side; where both have one, they must agree.
    return all(_words_agree(x, y) for x, y in zip(given_a, given_b, strict=False))


def _words_agree(a: str, b: str) -> bool:
    """``h`` agrees with ``hrayr``; ``greg`` with ``gregory``; ``hrayr`` not with ``hrant``."""
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) != len(parts_b):
        parts_a, parts_b = parts_a[:1], parts_b[:1]
    return all(_part_agrees(x, y) for x, y in zip(parts_a, parts_b, strict=True))


def _part_agrees(a: str, b: str) -> bool:
    if not a or not b or a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return a.startswith(b) or b.startswith(a)


class OwnerMatcher:
    """Tells whether an author is the site owner, given the owner's spellings."""

    def __init__(self, spellings: Iterable[str]) -> None:
        self._owners = tuple(parse_name(s) for s in spellings if s and s.strip())
        # Keyed by the author: asking again does not normalise the name again.
        self._cache: dict[Author, bool] = {}

    def __bool__(self) -> bool:
        return bool(self._owners)

    def is_owner(self, author: Author) -> bool:
        found = self._cache.get(author)
        if found is None:
            key = author.key
            found = any(same_person(owner, key) for owner in self._owners)
            self._cache[author] = found
        return found
