"""Copy detection on the syndication benchmark: BCubed F1 of the stories, ingest speed,
and the size of the LSH index per document.

    python bench/syndication.py [--seeds 1 2 3] [--workers 1]

For each seed, `../shared/eval/syndicate.py` builds real articles plus republished
copies; they are ingested into a fresh store (copy detection on), `lagebild stories
--format jsonl` is written and scored with `../shared/eval/clusters.py`. Paste the
output into BENCHMARKS.md with the command that produced it.
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
EVAL = HERE.parent.parent / "shared" / "eval"


def run(seed: int, workers: int, folder: Path) -> dict:
    from lagebild.ingest import ingest
    from lagebild.store.sqlite import SQLiteStore
    from lagebild.stories import stories

    out = folder / f"seed{seed}"
    subprocess.run([sys.executable, str(EVAL / "syndicate.py"), str(out), "--seed", str(seed)],
                   check=True, capture_output=True)
    db = folder / f"seed{seed}.db"
    start = time.perf_counter()
    with SQLiteStore(db) as store:
        report = ingest([out / "input.jsonl"], store, workers=workers)
        seconds = time.perf_counter() - start
        found = stories(store)
    with open(out / "stories.jsonl", "w", encoding="utf-8") as stream:
        for story in found:
            stream.write(json.dumps({"story": story["story"], "documents": story["documents"]}) + "\n")
    score = subprocess.run([sys.executable, str(EVAL / "clusters.py"), str(out / "gold.jsonl"),
                            str(out / "stories.jsonl")], check=True, capture_output=True, text=True).stdout.strip()
    connection = sqlite3.connect(db)
    sizes = dict(connection.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall())
    return {"seed": seed, "documents": report.stored, "stories": len(found), "docs_per_s": report.stored / seconds,
            "score": score, "bands_bytes_per_doc": (sizes["copy_bands"] + sizes["copy_bands_bucket"]) / report.stored,
            "signature_bytes_per_doc": sizes["copies"] / report.stored}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    print("| seed | documents | stories | BCubed | documents/s (all stages, copy detection on) | "
          "LSH bands bytes/doc | signatures bytes/doc |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for seed in args.seeds:
            r = run(seed, args.workers, Path(folder))
            print(f"| {r['seed']} | {r['documents']} | {r['stories']} | {r['score']} | {r['docs_per_s']:.0f} | "
                  f"{r['bands_bytes_per_doc']:.0f} | {r['signature_bytes_per_doc']:.0f} |")


if __name__ == "__main__":
    main()
