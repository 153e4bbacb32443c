"""The web API and pages, on a store of articles written for these tests."""
import csv
import io

import pytest
from fastapi.testclient import TestClient

from lagebild import analyze
from lagebild.store.sqlite import SQLiteStore
from lagebild.web import create_app

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLES = {
    "scholz-macron": ("Scholz empfängt Macron in Berlin",
                      "BERLIN (dpa) – Bundeskanzler Olaf Scholz hat am Montag den französischen Präsidenten "
                      "Emmanuel Macron in Berlin empfangen. „Wir stehen fest an der Seite der Ukraine“, sagte Scholz "
                      "nach dem Treffen. Deutschland liefert weitere Panzer an die Ukraine.", "2023-03-13"),
    "russland-angriff": ("Russland greift Charkiw an",
                         "KIEW (AFP) – Russland hat in der Nacht zum Dienstag die Stadt Charkiw mit Raketen "
                         "angegriffen. Die EU verurteilte den Angriff scharf.", "2023-03-14"),
    "xss": ("<script>alert('titel')</script> Test",
            "Ein Artikel mit <script>alert(1)</script> und <img src=x onerror=alert(2)> und "
            "<a href=\"javascript:alert(3)\">Link</a>. Scholz traf Macron in Paris.", "2023-03-15"),
}
# An article whose quotes and events are written here, so that the filters are tested
# on known layers whatever the stages find.
FIXED_TEXT = ("Die Türkei und Griechenland vereinbarten am Mittwoch in Ankara neue Gespräche. "
              "„Wir wollen den Streit beenden“, sagte der griechische Außenminister Giorgos Gerapetritis. "
              "Die Türkei warf Griechenland später Provokationen vor.")


def _span(text: str, part: str) -> tuple[int, int]:
    start = FIXED_TEXT.index(part)
    return start, start + len(part)


def fixed_document():
    doc = analyze(FIXED_TEXT, published="2023-12-06")
    doc.id = "ankara"
    first, second = _span(FIXED_TEXT, FIXED_TEXT[:80]), _span(FIXED_TEXT, "Die Türkei warf")
    second = (second[0], len(FIXED_TEXT))
    quote = _span(FIXED_TEXT, "Wir wollen den Streit beenden")
    tur = {"name": "Türkei", "code": "TUR", "sector": None}
    grc = {"name": "Griechenland", "code": "GRC", "sector": None}
    doc.quotes = [{"start": quote[0], "end": quote[1], "text": "Wir wollen den Streit beenden", "kind": "direct",
                   "cue": "sagte", "speaker": "Giorgos Gerapetritis", "speaker_code": "GRC", "addressee": None,
                   "via": None}]
    doc.events = [
        {"type": "AGREE", "mode": None, "source": tur, "target": grc, "date": "2023-12-06", "status": "planned",
         "location": {"name": "Ankara", "code": "TUR"}, "sentence": {"start": first[0], "end": first[1]},
         "trigger": "vereinbarten", "why": {"entry": "vereinbaren", "rule": "active"}},
        {"type": "AGREE", "mode": None, "source": grc, "target": tur, "date": "2023-12-06", "status": "planned",
         "location": None, "sentence": {"start": first[0], "end": first[1]},
         "trigger": "vereinbarten", "why": {"entry": "vereinbaren", "rule": "active+coordination"}},
        {"type": "ACCUSE", "mode": None, "source": tur, "target": grc, "date": "2023-12-08", "status": "asserted",
         "location": None, "sentence": {"start": second[0], "end": second[1]},
         "trigger": "warf", "why": {"entry": "vorwerfen", "rule": "separable"}},
    ]
    return doc


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "web.db"
    with SQLiteStore(path) as store:
        for input_id, (title, body, published) in ARTICLES.items():
            doc = analyze(f"{title}\n\n{body}", published=published)
            doc.id = input_id
            store.add(doc)
        store.add(fixed_document())
    return path


@pytest.fixture()
def client(db):
    return TestClient(create_app(str(db), token=TOKEN))


def test_health_counts_documents(client):
    assert client.get("/api/health").json() == {"status": "ok", "documents": 4}


