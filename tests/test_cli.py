"""The command line, run as a user runs it: a real process, real files, real exit codes."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def lagebild(*args, cwd=None, env_db=None):
    command = [sys.executable, "-m", "lagebild.cli", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture
def article(tmp_path, wire_story):
    path = tmp_path / "kairo.txt"
    path.write_text(wire_story, encoding="utf-8")
    return path


def test_cli_help_lists_every_command():
    result = lagebild("--help")
    assert result.returncode == 0
    for command in ("analyze", "ingest", "show", "stats", "demo"):
        assert command in result.stdout


def test_cli_analyze_prints_one_record_per_input_line(tmp_path, wire_story, english_story):
    path = tmp_path / "input.jsonl"
    path.write_text(
        json.dumps({"id": "kairo", "text": wire_story, "published": "2023-11-14"}) + "\n"
        + json.dumps({"id": "nato", "text": english_story, "published": "2023-06-15", "source": "example.org"}) + "\n",
        encoding="utf-8",
    )
    result = lagebild("analyze", path)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["language"], r["published"]) for r in records] == [
        ("kairo", "de", "2023-11-14"), ("nato", "en", "2023-06-15")]
    for key in ("title", "text", "times", "actors", "quotes", "events", "sentences", "removed"):
        assert key in records[0]
    assert records[1]["source"] == "example.org"


def test_cli_analyze_published_option_wins(article):
    result = lagebild("analyze", article, "--published", "2023-11-15", "--format", "json")
    record = json.loads(result.stdout)
    assert (record["published"], record["published_from"]) == ("2023-11-15", "input")


def test_cli_analyze_text_format_is_readable(article):
    result = lagebild("analyze", article, "--format", "text")
    assert result.returncode == 0
    assert "# Baerbock reist zu Gesprächen über Waffenruhe nach Kairo" in result.stdout
    assert "[share] 'Teilen: Facebook Twitter WhatsApp E-Mail'" in result.stdout


def test_cli_analyze_bad_line_is_reported_and_others_processed(tmp_path, wire_story):
    path = tmp_path / "input.jsonl"
    path.write_text(json.dumps({"id": "gut", "text": wire_story}) + "\n{kaputt\n", encoding="utf-8")
    result = lagebild("analyze", path)
    assert result.returncode == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["gut"]
    assert f"{path}:2" in result.stderr and "not valid JSON" in result.stderr


def test_cli_analyze_fails_when_nothing_could_be_processed(tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    result = lagebild("analyze", empty)
    assert result.returncode == 1
    assert "leer.txt: the input is empty" in result.stderr


def test_cli_analyze_rejects_bad_published_date(article):
    result = lagebild("analyze", article, "--published", "gestern")
    assert result.returncode == 1 and "--published" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_cli_ingest_stores_once_and_records_failures(tmp_path, article):
    (tmp_path / "binär.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "news.db"
    first = lagebild("ingest", tmp_path, "--db", db, "--workers", "1", "--glob", "*.txt")
    assert first.returncode == 0, first.stderr
    assert "stored 1, duplicates skipped 0, failed 1" in first.stderr
    assert "binär.txt: the input looks binary" in first.stderr
    second = lagebild("ingest", article, "--db", db)
    assert "stored 0, duplicates skipped 1, failed 0" in second.stderr
    stats = json.loads(lagebild("stats", "--db", db, "--format", "json").stdout)
    assert (stats["documents"], stats["duplicates"], stats["failures"]) == (1, 1, 1)
    shown = lagebild("show", stats["recent"][0]["key"][:10], "--db", db)
    assert shown.returncode == 0 and "agency: dpa" in shown.stdout


def test_cli_ingest_fails_when_every_input_fails(tmp_path):
    (tmp_path / "leer.txt").write_bytes(b"")
    result = lagebild("ingest", tmp_path / "leer.txt", "--db", tmp_path / "x.db")
    assert result.returncode == 1 and "failed 1" in result.stderr


def test_cli_show_unknown_id_says_so(tmp_path):
    result = lagebild("show", "nirgends", "--db", tmp_path / "x.db")
    assert result.returncode == 1 and "nirgends: no such document" in result.stderr


def test_cli_demo_ingests_the_examples(tmp_path):
    result = lagebild("demo", "--db", tmp_path / "demo.db", "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert "failed 0" in result.stderr
    assert "languages:  de" in result.stdout and "en" in result.stdout
    stats = json.loads(lagebild("stats", "--db", tmp_path / "demo.db", "--format", "json").stdout)
    assert stats["documents"] >= 15
    assert stats["failures"] == 0


def test_cli_ingest_batch_of_bad_inputs_stores_the_good_and_records_each_failure(tmp_path, wire_story, english_story):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "gut.txt").write_text(wire_story, encoding="utf-8")
    (batch / "wien-latin1.txt").write_bytes(
        "Österreichs Außenminister traf am Montag in Wien seinen ungarischen Amtskollegen zu Gesprächen "
        "über die Grenzkontrollen.".encode("latin-1"))
    (batch / "leer.txt").write_bytes(b"")
    (batch / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with open(batch / "riesig.txt", "wb") as stream:
        stream.truncate(200 * 1024 * 1024)
    (batch / "leer.html").write_text("<html><head><title>Nichts</title></head><body></body></html>", encoding="utf-8")
    (batch / "feed.jsonl").write_text(
        json.dumps({"id": "nato", "text": english_story}) + "\n{\"id\": \"kaputt\", \"text\": \n", encoding="utf-8")
    (batch / "weg.txt").symlink_to(batch / "gibt-es-nicht.txt")
    db = tmp_path / "batch.db"

    result = lagebild("ingest", batch, "--db", db, "--workers", "2")

    assert result.returncode == 0, result.stderr
    assert "stored 3, duplicates skipped 0, failed 6" in result.stderr
    stats = json.loads(lagebild("stats", "--db", db, "--format", "json").stdout)
    assert stats["documents"] == 3 and stats["failures"] == 6
    reasons = {Path(f["origin"]).name: f["reason"] for f in stats["recent_failures"]}
    assert "empty" in reasons["leer.txt"]
    assert "binary" in reasons["bild.txt"]
    assert "too large" in reasons["riesig.txt"]
    assert "no article text found in the HTML page" in reasons["leer.html"]
    assert "not valid JSON" in reasons["feed.jsonl:2"]
    assert "cannot read the file" in reasons["weg.txt"]
