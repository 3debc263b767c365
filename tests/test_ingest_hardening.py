"""Readers never damage input silently (issue 14 items 5-9 and 14): truncated WARC records,
a few bad UTF-8 bytes, wrongly typed JSONL fields, duplicate ids, deep HTML, symbolic links,
FIFOs. The sentences are written for these tests."""

from __future__ import annotations

import json
import os
import threading
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventcoder.ingest import InputError, read_inputs

DE = (
    "Die Bürger protestierten am Montag gegen die Schließung der Fabrik in Köln. "
    "Über fünfhundert Menschen zogen vor das Rathaus, die Polizei sprach von einer "
    "friedlichen Kundgebung.\n"
)
PAGE = (
    "<html><head><title>Streik in der Fabrik</title></head><body><article><p>"
    + "Die Gewerkschaft hat am Dienstag zu einem Streik in der Fabrik aufgerufen. " * 8
    + "</p></article></body></html>"
)


def _errors(items):
    return [i for i in items if isinstance(i, InputError) and not i.warning]


def _warnings(items):
    return [i for i in items if isinstance(i, InputError) and i.warning]


def _articles(items):
    return [i for i in items if not isinstance(i, InputError)]


# -- item 5: truncated WARC --------------------------------------------------------------


def _warc_bytes(gzip: bool, pages: int = 2) -> bytes:
    buf = BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for i in range(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = PAGE.replace("Dienstag", f"Tag {i}").encode()
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example.org/{i}",
                "response",
                payload=BytesIO(body),
                http_headers=headers,
            )
        )
    return buf.getvalue()


@pytest.mark.parametrize("gzip,name", [(False, "cut.warc"), (True, "cut.warc.gz")])
def test_truncated_warc_record_is_reported_not_stored(tmp_path, gzip, name):
    data = _warc_bytes(gzip)
    whole = tmp_path / ("whole" + name)
    whole.write_bytes(data)
    assert len(_articles(list(read_inputs([str(whole)])))) == 2
    path = tmp_path / name
    path.write_bytes(data[: len(data) - 300])  # the second record loses its end
    items = list(read_inputs([str(path)]))
    (article,) = _articles(items)
    assert article.url == "https://news.example.org/0"
    (error,) = _errors(items)
    assert error.message.startswith(f"{path}, record 2: truncated")


def test_warc_cut_inside_the_headers_is_an_error_not_a_traceback(tmp_path):
    data = _warc_bytes(False, pages=1)
    path = tmp_path / "head.warc"
    path.write_bytes(data[:40])
    items = list(read_inputs([str(path)]))
    assert not _articles(items) and "record 1" in _errors(items)[0].message


# -- item 6: mostly valid UTF-8 ----------------------------------------------------------


def test_few_bad_bytes_decode_as_utf8_with_a_warning(tmp_path):
    raw = DE.encode() * 3
    path = tmp_path / "damaged.txt"
    path.write_bytes(raw[:30] + b"\xff\xfe" + raw[30:] + b"\xe4\n")
    items = list(read_inputs([str(path)]))
    (warning,) = _warnings(items)
    assert "UTF-8 with 3 invalid byte sequences" in warning.message
    (article,) = _articles(items)
    assert "Schließung der Fabrik in Köln" in article.text and "Über" in article.text
    assert "\ufffd" in article.text
    # a real legacy file is still recognised as such, without a warning
    legacy = tmp_path / "latin1.txt"
    legacy.write_bytes((DE * 3).encode("latin-1"))
    items = list(read_inputs([str(legacy)]))
    assert not _warnings(items) and "Köln" in _articles(items)[0].text


# -- item 7: JSONL fields, duplicate ids, explicit lang ------------------------------------


def test_jsonl_wrong_types_and_bad_dates_are_warned_per_line(tmp_path):
    lines = [
        {"id": "a1", "text": DE, "title": {"de": "Protest"}, "lang": "de"},
        {"id": "a2", "text": DE + " Zwei.", "published": "im Frühling irgendwann"},
        {"id": 7, "text": DE + " Drei.", "author": ["X", "Y"], "published": "2023-05-04"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in lines) + "\n")
    items = list(read_inputs([str(path)]))
    warnings = [w.message for w in _warnings(items)]
    assert len(warnings) == 3, warnings
    assert warnings[0].startswith(f'{path}, line 1: "title" is an object')
    assert warnings[1].startswith(f'{path}, line 2: "published"') and "not a date" in warnings[1]
    assert warnings[2].startswith(f'{path}, line 3: "author" is a list')
    first, second, third = _articles(items)
    assert first.title is None and "{" not in (first.title or "")
    assert second.published_raw == "im Frühling irgendwann"
    assert third.id == "7" and third.published == "2023-05-04" and third.author is None
    assert not _errors(items)


