"""Copies, stories and event merging on the syndication benchmark: BCubed F1 of the
stories, ingest speed, the size of the LSH index per document, and event inflation.

    python bench/syndication.py [--seeds 1 2 3] [--workers 1]

For each seed, `../shared/eval/syndicate.py` builds real articles plus republished
copies; they are ingested into a fresh store (copy detection on), `lagebild stories
--format jsonl` is written and scored with `../shared/eval/clusters.py`. The
originals alone (the inputs whose text is a corpus article's) are ingested into a
second store: event inflation is the number of merged events with the copies over
the number from the originals alone (GDELT's, counting every report, is the number
of mentions over it). Paste the output into BENCHMARKS.md with the command.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
EVAL = SHARED / "eval"


def _timed(index) -> list[float]:
    """Wrap the store's copy index so each add's seconds are counted."""
    spent = [0.0]
    add = index.add

    def timed_add(key, text):
        start = time.perf_counter()
        try:
            return add(key, text)
        finally:
            spent[0] += time.perf_counter() - start

    index.add = timed_add
    return spent


def _ingest(path: Path, db: Path, workers: int):
    from lagebild.ingest import ingest
    from lagebild.merge import merged_events
    from lagebild.store.sqlite import SQLiteStore
    from lagebild.stories import stories

    with SQLiteStore(db) as store:
        spent = _timed(store.copy_index)
        start = time.perf_counter()
        report = ingest([path], store, workers=workers)
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        found = stories(store)
        story_seconds = time.perf_counter() - start
        events = merged_events(store)
        mentions = store.connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    return report, seconds, spent[0], found, story_seconds, events, mentions


def run(seed: int, workers: int, folder: Path, corpus_texts: set[str]) -> dict:
    out = folder / f"seed{seed}"
    subprocess.run([sys.executable, str(EVAL / "syndicate.py"), str(out), "--seed", str(seed)],
                   check=True, capture_output=True)
    report, seconds, copy_seconds, found, story_seconds, events, mentions = _ingest(
        out / "input.jsonl", folder / f"seed{seed}.db", workers)
    with open(out / "stories.jsonl", "w", encoding="utf-8") as stream:
        stream.writelines(json.dumps({"story": story["story"], "documents": story["documents"]}) + "\n" for story in found)
    score = subprocess.run([sys.executable, str(EVAL / "clusters.py"), str(out / "gold.jsonl"),
                            str(out / "stories.jsonl")], check=True, capture_output=True, text=True).stdout.strip()
    with open(out / "input.jsonl", encoding="utf-8") as source, \
            open(out / "originals.jsonl", "w", encoding="utf-8") as target:
        for line in source:
            if json.loads(line)["text"] in corpus_texts:
                target.write(line)
    _, _, _, _, _, alone, _ = _ingest(out / "originals.jsonl", folder / f"seed{seed}-originals.db", workers)
    connection = sqlite3.connect(folder / f"seed{seed}.db")
    sizes = dict(connection.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall())
    n = report.stored
    return {"seed": seed, "documents": n, "stories": len(found), "score": score.split("  ", 1)[1],
            "docs_per_s": n / seconds, "copy_ms": 1000 * copy_seconds / n, "stories_s": story_seconds,
            "buckets_bytes": sizes["copy_buckets"] / n,
            "signature_bytes": (sizes["copies"] + sizes.get("sqlite_autoindex_copies_1", 0)) / n,
            "events": len(events), "alone": len(alone), "mentions": mentions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    corpus_texts = set()
    for path in sorted((SHARED / "corpus").glob("*.jsonl")):
        with open(path, encoding="utf-8") as stream:
            corpus_texts.update(json.loads(line)["text"] for line in stream if line.strip())
    print("| seed | documents | stories | BCubed | docs/s (all stages, 1 worker) | copy check ms/doc | "
          "stories s | LSH buckets bytes/doc | signatures bytes/doc | events: originals / with copies (ratio) | "
          "mentions (ratio) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for seed in args.seeds:
            r = run(seed, args.workers, Path(folder), corpus_texts)
            print(f"| {r['seed']} | {r['documents']} | {r['stories']} | {r['score']} | {r['docs_per_s']:.0f} | "
                  f"{r['copy_ms']:.2f} | {r['stories_s']:.1f} | {r['buckets_bytes']:.0f} | {r['signature_bytes']:.0f} | "
                  f"{r['alone']} / {r['events']} ({r['events'] / max(1, r['alone']):.3f}) | "
                  f"{r['mentions']} ({r['mentions'] / max(1, r['alone']):.2f}) |", flush=True)


if __name__ == "__main__":
    main()
