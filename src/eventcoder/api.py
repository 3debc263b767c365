"""The library API: read, code, store and export articles (the CLI and the web app call this).

>>> from eventcoder import api
>>> from eventcoder.config import CoderConfig
>>> article = api.code_text("Die Polizei nahm am Montag 40 Demonstranten fest.")
>>> [e.type for e in article.events]
>>> with api.open_store("events.db") as store:
...     summary = api.ingest(["articles/"], store, CoderConfig(lexicons=("mine.tsv",)))
>>> print(summary.line())

Bad inputs never raise: :func:`read` yields an :class:`~eventcoder.ingest.InputError` for
each (message naming file and line), :func:`ingest` reports them through ``on_error`` and
goes on. A storage failure (full disk, database gone) stops :func:`ingest` at once with
:class:`StorageFailure`; what was stored before it is kept.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from eventcoder.config import CoderConfig
from eventcoder.ingest import InputError, read_inputs
from eventcoder.language import registry
from eventcoder.model import Article
from eventcoder.store import Store, StoreError
from eventcoder.store import open_store as _open_store

__all__ = [
    "CoderConfig",
    "ConfiguredCoder",
    "IngestSummary",
    "ReadResult",
    "StorageFailure",
    "code",
    "code_text",
    "coder",
    "export",
    "ingest",
    "ingest_articles",
    "is_storage_full",
    "open_store",
    "read",
    "replacing",
    "replacing_path",
    "unsupported_language",
]

ReadResult = Article | InputError
"""What :func:`read` yields: an article, or a problem with one input (``warning`` set: the
article it concerns follows)."""

ErrorHandler = Callable[[str], None]

# Articles are stored in batches (one transaction, each article still all or nothing):
# at most this many, and at most this many seconds after the previous batch.
BATCH = 200
BATCH_SECONDS = 2.0
_KEPT_MESSAGES = 100  # messages kept in a summary (all are passed to on_error)


def __getattr__(name: str) -> Any:  # the coder's exception, without importing it eagerly
    if name == "UnsupportedLanguage":
        from eventcoder.coding.engine import UnsupportedLanguage

        return UnsupportedLanguage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- coding -----------------------------------------------------------------------------------
def _coder(config: CoderConfig) -> Any:
    """The coder of ``config``: :func:`eventcoder.coding.get_coder` (the one factory), or the
    engine itself for options that factory does not take (lexicons, knowledge files)."""
    import eventcoder.coding as coding
    from eventcoder.coding import engine

    if config.lexicons or config.knowledge:
        return _built(engine.EventCoder, config, ())
    # looked up now, so that a replaced factory (tests) is used
    return _built(coding.get_coder, config, ("actors", "agents", "verbs", "en_coder"))


@functools.lru_cache(maxsize=8)
def _built(factory: Callable[..., Any], config: CoderConfig, only: tuple[str, ...]) -> Any:
    kwargs = config.coder_kwargs()
    return factory(**{k: v for k, v in kwargs.items() if not only or k in only})


_VALID: set[CoderConfig] = set()


def _valid(config: CoderConfig | None) -> CoderConfig:
    config = config or CoderConfig()
    if config not in _VALID:  # checked once: files are looked at, not on every article
        _VALID.add(config.validate())
    return config


def coder(config: CoderConfig | None = None) -> Any:
    """The :class:`~eventcoder.coding.engine.EventCoder` for ``config`` (built once per
    configuration; ``ConfigError`` for a bad language, backend or a missing file)."""
    return _coder(_valid(config))


class ConfiguredCoder:
    """A coder (``code(article) -> list[Event]``) that codes through :func:`code` with one
    configuration: for code that takes any coder (evaluation, benchmarks, monitors)."""

    def __init__(self, config: CoderConfig | None = None) -> None:
        self.config = _valid(config)
        self.version: str = getattr(coder(self.config), "version", "?")

    def code(self, article: Article) -> list[Any]:
        return code(article, self.config).events


def unsupported_language(article: Article) -> str | None:
    """The per-record error for an article in an unregistered language, else None."""
    if article.lang is None or registry.is_supported(article.lang):
        return None
    where = article.source or article.id
    line = getattr(article, "_line", None)
    if line is not None:
        where = f"{where}, line {line}"
    return (
        f"{where}: language {article.lang!r} is not supported "
        f"(supported: {', '.join(registry.languages())}); pass --lang or drop the record"
    )


def code(article: Article, config: CoderConfig | None = None, *, coder: Any = None) -> Article:
    """Code ``article`` in place and return it with ``events`` set (ids filled in).

    ``config.lang`` forces the language; an article without one is detected. ``coder`` is a
    ready coder to use instead of the one of ``config`` (the web app passes its own).
    An unsupported language raises ``UnsupportedLanguage`` (a ``ValueError``).
    """
    config = _valid(config)
    if config.lang:
        article.lang = config.lang
    elif not article.lang:
        from eventcoder.ingest.langid import detect_language

        article.lang = detect_language(article.text)
    if unsupported_language(article):
        from eventcoder.coding.engine import UnsupportedLanguage

        raise UnsupportedLanguage(article.lang)
    use = coder if coder is not None else _coder(config)
    events = list(use.code(article))
    for ev in events:
        ev.article_id = ev.article_id or article.id
        if not ev.id:
            ev.assign_id()
    article.events = events
    return article


def code_text(
    text: str,
    *,
    lang: str | None = None,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    config: CoderConfig | None = None,
) -> Article:
    """Code a text: language detected unless ``lang``/``config.lang``, dateline read unless
    ``published``; returns the :class:`Article` with its events."""
    from eventcoder.ingest.finish import finish_article
    from eventcoder.ingest.text import headline

    config = config or CoderConfig()
    text = (text or "").replace("\r\n", "\n").strip()
    article = Article(text=text, title=title or headline(text), url=url, source=source)
    finish_article(article, lang=lang or config.lang, published=published)
    return code(article, config)


# -- reading ----------------------------------------------------------------------------------
def read(
    paths: Sequence[str] | str,
    *,
    lang: str | None = None,
    published: str | None = None,
    fmt: str | None = None,
) -> Iterator[ReadResult]:
    """Articles (or per-input errors) from files, folders, feeds, WARC archives, ``"-"``.

    ``lang`` forces a language; otherwise a record's own ``lang`` is kept and an
    unsupported one becomes an error for that record. ``ValueError`` at once for a bad
    argument (unknown ``lang``/``fmt``, a ``published`` that is no date).
    """
    items = read_inputs([paths] if isinstance(paths, str) else list(paths),
                        lang=lang, published=published, fmt=fmt)  # fmt: skip
    return _checked(items)


def _checked(items: Iterable[ReadResult]) -> Iterator[ReadResult]:
    for item in items:
        if isinstance(item, Article):
            problem = unsupported_language(item)
            if problem:
                line = getattr(item, "_line", None)
                yield InputError(path=item.source or item.id, line=line, message=problem)
                continue
        yield item


# -- storing ----------------------------------------------------------------------------------
def open_store(db: str | None = None) -> Store:
    """Open the store: an SQLite path or ``postgresql://`` URL (default ``$EVENTCODER_DB``,
    else ``eventcoder.db``)."""
    return _open_store(db)


@dataclass
class IngestSummary:
    """What an ingest did; ``messages`` holds the first errors and warnings."""

    read: int = 0
    new: int = 0
    stored: int = 0
    errors: int = 0
    warnings: int = 0
    events: int = 0
    messages: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"read {self.read} articles: {self.new} new, {self.stored} already stored, "
            f"{self.errors} errors, {self.events} events stored"
            + (f", {self.warnings} warnings" if self.warnings else "")
        )


class StorageFailure(StoreError):
    """Storing failed (full disk, database gone): the ingest stopped; what was stored before
    is kept. ``summary`` tells how far it got."""

    def __init__(self, message: str, summary: IngestSummary) -> None:
        super().__init__(message)
        self.summary = summary


def is_storage_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or its cause) is a full disk: SQLite ``database or disk is full``,
    ``OSError`` ENOSPC/EDQUOT, PostgreSQL ``DiskFull`` (SQLSTATE 53100)."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, OSError) and cur.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if getattr(cur, "sqlite_errorcode", None) == 13:  # SQLITE_FULL
            return True
        if getattr(cur, "sqlstate", None) == "53100" or type(cur).__name__ == "DiskFull":
            return True
        if "database or disk is full" in str(cur) or "No space left on device" in str(cur):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def _storage_message(exc: BaseException, where: str, summary: IngestSummary) -> str:
    what = "the disk is full" if is_storage_full(exc) else "the database failed"
    return (
        f"storing stopped: {what} ({type(exc).__name__}: {exc}) while storing {where}; "
        f"the {summary.new} articles stored before are kept, nothing after was stored; "
        "fix the cause (free disk space) and run the same command again "
        "(stored articles are skipped)"
    )


class _Ingest:
    """One ingest run: codes articles and stores them in batches."""

    def __init__(
        self,
        store: Store,
        config: CoderConfig,
        on_error: ErrorHandler | None,
        on_warning: ErrorHandler | None,
        keep_events: bool,
        progress: bool,
    ) -> None:
        self.store, self.config, self.keep_events = store, config, keep_events
        self.on_error, self.on_warning = on_error, on_warning
        self.summary = IngestSummary()
        self.pending: list[Article] = []
        self.last_flush = time.monotonic()
        self.bar = None
        if progress:
            from tqdm import tqdm

            self.bar = tqdm(unit=" articles", file=sys.stderr, leave=False)

    def _note(self, message: str, warning: bool = False) -> None:
        s = self.summary
        if warning:
            s.warnings += 1
        else:
            s.errors += 1
        if len(s.messages) < _KEPT_MESSAGES:
            s.messages.append(("warning: " if warning else "error: ") + message)
        handler = self.on_warning if warning else self.on_error
        if handler is not None:
            handler(message)

    def _fail(self, exc: BaseException, where: str) -> StorageFailure:
        self.summary.errors += 1
        return StorageFailure(_storage_message(exc, where, self.summary), self.summary)

    def add(self, item: ReadResult) -> None:
        if isinstance(item, InputError):
            self._note(item.message, item.warning)  # the message names the file and line
            return
        self.summary.read += 1
        if self.bar is not None:
            self.bar.update(1)
        where = item.source or item.id
        try:
            known = self.store.has_article(item.id)
        except Exception as exc:  # the database itself failed: stop here
            raise self._fail(exc, where) from exc
        if known:
            self.summary.stored += 1
            return
        try:
            if not (self.keep_events and item.events):
                code(item, self.config)
        except Exception as exc:  # one bad article must not end the batch
            problem = unsupported_language(item)
            self._note(problem or f"{where}: could not code article {item.id}: {exc}")
            return
        self.pending.append(item)
        if len(self.pending) >= BATCH or time.monotonic() - self.last_flush > BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        pending, self.pending = self.pending, []
        self.last_flush = time.monotonic()
        if not pending:
            return
        try:
            results: list[bool | Exception] = self.store.add_articles(pending)
        except Exception as exc:  # the database failed: none of the batch is stored
            raise self._fail(exc, pending[0].source or pending[0].id) from exc
        failure: tuple[Exception, Article] | None = None
        for article, result in zip(pending, results, strict=True):
            if isinstance(result, Exception):
                if is_storage_full(result):
                    failure = failure or (result, article)
                else:
                    self._note(f"{article.source or article.id}: could not store article "
                               f"{article.id}: {result}")  # fmt: skip
            elif result:
                self.summary.new += 1
                self.summary.events += len(article.events)
            else:  # stored meanwhile (a duplicate in this batch or another process)
                self.summary.stored += 1
        if failure is not None:
            raise self._fail(failure[0], failure[1].source or failure[1].id) from failure[0]

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def ingest_articles(
    articles: Iterable[ReadResult],
    store: Store,
    config: CoderConfig | None = None,
    *,
    on_error: ErrorHandler | None = None,
    on_warning: ErrorHandler | None = None,
    keep_events: bool = False,
    progress: bool = False,
) -> IngestSummary:
    """Code and store ``articles`` (``InputError`` items are reported and skipped).

    Articles already stored (same id) are skipped; each is stored with its events or not at
    all. ``keep_events`` keeps events an article already carries. ``on_error`` receives each
    error message (naming file and line), ``on_warning`` each warning. Raises
    :class:`StorageFailure` at the first storage failure, after what was stored before.
    """
    config = _valid(config)
    run = _Ingest(store, config, on_error, on_warning, keep_events, progress)
    try:
        for item in _checked(articles):
            run.add(item)
        run.flush()
    finally:
        run.close()
    return run.summary


def ingest(
    paths: Sequence[str] | str,
    store: Store,
    config: CoderConfig | None = None,
    *,
    on_error: ErrorHandler | None = None,
    on_warning: ErrorHandler | None = None,
    progress: bool = False,
    published: str | None = None,
    fmt: str | None = None,
    keep_events: bool = False,
) -> IngestSummary:
    """Read ``paths`` (see :func:`read`), code and store them (see :func:`ingest_articles`)."""
    config = _valid(config)
    items = read(paths, lang=config.lang, published=published, fmt=fmt)
    return ingest_articles(items, store, config, on_error=on_error, on_warning=on_warning,
                           keep_events=keep_events, progress=progress)  # fmt: skip


# -- exporting --------------------------------------------------------------------------------
@contextmanager
def replacing_path(path: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path next to ``path``, renamed to ``path`` when the block ends without an
    exception; on an exception it is removed and ``path`` is left as it was."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)  # the permissions a plain open() would give
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A UTF-8 text file that becomes ``path`` only when the block succeeds (no empty or
    partial ``path`` after a failure; see :func:`replacing_path`)."""
    with replacing_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        yield fh


def export(
    store: Store, fmt: str, out: str | os.PathLike[str] | TextIO | None = None, **filters: Any
) -> int:
    """Write the stored articles matching ``filters`` (``since``, ``until``, ``country``,
    ``type``, ...) as ``jsonl``, ``csv`` or ``parquet`` to ``out`` (a path, written via a
    temporary file; a text stream; None: standard output). Returns the rows written (articles
    for JSONL, events otherwise). ``ValueError`` for bad filters or formats."""
    from eventcoder.store.export import FORMATS, write_csv, write_jsonl, write_parquet

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    store.count_events(**filters)  # validates the filters before any output
    articles = store.iter_articles(**filters)
    if fmt == "parquet":
        if out is None or hasattr(out, "write"):
            raise ValueError("parquet needs an output file (Parquet is a binary format)")
        with replacing_path(os.fspath(out)) as tmp:  # type: ignore[arg-type]
            return write_parquet(articles, tmp)
    writer = write_jsonl if fmt == "jsonl" else write_csv
    if out is None:
        return writer(articles, sys.stdout)
    if hasattr(out, "write"):
        return writer(articles, out)  # type: ignore[arg-type]
    with replacing(os.fspath(out)) as fh:  # type: ignore[arg-type]
        return writer(articles, fh)
