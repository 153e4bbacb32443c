"""Readable views of analysis records and store statistics, for people at a terminal."""
from __future__ import annotations

import textwrap


def record_text(record: dict) -> str:
    """An analysis record as text: metadata, numbered sentences, what the cleaner removed."""
    text = record["text"]
    lines = [
        f"# {record.get('title') or '(no title)'}",
        "",
        f"id:        {record['id']}   key: {record['key'][:16]}",
        f"origin:    {record.get('origin') or '-'}",
        f"language:  {record.get('language') or '?'} ({record.get('language_confidence') or '-'})",
        f"published: {record.get('published') or '?'}"
        + (f" (from {record['published_from']})" if record.get("published_from") else ""),
        f"source:    {record.get('source') or '-'}   agency: {record.get('agency') or '-'}"
        f"   dateline: {record.get('dateline') or '-'}",
        f"layers:    {len(record['sentences'])} sentences, {len(record['tokens'])} tokens, "
        f"{len(record['times'])} times, {len(record['actors'])} actors, "
        f"{len(record['quotes'])} quotes, {len(record['events'])} events",
        "",
        "## Sentences",
    ]
    for number, sentence in enumerate(record["sentences"], start=1):
        body = " ".join(text[sentence["start"]:sentence["end"]].split())
        lines.append(textwrap.fill(
            body, width=100, initial_indent=f"{number:>3}. ", subsequent_indent="     ", break_on_hyphens=False
        ))
    if record["times"]:
        lines += ["", "## Time expressions"]
        for time in record["times"]:
            mod = f" ({time['mod']})" if time.get("mod") else ""
            lines.append(f"  {time['text']!r:<32} {time['type']:<8} {time['value']}{mod}")
    if record["actors"]:
        lines += ["", "## Actors"]
        seen = set()
        for actor in record["actors"]:
            key = (actor["name"], actor["code"], actor["sector"], actor["kind"])
            if key in seen:
                continue
            seen.add(key)
            coded = "/".join(part for part in (actor["code"], actor["sector"]) if part) or "-"
            lines.append(f"  {actor['text']!r:<32} {actor['kind']:<5} {coded:<10} {actor['name']}")
    if record["quotes"]:
        lines += ["", "## Quotes"]
        for quote in record["quotes"]:
            lines += _quote_lines(quote)
    if record["events"]:
        lines += ["", "## Events"]
        for event in record["events"]:
            lines += _event_lines(event, text)
    if record["removed"]:
        lines += ["", "## Removed by the cleaner"]
        for removed in record["removed"]:
            lines.append(f"  [{removed['reason']}] {removed['text']!r}")
    return "\n".join(lines)


def _quote_lines(quote: dict) -> list[str]:
    """A quote: who said it (code), to whom and through whom, its cue and its words."""
    who = f"{quote['speaker']} ({quote.get('speaker_code') or '-'})"
    if quote.get("addressee"):
        who += f" to {quote['addressee']}"
    if quote.get("via"):
        who += f", via {quote['via']}"
    cue = f", cue {quote['cue']!r}" if quote.get("cue") else ""
    head = f"  [{quote['kind']}] {who}{cue}:"
    return [head, textwrap.fill(quote["text"], width=100, initial_indent="      „",
                                subsequent_indent="       ", break_on_hyphens=False) + "“"]


def _event_lines(event: dict, text: str) -> list[str]:
    """An event: type and mode, who on whom, date and status, and why it was coded."""
    target = event["target"]
    dyad = f"{event['source']['name']} ({event['source']['code']}) → " + (
        f"{target['name']} ({target['code']})" if target else "-")
    mode = f"/{event['mode']}" if event.get("mode") else ""
    where = f", in {event['location']['name']}" if event.get("location") else ""
    sentence = " ".join(text[event["sentence"]["start"]:event["sentence"]["end"]].split())
    return [f"  {event['type']}{mode}: {dyad}, {event['date'] or 'no date'}, {event['status']}{where}",
            f"      why: trigger {event['trigger']!r} (lexicon entry {event['why']['entry']!r}, rule {event['why']['rule']})",
            textwrap.fill(sentence, width=100, initial_indent="      in: ", subsequent_indent="          ",
                          break_on_hyphens=False)]


def stats_text(stats: dict, where: str) -> str:
    """Store statistics as text."""
    def counts(mapping: dict) -> str:
        return ", ".join(f"{name} {count}" for name, count in mapping.items()) or "-"

    layers = stats["layers"]
    return "\n".join([
        f"store:      {where}",
        f"documents:  {stats['documents']} ({stats['inputs']} inputs, {stats['duplicates']} duplicates skipped, "
        f"{stats['failures']} failures)",
        f"languages:  {counts(stats['languages'])}",
        f"sources:    {counts(stats['sources'])}",
        f"agencies:   {counts(stats['agencies'])}",
        "layers:     " + ", ".join(f"{count} {name}" for name, count in layers.items()),
    ])
