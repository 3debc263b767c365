"""Exports in the column layouts of other event data sets: ACLED and GDELT (2.0 events).

``write(articles, fmt, out)`` writes ``acled`` (CSV with ACLED's header) or ``gdelt``
(tab-separated, no header, GDELT's 61 columns). The mappings are data files in
``exchange/data/`` (documented in ``docs/batch.md``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from eventcoder.model import Article

FORMATS = ("acled", "gdelt")


def write(articles: Iterable[Article], fmt: str, out: IO[str]) -> int:
    """Write every event of ``articles`` in layout ``fmt`` to ``out``; returns the rows."""
    from eventcoder.exchange import acled, gdelt
    from eventcoder.store.export import csv_safe

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    n = 0
    if fmt == "acled":
        writer = csv.DictWriter(out, fieldnames=acled.COLUMNS, lineterminator="\n")
        writer.writeheader()
        for art in articles:
            for ev in art.events:
                writer.writerow({k: csv_safe(v) for k, v in acled.row(ev, art).items()})
                n += 1
        return n
    for art in articles:
        for ev in art.events:
            cells = ["" if v is None else str(v) for v in gdelt.row(ev, art)]
            out.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")
            n += 1
    return n
