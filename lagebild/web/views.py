"""What the pages draw: an article's text cut into highlighted pieces, and SVG charts
(drawn here, no chart library). Pieces go into the templates as data, so Jinja2
escapes them; the SVG builders escape every string they write themselves."""
from __future__ import annotations

import math
from html import escape

from lagebild.store.queries import COOPERATION, HIT_END, HIT_START

LAYERS = ("quote", "event", "time", "actor")


def _quote_details(quote: dict) -> str:
    said = f"{quote['kind']} quote · {quote.get('speaker') or 'unknown speaker'} ({quote.get('speaker_code') or '-'})"
    if quote.get("addressee"):
        said += f" to {quote['addressee']}"
    if quote.get("via"):
        said += f", via {quote['via']}"
    return said + (f" · cue “{quote['cue']}”" if quote.get("cue") else "")


def event_details(event: dict) -> str:
    """One line saying what an event is and why it was coded."""
    target = event.get("target") or {}
    mode = f" ({event['mode']})" if event.get("mode") else ""
    why = event.get("why") or {}
    return (f"event {event['type']}{mode} · {event['source']['name']} ({event['source'].get('code') or '-'}) → "
            f"{target.get('name', '-')} ({target.get('code') or '-'}) · {event.get('date') or 'no date'} · "
            f"{event['status']} · why: “{event.get('trigger', '')}”, entry “{why.get('entry', '')}”, "
            f"rule {why.get('rule', '')}")


def _trigger(text: str, event: dict) -> tuple[int, int] | None:
    """The trigger's span: its offsets when the record has them, else its first
    occurrence in the event's sentence."""
    if isinstance(event.get("trigger_start"), int) and isinstance(event.get("trigger_end"), int):
        return event["trigger_start"], event["trigger_end"]
    sentence = event.get("sentence") or {}
    if event.get("trigger") and "start" in sentence:
        found = text.find(event["trigger"], sentence["start"], sentence["end"])
        if found >= 0:
            return found, found + len(event["trigger"])
    return None


def highlight(record: dict) -> list[dict]:
    """The text as flat pieces {"text", "classes", "details", "anchors", "sentence"}:
    `classes` names the layers covering the piece (quote, event, time, actor), `details`
    says what each is, `anchors` are the ids of the sentences (s-START) and quotes
    (q-START) that begin there, and `sentence` is the start of the event sentence the
    piece is in (None outside event sentences)."""
    text = record["text"]
    spans: list[tuple[int, int, str, str]] = []
    anchors: dict[int, list[str]] = {}
    for sentence in record.get("sentences", []):
        anchors.setdefault(sentence["start"], []).append(f"s-{sentence['start']}")
    sentences: list[tuple[int, int]] = []
    for quote in record.get("quotes", []):
        spans.append((quote["start"], quote["end"], "quote", _quote_details(quote)))
        anchors.setdefault(quote["start"], []).append(f"q-{quote['start']}")
    for event in record.get("events", []):
        sentence = event.get("sentence") or {}
        if "start" in sentence:
            sentences.append((sentence["start"], sentence["end"]))
        trigger = _trigger(text, event)
        if trigger:
            spans.append((*trigger, "event", event_details(event)))
    for time in record.get("times", []):
        spans.append((time["start"], time["end"], "time", f"time {time['type']} {time['value']}"))
    for actor in record.get("actors", []):
        spans.append((actor["start"], actor["end"], "actor",
                      f"actor {actor['kind']} · {actor['name']} ({actor.get('code') or '-'})"))
    spans = [(max(0, s), min(len(text), e), layer, d) for s, e, layer, d in spans if 0 <= s < e]
    sentences = [(max(0, s), min(len(text), e)) for s, e in sentences if 0 <= s < e]
    cuts = sorted({0, len(text), *(p for p in anchors if p <= len(text)), *(p for s in sentences for p in s),
                   *(p for s, e, _, _ in spans for p in (s, e))})
    index = {position: number for number, position in enumerate(cuts)}
    covering: list[list[tuple[str, str]]] = [[] for _ in cuts[1:]]
    in_sentence: list[int | None] = [None for _ in cuts[1:]]
    for start, end, layer, details in spans:
        for number in range(index[start], index[end]):
            covering[number].append((layer, details))
    for start, end in sentences:
        for number in range(index[start], index[end]):
            in_sentence[number] = start
    pieces = []
    for number, (start, end) in enumerate(zip(cuts, cuts[1:])):
        layers = sorted({layer for layer, _ in covering[number]}, key=LAYERS.index)
        pieces.append({"text": text[start:end], "classes": " ".join(layers),
                       "details": "\n".join(dict.fromkeys(d for _, d in covering[number])),
                       "anchors": list(dict.fromkeys(anchors.get(start, []))), "sentence": in_sentence[number]})
    return pieces


def snippet_pieces(snippet: str | None) -> list[dict]:
    """A search snippet with its hit marks as pieces {"text", "hit"}, for <mark>."""
    pieces = []
    for number, part in enumerate((snippet or "").replace(HIT_END, HIT_START).split(HIT_START)):
        if part:
            pieces.append({"text": part, "hit": number % 2 == 1})
    return pieces


