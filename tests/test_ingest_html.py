"""HTML reader: main text, title, author and date (trafilatura + htmldate)."""

from __future__ import annotations

from pathlib import Path

from eventcoder.ingest import InputError, read_inputs

DATA = Path(__file__).parent / "data" / "ingest"


def test_html_page():
    [article] = read_inputs([str(DATA / "report.en.html")])
    assert article.title == "Border talks collapse"
    assert article.author == "Sam Writer"
    assert article.published == "2024-11-05"
    assert article.lang == "en"
    assert "walked out of talks in Geneva" in article.text
    assert "recall their ambassador" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text


def test_html_without_metadata_date_uses_dateline(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(
        "<html><body><h1>Streit um Wasser</h1><p>Mittwoch, 7. Mai 2025</p>"
        "<p>Die Bauern der Region haben am Dienstag gegen die Wasserpolitik der Regierung "
        "protestiert. Sie blockierten dabei mehrere Straßen in der Hauptstadt.</p></body></html>",
        encoding="utf-8",
    )
    [article] = read_inputs([str(path)])
    assert article.lang == "de"
    assert (article.published, article.published_raw) == ("2025-05-07", "Mittwoch, 7. Mai 2025")


def test_broken_html_still_gives_text(tmp_path):
    path = tmp_path / "broken.html"
    path.write_bytes(
        b"<html><body><div><p>Soldiers opened fire on the crowd in the capital on Friday"
        b"<p>At least four people were wounded, hospital staff said.<div><b>"
    )
    [article] = read_inputs([str(path)])
    assert not isinstance(article, InputError)
    assert "Soldiers opened fire" in article.text
    assert "four people were wounded" in article.text


def test_html_without_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    [error] = read_inputs([str(path)])
    assert isinstance(error, InputError)
    assert str(path) in error.message and "no text" in error.message
