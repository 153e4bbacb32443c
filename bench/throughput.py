"""Throughput of the pipeline: read → analyse → store, over the real corpus.

    python bench/throughput.py [--workers 1 2] [--repeat 3] [--corpus FILE ...]

For each worker count, a fresh process ingests the corpus (../shared/corpus/*.jsonl
by default) into a new SQLite file and reports documents/s, words/s and peak memory
(resident set size of the main process and of the largest worker). A second table
gives the seconds of each stage and of storing, measured in one process after a
warm-up over 50 articles (loading models and knowledge once is not counted): its
share of the whole, and what it adds to the time of all the other steps.

Every measurement runs `--repeat` times, each in a fresh process, and the tables give
the median run (the fastest too, for documents/s): a shared machine's speed changes by
a third within minutes, and one run says little. Paste the output into BENCHMARKS.md
with the command that produced it.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WARM_UP = 50  # articles analysed before the stage timing starts
DEFAULT_CORPUS = sorted((HERE.parent.parent / "shared" / "corpus").glob("*.jsonl"))


def count_words(paths: list[Path]) -> tuple[int, int]:
    documents = words = 0
    for path in paths:
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    documents += 1
                    words += len(json.loads(line)["text"].split())
    return documents, words


def run_once(paths: list[Path], workers: int) -> dict:
    """Ingest `paths` into a fresh store in this process; seconds and peak memory."""
    import datasketch  # noqa: F401  (imported lazily by the copy index; imports are not timed)

    from lagebild.ingest import ingest
    from lagebild.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        with open_store(Path(folder) / "bench.db") as store:
            report = ingest(paths, store, workers=workers)
        seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "stored": report.stored,
        "failed": len(report.failures),
        "peak_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def stage_times(paths: list[Path]) -> dict[str, float]:
    """Seconds spent in each stage of the default pipeline and in storing the
    documents (with their copy index), in one process."""
    import datasketch  # noqa: F401  (as in run_once: imports are not timed)

    from lagebild.analyze import analyze_or_fail, freeze_loaded_models
    from lagebild.ingest import COMMIT_EVERY
    from lagebild.pipeline import Pipeline, default_stages
    from lagebild.sources import Failure, read_inputs
    from lagebild.store import open_store

    spent: dict[str, float] = {}

    def timed(function):
        name = function.stage_info.name

        def run(doc):
            start = time.perf_counter()
            result = function(doc)
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
            return result

        run.stage_info = function.stage_info
        return run

    pipeline = Pipeline([timed(function) for function in default_stages()])
    start = time.perf_counter()
    articles = list(read_inputs(paths))
    read_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "stages.db") as store:
        for article in articles[:WARM_UP]:  # load models and knowledge once, outside the timing
            analyze_or_fail(article, pipeline)
            freeze_loaded_models()   # as ingest does after the first article
        spent.clear()
        spent["read"] = read_seconds
        for number, article in enumerate(articles, start=1):
            document = analyze_or_fail(article, pipeline)
            start = time.perf_counter()
            if isinstance(document, Failure):
                store.add_failure(document)
            else:
                store.add(document)
            if number % COMMIT_EVERY == 0:
                store.commit()
            spent["store"] = spent.get("store", 0.0) + time.perf_counter() - start
    return spent


def child(options: list[str], corpus: list[Path]) -> dict:
    """Run this script in a fresh process with `options`; its JSON answer."""
    command = [sys.executable, __file__, *options, "--corpus", *map(str, corpus)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--corpus", type=Path, nargs="+", default=DEFAULT_CORPUS)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child mode: one run, JSON out
    parser.add_argument("--stages", action="store_true", help=argparse.SUPPRESS)  # child mode: stage times
    args = parser.parse_args()
    if not args.corpus:
        sys.exit("no corpus found: pass --corpus FILE.jsonl (default: ../shared/corpus/*.jsonl)")
    if args.repeat < 1:
        sys.exit("--repeat: give 1 or more runs")
    if args.one:
        print(json.dumps(run_once(args.corpus, args.one)))
        return
    if args.stages:
        print(json.dumps(stage_times(args.corpus)))
        return

    documents, words = count_words(args.corpus)
    print(f"corpus: {documents} documents, {words:,} words ({', '.join(p.name for p in args.corpus)})")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print(f"each measurement: the median of {args.repeat} runs\n")
    print("| workers | seconds | documents/s | fastest run, documents/s | words/s | peak main MB | "
          "peak worker MB | stored | failed |")
    print("|---|---|---|---|---|---|---|---|---|")
    for workers in args.workers:
        runs = sorted((child(["--one", str(workers)], args.corpus) for _ in range(args.repeat)),
                      key=lambda run: run["seconds"])
        result, fastest = runs[len(runs) // 2], runs[0]["seconds"]
        seconds = result["seconds"]
        worker_mb = f"{result['peak_worker_mb']:.0f}" if workers > 1 else "-"
        print(f"| {workers} | {seconds:.1f} | {documents / seconds:.0f} | {documents / fastest:.0f} | "
              f"{words / seconds:,.0f} | {result['peak_main_mb']:.0f} | {worker_mb} | {result['stored']} | "
              f"{result['failed']} |")

    runs = sorted((child(["--stages"], args.corpus) for _ in range(args.repeat)), key=lambda run: sum(run.values()))
    spent = runs[len(runs) // 2]
    total = sum(spent.values())
    # "adds": what the step adds to the time of all the others, per document
    print("\n| step (1 process, the run of median total) | seconds | share | adds | words/s |")
    print("|---|---|---|---|---|")
    for name, seconds in spent.items():
        print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} | {seconds / (total - seconds):.0%} | "
              f"{words / seconds:,.0f} |")
    print(f"| all | {total:.2f} | 100% | | {words / total:,.0f} |")


if __name__ == "__main__":
    main()
