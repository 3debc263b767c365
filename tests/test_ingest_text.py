"""Plain-text reader: decoding, headline titles, datelines, offsets, directories, stdin."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

from eventcoder.ingest import InputError, read_inputs
from eventcoder.model import article_id_for

DATA = Path(__file__).parent / "data" / "ingest"


def one(path, **kw):
    items = list(read_inputs([str(path)], **kw))
    assert len(items) == 1, items
    return items[0]


def test_utf8_text_title_date_and_language():
    article = one(DATA / "unruhen.de.txt")
    raw = (DATA / "unruhen.de.txt").read_text(encoding="utf-8")
    assert article.text == raw  # never rewritten
    assert article.title == "Schwere Zusammenstöße in Westburg: Regierung ruft den Notstand aus"
    assert article.lang == "de"
    assert article.published == "2025-03-14"
    assert article.published_raw == "Freitag, 14. März 2025"
    assert article.source == str(DATA / "unruhen.de.txt")
    assert article.id == article_id_for(article.text, article.title, None)


def test_latin1_text_is_decoded_and_newlines_normalised():
    article = one(DATA / "streik.latin1.txt")
    assert "\r" not in article.text
    assert article.title == "Streik legt Häfen im Süden lahm"
    assert "Südmark" in article.text and "äußerte" in article.text
    assert article.lang == "de"
    # German text: 13/02/25 is day first
    assert (article.published, article.published_raw) == ("2025-02-13", "13/02/25")


def test_offsets_index_the_text(tmp_path):
    text = "Rebels seize airport\n\nRebels seized the airport of Northtown on Sunday.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = one(path)
    start = article.text.index("seized")
    assert article.text[start : start + 6] == "seized"
    assert article.text == text
    assert article.title == "Rebels seize airport"


def test_sentence_first_line_is_no_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The army said on Monday it had retaken the town.\nMore later.\n")
    assert one(path).title is None


def test_lang_and_published_arguments_override(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Proteste in Südstadt\n06/01/22\n\nIn Südstadt protestierten Hunderte.\n")
    article = one(path, lang="en", published="2023-05-04")
    assert article.lang == "en"
    assert (article.published, article.published_raw) == ("2023-05-04", "2023-05-04")


def test_english_numeric_dateline_is_month_first(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks resume\n06/01/22\n\nThe two governments resumed talks on Monday.\n")
    article = one(path)
    assert article.lang == "en"
    assert article.published == "2022-06-01"


def test_directory_is_walked_sorted_and_hidden_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("The police arrested two men on Monday.")
    (tmp_path / "a.txt").write_text("Der Minister trat am Dienstag zurück.")
    (tmp_path / ".hidden.txt").write_text("This file is not read at all.")
    items = list(read_inputs([str(tmp_path)]))
    assert [a.source for a in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]
    assert [a.lang for a in items] == ["de", "en"]


def test_stdin(monkeypatch):
    data = "Armee zieht ab\n\nDie Armee hat sich am Mittwoch aus der Stadt zurückgezogen.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    article = one("-")
    assert article.text == data
    assert article.lang == "de"
    assert article.title == "Armee zieht ab"


def test_stdin_jsonl(monkeypatch):
    data = b'{"id": "s1", "text": "Troops left the town."}\n{"id": "s2", "text": "Talks began."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [a.id for a in read_inputs(["-"])] == ["s1", "s2"]


def test_fmt_forces_a_reader(tmp_path):
    path = tmp_path / "page.dat"
    shutil.copy(DATA / "report.en.html", path)
    assert one(path).title == "Border talks collapse"  # sniffed as HTML
    forced = one(path, fmt="text")
    assert forced.text.startswith("<!DOCTYPE html>")
    errors = [x for x in read_inputs([str(path)], fmt="warc") if isinstance(x, InputError)]
    assert errors and str(path) in errors[0].message
