"""Train the small English tagger+parser shipped as ``eventcoder/models/en_ud_small``.

Reads the GUM CoNLL-U files in ``../shared/treebanks/en-gum`` (English PUD is never used here:
it is the test set of ``scripts/evaluate_parser.py``), holds out one document per genre as dev
set, writes spaCy DocBins and a small CPU config (tok2vec width 96, depth 4, no vectors), trains
with a fixed seed and copies the best pipeline into the package, keeping its README.md.

    .venv/bin/python scripts/train_parser.py            # convert, configure, train, install
    .venv/bin/python scripts/train_parser.py --no-train # convert and write the config only
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUM = ROOT.parent / "shared" / "treebanks" / "en-gum"
MODEL_DIR = ROOT / "src" / "eventcoder" / "models" / "en_ud_small"
SEED = 0
SENTS_PER_DOC = 10
PIPELINE = ["tagger", "morphologizer", "parser"]


@dataclass
class Sentence:
    """One CoNLL-U sentence: syntactic words only (no ranges, no empty nodes)."""

    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based absolute; self for the root
    deps: list[str] = field(default_factory=list)


def read_conllu(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL-U file; ``ValueError`` naming file and line on a malformed row."""
    sentences: list[Sentence] = []
    rows: list[tuple[int, list[str]]] = []
    ranges: dict[int, tuple[int, bool]] = {}  # first word id -> (last word id, space after)

    def flush() -> None:
        if rows:
            sentences.append(_sentence(rows, ranges, path))
        rows.clear()
        ranges.clear()

    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line:
                flush()
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}:{lineno}: expected 10 columns, got {len(cols)}")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                first, last = cols[0].split("-")
                ranges[int(first)] = (int(last), "SpaceAfter=No" not in cols[9])
                continue
            rows.append((lineno, cols))
    flush()
    return sentences


def _sentence(
    rows: list[tuple[int, list[str]]], ranges: dict[int, tuple[int, bool]], path: Path
) -> Sentence:
    sent = Sentence()
    inside: dict[int, bool] = {}  # word id -> space after, for words in a multiword token
    for first, (last, space) in ranges.items():
        for wid in range(first, last + 1):
            inside[wid] = space if wid == last else False
    for i, (lineno, cols) in enumerate(rows):
        try:
            wid, head = int(cols[0]), int(cols[6])
        except ValueError as exc:
            raise ValueError(f"{path}:{lineno}: bad id or head: {exc}") from exc
        if wid != i + 1:
            raise ValueError(f"{path}:{lineno}: word id {wid} out of sequence")
        sent.words.append(cols[1])
        sent.spaces.append(inside.get(wid, "SpaceAfter=No" not in cols[9]))
        sent.lemmas.append(cols[2])
        sent.upos.append(cols[3])
        sent.xpos.append(cols[4] if cols[4] != "_" else cols[3])
        sent.feats.append(cols[5] if cols[5] != "_" else "")
        sent.heads.append(head - 1 if head else i)
        sent.deps.append("ROOT" if cols[7] == "root" else cols[7])
    return sent


