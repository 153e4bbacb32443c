"""What the pages draw: an article's text cut into highlighted pieces, and SVG charts
(drawn here, no chart library). Every string goes into the templates as data, so
Jinja2 escapes it; the SVG builders escape what they write themselves."""
from __future__ import annotations

import math
from html import escape

# Cooperation (verbal and material) versus conflict, for colours.
COOPERATION = frozenset("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT".split())


def highlight(record: dict) -> list[dict]:
    """The text as pieces: {"text", "kind" (None, "time", "actor", "quote"), "title"}.
    Quotes come first where layers overlap; a span that overlaps a taken one is left out."""
    text = record["text"]
    spans = []
    for quote in record.get("quotes", []):
        if quote["kind"] != "phrase":
            spans.append((quote["start"], quote["end"], "quote",
                          f"{quote['kind']} quote · {quote['speaker']} ({quote.get('speaker_code') or '-'})"))
    for time in record.get("times", []):
        spans.append((time["start"], time["end"], "time", f"{time['type']} {time['value']}"))
    for actor in record.get("actors", []):
        spans.append((actor["start"], actor["end"], "actor",
                      f"{actor['kind']} · {actor['name']} ({actor.get('code') or '-'})"))
    taken: list[tuple[int, int, str, str]] = []
    for span in sorted(spans, key=lambda s: (["quote", "time", "actor"].index(s[2]), s[0])):
        if all(span[1] <= t[0] or t[1] <= span[0] for t in taken):
            taken.append(span)
    # each sentence start gets an anchor ("#s-120"), so the events table links to the sentence
    anchors = sorted(s["start"] for s in record.get("sentences", []))
    pieces, position = [], 0
    for start, end, kind, title in sorted(taken) + [(len(text), len(text), None, "")]:
        while anchors and anchors[0] <= start:
            anchor = max(anchors.pop(0), position)
            if anchor > position:
                pieces.append({"text": text[position:anchor], "kind": None, "title": ""})
                position = anchor
            pieces.append({"text": "", "kind": "anchor", "title": f"s-{anchor}"})
        if start > position:
            pieces.append({"text": text[position:start], "kind": None, "title": ""})
        if kind:
            pieces.append({"text": text[start:end], "kind": kind, "title": title})
        position = max(position, end)
    return pieces


def timeline_svg(rows: list[dict], width: int = 900, height: int = 260) -> str:
    """Stacked bars of events per period, green for cooperation, red for conflict."""
    if not rows:
        return '<p class="empty">No dated events yet.</p>'
    periods = sorted({r["period"] for r in rows})
    totals = {p: [0, 0] for p in periods}
    for r in rows:
        totals[r["period"]][0 if r["type"] in COOPERATION else 1] += r["events"]
    top = max(sum(v) for v in totals.values())
    bar = max(2, (width - 60) // len(periods))
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height + 40}" role="img" aria-label="events per period">']
    for i, period in enumerate(periods):
        cooperation, conflict = totals[period]
        x = 50 + i * bar
        h1, h2 = height * cooperation / top, height * conflict / top
        parts.append(f'<rect class="cooperation" x="{x}" y="{height - h1:.1f}" width="{bar - 1}" height="{h1:.1f}">'
                     f'<title>{escape(period)}: {cooperation} cooperation</title></rect>')
        parts.append(f'<rect class="conflict" x="{x}" y="{height - h1 - h2:.1f}" width="{bar - 1}" height="{h2:.1f}">'
                     f'<title>{escape(period)}: {conflict} conflict</title></rect>')
    parts.append(f'<text x="50" y="{height + 20}">{escape(periods[0])}</text>')
    parts.append(f'<text x="{width - 10}" y="{height + 20}" text-anchor="end">{escape(periods[-1])}</text>')
    parts.append(f'<text x="5" y="15">{top}</text></svg>')
    return "".join(parts)


def network_svg(events: list[dict], size: int = 600) -> str:
    """Actors on a circle, an edge per dyad, its width the number of events, its colour
    cooperation or conflict by majority."""
    edges: dict[tuple[str, str], list[int]] = {}
    for e in events:
        if not e.get("target"):
            continue
        key = (e["source"]["code"], e["target"]["code"])
        edges.setdefault(key, [0, 0])[0 if e["type"] in COOPERATION else 1] += 1
    if not edges:
        return '<p class="empty">No events between actors yet.</p>'
    nodes = sorted({code for pair in edges for code in pair})
    centre, radius = size / 2, size / 2 - 50
    where = {code: (centre + radius * math.cos(2 * math.pi * i / len(nodes)),
                    centre + radius * math.sin(2 * math.pi * i / len(nodes))) for i, code in enumerate(nodes)}
    parts = [f'<svg class="chart" viewBox="0 0 {size} {size}" role="img" aria-label="who acts on whom">']
    for (source, target), (cooperation, conflict) in edges.items():
        (x1, y1), (x2, y2) = where[source], where[target]
        kind = "cooperation" if cooperation >= conflict else "conflict"
        parts.append(f'<line class="{kind}" x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                     f'stroke-width="{1 + math.log2(cooperation + conflict):.1f}"><title>{escape(source)} → '
                     f'{escape(target)}: {cooperation} cooperation, {conflict} conflict</title></line>')
    for code, (x, y) in where.items():
        parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="16"/><text x="{x:.0f}" y="{y + 4:.0f}" '
                     f'text-anchor="middle">{escape(code)}</text>')
    parts.append("</svg>")
    return "".join(parts)
