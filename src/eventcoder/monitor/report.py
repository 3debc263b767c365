"""Situation reports for one country: numbers from stories with their sources, a timeline, a
map, main actors, who did what to whom and reactions; every claim links to its evidence.
Markdown and HTML are written here; PDF is printed from the HTML by headless Chromium (or
WeasyPrint when installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import yaml

from eventcoder.monitor.query import get_story, list_stories
from eventcoder.monitor.store import MonitorStore, now_iso
from eventcoder.monitor.stories import NUMBERS, quad_of
from eventcoder.monitor.svg import map_svg, timeline_svg

VERBAL = {"verbal_cooperation", "verbal_conflict"}


class ReportError(Exception):
    """The report cannot be written (e.g. no PDF renderer)."""


@cache
def _label_table() -> dict[str, dict[str, str]]:
    path = resources.files("eventcoder.monitor").joinpath("data/report_labels.yaml")
    return yaml.safe_load(path.read_text("utf-8"))


def report_languages() -> tuple[str, ...]:
    """Languages the report's headings are available in (the keys of report_labels.yaml)."""
    return tuple(sorted(_label_table()))


def labels(lang: str) -> dict[str, str]:
    """The report's headings in ``lang`` (English when there are none for it)."""
    table = _label_table()
    return table.get(lang) or table["en"]


def _link(m: dict[str, Any], base: str | None) -> str:
    """Where a mention's evidence can be read: the dashboard's article page under ``base``
    (evidence highlighted), else the article's URL."""
    if base is not None:
        return f"{base}/ui/articles/{m['article_id']}"
    return m.get("url") or f"/ui/articles/{m['article_id']}"


def _actor(a: dict[str, Any]) -> str:
    name = a.get("name") or a.get("text") or "?"
    return f"{name} [{a['country']}]" if a.get("country") else name


def build_report(
    mstore: MonitorStore,
    *,
    country: str,
    since: str | None = None,
    until: str | None = None,
    lang: str = "en",
    base: str | None = None,
) -> dict[str, Any]:
    """Everything the report shows, as plain data (also what the tests compare)."""
    country = country.upper()
    found = list_stories(mstore, country=country, since=since, until=until, limit=None)
    stories = [s for s in (get_story(mstore, f["id"]) for f in found) if s]
    cites: list[dict[str, Any]] = []

    def cite(m: dict[str, Any]) -> int:
        cites.append({"n": len(cites) + 1, "outlet": m["outlet"], "lang": m.get("lang"),
                      "title": m.get("title"), "text": m["evidence"]["text"],
                      "link": _link(m, base), "day": m["day"]})  # fmt: skip
        return len(cites)

    headline: dict[str, Any] = {"stories": len(stories)}
    for name in NUMBERS:
        headline[name] = sum(s.get(name) or 0 for s in stories)
    by_event = {m["event_id"]: m for s in stories for m in s["events"]}
    rows = []
    for s in stories:
        figures = {}
        for name in NUMBERS:
            figures[name] = [
                {**f, "cite": cite(by_event[f["event_id"]])}
                for f in s["figures"].get(name, []) if f["event_id"] in by_event
            ]  # fmt: skip
        rows.append({**s, "cited": figures})
    days: dict[str, dict[str, int]] = {}
    for s in stories:
        cell = days.setdefault(s["first_day"], {"stories": 0, "dead": 0})
        cell["stories"] += 1
        cell["dead"] += s.get("dead") or 0
    points = []
    for s in stories:
        centre = s.get("centre") or next(
            ({"lat": m["place"]["lat"], "lon": m["place"]["lon"]} for m in s["events"]
             if m["place"] and m["place"].get("lat") is not None), None)  # fmt: skip
        if centre:
            points.append({**centre, "mentions": s["mentions"], "quad": s.get("quad"),
                           "label": f"{s['type']} {', '.join(s['places'])}"})  # fmt: skip
    actors: Counter[str] = Counter()
    triples: Counter[tuple[str, str, str]] = Counter()
    example: dict[tuple[str, str, str], int] = {}
    reactions = []
    for s in stories:
        for m in s["events"]:
            for a in m["source"] + m["target"]:
                actors[_actor(a)] += 1
            src = ", ".join(_actor(a) for a in m["source"]) or "–"
            tgt = ", ".join(_actor(a) for a in m["target"]) or "–"
            key = (src, m["type"], tgt)
            triples[key] += 1
            if key not in example:
                example[key] = cite(m)
            if quad_of(m["type"]) in VERBAL:
                reactions.append({"who": src, "type": m["type"], "target": tgt,
                                  "said": m["evidence"]["text"],
                                  "attribution": m.get("attributed_to") or m["outlet"],
                                  "factuality": m["factuality"], "cite": cite(m)})  # fmt: skip
    return {
        "country": country,
        "since": since,
        "until": until,
        "lang": lang,
        "labels": labels(lang),
        "generated": now_iso(),
        "headline": headline,
        "stories": rows,
        "timeline_svg": timeline_svg(days),
        "map_svg": map_svg(points),
        "actors": actors.most_common(12),
        "triples": [(k, n, example[k]) for k, n in triples.most_common(20)],
        "reactions": reactions,
        "citations": cites,
    }


