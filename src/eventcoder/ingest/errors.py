"""The error record readers yield for one bad input; the batch goes on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputError:
    """A problem with one input (a file, a line, a record, a feed entry).

    ``message`` names the file (and line) and says what to do about it.
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return self.message


def input_error(path: str, problem: str, advice: str, line: int | None = None) -> InputError:
    """Build an :class:`InputError` whose message names the file and line."""
    where = "standard input" if path == "-" else path
    if line is not None:
        where = f"{where}, line {line}"
    return InputError(path=path, line=line, message=f"{where}: {problem}; {advice}")
