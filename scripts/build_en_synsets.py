#!/usr/bin/env python
"""Write the VADER-derived part of ``language/en/synsets.tsv`` (the ``disapproval`` and
``approval`` word sets of evaluative speech) to stdout.

    pip download --no-deps vaderSentiment==3.3.2 && unzip vaderSentiment-3.3.2-*.whl
    python scripts/build_en_synsets.py vaderSentiment/vader_lexicon.txt > part.tsv

Words of VADER's lexicon (C.J. Hutto, MIT licence) whose mean valence is at most -1.5
(``disapproval``) or at least +1.5 (``approval``); only plain words of four letters or more
that hold a vowel (no emoticons, no chat abbreviations), ten to a line.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

WORD = re.compile(r"^[a-z][a-z-]{3,}$")


def read_valences(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text("utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and WORD.match(cells[0]) and re.search("[aeiouy]", cells[0]):
            out[cells[0]] = float(cells[1])
    return out


def lines(name: str, words: list[str]) -> list[str]:
    return [f"{name}\t{' '.join(words[i:i + 10])}" for i in range(0, len(words), 10)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lexicon", type=Path, help="vader_lexicon.txt of vaderSentiment 3.3.2")
    ap.add_argument("--threshold", type=float, default=1.5)
    args = ap.parse_args()
    val = read_valences(args.lexicon)
    neg = sorted(w for w, v in val.items() if v <= -args.threshold)
    pos = sorted(w for w, v in val.items() if v >= args.threshold)
    print("\n".join(lines("disapproval", neg) + lines("approval", pos)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
