"""Stages, their requires/provides check, and the default order.

A stage is a function `Document -> Document` that adds one layer. It declares the
layers it reads and the ones it adds with the `@stage` decorator; `Pipeline` checks
when it is built that every stage finds what it requires from the stages before it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lagebild.document import Document

StageFunction = Callable[[Document], Document]

# What a Document holds before any stage ran: the reader's input and its metadata.
INPUT_LAYERS = frozenset({"raw"})


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]


def stage(*, requires: tuple[str, ...] | set[str], provides: tuple[str, ...] | set[str]):
    """Mark a function as a pipeline stage that reads `requires` and adds `provides`."""

    def mark(function: StageFunction) -> StageFunction:
        function.stage_info = StageInfo(function.__name__, frozenset(requires), frozenset(provides))
        return function

    return mark


class PipelineError(ValueError):
    """The stages of a pipeline do not fit together."""


class Pipeline:
    """An ordered list of stages, checked for requires/provides when built."""

    def __init__(self, stages: list[StageFunction]):
        available = set(INPUT_LAYERS)
        for function in stages:
            info = getattr(function, "stage_info", None)
            if info is None:
                raise PipelineError(f"{function!r} is not a stage: decorate it with @stage")
            missing = info.requires - available
            if missing:
                raise PipelineError(
                    f"stage {info.name!r} requires {sorted(missing)}, which no stage before it "
                    f"provides (available: {sorted(available)}); reorder the stages or add one"
                )
            available |= info.provides
        self.stages = list(stages)
        self.provides = frozenset(available)

    @property
    def names(self) -> list[str]:
        return [function.stage_info.name for function in self.stages]

    def run(self, doc: Document) -> Document:
        for function in self.stages:
            doc = function(doc)
        return doc


def default_stages() -> list[StageFunction]:
    """The default order of the stages: one literal list."""
    from lagebild.stages.extract import extract
    from lagebild.stages.clean import clean
    from lagebild.stages.language import detect_language
    from lagebild.stages.segment import segment
    from lagebild.stages.actors import tag_actors
    from lagebild.stages.times import tag_times
    from lagebild.stages.quotes import tag_quotes
    from lagebild.stages.events import tag_events

    return [extract, clean, detect_language, segment, tag_times, tag_actors, tag_quotes, tag_events]
