"""The issue's "done when" on loopback: a feed with a German and an English report of the same
clash and an unrelated event -> one story (de+en, 2 mentions), one alert, nothing new on the
second round, and HTML/PDF reports whose numbers match the story."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.monitor.report import find_chromium
from monitor_helpers import Site, clash_site, serve, write_config


@pytest.fixture()
def site():
    with serve(Site()) as s:
        clash_site(s)
        yield s


def test_watch_stories_alert_report(site: Site, tmp_path) -> None:
    db = str(tmp_path / "monitor.db")
    config = write_config(tmp_path / "watch.yaml", site)
    runner = CliRunner()

    first = runner.invoke(cli, ["watch", config, "--db", db, "--once"])
    assert first.exit_code == 0, first.output
    assert "3 new articles" in first.output
    assert len(site.posts) == 1

    listed = runner.invoke(cli, ["stories", "--db", db, "--format", "jsonl"])
    stories = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    clash = [s for s in stories if "KAZ" in s["countries"]]
    assert len(clash) == 1, stories
    story = clash[0]
    assert story["languages"] == ["de", "en"]
    assert story["mentions"] == 2
    assert story["dead"] == 8 and story["arrested"] == 120
    assert len(story["sources"]) == 2  # 127.0.0.1 and localhost
    assert [s for s in stories if "FRA" in s["countries"]], "the unrelated event is its own story"

    posted = site.posts[0]
    assert posted["alert"] == "deadly-clashes"
    assert posted["story"]["id"] == story["id"]
    assert posted["story"]["languages"] == ["de", "en"]
    assert {e["lang"] for e in posted["events"]} == {"de", "en"}
    assert len(posted["links"]["articles"]) == 2

    second = runner.invoke(cli, ["watch", config, "--db", db, "--once"])
    assert second.exit_code == 0, second.output
    assert "0 new articles" in second.output
    assert len(site.posts) == 1, "a second round posts nothing new"
    assert ("GET", "/feed.rss", 304) in site.requests  # conditional GET on the second round

    html_out = tmp_path / "report.html"
    made = runner.invoke(
        cli, ["report", "--db", db, "--country", "KAZ", "--format", "html", "--out", str(html_out)]
    )
    assert made.exit_code == 0, made.output
    html = html_out.read_text("utf-8")
    assert f'data-story="{story["id"]}"' in html
    assert f'data-n="dead">{story["dead"]}<' in html
    assert f'data-n="arrested">{story["arrested"]}<' in html
    assert "<svg" in html and "cite-1" in html

    if find_chromium() is None:
        pytest.skip("no Chromium for the PDF part")
    pdf_out = tmp_path / "report.pdf"
    made = runner.invoke(
        cli, ["report", "--db", db, "--country", "KAZ", "--format", "pdf", "--out", str(pdf_out)]
    )
    assert made.exit_code == 0, made.output
    assert pdf_out.read_bytes().startswith(b"%PDF")
    pypdf = pytest.importorskip("pypdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(pdf_out)).pages)
    numbers = f"1 {story['dead']} {story['injured']} {story['arrested']}"
    assert numbers in text, text[:400]