def to_doc(vocab, sentences: list[Sentence]):  # noqa: ANN001 - spaCy types
    """One spaCy Doc from consecutive sentences, with gold tags, morphs, heads and labels."""
    from spacy.tokens import Doc

    words, spaces, lemmas, tags, pos, morphs, heads, deps, starts = ([] for _ in range(9))
    for sent in sentences:
        offset = len(words)
        words += sent.words
        spaces += sent.spaces
        lemmas += sent.lemmas
        tags += sent.xpos
        pos += sent.upos
        morphs += sent.feats
        heads += [h + offset for h in sent.heads]
        deps += sent.deps
        starts += [True] + [False] * (len(sent.words) - 1)
    if words:
        spaces[-1] = False
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        tags=tags,
        pos=pos,
        morphs=morphs,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def split_documents(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """(train, dev): one seeded-random document per genre goes to dev."""
    by_genre: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(files):
        by_genre[path.stem.split("_")[1]].append(path)
    rng = random.Random(SEED)
    dev = [rng.choice(docs) for _, docs in sorted(by_genre.items())]
    train = [p for p in sorted(files) if p not in dev]
    return train, dev


def write_docbin(files: list[Path], out: Path) -> int:
    """Convert CoNLL-U files into one DocBin; returns the number of words."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docbin = DocBin(store_user_data=False)
    n_words = 0
    for path in files:
        sents = read_conllu(path)
        for i in range(0, len(sents), SENTS_PER_DOC):
            doc = to_doc(nlp.vocab, sents[i : i + SENTS_PER_DOC])
            n_words += len(doc)
            docbin.add(doc)
    docbin.to_disk(out)
    return n_words


def write_config(path: Path, max_epochs: int, max_steps: int) -> None:
    """A small CPU config: efficiency preset, tok2vec width 96, depth 4, no vectors."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="en", pipeline=PIPELINE, optimize="efficiency", gpu=False)
    config["system"]["seed"] = SEED
    encode = config["components"]["tok2vec"]["model"]["encode"]
    embed = config["components"]["tok2vec"]["model"]["embed"]
    encode["width"] = 96
    encode["depth"] = 4
    embed["width"] = 96
    embed["include_static_vectors"] = False
    training = config["training"]
    training["max_epochs"] = max_epochs
    training["max_steps"] = max_steps
    training["eval_frequency"] = 200
    training["patience"] = 2000
    # Larger batches than the preset: several times faster per word on a shared CPU.
    training["batcher"]["size"]["start"] = 400
    training["batcher"]["size"]["stop"] = 1500
    config.to_disk(path)


def install(best: Path) -> None:
    """Copy the trained pipeline into the package, keeping the hand-written README.md."""
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    for item in MODEL_DIR.iterdir():
        if item.name == "README.md":
            continue
        shutil.rmtree(item) if item.is_dir() else item.unlink()
    for item in best.iterdir():
        target = MODEL_DIR / item.name
        shutil.copytree(item, target) if item.is_dir() else shutil.copy2(item, target)
    meta_path = MODEL_DIR / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="ud_small",
        version="0.1.0",
        license="CC BY-SA 4.0",
        author="eventcoder developers",
        description="Small English tagger+parser trained on GUM (see README.md); seed "
        f"{SEED}, dev documents held out.",
        sources=[
            {
                "name": "GUM (dep layer)",
                "url": "https://github.com/amir-zeldes/gum",
                "license": "annotations CC BY 4.0; texts CC BY 4.0 / CC BY 2.5 / CC BY-SA 3.0",
                "author": "Amir Zeldes et al.",
            }
        ],
    )
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--treebank", type=Path, default=GUM)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "parser")
    parser.add_argument("--max-epochs", type=int, default=8)
    parser.add_argument("--max-steps", type=int, default=1200)
    parser.add_argument("--no-train", action="store_true", help="convert and configure only")
    parser.add_argument(
        "--install-only", action="store_true", help="copy WORK/out/model-best into the package"
    )
    args = parser.parse_args()
    if args.install_only:
        install(args.work / "out" / "model-best")
        print(f"installed {MODEL_DIR}")
        return 0

    files = sorted(args.treebank.glob("*.conllu"))
    if not files:
        print(f"error: no .conllu files in {args.treebank}", file=sys.stderr)
        return 1
    args.work.mkdir(parents=True, exist_ok=True)
    train, dev = split_documents(files)
    n_train = write_docbin(train, args.work / "train.spacy")
    n_dev = write_docbin(dev, args.work / "dev.spacy")
    print(
        f"train: {len(train)} documents, {n_train} words; dev: {len(dev)} documents, {n_dev} words"
    )
    print("dev documents: " + ", ".join(p.stem for p in dev))
    config = args.work / "config.cfg"
    write_config(config, args.max_epochs, args.max_steps)
    if args.no_train:
        return 0
    start = time.monotonic()
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "--output",
        str(args.work / "out"),
        "--paths.train",
        str(args.work / "train.spacy"),
        "--paths.dev",
        str(args.work / "dev.spacy"),
    ]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    result = subprocess.run(cmd, env=env, check=False)
    print(f"training took {time.monotonic() - start:.0f} s")
    if result.returncode != 0:
        print(f"error: spacy train exited with {result.returncode}", file=sys.stderr)
        return result.returncode
    install(args.work / "out" / "model-best")
    print(f"installed {MODEL_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
