"""Role recovery on the PUD test sets, as the coder reads roles: source and target of verbs.

For every gold verb (UPOS VERB) of a PUD sentence, the gold *source* is its ``nsubj`` (or the
"by" oblique / ``obl:agent`` of a passive) and the gold *target* its ``obj``/``iobj`` (or the
``nsubj:pass`` of a passive). A prediction counts when it names the same head word.

Systems scored:

- ``parse`` (English): the sentence text is tokenised by the coder's own tokenizer, parsed by
  the shipped ``en_ud_small`` model and read by ``eventcoder.coding.parse_roles.tree_roles``
  with the frame ``subj>obj`` (what ``en_coder="parse"`` does for a trigger verb); ``tree``
  is the same without subjects taken over from a governing verb (UD basic trees mark them
  only on that verb, so ``tree`` is the figure comparable with a parser's attachment score);
- ``order`` (English and German): the word-order reading without a parser, given gold UPOS
  (so an optimistic baseline): the nearest noun/pronoun before the verb is the source (German:
  else the first after it), the first one after it the target; passives swap.

    .venv/bin/python scripts/pud_roles.py [--limit N]
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
TREEBANKS = ROOT.parent / "shared" / "treebanks"
PUD = {"en": TREEBANKS / "en-pud" / "en_pud-ud-test.conllu",
       "de": TREEBANKS / "de-pud" / "de_pud-ud-test.conllu"}
NOMINAL = ("NOUN", "PROPN", "PRON")

Pair = tuple[int, int]  # (verb, dependent) word indexes


def _offsets(s: Sentence) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for w, sp in zip(s.words, s.spaces, strict=True):
        spans.append((len(text), len(text) + len(w)))
        text += w + (" " if sp else "")
    return text, spans


def _passive(s: Sentence, v: int, kids: list[int]) -> bool:
    deps = [s.deps[c] for c in kids]
    return "aux:pass" in deps or "nsubj:pass" in deps or (s.xpos[v] == "VBN" and "aux" not in deps)


def gold_roles(s: Sentence) -> tuple[set[Pair], set[Pair], list[int]]:
    """Gold source and target pairs and the gold verbs of one sentence."""
    kids: dict[int, list[int]] = {}
    for i, h in enumerate(s.heads):
        if h != i:
            kids.setdefault(h, []).append(i)
    verbs = [i for i, u in enumerate(s.upos) if u == "VERB"]
    src: set[Pair] = set()
    tgt: set[Pair] = set()
    for v in verbs:
        passive = _passive(s, v, kids.get(v, []))
        for c in kids.get(v, []):
            d = s.deps[c]
            case = [s.words[k].lower() for k in kids.get(c, []) if s.deps[k] == "case"]
            if d == "nsubj" or d == "obl:agent" or (d == "obl" and passive and case == ["by"]):
                src.add((v, c))
            elif d in ("obj", "iobj", "nsubj:pass"):
                tgt.add((v, c))
    return src, tgt, verbs


def parse_roles(
    nlp, s: Sentence, verbs: list[int], inherit: bool = True  # noqa: ANN001 - spaCy type
) -> tuple[set[Pair], set[Pair]]:
    """Source/target pairs from the shipped parser on the coder's own tokens; ``inherit``:
    with subjects taken over from a governing verb ("agreed to withdraw": the subject of
    "agreed" for "withdraw"), which UD basic trees do not mark on the dependent verb."""
    from spacy.tokens import Doc

    from eventcoder.coding.parse_roles import tree_roles
    from eventcoder.coding.roles import parse_frame
    from eventcoder.coding.tokenizer import token_arrays

    text, spans = _offsets(s)
    words, spaces, starts, _ = token_arrays(text)
    keep = [k for k, w in enumerate(words) if w.strip()]
    doc = Doc(nlp.vocab, words=[words[k] for k in keep], spaces=[spaces[k] for k in keep])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    tok_of_char = {starts[k]: j for j, k in enumerate(keep)}
    word_of_tok = {tok_of_char[a]: i for i, (a, _) in enumerate(spans) if a in tok_of_char}
    frame = parse_frame("subj>obj")
    src: set[Pair] = set()
    tgt: set[Pair] = set()
    for v in verbs:
        t = tok_of_char.get(spans[v][0])
        if t is None:
            continue
        roles = tree_roles(doc, t, frame)
        own = [i for i in roles.source if inherit or doc[i].head.i == t]
        src.update((v, word_of_tok[i]) for i in own if i in word_of_tok)
        tgt.update((v, word_of_tok[i]) for i in roles.target if i in word_of_tok)
    return src, tgt


def order_roles(s: Sentence, verbs: list[int], lang: str) -> tuple[set[Pair], set[Pair]]:
    """The word-order reading with gold POS: nearest nominal before = source, first after =
    target (German: no nominal before -> the first after is the source); passives swap."""
    kids: dict[int, list[int]] = {}
    for i, h in enumerate(s.heads):
        if h != i:
            kids.setdefault(h, []).append(i)
    heads_of_np = {i for i, u in enumerate(s.upos) if u in NOMINAL and s.deps[i] != "compound"}
    bounds = {i for i, u in enumerate(s.upos) if u in ("PUNCT", "SCONJ", "CCONJ")}
    src: set[Pair] = set()
    tgt: set[Pair] = set()
    for v in verbs:
        before = after = None
        for i in range(v - 1, -1, -1):
            if i in bounds:
                break
            if i in heads_of_np and not (i > 0 and s.upos[i - 1] == "ADP"):
                before = i
                break
        for i in range(v + 1, len(s.words)):
            if i in bounds:
                break
            if i in heads_of_np and not (i > 0 and s.upos[i - 1] == "ADP"):
                after = i
                break
        if before is None and lang == "de" and after is not None:
            before, after = after, None
        if _passive(s, v, kids.get(v, [])) and lang == "en":
            before, after = None, before
        if before is not None:
            src.add((v, before))
        if after is not None:
            tgt.add((v, after))
    return src, tgt


def _prf(tp: int, pred: int, gold: int) -> str:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {gold}, predicted {pred})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences per set")
    args = ap.parse_args()
    from eventcoder.language.parse import load_parser

    for lang, path in PUD.items():
        try:
            sentences = read_conllu(path)
        except (OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if args.limit:
            sentences = sentences[: args.limit]
        nlp = load_parser(lang)
        systems = ["order"] + (["parse", "tree"] if nlp is not None else [])
        counts: dict[str, Counter[str]] = {name: Counter() for name in systems}
        secs = 0.0
        for s in sentences:
            g_src, g_tgt, verbs = gold_roles(s)
            for name in systems:
                c = counts[name]
                t0 = time.monotonic()
                if name in ("parse", "tree"):
                    p_src, p_tgt = parse_roles(nlp, s, verbs, inherit=name == "parse")
                    secs += time.monotonic() - t0
                else:
                    p_src, p_tgt = order_roles(s, verbs, lang)
                c.update(gold_src=len(g_src), gold_tgt=len(g_tgt), pred_src=len(p_src),
                         pred_tgt=len(p_tgt), tp_src=len(g_src & p_src), tp_tgt=len(g_tgt & p_tgt))
        print(f"{path.name}: {len(sentences)} sentences")
        for name in systems:
            c = counts[name]
            print(f"  {name:5s} source {_prf(c['tp_src'], c['pred_src'], c['gold_src'])}")
            print(f"  {name:5s} target {_prf(c['tp_tgt'], c['pred_tgt'], c['gold_tgt'])}")
            tp, pr, go = (c["tp_src"] + c["tp_tgt"], c["pred_src"] + c["pred_tgt"],
                          c["gold_src"] + c["gold_tgt"])
            print(f"  {name:5s} both   {_prf(tp, pr, go)}")
        if "parse" in systems:
            print(f"  parse: {2 * len(sentences) / secs:.0f} sentences/s (tokenise + parse + roles)")
        else:
            print("  parse: no shipped parser for this language")
    return 0


if __name__ == "__main__":
    sys.exit(main())
