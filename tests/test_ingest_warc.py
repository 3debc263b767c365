"""WARC reader: HTML responses with their URL; WARC-Date as the last resort."""

from __future__ import annotations

from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventcoder.ingest import InputError, read_inputs

PAGE_WITH_DATE = """<html><head><title>Ceasefire agreed</title>
<meta property="article:published_time" content="2024-08-02T10:00:00Z"></head>
<body><article><h1>Ceasefire agreed</h1><p>The two warring factions agreed to a ceasefire on
Thursday after talks mediated by neighbouring states. Both sides said they would withdraw
their heavy weapons from the front line within a week.</p></article></body></html>"""

PAGE_WITHOUT_DATE = """<html><head><title>Streik beendet</title></head><body><article>
<h1>Streik beendet</h1><p>Die Gewerkschaft hat den Streik in den Kohlegruben nach zwei Wochen
beendet. Die Bergleute erhalten mehr Lohn, teilte die Gewerkschaft am Abend mit.</p>
</article></body></html>"""


def _write_warc(path, gzip: bool) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        records = [
            (
                "https://news.example.com/ceasefire",
                PAGE_WITH_DATE,
                "text/html; charset=utf-8",
                "200 OK",
            ),
            ("https://news.example.com/logo.png", "PNG", "image/png", "200 OK"),
            ("https://news.example.com/old", "", "text/html", "301 Moved Permanently"),
            ("https://nachrichten.example.de/streik", PAGE_WITHOUT_DATE, "text/html", "200 OK"),
        ]
        for url, body, ctype, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body.encode("utf-8")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-09-15T08:00:00Z"},
            )
            writer.write_record(record)


@pytest.mark.parametrize("name,gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_html_responses(tmp_path, name, gzip):
    path = tmp_path / name
    _write_warc(path, gzip)
    first, second = read_inputs([str(path)])
    assert first.url == "https://news.example.com/ceasefire"
    assert first.title == "Ceasefire agreed"
    assert "agreed to a ceasefire" in first.text
    assert first.published == "2024-08-02"  # from the page's metadata
    assert first.lang == "en"
    assert second.url == "https://nachrichten.example.de/streik"
    assert second.lang == "de"
    assert (second.published, second.published_raw) == ("2024-09-15", "2024-09-15T08:00:00Z")
    assert first.source == second.source == str(path)


def test_warc_sniffed_without_extension(tmp_path):
    path = tmp_path / "crawl.bin"
    _write_warc(path, gzip=True)
    assert len(list(read_inputs([str(path)]))) == 2


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_keeps_earlier_records(tmp_path, gzip):
    path = tmp_path / "crawl.warc"
    _write_warc(path, gzip=gzip)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.9)])
    items = list(read_inputs([str(path)]))  # no exception
    articles = [i for i in items if not isinstance(i, InputError)]
    assert [a.url for a in articles] == ["https://news.example.com/ceasefire"]
    assert all(str(path) in i.message for i in items if isinstance(i, InputError))


def test_file_that_is_not_warc(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("Just a plain sentence, no WARC records here.")
    [error] = read_inputs([str(path)])
    assert isinstance(error, InputError)
    assert str(path) in error.message and "WARC" in error.message


def test_warc_without_html_pages(tmp_path):
    path = tmp_path / "images.warc"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/a.png", "response", payload=BytesIO(b"PNG"), http_headers=headers
            )
        )
    [error] = read_inputs([str(path)])
    assert isinstance(error, InputError) and "no HTML" in error.message