@pytest.mark.parametrize("params, expected", [
    ({"q": "Charkiw"}, ["russland-angriff"]),
    ({"q": "charkiw raketen"}, ["russland-angriff"]),          # every word, any case
    ({"q": "Gespräch"}, ["ankara"]),                           # a word's beginning finds the word
    ({"q": "Charkiw", "since": "2023-03-15"}, []),
    ({"q": "Macron", "until": "2023-03-13"}, ["scholz-macron"]),
    ({"q": "\"AND (*"}, []),                                   # FTS syntax in the input is only words
    ({"language": "de", "since": "2023-12-01"}, ["ankara"]),
])
def test_documents_search_and_filters_combine(client, params, expected):
    found = client.get("/api/documents", params=params).json()
    assert sorted(d["input_id"] for d in found) == expected


def test_documents_search_gives_a_snippet_and_pages(client):
    found = client.get("/api/documents", params={"q": "Charkiw"}).json()
    assert "Charkiw" in found[0]["snippet"] and "\x02" not in found[0]["snippet"]
    assert len(client.get("/api/documents", params={"limit": 2}).json()) == 2
    assert len(client.get("/api/documents", params={"limit": 2, "offset": 3}).json()) == 1


def test_document_record_by_input_id(client):
    record = client.get("/api/documents/scholz-macron").json()
    assert record["id"] == "scholz-macron" and record["quotes"][0]["speaker"] == "Olaf Scholz"
    response = client.get("/api/documents/nope")
    assert response.status_code == 404 and "nope" in response.json()["detail"]


@pytest.mark.parametrize("params, expected", [
    ({"actor": "GRC"}, {("AGREE", "TUR", "GRC"), ("AGREE", "GRC", "TUR"), ("ACCUSE", "TUR", "GRC")}),
    ({"source": "TUR", "target": "GRC"}, {("AGREE", "TUR", "GRC"), ("ACCUSE", "TUR", "GRC")}),
    ({"dyad": "GRC,TUR", "type": "AGREE"}, {("AGREE", "TUR", "GRC"), ("AGREE", "GRC", "TUR")}),
    ({"actor": "TUR", "status": "asserted"}, {("ACCUSE", "TUR", "GRC")}),
    ({"actor": "TUR", "since": "2023-12-07"}, {("ACCUSE", "TUR", "GRC")}),
    ({"actor": "TUR", "until": "2023-12-06"}, {("AGREE", "TUR", "GRC"), ("AGREE", "GRC", "TUR")}),
    ({"actor": "TUR", "q": "Provokationen"}, {("ACCUSE", "TUR", "GRC")}),
    ({"actor": "TUR", "type": "ASSAULT"}, set()),
])
def test_events_filters_combine(client, params, expected):
    events = client.get("/api/events", params=params).json()
    assert {(e["type"], e["source"]["code"], e["target"]["code"]) for e in events} == expected
    assert all(e["document"] and e["sentence_text"] for e in events)


def test_events_from_the_analysis_are_served(client):
    events = client.get("/api/events", params={"actor": "RUS"}).json()
    assert ("ASSAULT", "RUS") in {(e["type"], e["source"]["code"]) for e in events}


