import gzip
import json
import os

import pytest

from lagebild.sources import Failure, RawArticle, read_inputs
from lagebild.sources.text import decode_bytes, looks_like_html, repair_text
from lagebild.errors import InputError

GERMAN = "Der Außenminister sprach am Dienstag in Brüssel über „neue Sanktionen“ gegen Belarus."


def read_all(*paths, **options):
    return list(read_inputs([str(p) for p in paths], **options))


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "cp1252", "utf-16"],
)
def test_decode_bytes_detects_encoding(encoding):
    assert decode_bytes(GERMAN.encode(encoding), "article.txt") == GERMAN


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Wojska rosyjskie opuściły Chersoń, poinformowało ministerstwo obrony w Kijowie.", "cp1250"),
        ("Министр иностранных дел России Сергей Лавров прибыл в Анкару на переговоры.", "cp1251"),
    ],
)
def test_decode_bytes_detects_other_single_byte_encodings(text, encoding):
    assert decode_bytes(text.encode(encoding), "artikel.txt") == text


def test_decode_bytes_keeps_utf8_with_a_few_broken_bytes():
    data = GERMAN.encode("utf-8") + b" Preis: 5\xff Euro."
    assert decode_bytes(data, "kaputt.txt") == GERMAN + " Preis: 5\ufffd Euro."


def test_decode_bytes_reads_latin1_without_typographic_quotes():
    text = "Die Regierung in Wien kündigte größere Hilfen für die Grenzregionen an."
    assert decode_bytes(text.encode("latin-1"), "wien.txt") == text


def test_repair_text_repairs_mojibake_and_keeps_german_quotes():
    broken = "Die GesprÃ¤che in GenÃ¨ve endeten â€žohne Ergebnisâ€œ."
    assert repair_text(broken) == "Die Gespräche in Genève endeten „ohne Ergebnis“."


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40, "binary"),
    ],
)
def test_decode_bytes_refuses_empty_and_binary(data, problem):
    with pytest.raises(InputError, match=problem) as caught:
        decode_bytes(data, "upload.bin")
    assert caught.value.origin == "upload.bin"


def test_read_inputs_reads_text_file(tmp_path):
    path = tmp_path / "artikel.txt"
    path.write_text(GERMAN, encoding="utf-8")
    [article] = read_all(path)
    assert isinstance(article, RawArticle)
    assert article.content == GERMAN and article.format == "text" and article.origin == str(path)


def test_read_inputs_refuses_file_over_size_limit(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:  # a sparse 200 MB file: no disk or time spent
        stream.truncate(200 * 1024 * 1024)
    [failure] = read_all(huge)
    assert isinstance(failure, Failure)
    assert failure.origin == str(huge)
    assert "too large" in failure.reason and "209,715,200 bytes" in failure.reason


def test_read_inputs_size_limit_is_configurable(tmp_path, monkeypatch):
    path = tmp_path / "artikel.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert isinstance(read_all(path, max_bytes=20)[0], Failure)
    monkeypatch.setenv("LAGEBILD_MAX_BYTES", "30")
    assert isinstance(read_all(path)[0], Failure)
    monkeypatch.setenv("LAGEBILD_MAX_BYTES", "100000")
    assert isinstance(read_all(path)[0], RawArticle)


def test_read_inputs_decompresses_gzip(tmp_path):
    path = tmp_path / "artikel.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(GERMAN)
    [article] = read_all(path)
    assert article.content == GERMAN


def test_read_inputs_refuses_gzip_bomb_over_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb") as stream:
        stream.write(b"a" * 200_000)
    [failure] = read_all(path, max_bytes=100_000)
    assert "larger once decompressed" in failure.reason


def test_read_inputs_reports_broken_gzip(tmp_path):
    path = tmp_path / "kaputt.txt.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00 this is not gzip data")
    [failure] = read_all(path)
    assert failure.origin == str(path) and "gzip" in failure.reason


def test_read_inputs_detects_html_by_suffix_and_content(tmp_path):
    (tmp_path / "a.html").write_text("<p>Kurz</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("<!DOCTYPE html><html><body><p>Text</p></body></html>", encoding="utf-8")
    assert [a.format for a in read_all(tmp_path)] == ["html", "html"]
    assert not looks_like_html("Die <b>Regierung</b> tagte.")


def test_read_inputs_walks_directories_with_glob_and_skips_hidden(tmp_path):
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "eins.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "de" / "zwei.md").write_text(GERMAN, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "drei.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / ".versteckt.txt").write_text(GERMAN, encoding="utf-8")
    found = read_all(tmp_path, pattern="*.txt")
    assert [a.origin for a in found] == [str(tmp_path / "de" / "eins.txt")]


def test_read_inputs_records_unreadable_files_and_goes_on(tmp_path):
    (tmp_path / "gut.txt").write_text(GERMAN, encoding="utf-8")
    os.symlink(tmp_path / "gibt-es-nicht.txt", tmp_path / "kaputt.txt")
    (tmp_path / "leer.txt").write_bytes(b"")
    results = read_all(tmp_path)
    by_origin = {os.path.basename(r.origin): r for r in results}
    assert isinstance(by_origin["gut.txt"], RawArticle)
    assert "cannot read the file" in by_origin["kaputt.txt"].reason
    assert "empty" in by_origin["leer.txt"].reason


def test_read_inputs_reports_missing_path(tmp_path):
    [failure] = read_all(tmp_path / "fehlt.txt")
    assert failure.origin.endswith("fehlt.txt") and "No such file" in failure.reason


def test_read_inputs_reads_jsonl_inside_directory(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": GERMAN}, ensure_ascii=False) for i in range(3)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [a.id for a in read_all(tmp_path)] == ["n0", "n1", "n2"]


def test_read_inputs_default_pattern_takes_only_article_files(tmp_path):
    for name in ("a.txt", "b.html", "c.jsonl.gz", "README.md", "logo.png", "notes"):
        (tmp_path / name).write_bytes(b"")
    origins = [os.path.basename(r.origin) for r in read_all(tmp_path)]
    assert origins == ["a.txt", "b.html", "c.jsonl.gz"]
    assert [os.path.basename(r.origin) for r in read_all(tmp_path, pattern="*.md")] == ["README.md"]
