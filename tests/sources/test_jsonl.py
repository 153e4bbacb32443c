import gzip
import json

import pytest

from lagebild.sources import Failure, RawArticle, read_inputs

TEXT = "Die Verteidigungsminister der NATO berieten am Mittwoch in Brüssel über die Ostflanke."


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_every_field(tmp_path):
    record = {"id": "dpa-17", "text": TEXT, "published": "2022-03-02", "genre": "narrative",
              "title": "NATO berät", "url": "https://example.org/nato", "source": "example.org"}
    [article] = read_inputs([write_lines(tmp_path / "in.jsonl", [json.dumps(record)])])
    assert isinstance(article, RawArticle)
    assert (article.id, article.published, article.genre, article.title, article.url, article.source) == (
        "dpa-17", "2022-03-02", "narrative", "NATO berät", "https://example.org/nato", "example.org")
    assert article.origin == f"{tmp_path / 'in.jsonl'}:1"


def test_jsonl_malformed_line_names_line_and_keeps_others(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", [
        json.dumps({"id": "a", "text": TEXT}),
        '{"id": "b", "text": "abgebrochen',
        "",
        json.dumps({"id": "c", "text": TEXT}),
    ])
    results = list(read_inputs([path]))
    assert [r.id for r in results if isinstance(r, RawArticle)] == ["a", "c"]
    [failure] = [r for r in results if isinstance(r, Failure)]
    assert failure.origin == f"{path}:2"
    assert "not valid JSON" in failure.reason


@pytest.mark.parametrize(
    "line, problem",
    [
        ('["keine", "Zeitung"]', "expected a JSON object"),
        ('{"id": "x"}', 'no "text"'),
        ('{"id": "x", "text": "   "}', 'no "text"'),
        ('{"id": "x", "text": 42}', 'no "text"'),
        ('{"id": "x", "text": "Text", "published": 20211230}', '"published" must be a string'),
        ('{"id": "x", "text": "Text", "genre": "poem"}', "unknown genre"),
    ],
)
def test_jsonl_bad_record_says_what_is_wrong(tmp_path, line, problem):
    [failure] = read_inputs([write_lines(tmp_path / "in.jsonl", [line])])
    assert isinstance(failure, Failure)
    assert problem in failure.reason and failure.origin.endswith(":1")


def test_jsonl_invalid_utf8_line_is_a_failure(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(json.dumps({"id": "ok", "text": TEXT}).encode() + b"\n" + '{"text": "Gr\xfc\xdfe"}'.encode("latin-1") + b"\n")
    results = list(read_inputs([path]))
    assert isinstance(results[0], RawArticle)
    assert "not valid UTF-8" in results[1].reason


def test_jsonl_numeric_id_becomes_string_and_gzip_is_read(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": 7, "text": TEXT}) + "\n")
    [article] = read_inputs([path])
    assert article.id == "7"


def test_jsonl_record_over_limit_is_refused(tmp_path):
    path = write_lines(tmp_path / "in.jsonl", [json.dumps({"id": "big", "text": "x" * 500}), json.dumps({"id": "s", "text": "kurz"})])
    results = list(read_inputs([path], max_bytes=200))
    assert isinstance(results[0], Failure) and "too large" in results[0].reason
    assert isinstance(results[1], RawArticle)


def test_jsonl_html_text_is_read_as_html(tmp_path):
    html = "<!DOCTYPE html><html><body><article><p>" + TEXT + "</p></article></body></html>"
    [article] = read_inputs([write_lines(tmp_path / "in.jsonl", [json.dumps({"id": "h", "text": html})])])
    assert article.format == "html"
