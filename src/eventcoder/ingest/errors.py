"""The error (or warning) record readers yield for one bad input; the batch goes on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputError:
    """A problem with one input (a file, a line, a record, a feed entry).

    ``message`` names the file (and line) and says what to do about it. With ``warning`` set,
    the input was still read (e.g. a few undecodable bytes were replaced) and the article it
    concerns follows; otherwise the input was left out.
    """

    path: str
    line: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return self.message


def input_error(path: str, problem: str, advice: str, line: int | None = None) -> InputError:
    """Build an :class:`InputError` whose message names the file and line."""
    return InputError(path=path, line=line, message=f"{_where(path, line)}: {problem}; {advice}")


def input_warning(path: str, problem: str, line: int | None = None) -> InputError:
    """A warning about an input that was read anyway (``warning=True``)."""
    return InputError(path=path, line=line, message=f"{_where(path, line)}: {problem}", warning=True)


def _where(path: str, line: int | None) -> str:
    where = "standard input" if path == "-" else path
    return f"{where}, line {line}" if line is not None else where
