"""Score the shipped English parser on English PUD: POS, UAS/LAS and verb role recovery.

Parses each PUD sentence from its gold words (so tokenisation errors do not count), then for every
verb (gold or predicted UPOS VERB) compares its dependents in these roles:

- ``nsubj``, ``obj``, ``iobj``, ``nsubj:pass``;
- ``obl``: any ``obl`` subtype except the agent, matched together with its preposition (the form
  of its ``case`` dependents, e.g. ``obl[in]``; ``obl[]`` if it has none);
- ``obl:agent``: ``obl:agent``, or an ``obl`` marked "by" on a passive verb: one with ``aux:pass``
  or ``nsubj:pass``, or a participle (VBN) without ``aux`` as in "a town hit by ..." (English PUD
  has no ``obl:agent`` label; the same rule is applied to gold and predicted trees).

A role counts as recovered when verb, dependent and role (and preposition) all match.
German PUD cannot be scored: there is no German model, and an English model does not parse German.

    .venv/bin/python scripts/evaluate_parser.py [--treebank FILE] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_parser import Sentence, read_conllu  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PUD = ROOT.parent / "shared" / "treebanks" / "en-pud" / "en_pud-ud-test.conllu"
ROLES = ("nsubj", "obj", "iobj", "obl", "nsubj:pass", "obl:agent")

Triple = tuple[int, int, str]


def roles(
    upos: list[str], xpos: list[str], heads: list[int], deps: list[str], words: list[str]
) -> set[Triple]:
    """(verb, dependent, role) triples of one analysed sentence; heads are 0-based, root = self."""
    children: dict[int, list[int]] = {}
    for i, h in enumerate(heads):
        if h != i:
            children.setdefault(h, []).append(i)
    out: set[Triple] = set()
    for i, (h, dep) in enumerate(zip(heads, deps, strict=True)):
        if h == i or upos[h] != "VERB":
            continue
        base = dep.split(":")[0]
        if dep in ("nsubj", "obj", "iobj", "nsubj:pass", "obl:agent"):
            out.add((h, i, dep))
        elif base == "obl":
            case = [c for c in children.get(i, []) if deps[c].split(":")[0] == "case"]
            prep = " ".join(words[c].lower() for c in sorted(case))
            kids = [deps[c] for c in children.get(h, [])]
            passive = "aux:pass" in kids or "nsubj:pass" in kids
            passive = passive or (xpos[h] == "VBN" and "aux" not in kids)
            if prep == "by" and passive:
                out.add((h, i, "obl:agent"))
            else:
                out.add((h, i, f"obl[{prep}]"))
    return out


def role_of(triple: Triple) -> str:
    """The reported relation of a triple (``obl[in]`` -> ``obl``)."""
    return triple[2].split("[")[0]


def evaluate(nlp, sentences: list[Sentence]) -> dict[str, object]:  # noqa: ANN001 - spaCy type
    """Counts and scores of the pipeline ``nlp`` on gold-tokenised ``sentences``."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences)
    n = pos_ok = tag_ok = uas = las = 0
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for gold, doc in zip(sentences, nlp.pipe(docs, batch_size=64), strict=True):
        heads = [t.head.i for t in doc]
        deps = ["root" if t.dep_ == "ROOT" else t.dep_ for t in doc]
        upos = [t.pos_ for t in doc]
        gold_deps = ["root" if d == "ROOT" else d for d in gold.deps]
        for i in range(len(doc)):
            n += 1
            pos_ok += upos[i] == gold.upos[i]
            tag_ok += doc[i].tag_ == gold.xpos[i]
            if heads[i] == gold.heads[i]:
                uas += 1
                las += deps[i] == gold_deps[i]
        pred = roles(upos, [t.tag_ for t in doc], heads, deps, gold.words)
        ref = roles(gold.upos, gold.xpos, gold.heads, gold_deps, gold.words)
        for t in pred:
            n_pred[role_of(t)] += 1
        for t in ref:
            n_gold[role_of(t)] += 1
        for t in pred & ref:
            tp[role_of(t)] += 1
    return {
        "words": n,
        "pos": pos_ok / n,
        "xpos": tag_ok / n,
        "uas": uas / n,
        "las": las / n,
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--treebank", type=Path, default=PUD)
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    args = parser.parse_args()
    from eventcoder.language.parse import load_parser

    nlp = load_parser("en")
    if nlp is None:
        print("error: no English parser shipped (run scripts/train_parser.py)", file=sys.stderr)
        return 1
    try:
        sentences = read_conllu(args.treebank)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.limit:
        sentences = sentences[: args.limit]
    start = time.monotonic()
    res = evaluate(nlp, sentences)
    secs = time.monotonic() - start
    print(
        f"{args.treebank.name}: {len(sentences)} sentences, {res['words']} words, "
        f"{len(sentences) / secs:.0f} sentences/s"
    )
    print(
        f"UPOS {res['pos']:.3f}  XPOS {res['xpos']:.3f}  UAS {res['uas']:.3f}  LAS {res['las']:.3f}"
    )
    print(f"{'role':<11} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    tp, pred, gold = res["tp"], res["pred"], res["gold"]
    for role in (*ROLES, "all"):
        t = sum(tp.values()) if role == "all" else tp[role]
        p_n = sum(pred.values()) if role == "all" else pred[role]
        g_n = sum(gold.values()) if role == "all" else gold[role]
        p, r = _ratio(t, p_n), _ratio(t, g_n)
        f = _ratio(2 * p * r, p + r)
        print(f"{role:<11} {g_n:>5} {p_n:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    print(
        "German PUD: not scored, there is no German model (an English model cannot parse German)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
