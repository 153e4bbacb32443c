"""Event merging within a story: event dicts written for these tests, as the events
stage writes them, and whole articles through the store and the CLI."""
import json

import pytest
from typer.testing import CliRunner

from lagebild import analyze
from lagebild.cli import app
from lagebild.merge import compatible_dates, merge_story_events, merged_events
from lagebild.store.sqlite import SQLiteStore

PARTIES = {
    "DEU": {"name": "Olaf Scholz", "code": "DEU", "sector": "GOV"},
    "RUS": {"name": "Wladimir Putin", "code": "RUS", "sector": "GOV"},
    "UKR": {"name": "Ukraine", "code": "UKR", "sector": None},
    "FRA": {"name": "Emmanuel Macron", "code": "FRA", "sector": "GOV"},
}


def event(kind="CONSULT", source="DEU", target="RUS", date="2022-05-27", date_from="text",
          status="asserted", sentence=(0, 120), trigger="telefonierte"):
    return {
        "type": kind, "mode": "phone" if kind == "CONSULT" else None,
        "source": PARTIES[source], "target": PARTIES[target] if target else None,
        "date": date, "date_granularity": None if not date else {4: "year", 7: "month", 10: "day"}.get(len(date), "week"),
        "date_from": date_from if date else None, "status": status, "location": None,
        "sentence": {"start": sentence[0], "end": sentence[1]}, "trigger": trigger,
        "trigger_start": sentence[0] + 10, "trigger_end": sentence[0] + 22,
        "why": {"entry": trigger, "rule": "active"},
    }


def mention(ev, document, key=None, copy_of=None):
    key = key or f"key-{document}"
    return {"event": ev, "document": document, "key": key, "copy_of": copy_of or key}


@pytest.mark.parametrize("a, b, expected", [
    ("2022-05-27", "2022-05-27", True),
    ("2022-05", "2022-05-27", True),          # a month holds its days
    ("2022", "2022-05-27", True),
    ("2022-05-27", "2022-05-28", False),      # two days: two events
    ("2022-05", "2022-06", False),
    ("2022-W21", "2022-05-27", True),         # 27 May 2022 is in ISO week 21
    ("2022-W22", "2022-05-27", False),
    ("XXXX-05-27", "2022-05-27", True),       # a year the text left open
    (None, "2022-05-27", True),               # unknown dates agree with anything
    (None, None, True),
])
def test_compatible_dates_follow_granularity(a, b, expected):
    assert compatible_dates(a, b) is expected
    assert compatible_dates(b, a) is expected


def test_merge_two_reports_of_one_call_are_one_event_with_two_mentions():
    merged = merge_story_events([
        mention(event(sentence=(0, 140)), "dpa-1"),
        mention(event(sentence=(300, 420), trigger="Telefonat"), "afp-1"),
    ], story="s1")
    assert len(merged) == 1
    (one,) = merged
    assert (one["type"], one["source"]["code"], one["target"]["code"], one["date"]) == ("CONSULT", "DEU", "RUS", "2022-05-27")
    assert one["mentions"] == 2 and one["documents"] == 2 and one["story"] == "s1"
    assert [(r["document"], r["sentence"]["start"]) for r in one["reports"]] == [("dpa-1", 0), ("afp-1", 300)]
    assert one["conflict"] is False


def test_merge_month_and_day_are_one_event_dated_by_the_day():
    (one,) = merge_story_events([
        mention(event(date="2022-05"), "monthly-review"),
        mention(event(date="2022-05-27"), "wire"),
    ])
    assert one["date"] == "2022-05-27" and one["mentions"] == 2


@pytest.mark.parametrize("second, why", [
    (event(date="2022-05-30"), "another day"),
    (event(status="negated", trigger="dementierte"), "a denial of the call"),
])
def test_merge_conflicting_reports_stay_separate_and_say_so(second, why):
    merged = merge_story_events([mention(event(), "dpa-1"), mention(second, "tass-1")])
    assert len(merged) == 2, why
    assert all(e["conflict"] for e in merged)


@pytest.mark.parametrize("other", [
    event(target="UKR"),                       # another target
    event(source="FRA"),                       # another source
    event(kind="REQUEST", trigger="forderte"),  # another act in the same call
])
def test_merge_keeps_different_acts_apart_without_conflict(other):
    merged = merge_story_events([mention(event(), "dpa-1"), mention(other, "afp-1")])
    assert len(merged) == 2 and not any(e["conflict"] for e in merged)


