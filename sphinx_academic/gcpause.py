"""Pausing Python's cyclic garbage collector around work that only builds lasting data."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (reference counting still frees what
    is dropped).

    Speed: reading thousands of entries, or turning them into thousands of nodes, makes
    objects that all live until the build ends; the collector's passes over them found
    nothing to free and took a tenth of a build of a large bibliography (half a second for
    2,000 cards). Whatever cycles the block leaves are collected after it.
    """
    if not gc.isenabled():  # already paused by a caller, or by the user
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def gc_paused_call(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator form of :func:`gc_paused`."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with gc_paused():
            return function(*args, **kwargs)

    return paused


_frozen = False


def freeze_loaded_data(app: object) -> None:
    """``builder-inited``, after the data files are loaded: move every object alive now
    (Sphinx's own, the parsed entries and profile) out of the collector's sight until the
    build ends.

    Speed: they all live to the end of the build, yet each full collection walked them
    again; with 2,000 cards that was a twentieth of the build. Not done for the pages'
    doctrees, which become garbage once written and must stay collectable.
    """
    global _frozen
    if gc.isenabled() and not _frozen:
        gc.freeze()
        _frozen = True


def unfreeze(app: object, exception: BaseException | None) -> None:
    """``build-finished``: hand the frozen objects back to the collector (a process that
    builds again, such as a test suite or a live-reload server, frees them as usual).

    Freezing is process-wide: objects a host program froze itself before the build are
    handed back too (Sphinx builds rarely run inside such programs).
    """
    global _frozen
    if _frozen:
        gc.unfreeze()
        _frozen = False
