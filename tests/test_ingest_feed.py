"""RSS/Atom feeds: linked local pages, inline content, entry dates, bad feeds."""

from __future__ import annotations

from pathlib import Path

from eventcoder.ingest import InputError, read_inputs

DATA = Path(__file__).parent / "data" / "ingest"


def test_rss_linking_a_local_html_file():
    [article] = read_inputs([str(DATA / "local.rss")])
    # the full linked page, not the one-line summary
    assert "Hunderte Fischer haben am Donnerstag" in article.text
    assert "Kurzfassung" not in article.text
    assert article.title == "Fischer blockieren Hafen"
    assert article.url == "hafen.html"
    assert article.source == str(DATA / "local.rss")
    assert (article.published, article.published_raw) == (
        "2025-02-20",
        "Thu, 20 Feb 2025 18:00:00 +0100",
    )
    assert article.lang == "de"


def test_rss_with_inline_content():
    first, second = read_inputs([str(DATA / "inline.rss")])
    assert first.text.startswith("A convoy of twenty trucks")
    assert "<p>" not in first.text and "paused for six hours" in first.text
    assert first.url == "https://wire.example.com/aid-convoy"
    assert first.published == "2025-03-03"
    assert second.text.startswith("The interior minister of Westland resigned")
    assert second.published == "2025-03-04"
    assert first.lang == second.lang == "en"


def test_atom_feed():
    [article] = read_inputs([str(DATA / "news.atom")])
    assert article.title == "Außenminister reist nach Südland"
    assert article.author == "Max Beispiel"
    assert article.text.startswith("Der Außenminister ist am Freitag")
    assert article.published == "2025-05-02"
    assert article.lang == "de"


def test_feed_that_is_not_xml(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text("this is not a feed at all, just words\n")
    [error] = read_inputs([str(path)])
    assert isinstance(error, InputError)
    assert str(path) in error.message and "RSS" in error.message


def test_entry_with_missing_local_page_and_no_text(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Gone</title><link>missing.html</link></item>"
        "<item><title>Here</title><link>https://x.example/a</link>"
        "<description>The mayor resigned on Monday.</description></item>"
        "</channel></rss>"
    )
    error, article = read_inputs([str(path)])
    assert isinstance(error, InputError) and "entry 1" in error.message
    assert "missing.html" in error.message
    assert article.text == "The mayor resigned on Monday."
