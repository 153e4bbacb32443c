"""Errors that name the input and the problem."""
from __future__ import annotations


class InputError(ValueError):
    """An input could not be read or analysed.

    `origin` names the input (a path, `path:line` for a JSON Lines record, or an id);
    `problem` says what is wrong and, where it helps, what to do.
    """

    def __init__(self, origin: str, problem: str):
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem
