"""Local parallelism: one process per core, results in input order."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

CHUNK_SIZE = 8


def map_in_processes(function: Callable[[In], Out], items: Iterable[In], workers: int) -> Iterator[Out]:
    """function(item) for every item, computed on `workers` processes, yielded in order.

    `function` must be a module-level function (it is pickled by name)."""
    context = multiprocessing.get_context("spawn" if _threads_running() else "fork")
    with context.Pool(processes=workers) as pool:
        yield from pool.imap(function, items, chunksize=CHUNK_SIZE)


def _threads_running() -> bool:
    # Forking a process that runs threads can deadlock; spawn is slower but safe.
    import threading

    return threading.active_count() > 1
