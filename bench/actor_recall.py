"""Recall of the gold actor codes among the actors layer, per document.

    python bench/actor_recall.py [GOLD.jsonl]   (default ../shared/eval/dev.gold.jsonl)

Until quotes and events exist, the evaluation kit's actor score (codes named in events
and quotes) is zero; this measures what the actors stage already finds: for each gold
document, the codes of the actors of its gold events and quotes, and how many of them
appear among the codes of the system's actor mentions.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from lagebild import analyze

DEFAULT_GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.gold.jsonl"


def gold_codes(record: dict) -> set[str]:
    codes = set()
    for event in record.get("events") or []:
        for side in ("source", "target"):
            value = event.get(side)
            code = value.get("code") if isinstance(value, dict) else value
            if code:
                codes.add(code)
    for quote in record.get("quotes") or []:
        if quote.get("speaker_code"):
            codes.add(quote["speaker_code"])
    return codes


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GOLD
    found_total = gold_total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold = gold_codes(record)
        if not gold:
            continue
        doc = analyze(record["text"], published=record.get("published"), id=record["id"])
        system = {actor["code"] for actor in doc.actors if actor["code"]}
        missing = sorted(gold - system)
        found_total += len(gold & system)
        gold_total += len(gold)
        print(f"{record['id']:<24} {len(gold & system)}/{len(gold)}" + (f"  missing: {', '.join(missing)}" if missing else ""))
    print(f"\nrecall of gold actor codes: {found_total}/{gold_total} = {found_total / gold_total:.3f}")


if __name__ == "__main__":
    main()