def plain_snippet(snippet: str | None) -> str | None:
    return snippet.replace(HIT_START, "").replace(HIT_END, "") if snippet else snippet


def timeline_svg(rows: list[dict], width: int = 960, height: int = 280) -> str:
    """Stacked bars of events per period: cooperation (teal) below conflict (red); a
    bar's tooltip lists its counts by type."""
    if not rows:
        return '<p class="empty">No dated events for this choice.</p>'
    periods = sorted({r["period"] for r in rows})
    by_type: dict[str, dict[str, int]] = {p: {} for p in periods}
    for r in rows:
        by_type[r["period"]][r["type"]] = by_type[r["period"]].get(r["type"], 0) + r["events"]
    totals = {p: (sum(n for t, n in c.items() if t in COOPERATION), sum(n for t, n in c.items() if t not in COOPERATION))
              for p, c in by_type.items()}
    top = max(a + b for a, b in totals.values())
    left, bottom = 40, 30
    step = min(40.0, (width - left - 10) / len(periods))
    parts = [f'<svg class="chart timeline" viewBox="0 0 {width} {height + bottom}" role="img" '
             f'aria-label="events per period, cooperation and conflict">',
             f'<line class="axis" x1="{left}" y1="{height}" x2="{left + len(periods) * step:.1f}" y2="{height}"/>',
             f'<text x="{left - 6}" y="12" text-anchor="end">{top}</text>',
             f'<text x="{left - 6}" y="{height}" text-anchor="end">0</text>']
    for i, period in enumerate(periods):
        cooperation, conflict = totals[period]
        x, w = left + i * step, max(1.0, step - 1)
        h1, h2 = (height - 16) * cooperation / top, (height - 16) * conflict / top
        counts = ", ".join(f"{t} {n}" for t, n in sorted(by_type[period].items()))
        parts.append(f'<g><title>{escape(period)}: {counts}</title>'
                     f'<rect class="cooperation" x="{x:.1f}" y="{height - h1:.1f}" width="{w:.1f}" height="{h1:.1f}"/>'
                     f'<rect class="conflict" x="{x:.1f}" y="{height - h1 - h2:.1f}" width="{w:.1f}" '
                     f'height="{h2:.1f}"/></g>')
    labels = max(1, math.ceil(len(periods) * 90 / (width - left)))   # a label needs about 90 px
    for i in range(0, len(periods), labels):
        x = left + i * step + step / 2
        parts.append(f'<text x="{x:.1f}" y="{height + 18}" text-anchor="middle">{escape(periods[i])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def network_svg(edges: list[dict], size: int = 640) -> str:
    """Actors on a circle and an arrow per (source, target) pair: its width grows with
    the number of events, its colour says whether cooperation or conflict is the majority."""
    if not edges:
        return '<p class="empty">No events between two actors for this choice.</p>'
    degree: dict[str, int] = {}
    for edge in edges:
        for code in (edge["source"], edge["target"]):
            degree[code] = degree.get(code, 0) + edge["cooperation"] + edge["conflict"]
    nodes = sorted(degree)   # by name: the busiest actors do not all end up side by side
    centre, radius = size / 2, size / 2 - 60
    where = {code: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                    centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
             for i, code in enumerate(nodes)}
    parts = [f'<svg class="chart network" viewBox="0 0 {size} {size}" role="img" aria-label="who acts on whom">',
             '<defs><marker id="arrow-cooperation" class="cooperation" viewBox="0 0 10 10" refX="10" refY="5" '
             'markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0,0L10,5L0,10z"/>'
             '</marker><marker id="arrow-conflict" class="conflict" viewBox="0 0 10 10" refX="10" refY="5" '
             'markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto">'
             '<path d="M0,0L10,5L0,10z"/></marker></defs>']
    for edge in edges:
        (x1, y1), (x2, y2) = where[edge["source"]], where[edge["target"]]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        # stop at the target's circle, and bend so that A→B and B→A do not overlap
        x2, y2 = x2 - (x2 - x1) * 20 / length, y2 - (y2 - y1) * 20 / length
        bend_x, bend_y = (x1 + x2) / 2 + (y2 - y1) * 0.12, (y1 + y2) / 2 - (x2 - x1) * 0.12
        kind = "cooperation" if edge["cooperation"] >= edge["conflict"] else "conflict"
        total = edge["cooperation"] + edge["conflict"]
        parts.append(f'<path class="edge {kind}" d="M{x1:.0f},{y1:.0f} Q{bend_x:.0f},{bend_y:.0f} {x2:.0f},{y2:.0f}" '
                     f'stroke-width="{1 + 1.5 * math.log2(total):.1f}" marker-end="url(#arrow-{kind})">'
                     f'<title>{escape(edge["source"])} → {escape(edge["target"])}: {edge["cooperation"]} cooperation, '
                     f'{edge["conflict"]} conflict</title></path>')
    for code, (x, y) in where.items():
        parts.append(f'<g class="node"><title>{escape(code)}: {degree[code]} events</title>'
                     f'<circle cx="{x:.0f}" cy="{y:.0f}" r="18"/>'
                     f'<text x="{x:.0f}" y="{y + 4:.0f}" text-anchor="middle">{escape(code)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