def test_same_id_for_different_texts_names_both_lines(tmp_path):
    path = tmp_path / "dup.jsonl"
    rows = [
        {"id": "x", "text": DE},
        {"id": "y", "text": DE + " Anders."},
        {"id": "x", "text": DE},  # the same article again: fine, the store skips it
        {"id": "x", "text": "Ein ganz anderer Text über einen Streik in Hamburg."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    items = list(read_inputs([str(path)]))
    assert [a.id for a in _articles(items)] == ["x", "y", "x"]
    (error,) = _errors(items)
    assert error.message.startswith(f"{path}, line 4: id 'x'")
    assert f"{path}, line 1" in error.message


def test_explicit_lang_is_kept_lower_cased_never_redetected(tmp_path):
    path = tmp_path / "langs.jsonl"
    rows = [
        {"id": "f", "text": DE, "lang": "FR"},  # German text, but the record says fr
        {"id": "g", "text": DE + " Noch."},  # no lang: detected
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    first, second = _articles(list(read_inputs([str(path)])))
    assert first.lang == "fr" and second.lang == "de"


# -- item 8: deeply nested HTML ------------------------------------------------------------


def test_html_nested_deeper_than_lxml_allows_falls_back_to_plain_text(tmp_path):
    body = "<p>Die Polizei hat am Montag zwei Demonstranten festgenommen.</p>"
    body += "<script>var hidden = 1;</script><p>Ein Sprecher bestätigte das &amp; mehr.</p>"
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 400 + body + "</div>" * 400 + "</body></html>")
    (article,) = list(read_inputs([str(path)]))
    assert not isinstance(article, InputError), article
    assert "zwei Demonstranten festgenommen" in article.text and "& mehr" in article.text
    assert "hidden" not in article.text


# -- item 9: symbolic links to directories -------------------------------------------------


def test_symlinked_directories_are_followed_once(tmp_path):
    top = tmp_path / "top"
    (top / "sub").mkdir(parents=True)
    (top / "sub" / "a.txt").write_text(DE, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(DE + "Zweiter Bericht.\n", encoding="utf-8")
    os.symlink(elsewhere, top / "linked")
    os.symlink(top, top / "sub" / "loop")  # a loop back to the top
    items = list(read_inputs([str(top)]))
    sources = sorted(os.path.relpath(a.source, top) for a in _articles(items))
    assert sources == ["linked/b.txt", "sub/a.txt"]
    (warning,) = _warnings(items)
    assert "loop" in warning.message and "not followed" in warning.message
    assert not _errors(items)


# -- item 14: FIFOs and /dev/fd/N ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["text", "jsonl", "warc"])
def test_fifo_is_read_as_a_stream(tmp_path, kind):
    data = {
        "text": DE.encode(),
        "jsonl": json.dumps({"id": "p1", "text": DE}).encode() + b"\n",
        "warc": _warc_bytes(True, pages=1),
    }[kind]
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as out:
            for i in range(0, len(data), 100):  # in small pieces, as a slow producer would
                out.write(data[i : i + 100])

    writer = threading.Thread(target=write)
    writer.start()
    items = list(read_inputs([str(fifo)]))
    writer.join(timeout=10)
    assert not _errors(items), items
    (article,) = _articles(items)
    assert "Fabrik" in article.text or "Gewerkschaft" in article.text


def test_dev_fd_pipe_is_read(tmp_path):
    read_end, write_end = os.pipe()
    os.write(write_end, DE.encode())
    os.close(write_end)
    try:
        (article,) = list(read_inputs([f"/dev/fd/{read_end}"]))
    finally:
        os.close(read_end)
    assert not isinstance(article, InputError), article
    assert "Köln" in article.text


def test_jsonl_line_with_a_few_bad_bytes_is_read_with_a_warning(tmp_path):
    good = json.dumps({"id": "u", "text": DE}, ensure_ascii=False).encode()
    cut = good.index(b"Fabrik")
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(good[:cut] + b"\xff" + good[cut:] + b"\n" + b'{"id": "v", "text": "\xe4"}\n')
    items = list(read_inputs([str(path)]))
    (warning,) = _warnings(items)
    assert warning.message.startswith(f"{path}, line 1: decoded as UTF-8 with 1 invalid")
    (article,) = _articles(items)
    assert "Schließung der \ufffdFabrik in Köln" in article.text
    (error,) = _errors(items)  # nothing but a bad byte: not UTF-8 at all
    assert error.message.startswith(f"{path}, line 2: not valid UTF-8")
