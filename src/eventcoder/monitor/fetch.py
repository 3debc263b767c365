"""Polite HTTP fetching (standard library): conditional GET, per-host rate limit, robots.txt,
retries with exponential backoff, timeouts and a size limit."""

from __future__ import annotations

import logging
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlparse

from eventcoder.monitor.config import FetchSettings

log = logging.getLogger("eventcoder.monitor")
_RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A URL could not be fetched (after the retries)."""


@dataclass
class Response:
    url: str
    status: int  # 200, or 304 when unchanged
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None


class _NoRedirectErrors(urllib.request.HTTPErrorProcessor):
    """Return 304 as a response instead of raising."""

    def http_response(self, request, response):  # type: ignore[no-untyped-def]
        if response.status == 304:
            return response
        return super().http_response(request, response)

    https_response = http_response


class Fetcher:
    """Fetches URLs one at a time per host, honouring robots.txt and the settings."""

    def __init__(self, settings: FetchSettings | None = None, sleep=time.sleep) -> None:  # type: ignore[no-untyped-def]
        self.settings = settings or FetchSettings()
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()
        self._opener = urllib.request.build_opener(_NoRedirectErrors())
        self.requests = 0

    def _wait_turn(self, host: str) -> None:
        gap = self.settings.per_host_interval
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            if last is not None and now - last < gap:
                self._sleep(gap - (now - last))
            self._last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's host allows our user agent (no robots.txt: allowed)."""
        if not self.settings.robots:
            return True
        parts = urlparse(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                resp = self._get(root + "/robots.txt", {}, retries=0)
                assert parser is not None
                parser.parse(resp.body.decode("utf-8", "replace").splitlines())
            except FetchError as exc:
                log.debug("no robots.txt at %s (%s): allowed", root, exc)
                parser = None
            self._robots[root] = parser
        parser = self._robots[root]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditional when validators are given); raises :class:`FetchError`."""
        if urlparse(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https URLs are fetched")
        if not self.allowed(url):
            raise FetchError(f"{url}: disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, retries=self.settings.retries)

    def _get(self, url: str, headers: dict[str, str], retries: int) -> Response:
        host = urlparse(url).netloc
        attempt = 0
        while True:
            self._wait_turn(host)
            try:
                return self._once(url, headers)
            except FetchError as exc:
                retry = getattr(exc, "retry", False)
                if not retry or attempt >= retries:
                    raise
                delay = self.settings.backoff * (2**attempt)
                log.info("retrying %s in %.1fs (%s)", url, delay, exc)
                self._sleep(delay)
                attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        request = urllib.request.Request(
            url, headers={"User-Agent": self.settings.user_agent, **headers}
        )
        self.requests += 1
        limit = self.settings.max_bytes
        try:
            with self._opener.open(request, timeout=self.settings.timeout) as resp:
                status = resp.status
                if status == 304:
                    return Response(url, 304, etag=resp.headers.get("ETag"),
                                    last_modified=resp.headers.get("Last-Modified"))  # fmt: skip
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > limit:
                    raise FetchError(f"{url}: {length} bytes is over the limit of {limit}")
                body = resp.read(limit + 1)
                if len(body) > limit:
                    raise FetchError(f"{url}: the body is over the limit of {limit} bytes")
                return Response(
                    resp.geturl(), status, body, resp.headers.get("ETag"),
                    resp.headers.get("Last-Modified"), resp.headers.get("Content-Type"),
                )  # fmt: skip
        except urllib.error.HTTPError as exc:
            err = FetchError(f"{url}: HTTP {exc.code} {exc.reason}")
            err.retry = exc.code in _RETRY_STATUS  # type: ignore[attr-defined]
            raise err from exc
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            err = FetchError(f"{url}: {reason}")
            err.retry = True  # type: ignore[attr-defined]
            raise err from exc
