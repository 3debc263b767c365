"""Bad input gives an InputError that names the file and says what to do; the batch goes on."""

from __future__ import annotations

import os
import time

import pytest

from eventcoder.ingest import MAX_BYTES, InputError, read_inputs
from eventcoder.ingest.decode import read_file_bytes

GOOD = "The government resigned on Friday after weeks of protests.\n"


def read_with_good(tmp_path, bad_path):
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD)
    items = list(read_inputs([str(bad_path), str(good)]))
    assert items[-1].text == GOOD  # the batch went on
    errors = items[:-1]
    assert errors and all(isinstance(e, InputError) for e in errors)
    for error in errors:
        assert str(bad_path) in error.message
        assert error.path == str(bad_path)
    return errors


def test_missing_file(tmp_path):
    [error] = read_with_good(tmp_path, tmp_path / "nope.txt")
    assert "no such file" in error.message and "check the path" in error.message


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.jsonl", "empty.rss"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_text("  \n")
    [error] = read_with_good(tmp_path, path)
    assert "empty" in error.message


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    [error] = read_with_good(tmp_path, path)
    assert "PNG" in error.message and "not text" in error.message


def test_binary_without_magic_number(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(b"abc\x00\x01\x02" * 100)
    [error] = read_with_good(tmp_path, path)
    assert "binary" in error.message


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 50 + b"abc \x01\x02\x03" * 30)
    [error] = read_with_good(tmp_path, path)
    assert "UTF-8" in error.message and "convert" in error.message


def test_file_over_the_limit_fails_fast(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # a sparse 50 MB file: nothing to read into memory
        f.truncate(50 * 1024 * 1024)
    assert os.path.getsize(path) > MAX_BYTES
    started = time.perf_counter()
    [error] = read_with_good(tmp_path, path)
    assert time.perf_counter() - started < 2
    assert "too large" in error.message and "50.0 MB" in error.message


def test_html_over_the_limit(tmp_path):
    path = tmp_path / "huge.html"
    path.write_bytes(b"<p>" + b"word " * (MAX_BYTES // 5) + b"</p>")
    [error] = read_with_good(tmp_path, path)
    assert "too large" in error.message


def test_limit_is_checked_on_streams(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x" * 200)
    error = read_file_bytes(str(path), limit=100)
    assert isinstance(error, InputError) and "too large" in error.message


def test_jsonl_line_over_the_limit(tmp_path, monkeypatch):
    from eventcoder.ingest import jsonl

    monkeypatch.setattr(jsonl, "MAX_BYTES", 1000)
    path = tmp_path / "b.jsonl"
    path.write_text(
        '{"id": "big", "text": "' + "a" * 5000 + '"}\n{"id": "small", "text": "Talks ended."}\n'
    )
    original = jsonl.iter_lines

    def small_lines(stream, limit=1000):
        return original(stream, limit)

    monkeypatch.setattr(jsonl, "iter_lines", small_lines)
    error, article = read_inputs([str(path)])
    assert isinstance(error, InputError) and error.line == 1 and "limit" in error.message
    assert article.id == "small"


def test_bad_arguments_raise_at_once():
    with pytest.raises(ValueError):
        read_inputs(["x.txt"], lang="fr")
    with pytest.raises(ValueError):
        read_inputs(["x.txt"], fmt="pdf")
    with pytest.raises(ValueError):
        read_inputs(["x.txt"], published="sometime")


def test_no_standard_input(monkeypatch):
    import sys

    monkeypatch.setattr(sys, "stdin", None)
    [error] = read_inputs(["-"])
    assert isinstance(error, InputError) and "standard input" in error.message


def test_a_single_path_string_is_one_path(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    [article] = read_inputs(str(path))
    assert article.text == GOOD


def test_feed_linking_a_binary_page(tmp_path):
    (tmp_path / "page.html").write_bytes(b"%PDF-1.4 binary")
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>A</title><link>page.html</link></item></channel></rss>"
    )
    [error] = read_with_good(tmp_path, feed)
    assert "entry 1" in error.message and "PDF" in error.message
