"""Throughput benchmark: raw text -> canonical JSONL string, single process and N workers.

Reports articles/s, sentences/s and tokens/s per core (with N workers: total / N), sentences
per CPU-second (less sensitive to other load on the machine), peak resident memory and start-up
time (a fresh interpreter importing eventcoder, building the coder and coding one article). Sentences are counted with
:func:`eventcoder.language.segment.split_sentences` (a regex when it is not available), tokens
by splitting on whitespace.
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from eventcoder.config import CoderConfig
from eventcoder.model import Article

MIN_ARTICLES = 100
"""Fewer articles than this give no meaningful speed (start-up and warm-up dominate)."""
_READER_SUFFIXES = (".html", ".htm", ".warc", ".warc.gz", ".xml", ".rss", ".atom")
_SENT_RE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


class CorpusTooSmall(ValueError):
    """No corpus of a meaningful size to measure: the message names what to pass."""


def default_corpus() -> list[Path]:
    """``../shared/corpus`` (from the working directory or the repository); empty if absent."""
    repo = Path(__file__).resolve().parents[3]
    for cand in (Path.cwd().parent / "shared" / "corpus", repo.parent / "shared" / "corpus"):
        if cand.is_dir():
            return [cand]
    return []


def _lang_from_path(path: Path) -> str | None:
    from eventcoder.language import registry

    for part in (path.name, path.parent.name):
        for lang in registry.languages():
            if part.startswith(f"{lang}-") or f".{lang}." in part:
                return lang
    return None


def read_corpus(paths: Sequence[str | Path], gold: bool = False) -> Iterator[Article]:
    """Articles from ``.txt`` and ``.jsonl`` files, HTML pages, feeds and WARC archives
    (directories are walked; the last three through :func:`eventcoder.api.read`).

    JSONL files whose records carry ``events`` are gold files and are skipped, unless
    ``gold`` (then their texts are read). The language is the record's ``lang``, else taken
    from the file or folder name (``de-…``, ``….en.txt``).
    """
    for root in paths:
        root = Path(root)
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for f in files:
            if f.suffix == ".txt" and f.name.lower() != "readme.txt":
                yield Article(text=f.read_text(encoding="utf-8"), lang=_lang_from_path(f))
            elif f.suffix == ".jsonl":
                yield from _read_jsonl(f, gold)
            elif f.name.lower().endswith(_READER_SUFFIXES):
                from eventcoder import api

                yield from (a for a in api.read([str(f)]) if isinstance(a, Article))


def _read_jsonl(path: Path, gold: bool = False) -> Iterator[Article]:
    lang = _lang_from_path(path)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            if ("events" in d and not gold) or not d.get("text"):
                return
            yield Article(
                text=d["text"],
                id=str(d.get("id") or ""),
                title=d.get("title"),
                lang=d.get("lang") or lang,
                published=d.get("published") or d.get("date"),
            )


def _sentence_counter():
    try:
        from eventcoder.language.segment import split_sentences

        return lambda text, lang: len(split_sentences(text, lang or "en"))
    except ImportError:
        return lambda text, lang: len([m for m in _SENT_RE.findall(text) if m.strip()])


def sentence_records(articles: Sequence[Article]) -> list[Article]:
    """One record per sentence of ``articles`` (PETRARCH-style input: one-sentence records),
    with the article's language and an id ``ARTICLE-N``."""
    from eventcoder.language.segment import split_sentences

    out = []
    for i, a in enumerate(articles):
        texts = [a.text[s:e] for s, e in split_sentences(a.text, a.lang or "en")]
        out += [Article(text=t.strip(), id=f"{a.id or i}-{n}", lang=a.lang)
                for n, t in enumerate(texts) if t.strip()]
    return out


def corpus_stats(articles: Sequence[Article]) -> dict[str, int]:
    count = _sentence_counter()
    return {
        "articles": len(articles),
        "sentences": sum(count(a.text, a.lang) for a in articles),
        "tokens": sum(len(a.text.split()) for a in articles),
        "characters": sum(len(a.text) for a in articles),
    }


# --- the timed work --------------------------------------------------------------------------

_CODER: Any = None


def _init_worker(config: CoderConfig, warmup: Sequence[Article] = (),
                 ready: Any = None) -> None:
    """Build the coder and code one article per language (pipelines may be built lazily).

    A forked worker inherits the coder already built (and warmed) by the parent.
    """
    global _CODER
    if _CODER is None:
        from eventcoder import api

        _CODER = api.ConfiguredCoder(config)  # what 'eventcoder code' runs
        for article in warmup:
            _code_one(article)
    if ready is not None:
        ready.wait(timeout=600)


def _warmup_set(articles: Sequence[Article]) -> list[Article]:
    """The first article of each language."""
    seen: dict[str | None, Article] = {}
    for a in articles:
        seen.setdefault(a.lang, a)
    return list(seen.values())


def _code_one(article: Article) -> str:
    """Raw article -> canonical JSONL line (what ``eventcoder code`` writes)."""
    fresh = Article(text=article.text, id=article.id, title=article.title, lang=article.lang,
                    published=article.published)
    fresh.events = _CODER.code(fresh)
    return json.dumps(fresh.to_dict(), ensure_ascii=False)


