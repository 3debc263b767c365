"""Every reader fuzzed with generated input (issue 14 item 18): random bytes, truncations and
mixed encodings give a clear error naming the file, or whole articles that the store takes;
never a traceback, never a partial article."""

from __future__ import annotations

import json
import os
import tempfile
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventcoder.ingest import FORMATS, InputError, read_inputs
from eventcoder.model import Article
from eventcoder.store import open_store

FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
SENTENCES = [
    "Die Polizei nahm am Montag in der Hauptstadt drei Demonstranten fest.",
    "Der Außenminister traf sich am Dienstag mit seinem Amtskollegen.",
    "Rebels attacked an army post near the border on Friday, officials said.",
    "The government announced talks with the opposition for next week.",
]
EXTENSIONS = {"text": ".txt", "html": ".html", "jsonl": ".jsonl", "feed": ".xml", "warc": ".warc"}


def _read(data: bytes, suffix: str, fmt: str | None = None) -> tuple[str, list]:
    fd, path = tempfile.mkstemp(suffix=suffix)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    try:
        return path, list(read_inputs([path], fmt=fmt))  # a traceback fails the test
    finally:
        os.unlink(path)


def _check(path: str, items: list, store) -> list[Article]:
    """Errors name the file; articles are whole (text, language, id) and can be stored."""
    articles = []
    for item in items:
        if isinstance(item, InputError):
            assert item.message.startswith(path), item.message
            assert len(item.message) > len(path) + 5
        else:
            assert isinstance(item, Article) and item.text.strip() and item.lang and item.id
            store.add_article(item)
            assert store.get_article(item.id) is not None
            articles.append(item)
    return articles


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db"))
    yield s
    s.close()


@FUZZ
@given(data=st.binary(max_size=3000), fmt=st.sampled_from([None, *FORMATS]))
def test_random_bytes_in_every_reader(store, data, fmt):
    path, items = _read(data, EXTENSIONS.get(fmt or "", ".bin"), fmt)
    _check(path, items, store)


_SEGMENT = st.tuples(st.sampled_from(SENTENCES + ["Größere Übung in Köln: ßäöü€"]),
                     st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16-le"]))  # fmt: skip


@FUZZ
@given(segments=st.lists(_SEGMENT, min_size=1, max_size=8), fmt=st.sampled_from(["text", "html"]))
def test_mixed_encodings(store, segments, fmt):
    data = b"\n".join(s.encode(enc, errors="replace") for s, enc in segments)
    if fmt == "html":
        data = b"<html><body><p>" + data + b"</p></body></html>"
    path, items = _read(data, EXTENSIONS[fmt], fmt)
    for article in _check(path, items, store):
        assert "\x00" not in article.text


def _originals_jsonl() -> tuple[bytes, set[str]]:
    lines = [
        json.dumps({"id": f"n{i}", "text": s}, ensure_ascii=False) for i, s in enumerate(SENTENCES)
    ]
    return ("\n".join(lines) + "\n").encode(), set(SENTENCES)


@FUZZ
@given(cut=st.integers(min_value=0, max_value=2000), junk=st.binary(max_size=40))
def test_truncated_jsonl_gives_whole_lines_only(store, cut, junk):
    data, texts = _originals_jsonl()
    path, items = _read(data[: cut % (len(data) + 1)] + junk, ".jsonl")
    for article in _check(path, items, store):
        assert article.text in texts or not article.id.startswith("n")


def _warc(pages: list[str], gzip: bool) -> bytes:
    buf = BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for i, text in enumerate(pages):
        html = f"<html><body><article><p>{text} {text}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://fuzz.example/{i}", "response", payload=BytesIO(html.encode()),
                http_headers=headers,
            )
        )  # fmt: skip
    return buf.getvalue()


@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=1.0), gzip=st.booleans())
def test_truncated_warc_gives_whole_pages_only(store, cut, gzip):
    data = _warc(SENTENCES, gzip)
    _, whole = _read(data, ".warc")
    complete = {a.url: a.text for a in whole if isinstance(a, Article)}
    assert len(complete) == len(SENTENCES)
    path, items = _read(data[: int(len(data) * cut)], ".warc")
    for article in _check(path, items, store):
        assert article.text == complete[article.url]  # never a partial page
