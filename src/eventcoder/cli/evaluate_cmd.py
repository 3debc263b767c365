"""CLI: ``eventcoder evaluate`` (accuracy on gold data) and ``eventcoder benchmark`` (speed)."""

from __future__ import annotations

import json

import click

from eventcoder.cli.options import coder_options

MIN_ARTICLES = 100  # eventcoder.evaluation.benchmark.MIN_ARTICLES (kept light to import)

@click.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Predictions as eventcoder JSONL (matched to gold by id). "
                   "Without it the gold texts are coded now.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of Markdown.")
@click.option("--errors", default=0, show_default=True, metavar="N",
              help="List the N worst misses and false alarms with their evidence.")
@click.option("--corpus", type=click.Path(file_okay=False),
              help="Corpus folder for offset annotations (eval/, tests/data/de-dev); default "
                   "$EVENTCODER_CORPUS, else shared/corpus next to the repository.")
@coder_options
def evaluate(gold, pred, as_json, errors, corpus, config):
    """Score events against GOLD JSONL files: precision, recall, F1, per type and per field.

    \b
    Reads the common gold shape (seed expected.jsonl, PLOVER GSR) and PETRARCH/TABARI
    validation records (scored as source/target/event-code triples; pass the bundled
    dictionaries with --actors/--agents/--verbs). Records in other languages are skipped.
    GermEval NER (.tsv) and GeoWebNews toponym gold go to the NER/toponym scorers.

    Matching, per record (maximum matching): a prediction matches a gold event when its type
    is the gold type or one of its type_alternatives and, for each gold side (source, target)
    naming countries, a predicted actor on that side has one of them (CONSULT and AGREE may
    swap sides). Matching an optional gold event (required: false) counts neither way; a
    record without prediction makes all its required events misses. "type only" drops the
    country condition; its table gives the country accuracy on those matches.

    \b
    Example:
      eventcoder evaluate ../shared/eval/plover-gsr/plover_gsr.jsonl --errors 10
    """
    from eventcoder.evaluation.evaluate import (
        evaluate_files,
        evaluate_special,
        special_kind,
        trim_errors,
    )
    from eventcoder.evaluation.report import scalars_markdown, to_markdown

    try:
        kind = special_kind(gold[0])
        if kind:  # NER or toponym gold: scored by the knowledge modules
            report = evaluate_special(kind, gold[0])
            click.echo(json.dumps(report, ensure_ascii=False, indent=1) if as_json
                       else scalars_markdown(f"{kind} ({gold[0]})", report), nl=not as_json)
            if as_json:
                click.echo()
            return
        from eventcoder import api

        coder = None if pred else api.ConfiguredCoder(config)  # the options of 'code'
        report = evaluate_files(gold, pred, coder=coder, corpus=corpus)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(trim_errors(report, errors), ensure_ascii=False, indent=1))
    else:
        click.echo(to_markdown(report, errors), nl=False)


@click.command()
@click.argument("corpus", nargs=-1, type=click.Path(exists=True))
@click.option("--workers", "-w", default=0, show_default=True,
              help="Worker processes for the parallel run (0 = all cores, 1 = no parallel run).")
@click.option("--repeat", default=1, show_default=True, help="Repeat the corpus K times.")
@click.option("--limit", type=int, help="Use only the first N articles.")
@click.option("--no-startup", is_flag=True, help="Skip the start-up time measurement.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--small-ok", is_flag=True,
              help=f"Measure even a corpus of fewer than {MIN_ARTICLES} articles "
                   "(such figures are noise, not a speed).")
@click.option("--records-per-sentence", "per_sentence", is_flag=True,
              help="Code one record per sentence of the corpus (PETRARCH-style input; texts of "
                   "gold JSONL files are read too) and report records/s.")
@coder_options
def benchmark(corpus, workers, repeat, limit, no_startup, as_json, small_ok, per_sentence,
              config):
    """Measure speed: articles/s, sentences/s, tokens/s per core, peak memory, start-up time.

    CORPUS: folders of .txt/.html files, JSONL files or WARC archives; default
    ../shared/corpus/ when present. Without a corpus of a meaningful size (at least
    100 articles) nothing is measured: pass one.
    """
    from eventcoder.evaluation.benchmark import benchmark as run
    from eventcoder.evaluation.benchmark import benchmark_markdown

    try:
        result = run(corpus, workers=workers, repeat=repeat, limit=limit,
                     startup=not no_startup, config=config,
                     min_articles=0 if small_ok else MIN_ARTICLES, per_sentence=per_sentence)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, indent=1) if as_json else benchmark_markdown(result), nl=False)
    if as_json:
        click.echo()


COMMANDS: list[click.Command] = [evaluate, benchmark]