def _code_batch(batch: list[Article]) -> float:
    """Code a batch; return the CPU seconds it took in this process."""
    t0 = time.process_time()
    for a in batch:
        _code_one(a)
    return time.process_time() - t0


def _code_task(batch: list[Article]) -> tuple[int, float]:
    """(worker pid, CPU seconds) of coding a batch in a worker."""
    return os.getpid(), _code_batch(batch)


def _chunks(items: list[Article], size: int) -> list[list[Article]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_single(articles: list[Article], config: CoderConfig) -> tuple[float, float]:
    """(wall, CPU) seconds to code ``articles`` here (coder built and warm before timing)."""
    global _CODER
    _CODER = None
    _init_worker(config, _warmup_set(articles))
    t0 = time.perf_counter()
    cpu = _code_batch(articles)
    return time.perf_counter() - t0, cpu


def task_size(articles: int, workers: int) -> int:
    """Articles per task: small enough that no worker waits long for the last ones."""
    return max(1, min(16, articles // (workers * 8) or 1))


def run_parallel(articles: list[Article], workers: int,
                 config: CoderConfig) -> tuple[float, float, float, float]:
    """(wall, summed worker CPU, busiest worker's CPU, worker start-up) seconds with ``workers`` processes of
    the local batch engine's pool (:mod:`eventcoder.batch.pool`: coder built and warm before
    the fork, workers kept busy with small tasks); timed once every worker is ready."""
    global _CODER
    from eventcoder.batch.pool import fork_context, forked_map, warm

    _CODER = None
    ctx = fork_context()
    if ctx.get_start_method() == "fork":
        warm(config)  # errors show here, not in a worker
        _init_worker(config, _warmup_set(articles))
    ready = ctx.Barrier(workers + 1)  # passed once every worker is built and warm
    t0 = [time.perf_counter(), 0.0]  # pool asked for; every worker ready

    def started() -> None:
        ready.wait(timeout=600)
        t0[1] = time.perf_counter()

    initargs = (config, _warmup_set(articles), ready)
    chunks = _chunks(articles, task_size(len(articles), workers))
    per_worker: dict[int, float] = {}
    for pid, cpu in forked_map(_code_task, chunks, workers, initializer=_init_worker,
                               initargs=initargs, started=started):  # fmt: skip
        per_worker[pid] = per_worker.get(pid, 0.0) + cpu
    wall = time.perf_counter() - t0[1]
    return (wall, sum(per_worker.values()), max(per_worker.values(), default=0.0),
            t0[1] - t0[0])


def startup_seconds(sample: Article | None, config: CoderConfig) -> float:
    """Wall time of a fresh interpreter: import, build the coder, code one article."""
    script = (
        "import json,sys\n"
        "from eventcoder import api\n"
        "from eventcoder.config import CoderConfig\n"
        "from eventcoder.model import Article\n"
        "d=json.loads(sys.stdin.read()); c=CoderConfig.from_mapping(d['config'])\n"
        "a=Article(text=d['text'], lang=d['lang'])\n"
        "api.code(a, c); json.dumps(a.to_dict())\n"
    )
    arg = json.dumps({"config": dataclasses.asdict(config), "text": sample.text if sample else "",
                      "lang": sample.lang if sample else None})
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", script], input=arg, text=True, check=True)
    return time.perf_counter() - t0


def _shown(path: str | Path) -> str:
    """A path relative to the working directory when that is shorter."""
    rel = os.path.relpath(path)
    return rel if len(rel) < len(str(path)) else str(path)


def _rates(stats: dict[str, int], times: tuple[float, ...], cores: int) -> dict[str, float]:
    """Throughput per core from wall time, and per CPU-second (robust on a busy machine);
    with workers also the busiest worker's CPU seconds (the wall time on idle cores)."""
    seconds, cpu = times[:2]
    s = max(seconds, 1e-9)
    extra = ({"busiest_worker_cpu_s": times[2], "worker_startup_s": times[3]}
             if len(times) > 3 else {})
    return {
        **extra,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "sentences_per_cpu_s": stats["sentences"] / max(cpu, 1e-9),
        "articles_per_s_per_core": stats["articles"] / s / cores,
        "sentences_per_s_per_core": stats["sentences"] / s / cores,
        "tokens_per_s_per_core": stats["tokens"] / s / cores,
    }


def peak_rss_mb() -> dict[str, float]:
    """Peak resident set size of this process and of the largest finished child, in MiB."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes vs KiB
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 2**20
    return {"peak_rss_mb": own, "peak_rss_worker_mb": kids}


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count() or 1, "python": platform.python_version(),
            "platform": platform.platform(terse=True)}


def benchmark(
    paths: Sequence[str | Path] = (),
    *,
    workers: int = 0,
    repeat: int = 1,
    limit: int | None = None,
    startup: bool = True,
    config: CoderConfig | None = None,
    min_articles: int = MIN_ARTICLES,
    per_sentence: bool = False,
) -> dict[str, Any]:
    """Run the benchmark; ``workers`` 0 means ``os.cpu_count()``, 1 skips the parallel run.
    ``per_sentence``: code one record per sentence of the corpus (gold JSONL texts included)
    instead of whole articles; the article rates are then records/s.

    ``config`` is the coder configuration (the options of ``eventcoder code``). Fewer than
    ``min_articles`` articles (before ``repeat``) raise :class:`CorpusTooSmall`: such a
    figure is no speed.
    """
    config = config or CoderConfig()
    corpus = list(paths) or default_corpus()
    articles = list(read_corpus(corpus, gold=per_sentence))[:limit]
    _check_size(corpus, articles, min_articles)
    if per_sentence:
        articles = sentence_records(articles)
    articles = articles * max(1, repeat)
    stats = corpus_stats(articles)
    workers = workers or os.cpu_count() or 1
    from eventcoder import api

    result: dict[str, Any] = {
        "corpus": [_shown(p) for p in corpus],
        "repeat": repeat,
        "records_per_sentence": per_sentence,
        **stats,
        "coder": getattr(api.coder(config), "version", "?"),
        "machine": machine(),
    }
    if startup:
        result["startup_s"] = startup_seconds(articles[0], config)
    result["single"] = _rates(stats, run_single(articles, config), 1)
    if workers > 1:
        p = result["parallel"] = {"workers": workers,
                                  **_rates(stats, run_parallel(articles, workers, config),
                                           workers)}
        single = result["single"]
        p["speedup"] = single["seconds"] / max(p["seconds"], 1e-9)
        p["cpu_speedup"] = single["cpu_seconds"] / max(p["busiest_worker_cpu_s"], 1e-9)
    result.update(peak_rss_mb())
    return result


def _check_size(corpus: Sequence[str | Path], articles: Sequence[Article],
                min_articles: int) -> None:
    """Refuse to measure without a corpus of a meaningful size, saying what to pass."""
    if articles and len(articles) >= min_articles:
        return
    advice = ("pass a corpus: a folder of .txt or .html files, a JSONL file (one article per "
              "line) or a WARC archive, e.g. 'eventcoder benchmark ../shared/corpus'")
    if not corpus:
        raise CorpusTooSmall(
            "no corpus to measure at hand (../shared/corpus is not there); " + advice)
    where = ", ".join(_shown(p) for p in corpus)
    found = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
    raise CorpusTooSmall(
        f"no corpus of a meaningful size at hand: {where} holds {found}, fewer than "
        f"{min_articles} (a speed measured on so few is start-up noise); {advice}"
        + ("; or --small-ok to measure it anyway" if articles else ""))


def benchmark_markdown(r: dict[str, Any]) -> str:
    """The benchmark result as a Markdown table."""
    from eventcoder.evaluation.report import table

    rows = [["1 process", 1, *_row(r["single"])]]
    if "parallel" in r:
        p = r["parallel"]
        rows.append([f"{p['workers']} processes", p["workers"], *_row(p)])
    m = r["machine"]
    unit = "records" if r.get("records_per_sentence") else "articles"
    what = ("records (one per sentence of the corpus)" if unit == "records" else "articles")
    lines = [
        f"Corpus: {', '.join(r['corpus'])} x{r['repeat']}: {r['articles']} {what}, "
        f"{r['sentences']} sentences, {r['tokens']} tokens; coder {r['coder']}.",
        "",
        table(["run", "workers", "seconds", f"{unit}/s/core", "sentences/s/core",
               "tokens/s/core", "CPU s", "sentences/CPU s"], rows),
        "",
        f"Peak RSS {r['peak_rss_mb']:.0f} MiB (largest worker {r['peak_rss_worker_mb']:.0f} MiB)"
        + (f"; start-up {r['startup_s']:.2f} s (new process to first article coded)"
           if "startup_s" in r else "")
        + f". Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}.",
    ]
    if unit == "records":
        single = r["single"]
        lines.append(f"\nOne-sentence records: {single['articles_per_s_per_core']:,.0f} records/s "
                     f"(1 process), {r['articles'] / max(single['cpu_seconds'], 1e-9):,.0f} "
                     "records per CPU second.")
    if "parallel" in r and "speedup" in r["parallel"]:
        p = r["parallel"]
        lines.append(
            f"\nSpeed-up 1 -> {p['workers']} processes: {p['speedup']:.2f}x by wall time; "
            f"{p['cpu_speedup']:.2f}x by CPU time (1-process CPU s / busiest worker's CPU s: "
            "the speed-up on otherwise idle cores); workers forked and ready in "
            f"{p['worker_startup_s']:.2f} s.")
    return "\n".join(lines) + "\n"


def _row(d: dict[str, float]) -> list[Any]:
    return [f"{d['seconds']:.2f}", f"{d['articles_per_s_per_core']:.1f}",
            f"{d['sentences_per_s_per_core']:.0f}", f"{d['tokens_per_s_per_core']:.0f}",
            f"{d['cpu_seconds']:.2f}", f"{d['sentences_per_cpu_s']:.0f}"]
