"""Reading dictionary files: decoding, comments, line numbers, warnings.

PETRARCH-2 files are UTF-8 with ``#`` and ``<!-- -->`` comments; TABARI files are latin-1 with
``;`` comments and end at a ``~~FINISH`` line. Text inside ``[...]`` codes is never a comment
(``[###]`` is a code).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("eventcoder.petrarch")


def read_text(path: str | Path) -> str:
    """File contents as text: UTF-8 if it decodes, else latin-1 (TABARI files)."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def strip_comment(line: str) -> str:
    """Remove a ``#`` or ``;`` comment outside brackets."""
    if "#" not in line and ";" not in line:
        return line
    depth = 0
    for i, ch in enumerate(line):
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch in "#;" and depth == 0:
            return line[:i]
    return line


def dictionary_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """(line number, content) of a dictionary file, comments removed, blank lines skipped.

    Leading whitespace is kept (it matters in actor files: indented lines carry codes).
    """
    in_html_comment = False
    for number, raw in enumerate(read_text(path).splitlines(), start=1):
        line = raw
        if in_html_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3 :]
            in_html_comment = False
        while (start := line.find("<!")) >= 0:
            close = line.find("-->", start)
            if close < 0:
                line = line[:start]
                in_html_comment = True
                break
            line = line[:start] + line[close + 3 :]
        if line.startswith("~~FINISH"):
            return
        line = strip_comment(line).rstrip()
        if line.strip():
            yield number, line


def warn(path: str | Path, line: int, message: str) -> None:
    """Log a problem with one dictionary line; loading goes on."""
    log.warning("%s:%d: %s", path, line, message)