def test_events_as_csv(client):
    response = client.get("/api/events", params={"format": "csv", "actor": "TUR"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3
    accuse = next(r for r in rows if r["type"] == "ACCUSE")
    assert accuse["document"] == "ankara" and accuse["why_entry"] == "vorwerfen"
    assert accuse["sentence"].startswith("Die Türkei warf Griechenland")


def test_quotes_filter_by_speaker_and_code(client):
    quotes = client.get("/api/quotes", params={"speaker": "Gerapetritis"}).json()
    assert [(q["text"], q["speaker_code"], q["input_id"]) for q in quotes] == [
        ("Wir wollen den Streit beenden", "GRC", "ankara")]
    assert client.get("/api/quotes", params={"code": "GRC", "q": "Streit"}).json()[0]["speaker"] == "Giorgos Gerapetritis"
    assert client.get("/api/quotes", params={"speaker": "Scholz"}).json()[0]["speaker_code"] == "DEU"


def test_actors_with_counts(client):
    actors = client.get("/api/actors").json()
    assert {"DEU", "FRA", "RUS", "TUR"} <= {a["code"] for a in actors}
    turkey = client.get("/api/actors", params={"code": "TUR", "kind": "GPE"}).json()
    assert turkey and turkey[0]["mentions"] >= 2 and turkey[0]["documents"] == 1


def test_timeline_counts_events_per_day_and_week(client):
    rows = client.get("/api/timeline", params={"dyad": "TUR,GRC"}).json()
    assert rows == [{"period": "2023-12-06", "type": "AGREE", "events": 2},
                    {"period": "2023-12-08", "type": "ACCUSE", "events": 1}]
    weeks = client.get("/api/timeline", params={"actor": "TUR", "by": "week"}).json()
    assert weeks == [{"period": "2023-W49", "type": "ACCUSE", "events": 1},
                     {"period": "2023-W49", "type": "AGREE", "events": 2}]


def test_network_weighs_edges_by_cooperation_and_conflict(client):
    edges = client.get("/api/network", params={"actor": "TUR"}).json()
    assert {(e["source"], e["target"], e["cooperation"], e["conflict"]) for e in edges} == {
        ("TUR", "GRC", 1, 1), ("GRC", "TUR", 1, 0)}


@pytest.mark.parametrize("path, params, names", [
    ("/api/events", {"colour": "red"}, "colour"),                # unknown filter
    ("/api/events", {"since": "gestern"}, "since"),              # malformed date
    ("/api/events", {"until": "2023-02-30"}, "until"),           # no such day
    ("/api/events", {"type": "PARTY"}, "type"),                  # unknown type
    ("/api/events", {"dyad": "RUS"}, "dyad"),                    # one actor is no dyad
    ("/api/events", {"format": "xml"}, "format"),
    ("/api/documents", {"limit": "0"}, "limit"),
    ("/api/documents", {"offset": "-1"}, "offset"),
    ("/api/timeline", {"by": "year"}, "by"),
    ("/api/quotes", {"kind": "rumour"}, "kind"),
    ("/events", {"actor": "<script>"}, "actor"),                 # pages check their filters too
    ("/api/events", {"count": "copies"}, "count"),
    ("/timeline", {"count": "all"}, "count"),
    ("/api/stories", {"colour": "red"}, "colour"),
    ("/api/stories", {"until": "2023-02-30"}, "until"),
    ("/api/stories", {"actor": "<b>"}, "actor"),
    ("/stories", {"since": "gestern"}, "since"),
])
def test_bad_filters_get_422_with_a_message(client, path, params, names):
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert names in str(response.json()["detail"])


def test_writes_need_the_token(client):
    record = {"id": "neu", "text": "Biden traf Selenskyj am Montag in Kiew.", "published": "2023-03-16"}
    response = client.post("/api/documents", json=record)
    assert response.status_code == 401 and "LAGEBILD_TOKEN" in response.json()["detail"]
    assert client.post("/api/documents", json=record, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/documents/neu").status_code == 404


def test_a_batch_keeps_its_good_records(client):
    batch = [{"id": "neu", "text": "Biden traf Selenskyj am Montag in Kiew.", "published": "2023-03-16"},
             {"id": "leer", "text": ""}, "kein Objekt"]
    response = client.post("/api/documents", json=batch, headers=AUTH)
    assert response.status_code == 201
    body = response.json()
    assert len(body["stored"]) == 1 and [f["record"] for f in body["failures"]] == [1, 2]
    assert client.get("/api/documents/neu").json()["events"]
    assert client.get("/api/documents", params={"q": "Selenskyj"}).json()[0]["input_id"] == "neu"
    again = client.post("/api/documents", json=batch[0], headers=AUTH).json()
    assert again["duplicates"] == 1 and again["stored"] == []


def test_writes_are_off_without_a_server_token(db):
    client = TestClient(create_app(str(db)))
    response = client.post("/api/documents", json={"text": "Ein Satz."}, headers=AUTH)
    assert response.status_code == 403 and "LAGEBILD_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize("body, status", [
    (b"x" * 5_000_001, 413),
    (b"[" + b",".join(b'{"text": "a"}' for _ in range(1001)) + b"]", 413),
    (b"{not json", 422),
])
def test_bad_writes_get_a_clear_status(client, body, status):
    response = client.post("/api/documents", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == status and response.json()["detail"]


@pytest.mark.parametrize("path, expected", [
    ("/?q=Charkiw", ["Russland greift Charkiw an", "<mark>Charkiw</mark>"]),
    ("/events?dyad=TUR,GRC", ["ACCUSE", "/documents/"]),
    ("/timeline?actor=TUR", ["<svg", 'class="cooperation"', "3 dated events"]),
    ("/timeline?actor=XYZ", ["No dated events"]),
    ("/network", ["<svg", "marker-end"]),
    ("/quotes?speaker=Gerapetritis", ["Wir wollen den Streit beenden", "#q-"]),
    ("/actors?q=Türkei", ["TUR"]),
    ("/docs", ["/static-docs/swagger-ui-bundle.js"]),
])
def test_pages_render(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    for text in expected:
        assert text in response.text


def test_docs_are_served_without_a_cdn(client):
    page = client.get("/docs").text
    assert "cdn" not in page.lower() and "https://" not in page
    assert client.get("/static-docs/swagger-ui-bundle.js").status_code == 200


def test_article_page_shows_layers_and_links_event_sentences(client):
    page = client.get("/documents/ankara").text
    assert 'class="quote"' in page and 'class="event"' in page and "Giorgos Gerapetritis" in page
    assert "why: “warf”, entry “vorwerfen”, rule separable" in page
    start = FIXED_TEXT.index("Die Türkei warf")
    assert f'id="s-{start}"' in page and f'data-s="{start}"' in page
    events = client.get("/events", params={"type": "ACCUSE", "actor": "TUR"}).text
    assert f"/documents/{fixed_document().key}#s-{start}" in events


def test_article_markup_is_escaped(client):
    response = client.get("/documents/xss")
    page = response.text
    assert "<script>alert" not in page and "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "script-src 'self'" in response.headers["content-security-policy"]
    listing = client.get("/").text
    assert "<script>alert('titel')" not in listing and "&lt;script&gt;alert(&#39;titel&#39;)" in listing


def test_article_text_is_kept_whole_with_sentence_anchors():
    from lagebild.web.views import highlight

    doc = fixed_document()
    pieces = highlight(doc.to_record())
    assert "".join(p["text"] for p in pieces) == doc.text
    assert [a for p in pieces for a in p["anchors"] if a.startswith("s-")] == [f"s-{s.start}" for s in doc.sentences]
    trigger = next(p for p in pieces if "event" in p["classes"].split())
    assert trigger["text"] == "vereinbarten" and trigger["details"].count("event AGREE") == 2
    quoted = [p for p in pieces if "quote" in p["classes"].split()]
    assert "".join(p["text"] for p in quoted) == "Wir wollen den Streit beenden"


# --- stories and merged counts -------------------------------------------------------------
# One meeting reported by dpa, a republished copy of that report (retitled, a teaser line,
# straight quotation marks, its last sentence dropped) and AFP's report in its own words;
# and a hard negative: the same two countries on the same day, another event.
SOTSCHI_DPA = """Erdoğan trifft Putin in Sotschi

SOTSCHI (dpa) – Der türkische Präsident Recep Tayyip Erdoğan hat am Montag den russischen Präsidenten Wladimir Putin in Sotschi getroffen. Im Mittelpunkt des Gesprächs stand eine Wiederbelebung des Getreideabkommens, das Russland im Juli aufgekündigt hatte. Erdoğan forderte Putin auf, die Ausfuhr von ukrainischem Getreide über das Schwarze Meer wieder zuzulassen. „Wir erwarten konkrete Schritte des Westens“, sagte Putin nach dem Treffen. Russland sei zu einer Rückkehr bereit, wenn die Sanktionen gegen seine Landwirtschaftsbank aufgehoben würden. Die Ukraine kritisierte die russischen Bedingungen als Erpressung."""

SOTSCHI_COPY = """Getreidedeal: Erdoğan bei Putin am Schwarzen Meer

Lesen Sie auch: Die wichtigsten Fragen und Antworten zum Getreideabkommen

SOTSCHI (dpa) - Der türkische Präsident Recep Tayyip Erdoğan hat am Montag den russischen Präsidenten Wladimir Putin in Sotschi getroffen. Im Mittelpunkt des Gesprächs stand eine Wiederbelebung des Getreideabkommens, das Russland im Juli aufgekündigt hatte. Erdoğan forderte Putin auf, die Ausfuhr von ukrainischem Getreide über das Schwarze Meer wieder zuzulassen. "Wir erwarten konkrete Schritte des Westens", sagte Putin nach dem Treffen. Russland sei zu einer Rückkehr bereit, wenn die Sanktionen gegen seine Landwirtschaftsbank aufgehoben würden."""

SOTSCHI_AFP = """Kein Durchbruch beim Treffen von Erdoğan und Putin

SOTSCHI (AFP) – Beim Treffen mit Kremlchef Wladimir Putin in Sotschi hat der türkische Staatschef Recep Tayyip Erdoğan am Montag vergeblich auf eine Rückkehr Moskaus zum Getreideabkommen gedrungen. Erdoğan forderte Putin auf, ukrainisches Getreide wieder über das Schwarze Meer ausfahren zu lassen. Putin knüpfte eine Rückkehr Russlands zum Abkommen an die Aufhebung westlicher Sanktionen. Die Türkei hatte das Getreideabkommen im vergangenen Jahr gemeinsam mit den Vereinten Nationen vermittelt. Erdoğan zeigte sich nach dem Gespräch dennoch zuversichtlich."""

DROHNEN = """Moskau protestiert gegen türkische Drohnen für Kiew

MOSKAU (dpa) – Russland hat am Montag scharf gegen die Lieferung türkischer Kampfdrohnen an die Ukraine protestiert. Das Außenministerium in Moskau bestellte den türkischen Botschafter ein. Die Türkei liefere Waffen an eine Kriegspartei und gefährde damit die Sicherheit in der Region, erklärte eine Sprecherin. Ankara wies die Vorwürfe zurück und verwies auf bestehende Verträge mit Kiew."""

STORY_ARTICLES = {"sotschi-dpa": (SOTSCHI_DPA, "dpa"), "sotschi-kopie": (SOTSCHI_COPY, "nachrichten-online"),
                  "sotschi-afp": (SOTSCHI_AFP, "afp"), "drohnen": (DROHNEN, "dpa")}
SOTSCHI_TITLE, DROHNEN_TITLE = "Erdoğan trifft Putin in Sotschi", "Moskau protestiert gegen türkische Drohnen für Kiew"


@pytest.fixture()
def story_client(tmp_path):
    path = tmp_path / "stories.db"
    with SQLiteStore(path) as store:
        for input_id, (text, source) in STORY_ARTICLES.items():
            doc = analyze(text, published="2023-09-04")
            doc.id, doc.source = input_id, source
            store.add(doc)
    return TestClient(create_app(str(path), token=TOKEN))


def _story_with(client, input_id: str) -> dict:
    """The story (from /api/stories/{id}) that holds the document `input_id`."""
    for row in client.get("/api/stories").json():
        story = client.get(f"/api/stories/{row['story']}").json()
        if input_id in {d["input_id"] for d in story["documents"]}:
            return story
    raise AssertionError(f"no story holds {input_id}")


def test_stories_join_a_copy_and_a_second_agencys_report(story_client):
    story = _story_with(story_client, "sotschi-dpa")
    documents = {d["input_id"]: d for d in story["documents"]}
    assert set(documents) == {"sotschi-dpa", "sotschi-kopie", "sotschi-afp"}     # the hard negative stays apart
    original, copy, afp = documents["sotschi-dpa"], documents["sotschi-kopie"], documents["sotschi-afp"]
    assert copy["copy_of"] == original["key"] and copy["copy_group"] == original["copy_group"] != afp["copy_group"]
    assert copy["title"] == "Getreidedeal: Erdoğan bei Putin am Schwarzen Meer" and copy["published"] == "2023-09-04"
    assert story["title"] == SOTSCHI_TITLE and story["first_seen"] == story["last_seen"] == "2023-09-04"
    assert story["sources"] == ["afp", "dpa", "nachrichten-online"]
    # the copy's events are its original's events; AFP's report of the meeting joins them
    for event in story["events"]:
        reported = {r["document"] for r in event["reports"]}
        assert "sotschi-kopie" not in reported or "sotschi-dpa" in reported
        assert event["mentions"] == len(event["reports"]) and event["story"] == story["story"]
    assert any({"sotschi-dpa", "sotschi-kopie", "sotschi-afp"} <= {r["document"] for r in e["reports"]}
               for e in story["events"])
    summary = next(s for s in story_client.get("/api/stories").json() if s["story"] == story["story"])
    assert (summary["documents"], summary["copy_groups"], summary["events"]) == (3, 2, len(story["events"]))
    assert summary["mentions"] == sum(e["mentions"] for e in story["events"]) > summary["events"]


@pytest.mark.parametrize("params, titles", [
    ({}, {SOTSCHI_TITLE, DROHNEN_TITLE}),
    ({"q": "sotschi"}, {SOTSCHI_TITLE}),                       # words of the title, any case
    ({"actor": "TUR"}, {SOTSCHI_TITLE, DROHNEN_TITLE}),
    ({"actor": "XYZ"}, set()),
    ({"since": "2023-09-04", "until": "2023-09-04"}, {SOTSCHI_TITLE, DROHNEN_TITLE}),
    ({"since": "2023-09-05"}, set()),
    ({"until": "2023-09-03"}, set()),
    ({"q": "Drohnen", "since": "2023-09-01"}, {DROHNEN_TITLE}),
])
def test_stories_filters_combine(story_client, params, titles):
    assert {s["title"] for s in story_client.get("/api/stories", params=params).json()} == titles


def test_stories_are_paged(story_client):
    rows = story_client.get("/api/stories", params={"limit": 1}).json()
    assert len(rows) == 1
    assert story_client.get("/api/stories", params={"limit": 1, "offset": 1}).json()[0]["story"] != rows[0]["story"]


def test_unknown_story_is_a_404(story_client):
    for path in ("/api/stories/nope", "/stories/nope"):
        response = story_client.get(path)
        assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_events_count_merged_events_and_mentions_on_request(story_client):
    merged = story_client.get("/api/events", params={"limit": 500}).json()
    every = story_client.get("/api/events", params={"limit": 500, "count": "mentions"}).json()
    assert sum(e["mentions"] for e in merged) == len(every) > len(merged)
    assert all("mentions" not in e for e in every)
    assert {(e["type"], e["source"]["code"]) for e in merged} == {(e["type"], e["source"]["code"]) for e in every}
    for event in merged:   # each row points to its first report's document and sentence
        assert event["document"] == event["reports"][0]["key"]
        assert event["sentence_text"] in SOTSCHI_DPA + SOTSCHI_COPY + SOTSCHI_AFP + DROHNEN
    # the filters work for both counts, and the same acts pass them
    for params in ({"source": "TUR", "target": "RUS"}, {"actor": "RUS", "since": "2023-09-04"}, {"q": "forderte"},
                   {"dyad": "RUS,TUR", "status": "asserted"}):
        some = story_client.get("/api/events", params=params).json()
        all_of = story_client.get("/api/events", params={**params, "count": "mentions"}).json()
        assert {(e["type"], e["source"]["code"]) for e in some} == {(e["type"], e["source"]["code"]) for e in all_of}
        assert sum(e["mentions"] for e in some) >= len(all_of) >= len(some)
    assert story_client.get("/api/events", params={"limit": 1, "offset": 1}).json()[0] == merged[1]


def test_timeline_network_and_csv_count_merged_events(story_client):
    merged = story_client.get("/api/events", params={"limit": 500}).json()
    every = story_client.get("/api/events", params={"limit": 500, "count": "mentions"}).json()
    days = story_client.get("/api/timeline").json()
    assert {r["period"] for r in days} == {"2023-09-04"}
    assert sum(r["events"] for r in days) == len(merged)
    reports = story_client.get("/api/timeline", params={"count": "mentions"}).json()
    assert sum(r["events"] for r in reports) == len(every)
    weeks = story_client.get("/api/timeline", params={"by": "week", "type": "CONSULT"}).json()
    assert [(r["period"], r["events"]) for r in weeks] == [("2023-W36", 1)]

    def edges(params):
        return {(e["source"], e["target"]): e["cooperation"] + e["conflict"]
                for e in story_client.get("/api/network", params=params).json()}
    once, reports = edges({}), edges({"count": "mentions"})
    assert once.keys() == reports.keys() and once[("TUR", "RUS")] < reports[("TUR", "RUS")]

    response = story_client.get("/api/events", params={"format": "csv", "limit": 500})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(merged) and sum(int(r["mentions"]) for r in rows) == len(every)
    assert {r["story"] for r in rows} == {e["story"] for e in merged} and {r["conflict"] for r in rows} <= {"yes", "no"}
    plain = list(csv.DictReader(io.StringIO(story_client.get(
        "/api/events", params={"format": "csv", "limit": 500, "count": "mentions"}).text)))
    assert len(plain) == len(every) and "mentions" not in plain[0]


def test_stories_follow_new_documents(story_client):
    before = _story_with(story_client, "sotschi-dpa")
    events_before = len(story_client.get("/api/events", params={"limit": 500}).json())
    again = {"id": "sotschi-kopie-2", "text": SOTSCHI_COPY.replace("Getreidedeal:", "Nach dem Gipfel:"),
             "published": "2023-09-04", "source": "regional"}
    assert story_client.post("/api/documents", json=again, headers=AUTH).json()["stored"]
    after = _story_with(story_client, "sotschi-dpa")
    inputs = {d["input_id"] for d in before["documents"]}
    assert {d["input_id"] for d in after["documents"]} == inputs | {"sotschi-kopie-2"}
    assert len(after["events"]) == len(before["events"])                      # a copy adds mentions, not events
    assert sum(e["mentions"] for e in after["events"]) > sum(e["mentions"] for e in before["events"])
    assert len(story_client.get("/api/events", params={"limit": 500}).json()) == events_before


def test_story_pages(story_client):
    story = _story_with(story_client, "sotschi-dpa")
    listing = story_client.get("/stories", params={"q": "Sotschi"}).text
    assert f'href="/stories/{story["story"]}"' in listing and SOTSCHI_TITLE in listing and DROHNEN_TITLE not in listing
    page = story_client.get(f"/stories/{story['story']}").text
    assert page.count('class="copy-group"') == 2 and "its 1 copy" in page
    for document in story["documents"]:
        assert f'href="/documents/{document["key"]}"' in page
    meeting = max(story["events"], key=lambda e: e["mentions"])
    assert f"<td>{meeting['mentions']}</td>" in page
    article = story_client.get("/documents/sotschi-kopie").text
    assert f'href="/stories/{story["story"]}"' in article and 'href="/stories"' in article


@pytest.mark.parametrize("path, present, absent", [
    ("/events", ["<th>mentions</th>", 'href="/stories/', "Each event once"], []),
    ("/events?count=mentions", ["Every report of an event", 'value="mentions" selected'], ["<th>mentions</th>"]),
    ("/timeline", ["events, each counted once"], []),
    ("/timeline?count=mentions", ["mentions of events", "count=mentions"], []),
    ("/network?count=mentions", ["count=mentions", "<svg"], []),
])
def test_event_pages_offer_both_counts(story_client, path, present, absent):
    page = story_client.get(path).text
    assert all(text in page for text in present) and not any(text in page for text in absent)


def test_timeline_page_totals_follow_the_count(story_client):
    merged = len(story_client.get("/api/events", params={"limit": 500}).json())
    every = len(story_client.get("/api/events", params={"limit": 500, "count": "mentions"}).json())
    assert f"{merged} dated events, each counted once" in story_client.get("/timeline").text
    assert f"{every} dated mentions of events" in story_client.get("/timeline", params={"count": "mentions"}).text
