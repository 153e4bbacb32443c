"""The web API and pages, on a store of articles written for these tests."""
import pytest
from fastapi.testclient import TestClient

from lagebild import analyze
from lagebild.store.sqlite import SQLiteStore
from lagebild.web import create_app

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


@pytest.fixture()
def client(tmp_path):
    db = tmp_path / "web.db"
    with SQLiteStore(db) as store:
        for input_id, (title, body, published) in ARTICLES.items():
            doc = analyze(f"{title}\n\n{body}", published=published)
            doc.id = input_id
            store.add(doc)
    return TestClient(create_app(str(db), token="s3cret"))


def test_health_counts_documents(client):
    assert client.get("/api/health").json() == {"status": "ok", "documents": 3}


def test_documents_search_and_filters_combine(client):
    found = client.get("/api/documents", params={"q": "Charkiw"}).json()
    assert [d["input_id"] for d in found] == ["russland-angriff"]
    assert client.get("/api/documents", params={"q": "Charkiw", "since": "2023-03-15"}).json() == []
    assert len(client.get("/api/documents", params={"limit": 2}).json()) == 2


def test_document_record_by_input_id(client):
    record = client.get("/api/documents/scholz-macron").json()
    assert record["id"] == "scholz-macron" and record["quotes"][0]["speaker"] == "Olaf Scholz"
    assert client.get("/api/documents/nope").status_code == 404


def test_events_filter_by_actor_type_and_csv(client):
    events = client.get("/api/events", params={"actor": "RUS"}).json()
    assert {(e["type"], e["source"]["code"], e["target"]["code"]) for e in events} >= {("ASSAULT", "RUS", "UKR")}
    assert all(e["type"] == "AID" for e in client.get("/api/events", params={"type": "AID"}).json())
    csv = client.get("/api/events", params={"format": "csv", "source": "DEU"}).text
    assert csv.splitlines()[0].startswith("document,type,mode,source")
    assert "AID" in csv


def test_quotes_and_actors(client):
    quotes = client.get("/api/quotes", params={"speaker": "Scholz"}).json()
    assert quotes and quotes[0]["speaker_code"] == "DEU"
    actors = {a["code"] for a in client.get("/api/actors").json()}
    assert {"DEU", "FRA", "RUS"} <= actors


def test_timeline_counts_events_per_day(client):
    rows = client.get("/api/timeline", params={"actor": "RUS"}).json()
    assert {"period": "2023-03-14", "type": "ASSAULT", "events": 1} in rows


@pytest.mark.parametrize("path, params", [
    ("/api/events", {"colour": "red"}),                  # unknown filter
    ("/api/events", {"since": "gestern"}),               # malformed date
    ("/api/events", {"type": "PARTY"}),                  # unknown type
    ("/api/documents", {"limit": "0"}),
    ("/api/timeline", {"by": "year"}),
])
def test_bad_filters_get_422_with_a_message(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code == 422 and response.json()["detail"]


def test_writes_need_the_token(client):
    record = {"id": "neu", "text": "Biden traf Selenskyj am Montag in Kiew.", "published": "2023-03-16"}
    assert client.post("/api/documents", json=record).status_code == 401
    response = client.post("/api/documents", json=[record, {"id": "leer", "text": ""}],
                           headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 201
    body = response.json()
    assert len(body["stored"]) == 1 and body["failures"][0]["record"] == 1
    assert client.get("/api/documents/neu").json()["events"]


def test_oversized_write_gets_413(client):
    response = client.post("/api/documents", content=b"x" * 5_000_001,
                           headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert response.status_code == 413


def test_pages_render(client):
    assert "Charkiw" in client.get("/", params={"q": "Charkiw"}).text
    assert "ASSAULT" in client.get("/events").text
    assert "<svg" in client.get("/timeline").text and "<svg" in client.get("/network").text
    page = client.get("/documents/scholz-macron").text
    assert 'class="quote"' in page and "Olaf Scholz" in page and "why:" in page


def test_article_markup_is_escaped(client):
    page = client.get("/documents/xss").text
    assert "<script>alert" not in page and "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    listing = client.get("/").text
    assert "<script>alert('titel')" not in listing


def test_article_text_is_kept_whole_with_sentence_anchors():
    from lagebild.web.views import highlight

    doc = analyze("Scholz traf Macron. „Wir sind bereit zu handeln“, sagte Scholz am Montag.", published="2023-03-15")
    pieces = highlight(doc.to_record())
    assert "".join(p["text"] for p in pieces) == doc.text
    assert [p["title"] for p in pieces if p["kind"] == "anchor"] == [f"s-{s.start}" for s in doc.sentences]


def test_event_rows_link_to_their_sentence(client):
    page = client.get("/events", params={"type": "ASSAULT"}).text
    assert "#s-" in page
