"""Score the English CAMEO dictionary coder on the PLOVER gold-standard records.

Codes every gold sentence with :func:`eventcoder.coding.cameo_english.code_english_sentence`,
writes the predictions as canonical eventcoder JSONL (one article per gold id) and scores them
with the project's scorer (the same as ``eventcoder evaluate GOLD --pred PRED.jsonl``).

    .venv/bin/python scripts/plover_gsr_check.py [--pred out.jsonl] [--errors] [--first]
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import click

from eventcoder.coding.cameo_english import CodedEvent, code_english_sentence, get_cameo_coder
from eventcoder.evaluation.evaluate import evaluate_files
from eventcoder.model import Actor, Article, Event, Evidence

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared/eval/plover-gsr/plover_gsr.jsonl"


def to_event(text: str, ev: CodedEvent) -> Event:
    """A CodedEvent as an eventcoder Event (evidence = the whole sentence)."""

    def actors(side):
        return [Actor(a.text, a.start, a.end, None, a.country, a.sector, a.code) for a in side]

    return Event(
        type=ev.type,
        mode=ev.mode,
        cameo=ev.cameo,
        context=list(ev.context),
        source=actors(ev.source),
        target=actors(ev.target),
        evidence=Evidence(text, 0, len(text)),
        coder="cameo-en",
    )


def speed(corpus: Path, limit: int) -> None:
    """Sentences per second of ``code_english_sentence`` on a JSONL corpus (one core)."""
    from eventcoder.language.segment import split_sentences

    sentences: list[str] = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            sentences += [text[a:b] for a, b in split_sentences(text, "en")]
            if len(sentences) >= limit:
                break
    sentences = sentences[:limit]
    t0 = time.perf_counter()
    n = sum(len(code_english_sentence(s)) for s in sentences)
    dt = time.perf_counter() - t0
    print(f"speed: {len(sentences):,} sentences, {n:,} events, {dt:.1f} s CPU-bound "
          f"= {len(sentences) / dt:,.0f} sentences/s")


@click.command()
@click.option("--gold", type=click.Path(exists=True, path_type=Path), default=DEFAULT_GOLD)
@click.option("--pred", type=click.Path(path_type=Path), default=None,
              help="Keep the predictions in this file.")
@click.option("--errors", is_flag=True, help="Print each record with gold and predicted events.")
@click.option("--first", is_flag=True, help="Keep only the first event of each sentence.")
@click.option("--speed", "speed_corpus", type=click.Path(exists=True, path_type=Path),
              default=None, help="Also time the coder on this JSONL corpus (field 'text').")
@click.option("--limit", default=20000, show_default=True, help="Sentences for --speed.")
def main(gold: Path, pred: Path | None, errors: bool, first: bool, speed_corpus: Path | None,
         limit: int) -> None:
    t0 = time.perf_counter()
    get_cameo_coder()
    load = time.perf_counter() - t0
    if speed_corpus:
        speed(speed_corpus, limit)
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    out = pred or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for rec in records:
            events = [to_event(rec["text"], e) for e in code_english_sentence(rec["text"])]
            if first:
                events = events[:1]
            art = Article(text=rec["text"], id=rec["id"], lang="en", events=events)
            fh.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
            if errors:
                g = rec["events"][0]
                got = {e.type for e in events}
                mark = "OK " if g["type"] in got else "ERR"
                print(f"{mark} {g['type']} src={[a['country'] for a in g['source']]} "
                      f"tgt={[a['country'] for a in g['target']]} evt={g.get('event_text')}")
                print("   ", rec["text"])
                for e in events:
                    print("    ->", e.type, e.cameo, [a.country for a in e.source],
                          [a.country for a in e.target])
    code_time = time.perf_counter() - t0
    report = evaluate_files([str(gold)], str(out))["events"]
    loose = report["type_only"]
    both = loose["fields"].get("both_countries", {})
    print(f"records {len(records)}  load {load:.1f} s  "
          f"coding {len(records) / code_time:,.0f} sent/s")
    print(f"strict (type + countries): P {report['precision']:.3f} R {report['recall']:.3f} "
          f"F1 {report['f1']:.3f}  (tp {report['tp']} fp {report['fp']} fn {report['fn']})")
    print(f"type only:                 P {loose['precision']:.3f} R {loose['recall']:.3f} "
          f"F1 {loose['f1']:.3f}  (tp {loose['tp']} fp {loose['fp']} fn {loose['fn']})")
    for name, acc in loose["fields"].items():
        print(f"  {name:16s} {acc['correct']:3d}/{acc['total']:3d} = {acc['accuracy']:.1%}")
    if both:
        print(f"country accuracy on type matches (both sides): {both['accuracy']:.1%}")
    if pred is None:
        out.unlink()


if __name__ == "__main__":
    main()