def test_merge_planned_then_held_meeting_is_one_event():
    (one,) = merge_story_events([
        mention(event(status="planned", trigger="wollen telefonieren"), "morning"),
        mention(event(), "evening"),
    ])
    assert one["status"] == "asserted" and one["mentions"] == 2


def test_merge_dates_from_publication_do_not_split_reports():
    # Neither text dates the call; the two reports were published a day apart.
    (one,) = merge_story_events([
        mention(event(date="2022-05-27", date_from="published"), "late-edition"),
        mention(event(date="2022-05-28", date_from="published"), "next-morning"),
    ])
    assert one["mentions"] == 2 and one["date"] == "2022-05-27"


def test_merge_a_copy_reports_its_originals_event_whatever_its_anchor_date():
    # "am Freitag" resolved against the copy's own (later) publication date.
    (one,) = merge_story_events([
        mention(event(date="2022-05-27"), "original", key="k-original"),
        mention(event(date="2022-06-03"), "copy", key="k-copy", copy_of="k-original"),
    ])
    assert one["mentions"] == 2 and one["date"] == "2022-05-27" and one["documents"] == 2


def test_merge_events_without_dates_are_one():
    (one,) = merge_story_events([mention(event(date=None), "a"), mention(event(date=None), "b")])
    assert one["mentions"] == 2 and one["date"] is None


def test_merge_of_nothing_is_nothing():
    assert merge_story_events([]) == []


ARTICLE = """Scholz und Macron sprechen mit Selenskyj

BERLIN (dpa) – Bundeskanzler Olaf Scholz und der französische Präsident Emmanuel Macron haben am Dienstag mit dem ukrainischen Präsidenten Wolodymyr Selenskyj telefoniert. Scholz sicherte der Ukraine weitere Unterstützung zu.

Macron forderte Russland auf, die Angriffe auf die Energieversorgung der Ukraine sofort einzustellen. Der Kreml wies die Vorwürfe am Abend zurück."""


def _copies_of(text):
    first, rest = text.split("\n\n", 1)
    return {
        "boilerplate": "Stand: 15.11.2022, 18:04 Uhr\n\n" + text + "\n\nDiesen Artikel teilen\n\n© 2022 site-9",
        "retitled": "Telefonat mit Kiew\n\n" + rest.replace("–", "-"),
        "truncated": first + "\n\n" + rest.split("\n\n")[0],
    }


def _ingest(path, texts):
    with SQLiteStore(path) as store:
        for input_id, (text, published) in texts.items():
            doc = analyze(text, published=published)
            doc.id = input_id
            store.add(doc)


def test_merged_events_of_an_article_and_its_copies_count_as_the_article_alone(tmp_path):
    _ingest(tmp_path / "alone.db", {"original": (ARTICLE, "2022-11-15")})
    copies = {name: (text, "2022-11-16") for name, text in _copies_of(ARTICLE).items()}
    _ingest(tmp_path / "copies.db", {"original": (ARTICLE, "2022-11-15"), **copies})
    with SQLiteStore(tmp_path / "alone.db") as store:
        alone = merged_events(store)
    with SQLiteStore(tmp_path / "copies.db") as store:
        with_copies = merged_events(store)
        mentions = store.connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert alone, "the article must have events for this test to mean anything"
    assert len(with_copies) == len(alone)
    assert mentions > len(with_copies)     # GDELT would count every one of these
    assert sum(e["mentions"] for e in with_copies) == mentions


def test_events_command_counts_events_by_default_and_mentions_on_request(tmp_path):
    copies = {name: (text, "2022-11-15") for name, text in _copies_of(ARTICLE).items()}
    _ingest(tmp_path / "s.db", {"original": (ARTICLE, "2022-11-15"), **copies})
    runner = CliRunner()
    merged = runner.invoke(app, ["events", "--db", str(tmp_path / "s.db"), "--format", "jsonl"])
    every = runner.invoke(app, ["events", "--db", str(tmp_path / "s.db"), "--format", "jsonl", "--mentions"])
    assert merged.exit_code == 0 and every.exit_code == 0, merged.output + every.output
    events = [json.loads(line) for line in merged.stdout.splitlines()]
    reports = [json.loads(line) for line in every.stdout.splitlines()]
    assert len(reports) == sum(e["mentions"] for e in events) > len(events)
    assert {r["document"] for r in reports} <= {"original", *copies}


def test_events_command_rejects_a_malformed_date(tmp_path):
    result = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "s.db"), "--since", "gestern"])
    assert result.exit_code == 1 and "--since" in result.output
