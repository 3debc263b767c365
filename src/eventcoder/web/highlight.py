"""Article text as HTML with each event's evidence and actors marked, built from offsets.

Every piece of article text is HTML-escaped; only the markup added here is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from eventcoder.model import Article


@dataclass(frozen=True)
class Span:
    """One marked stretch of the text."""

    start: int
    end: int
    kind: str  # "evidence" | "source" | "target" | "place"
    event_id: str
    label: str


def spans_of(article: Article) -> list[Span]:
    """The evidence, actor and place spans of the article's events that fit its text."""
    n = len(article.text)
    out: list[Span] = []

    def add(start: int | None, end: int | None, kind: str, event_id: str, label: str) -> None:
        if start is None or end is None or not 0 <= start < end <= n:
            return
        out.append(Span(start, end, kind, event_id, label))

    for ev in article.events:
        add(ev.evidence.start, ev.evidence.end, "evidence", ev.id, ev.type)
        for kind, actors in (("source", ev.source), ("target", ev.target)):
            for a in actors:
                add(a.start, a.end, kind, ev.id, f"{kind}: {a.name or a.text} {a.code or ''}")
        if ev.location is not None:
            loc = ev.location
            add(loc.start, loc.end, "place", ev.id, f"place: {loc.name or loc.text or ''}")
    return out


def highlight(article: Article) -> Markup:
    """Return the article text as escaped HTML with ``<mark>`` and ``<span>`` highlights.

    Evidence spans become ``<mark class="evidence" data-events="...">``; actor and place spans
    inside become ``<span class="actor source|target">`` / ``<span class="place">``. Overlapping
    spans are handled by cutting the text at every span boundary.
    """
    text = article.text
    spans = spans_of(article)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    started: set[str] = set()
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s.start <= a and b <= s.end]
        piece = escape(text[a:b], quote=False)
        inner = [s for s in covering if s.kind != "evidence"]
        if inner:
            kinds = sorted({s.kind for s in inner})
            actor = ["actor"] if {"source", "target"} & set(kinds) else []
            classes = " ".join(actor + kinds)
            title = "; ".join(dict.fromkeys(s.label for s in inner))
            piece = f'<span class="{classes}" title="{escape(title)}">{piece}</span>'
        evidence = [s for s in covering if s.kind == "evidence"]
        if evidence:
            ids = list(dict.fromkeys(s.event_id for s in evidence))
            anchors = "".join(
                f'<a class="anchor" id="ev-{escape(eid)}"></a>' for eid in ids if eid not in started
            )
            started.update(ids)
            types = " ".join(dict.fromkeys(s.label for s in evidence))
            piece = (
                f'{anchors}<mark class="evidence" data-events="{escape(" ".join(ids))}"'
                f' title="{escape(types)}">{piece}</mark>'
            )
        parts.append(piece)
    return Markup("".join(parts))
