"""Loopback servers and example articles for the monitor tests (texts written for the tests)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from eventcoder.model import Actor, Article, Event, Evidence, Location

DE_TITLE = "Schwere Zusammenstöße in Almaty"
DE_TEXT = (
    "Almaty (dpa) – Bei Zusammenstößen zwischen Sicherheitskräften und Demonstranten in der "
    "kasachischen Stadt Almaty sind am Dienstag nach Angaben des Innenministeriums acht Menschen "
    "getötet worden. Mehr als 40 Menschen wurden verletzt, die Polizei nahm 120 Personen fest."
)
EN_TITLE = "Deadly clashes in Almaty"
EN_TEXT = (
    "ALMATY (Reuters) - Kazakh security forces clashed with protesters in Almaty on Tuesday. "
    "Eight people were killed and more than 40 were injured, the interior ministry said. "
    "Police detained 120 people."
)
OTHER_TITLE = "Ministers sign trade pact"
OTHER_TEXT = (
    "PARIS - The foreign ministers of France and Brazil signed a trade agreement in Paris on "
    "Tuesday, the French foreign ministry said."
)
PUB = "Tue, 24 Nov 2026 10:00:00 GMT"


def page(title: str, text: str, lang: str) -> bytes:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
    ).encode()


def rss(base: str, items: list[tuple[str, str]]) -> bytes:
    """A feed; an item path starting with "http" is taken as a full URL."""
    entries = "".join(
        f"<item><title>{t}</title><link>{p if p.startswith('http') else base + p}</link>"
        f"<pubDate>{PUB}</pubDate></item>"
        for p, t in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test wire'
        f"</title><link>{base}/</link><description>t</description>{entries}</channel></rss>"
    ).encode()


class Site:
    """Files served on loopback with ETags; records requests and webhook posts."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str]] = {}
        self.requests: list[tuple[str, str, int]] = []
        self.posts: list[dict] = []
        self.fail_posts = 0  # answer this many POSTs with 500 first
        self.base = ""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                found = site.files.get(self.path)
                if found is None:
                    site.requests.append(("GET", self.path, 404))
                    self.send_error(404)
                    return
                body, ctype = found
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if self.headers.get("If-None-Match") == etag:
                    site.requests.append(("GET", self.path, 304))
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                site.requests.append(("GET", self.path, 200))
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if site.fail_posts > 0:
                    site.fail_posts -= 1
                    site.requests.append(("POST", self.path, 500))
                    self.send_error(500)
                    return
                site.requests.append(("POST", self.path, 200))
                site.posts.append(json.loads(body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), site.handler())
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def clash_site(site: Site) -> None:
    """A feed with the German and English report of one clash and an unrelated event."""
    site.files["/robots.txt"] = (b"User-agent: *\nDisallow: /private/\n", "text/plain")
    site.files["/de/zusammenstoesse.html"] = (page(DE_TITLE, DE_TEXT, "de"), "text/html")
    site.files["/en/clashes.html"] = (page(EN_TITLE, EN_TEXT, "en"), "text/html")
    site.files["/en/trade.html"] = (page(OTHER_TITLE, OTHER_TEXT, "en"), "text/html")
    other_host = site.base.replace("127.0.0.1", "localhost")  # a second outlet
    items = [
        (other_host + "/de/zusammenstoesse.html", DE_TITLE),
        ("/en/clashes.html", EN_TITLE),
        ("/en/trade.html", OTHER_TITLE),
    ]
    site.files["/feed.rss"] = (rss(site.base, items), "application/rss+xml")


def write_config(path, site: Site, extra: str = "") -> str:  # type: ignore[no-untyped-def]
    path.write_text(
        "sources:\n"
        f"  - feed: {site.base}/feed.rss\n"
        "    every: 15m\n"
        "fetch: {per_host_interval: 0, backoff: 0, retries: 1}\n"
        "alerts:\n"
        "  - name: deadly-clashes\n"
        "    when: {type: [ASSAULT], country: [KAZ], min_dead: 5}\n"
        f"    notify: {{webhook: {site.base}/hook}}\n" + extra,
        encoding="utf-8",
    )
    return str(path)


ALMATY = Location(
    text="Almaty", name="Almaty", country="KAZ", lat=43.25, lon=76.91, precision="city"
)
ASTANA = Location(
    text="Astana", name="Astana", country="KAZ", lat=51.17, lon=71.45, precision="city"
)


def article(text: str, etype: str = "ASSAULT", *, day: str = "2026-11-24", place=ALMATY,
            lang: str = "en", url: str = "https://a.example/1", dead: int | None = None,
            published: str | None = None, actors=("KAZ",)) -> Article:  # fmt: skip
    a = Article(text=text, title=text.split(".")[0], url=url, lang=lang,
                published=published or day)  # fmt: skip
    ev = Event(type=etype, evidence=Evidence(text[:20], 0, 20), article_id=a.id, date=day,
               location=place, dead=dead,
               source=[Actor("forces", country=c) for c in actors])  # fmt: skip
    ev.assign_id()
    a.events = [ev]
    return a
