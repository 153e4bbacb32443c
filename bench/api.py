"""Latency of the REST API: a store of 10,000 articles, then 1,000 requests to
/api/events (merged events, the default) with mixed filters from a client on
loopback, the article page, and 50 requests to each other read endpoint (search,
quotes, actors, timeline, network, events counting mentions, stories, a story and
its page). Before them, the first request (which computes the stories and merged
events of the store) is timed, and after them the first request after one more
document is posted (which computes them again).

    python bench/api.py [--documents 10000] [--requests 1000]

The corpus (../shared/corpus/*.jsonl) is analysed once; its documents are stored
again with new ids (and a marker line, so that each has its own content key) until
the store holds --documents articles. A uvicorn server runs in a child process;
httpx sends the requests one after another. Paste the output into BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = sorted((HERE.parent.parent / "shared" / "corpus").glob("*.jsonl"))
CODES = ["RUS", "UKR", "USA", "DEU", "FRA", "TUR", "SYR", "CHN", "ISR", "EU", "NATO", "GBR"]
TYPES = ["CONSULT", "ASSAULT", "ACCUSE", "REQUEST", "SUPPORT", "AID", "SANCTION", "AGREE"]
TOKEN = "bench"
NEW_DOCUMENT = {"id": "bench-new", "published": "2024-02-01",
                "text": "Scholz empfängt Macron in Berlin\n\nBERLIN (dpa) – Bundeskanzler Olaf Scholz hat am "
                        "Donnerstag den französischen Präsidenten Emmanuel Macron im Kanzleramt empfangen. Beide "
                        "sagten der Ukraine weitere Hilfe zu."}


def build_store(path: Path, documents: int) -> list[str]:
    from lagebild.analyze import analyze_article
    from lagebild.sources.jsonl import parse_record
    from lagebild.store.sqlite import SQLiteStore

    analysed = []
    for corpus in CORPUS:
        for number, line in enumerate(corpus.read_bytes().splitlines(), 1):
            if line.strip():
                analysed.append(analyze_article(parse_record(line, f"{corpus.name}:{number}", 10_000_000)))
    keys = []
    with SQLiteStore(path) as store:
        for n in range(documents):
            doc = copy.copy(analysed[n % len(analysed)])
            doc.raw = f"{doc.raw}\n<!-- copy {n} -->"
            doc.id = f"bench-{n}"
            store.add(doc)
            keys.append(doc.key)
            if n % 1000 == 999:
                store.commit()
    return keys


def timed(client, path: str, params: dict) -> float:
    """Milliseconds for one GET (which must succeed)."""
    start = time.perf_counter()
    client.get(path, params=params).raise_for_status()
    return (time.perf_counter() - start) * 1000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    import httpx

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=1_000)
    args = parser.parse_args()
    random.seed(1)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "api.db"
        start = time.perf_counter()
        keys = build_store(db, args.documents)
        print(f"store: {args.documents} documents built in {time.perf_counter() - start:.0f} s")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "lagebild.web.app:app_from_env",
                                   "--port", str(port), "--log-level", "warning"],
                                  env={**os.environ, "LAGEBILD_DB": str(db), "LAGEBILD_TOKEN": TOKEN})
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=30) as client:
                for _ in range(100):
                    try:
                        client.get("/api/health")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                first_ms = timed(client, "/api/stories", {})
                story_ids = [s["story"] for s in client.get("/api/stories", params={"limit": 500}).json()]
                timings = []
                for _ in range(args.requests):
                    params = random.choice([
                        {"actor": random.choice(CODES)},
                        {"type": random.choice(TYPES)},
                        {"source": random.choice(CODES), "target": random.choice(CODES)},
                        {"actor": random.choice(CODES), "type": random.choice(TYPES), "since": "2015-01-01"},
                        {"q": random.choice(["Angriff", "Regierung", "Präsident"])},
                        {"dyad": f"{random.choice(CODES)},{random.choice(CODES)}", "status": "asserted"},
                        {"actor": random.choice(CODES), "until": "2022-12-31", "offset": 50},
                        {},
                    ])
                    t = time.perf_counter()
                    response = client.get("/api/events", params=params)
                    timings.append((time.perf_counter() - t) * 1000)
                    response.raise_for_status()
                pages = []
                for key in random.sample(keys, 50):
                    t = time.perf_counter()
                    client.get(f"/documents/{key}").raise_for_status()
                    pages.append((time.perf_counter() - t) * 1000)
                others = {}
                for label, path, choose in (
                        ("/api/documents", "/api/documents",
                         lambda: {"q": random.choice(["Sanktionen", "Waffenruhe Gespräche", "Präsident",
                                                      "Angriff Kiew"])}),
                        ("/api/quotes", "/api/quotes",
                         lambda: {"speaker": random.choice(["Putin", "Biden", "Scholz", "Selenskyj"])}),
                        ("/api/actors", "/api/actors",
                         lambda: random.choice([{}, {"q": "Präsident"}, {"code": "RUS"}])),
                        ("/api/timeline", "/api/timeline", lambda: {"actor": random.choice(CODES)}),
                        ("/api/network", "/api/network", lambda: random.choice([{}, {"actor": random.choice(CODES)}])),
                        ("/api/events?count=mentions", "/api/events",
                         lambda: {"actor": random.choice(CODES), "count": "mentions"}),
                        ("/api/timeline?count=mentions", "/api/timeline",
                         lambda: {"actor": random.choice(CODES), "count": "mentions"}),
                        ("/api/stories", "/api/stories", lambda: random.choice(
                            [{}, {"actor": random.choice(CODES)}, {"q": random.choice(["Putin", "Gaza", "Kiew"])}])),
                        ("/api/stories/{id}", "/api/stories/{id}", dict),
                        ("/stories/{id}", "/stories/{id}", dict),
                        ("/", "/", lambda: {"q": random.choice(["Sanktionen", "Kiew"])}),
                        ("/events", "/events", lambda: {"actor": random.choice(CODES)}),
                        ("/timeline", "/timeline", lambda: {"actor": random.choice(CODES)})):
                    spent = sorted(timed(client, path.replace("{id}", random.choice(story_ids)), choose())
                                   for _ in range(50))
                    others[label] = {"median_ms": round(statistics.median(spent), 1),
                                     "p95_ms": round(spent[int(0.95 * len(spent)) - 1], 1)}
                client.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                            json=NEW_DOCUMENT).raise_for_status()
                after_post_ms = timed(client, "/api/events", {})
        finally:
            server.terminate()
            server.wait()
    timings.sort()
    pages.sort()
    print(json.dumps({"first_request_ms": round(first_ms), "first_request_after_a_post_ms": round(after_post_ms),
                      "requests": len(timings), "events_median_ms": round(statistics.median(timings), 1),
                      "events_p95_ms": round(timings[int(0.95 * len(timings)) - 1], 1),
                      "article_page_median_ms": round(statistics.median(pages), 1),
                      "article_page_p95_ms": round(pages[int(0.95 * len(pages)) - 1], 1),
                      "others": others}, indent=1))


if __name__ == "__main__":
    main()