_env = jinja2.Environment(
    loader=jinja2.PackageLoader("eventcoder.monitor", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(data: dict[str, Any]) -> str:
    return _env.get_template("report.html").render(**data)


def render_md(data: dict[str, Any]) -> str:
    L = data["labels"]  # noqa: N806
    h = data["headline"]
    period = f"{data['since'] or '…'} – {data['until'] or '…'}"
    out = [f"# {L['title']}: {data['country']}", "", f"{L['period']}: {period}  ",
           f"{L['generated']}: {data['generated']}", "", f"## {L['headline']}", "",
           f"| {L['stories']} | {L['dead']} | {L['injured']} | {L['arrested']} |",
           "|---|---|---|---|", f"| {h['stories']} | {h['dead']} | {h['injured']} | {h['arrested']} |",
           "", f"_{L['rule']}_", "", f"## {L['story_list']}", ""]  # fmt: skip
    for s in data["stories"]:
        nums = ", ".join(f"{L[n]} {s[n]}" for n in NUMBERS if s.get(n) is not None)
        out.append(f"### {s['type']} – {', '.join(s['places']) or ', '.join(s['countries'])} "
                   f"({s['first_day']})")  # fmt: skip
        out.append("")
        out.append(f"{s.get('title') or ''} — {nums or L['none']}; {s['mentions']} "
                   f"{L['mentions']}, {L['languages']} {'+'.join(s['languages'])}, "
                   f"{L['sources']}: {', '.join(s['sources'])}")  # fmt: skip
        out.append("")
        for n in NUMBERS:
            for f in s["cited"][n]:
                out.append(f"- {L[n]} {f['value']}: {f['source']} ({f['lang']}) [{f['cite']}]")
        out.append("")
    out += [f"## {L['actors']}", ""] + [f"- {a} ({n})" for a, n in data["actors"]] + [""]
    out += [f"## {L['who']}", "", f"| {L['source_actor']} | {L['action']} | {L['target_actor']} "
            f"| {L['count']} |", "|---|---|---|---|"]  # fmt: skip
    out += [f"| {s} | {t} | {g} | {n} [{c}] |" for (s, t, g), n, c in data["triples"]] + [""]
    out += [f"## {L['reactions']}", "", f"| {L['source_actor']} | {L['statement']} | "
            f"{L['attribution']} |", "|---|---|---|"]  # fmt: skip
    out += [f"| {r['who']} | {r['type']}: “{r['said']}” | {r['attribution']} [{r['cite']}] |"
            for r in data["reactions"]] + [""]  # fmt: skip
    out += [f"## {L['evidence']}", ""]
    out += [f"{c['n']}. {c['outlet']} ({c['lang']}, {c['day']}): “{c['text']}” <{c['link']}>"
            for c in data["citations"]]  # fmt: skip
    return "\n".join(out) + "\n"


def find_chromium() -> str | None:
    for candidate in (os.environ.get("EVENTCODER_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html: str, out: str, timeout: float = 120.0) -> None:
    """Print the HTML to PDF with headless Chromium, else WeasyPrint; :class:`ReportError`
    when neither is available or printing fails."""
    chromium = find_chromium()
    if chromium:
        with tempfile.TemporaryDirectory(prefix="eventcoder-report-") as tmp:
            page = Path(tmp) / "report.html"
            page.write_text(html, "utf-8")
            target = Path(out).resolve()
            cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                   "--no-pdf-header-footer", f"--user-data-dir={tmp}/profile",
                   f"--print-to-pdf={target}", page.as_uri()]  # fmt: skip
            try:
                done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
            except subprocess.TimeoutExpired as exc:
                raise ReportError(f"{chromium} did not finish printing in {timeout:.0f}s") from exc
            if done.returncode != 0 or not target.exists() or target.stat().st_size == 0:
                raise ReportError(f"{chromium} could not print the PDF: {done.stderr[-500:]}")
        return
    try:
        import weasyprint  # type: ignore[import-not-found]
    except ImportError as exc:
        raise ReportError(
            "PDF needs headless Chromium (install the chromium package or set "
            "EVENTCODER_CHROMIUM) or WeasyPrint (pip install weasyprint); "
            "or write --format html and print it"
        ) from exc
    weasyprint.HTML(string=html).write_pdf(out)


def write_report(data: dict[str, Any], fmt: str, out: str) -> None:
    """Write the report as md, html or pdf to ``out``."""
    if fmt == "md":
        Path(out).write_text(render_md(data), "utf-8")
    elif fmt == "html":
        Path(out).write_text(render_html(data), "utf-8")
    elif fmt == "pdf":
        html_to_pdf(render_html(data), out)
    else:
        raise ReportError(f"unknown report format {fmt!r}: use md, html or pdf")
