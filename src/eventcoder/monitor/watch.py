"""The watcher: polls feeds and folders, codes new articles, groups near-duplicates, clusters
stories and fires alerts. State lives in the store, so a restarted watcher resumes."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import feedparser

from eventcoder.ingest import InputError, read_inputs
from eventcoder.ingest.decode import decode_bytes
from eventcoder.ingest.finish import finish_article
from eventcoder.ingest.htmlpage import extract_html
from eventcoder.model import Article
from eventcoder.monitor.alerts import AlertEngine
from eventcoder.monitor.config import MonitorConfig, Source
from eventcoder.monitor.dedup import Deduplicator
from eventcoder.monitor.fetch import Fetcher, FetchError
from eventcoder.monitor.store import MonitorStore
from eventcoder.monitor.stories import StoryClusterer

log = logging.getLogger("eventcoder.monitor")
FOLDER_EXTENSIONS = (".html", ".htm", ".txt", ".jsonl", ".warc", ".warc.gz")
DONE = {"stored", "duplicate", "known"}  # results that need no second try


@dataclass
class RoundSummary:
    sources: int = 0
    fetched: int = 0
    unchanged: int = 0
    new_articles: int = 0
    duplicates: int = 0
    events: int = 0
    stories_touched: int = 0
    stories_created: int = 0
    alerts: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.sources} sources polled: {self.fetched} items fetched, {self.unchanged} "
            f"unchanged, {self.new_articles} new articles ({self.duplicates} near-duplicates), "
            f"{self.events} events, {self.stories_created} new stories "
            f"({self.stories_touched} touched), {self.alerts} alerts, {len(self.errors)} errors"
        )


def code_article(coder: Any, article: Article) -> Article:
    """The article with its events, through the library API (``coder``: a ready coder, or
    a :class:`~eventcoder.config.CoderConfig`, or None for the default configuration)."""
    from eventcoder import api
    from eventcoder.config import CoderConfig

    if coder is None or isinstance(coder, CoderConfig):
        return api.code(article, coder)
    return api.code(article, coder=coder)


class Watcher:
    """One watcher over a store: ``run_once()`` polls every source, ``run()`` loops."""

    def __init__(
        self,
        config: MonitorConfig,
        store: Any,
        coder: Any,
        *,
        fetcher: Fetcher | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.store = store
        self.coder = coder
        self.mstore = MonitorStore(store)
        self.fetcher = fetcher or Fetcher(config.fetch)
        self.dedup = Deduplicator(self.mstore)
        self.clusterer = StoryClusterer(self.mstore, config.window_days, config.max_km)
        self.alerts = AlertEngine(self.mstore, config.alerts, dashboard=config.dashboard)
        self.clock = clock

    # -- one round --------------------------------------------------------------------------
    def run_once(self, *, only_due: bool = False) -> RoundSummary:
        """Poll the sources (all of them, or only those due), then evaluate the alerts."""
        summary = RoundSummary()
        touched: set[str] = set()
        created: set[str] = set()
        for source in self.config.sources:
            if only_due and self.mstore.source_due(source.name) > self.clock():
                continue
            summary.sources += 1
            status, detail = "ok", None
            try:
                for article in self._items(source, summary):
                    self._process(article, source, summary, touched, created)
            except Exception as exc:  # a broken source is logged and skipped
                status, detail = "error", str(exc)
                self._error(summary, f"{source.name}: {exc}")
            self.mstore.mark_polled(source.name, self.clock() + source.every, status, detail)
        summary.stories_touched, summary.stories_created = len(touched), len(created)
        if touched:
            summary.alerts = self.alerts.evaluate(touched, created)
        return summary

    def _error(self, summary: RoundSummary, message: str) -> None:
        log.error("%s", message)
        summary.errors.append(message)

    def _process(
        self, article: Article, source: Source, summary: RoundSummary,
        touched: set[str], created: set[str],
    ) -> None:  # fmt: skip
        key = getattr(article, "_monitor_key", None) or article.url or article.id
        kind = "page" if source.kind == "feed" else "file"
        try:
            if self.store.has_article(article.id):
                self.mstore.mark_seen(key, kind=kind, source=source.name, status="known",
                                      article_id=article.id)  # fmt: skip
                return
            code_article(self.coder, article)
            group = self.dedup.assign(article.id, article.text)
            self.store.add_article(article)
            result = self.clusterer.add(article, group)
        except Exception as exc:  # one bad article must not stop the round
            self.mstore.mark_seen(key, kind=kind, source=source.name, status="error",
                                  detail=str(exc))  # fmt: skip
            self._error(summary, f"{key}: could not code or store the article: {exc}")
            return
        status = "duplicate" if group != article.id else "stored"
        summary.new_articles += 1
        summary.duplicates += status == "duplicate"
        summary.events += len(article.events)
        touched |= result.touched
        created |= result.created
        self.mstore.mark_seen(key, kind=kind, source=source.name, status=status,
                              article_id=article.id, detail=group)  # fmt: skip

    # -- sources ----------------------------------------------------------------------------
    def _items(self, source: Source, summary: RoundSummary) -> Iterator[Article]:
        if source.kind == "feed":
            yield from self._feed(source, summary)
        else:
            yield from self._folder(source, summary)

    def _feed(self, source: Source, summary: RoundSummary) -> Iterator[Article]:
        before = self.mstore.seen(source.target) or {}
        try:
            resp = self.fetcher.get(source.target, before.get("etag"), before.get("last_modified"))
        except FetchError as exc:
            self.mstore.mark_seen(source.target, kind="feed", source=source.name, status="error",
                                  detail=str(exc))  # fmt: skip
            raise
        if resp.status == 304:
            summary.unchanged += 1
            self.mstore.mark_seen(source.target, kind="feed", source=source.name,
                                  status="unchanged", etag=before.get("etag"),
                                  last_modified=before.get("last_modified"))  # fmt: skip
            return
        parsed = feedparser.parse(resp.body)
        if not parsed.entries and parsed.get("bozo"):
            raise ValueError(f"{source.target}: not an RSS or Atom feed "
                             f"({parsed.get('bozo_exception')})")  # fmt: skip
        self.mstore.mark_seen(source.target, kind="feed", source=source.name, status="fetched",
                              etag=resp.etag, last_modified=resp.last_modified,
                              detail=f"{len(parsed.entries)} entries")  # fmt: skip
        for number, entry in enumerate(parsed.entries, 1):
            article = self._entry(source, entry, number, summary)
            if article is not None:
                yield article

    def _entry(
        self, source: Source, entry: Any, number: int, summary: RoundSummary
    ) -> Article | None:
        link = entry.get("link")
        key = link or f"{source.target}#{entry.get('id') or number}"
        seen = self.mstore.seen(key)
        if seen and seen["status"] in DONE:
            return None
        text = title = author = date = None
        if link:
            try:
                resp = self.fetcher.get(link)
                summary.fetched += 1
                html = decode_bytes(resp.body, link)
                if isinstance(html, InputError):
                    raise ValueError(html.message)
                page = extract_html(html, url=link)
                if page is None:
                    raise ValueError("no text found in the page")
                text, title, author, date = page.text, page.title, page.author, page.date
            except (FetchError, ValueError) as exc:
                self.mstore.mark_seen(key, kind="page", source=source.name, status="error",
                                      detail=str(exc))  # fmt: skip
                self._error(summary, f"{source.name}: entry {number}: {exc}")
                return None
        else:
            summary_html = entry.get("summary") or ""
            page = extract_html(f"<html><body>{summary_html}</body></html>")
            text = page.text if page else None
            if not text:
                self._error(summary, f"{source.name}: entry {number} has no link and no text")
                return None
        published = None
        for name in ("published_parsed", "updated_parsed"):
            if entry.get(name):
                published = time.strftime("%Y-%m-%d", entry[name])
                break
        article = Article(
            text=text,
            url=link,
            title=" ".join((entry.get("title") or title or "").split()) or None,
            published=published or date,
            source=source.name,
            author=entry.get("author") or author,
        )
        article = finish_article(article, lang=source.lang)
        article._monitor_key = key  # type: ignore[attr-defined]
        return article

    def _folder(self, source: Source, summary: RoundSummary) -> Iterator[Article]:
        if not os.path.isdir(source.target):
            raise ValueError(f"{source.target}: the folder does not exist")
        for root, dirs, files in os.walk(source.target):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(FOLDER_EXTENSIONS):
                    continue
                path = os.path.join(root, name)
                stat = os.stat(path)
                key = f"file://{path}#{stat.st_size}-{int(stat.st_mtime)}"
                seen = self.mstore.seen(key)
                if seen and seen["status"] in DONE | {"read"}:
                    continue
                summary.fetched += 1
                problems = 0
                for item in read_inputs([path], lang=source.lang):
                    if isinstance(item, InputError):
                        problems += 1
                        self._error(summary, f"{source.name}: {item.message}")
                        continue
                    item._monitor_key = f"{key}|{item.id}"  # type: ignore[attr-defined]
                    yield item
                self.mstore.mark_seen(key, kind="file", source=source.name,
                                      status="read" if not problems else "error",
                                      detail=f"{problems} errors" if problems else None)  # fmt: skip

    # -- loop -------------------------------------------------------------------------------
    def run(
        self, stop: threading.Event, on_round: Callable[[RoundSummary], None] | None = None
    ) -> None:
        """Poll due sources until ``stop`` is set (sleeping until the next one is due)."""
        while not stop.is_set():
            summary = self.run_once(only_due=True)
            if on_round and summary.sources:
                on_round(summary)
            due = min(self.mstore.source_due(s.name) for s in self.config.sources)
            stop.wait(max(1.0, min(60.0, due - self.clock())))
