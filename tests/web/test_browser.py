"""The dashboard in a real browser: Playwright driving Debian's Chromium (no download).

Skipped when no Chromium binary is installed (CI installs it; see .ci/run). With
LAGEBILD_SCREENSHOTS=1 the article page and the timeline are saved into docs/."""
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from lagebild import analyze
from lagebild.store.sqlite import SQLiteStore

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no Chromium binary (apt install chromium)")
DOCS = Path(__file__).resolve().parents[2] / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

ARTICLES = [
    ("merkel-macron", "2023-05-08", "Macron und Scholz beraten in Paris über die Ukraine\n\n"
     "PARIS (AFP) – Der französische Präsident Emmanuel Macron hat am Montag Bundeskanzler Olaf Scholz "
     "in Paris empfangen. „Europa muss in dieser Lage geschlossen handeln“, sagte Macron nach dem Treffen. "
     "Deutschland und Frankreich sagten der Ukraine weitere Unterstützung zu."),
    ("charkiw", "2023-05-09", "Russland greift Charkiw an\n\nKIEW (dpa) – Russland hat in der Nacht zum Dienstag "
     "die Stadt Charkiw mit Raketen angegriffen. Die EU verurteilte den Angriff. Die Ukraine forderte von "
     "Deutschland weitere Flugabwehrsysteme."),
    ("xss", "2023-05-10", "Ein Test mit Markup\n\nDer Text enthält <script>alert(1)</script>, "
     "<img src=x onerror=alert(2)> und <a href=\"javascript:alert(3)\">einen Link</a>. Scholz traf Macron."),
    ("sanktionen", "2023-05-11", "EU verhängt neue Sanktionen\n\nBRÜSSEL (dpa) – Die EU hat am Donnerstag neue "
     "Sanktionen gegen Russland verhängt. „Wir lassen nicht nach“, sagte Kommissionspräsidentin Ursula von der "
     "Leyen."),
]


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The dashboard on the demo database (examples/) plus the articles above, served by
    uvicorn in a thread on a free port."""
    import uvicorn

    from lagebild.ingest import ingest
    from lagebild.web import create_app

    db = tmp_path_factory.mktemp("browser") / "web.db"
    with SQLiteStore(db) as store:
        ingest([EXAMPLES], store, workers=1)
        for input_id, published, text in ARTICLES:
            doc = analyze(text, published=published)
            doc.id = input_id
            store.add(doc)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(200):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        opened = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        opened.on("pageerror", lambda error: errors.append(str(error)))
        opened.errors = errors
        yield opened
        browser.close()


def test_browser_search_open_article_and_see_quote(server, page):
    page.goto(server + "/")
    page.fill("input[name=q]", "Macron Europa")
    page.click("text=Search")
    assert page.locator("table.documents mark").count() > 0
    page.click("text=Macron und Scholz beraten in Paris über die Ukraine")
    quote = page.locator("article span.quote").first
    # a quote is highlighted piece by piece where other layers (an actor, a time) cut it
    assert "Europa muss in dieser Lage" in "".join(page.locator("article span.quote").all_inner_texts())
    assert "Emmanuel Macron" in quote.get_attribute("title")
    quote.click()
    assert "Emmanuel Macron" in page.locator("#details").inner_text()
    assert page.locator("ul.quotes b.speaker").first.inner_text() == "Emmanuel Macron"
    assert page.locator("article span.time").count() > 0 and page.locator("article span.actor").count() > 0
    if os.environ.get("LAGEBILD_SCREENSHOTS"):
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / "article.png"), full_page=True)
    assert page.errors == []


def test_browser_markup_in_an_article_does_not_run(server, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + "/documents/xss")
    page.click("article")
    assert "<script>alert(1)</script>" in page.locator("article").inner_text()
    assert page.locator("article script, article img, article a[href^='javascript']").count() == 0
    page.goto(server + "/?q=Markup")
    assert page.locator("table.documents img, table.documents script").count() == 0
    assert dialogs == [] and page.errors == []


def test_browser_filter_events_and_follow_one_to_its_sentence(server, page):
    page.goto(server + "/events")
    page.select_option("select[name=type]", "ASSAULT")
    page.fill("input[name=actor]", "RUS")
    page.click("text=Filter")
    rows = page.locator("table.events tr")
    assert rows.count() >= 2
    for number in range(1, rows.count()):
        assert "ASSAULT" in rows.nth(number).inner_text()
    assert "type=ASSAULT" in page.locator("a.csv").get_attribute("href")
    rows.nth(1).locator("td:last-child a").click()
    assert page.locator("article .focus").count() > 0
    assert page.locator("article .focus.event").count() > 0
    assert page.errors == []


def test_browser_timeline_and_network_render(server, page):
    page.goto(server + "/timeline")
    page.fill("input[name=actor]", "RUS")
    page.click("text=Show")
    assert page.locator("svg.timeline rect.conflict").count() > 0
    assert page.locator("svg.timeline rect.cooperation").count() > 0
    if os.environ.get("LAGEBILD_SCREENSHOTS"):
        page.screenshot(path=str(DOCS / "timeline.png"), full_page=True)
    page.goto(server + "/network")
    assert page.locator("svg.network path.edge").count() > 0 and page.locator("svg.network g.node").count() > 2
    assert page.locator("svg.network").bounding_box()["height"] > 200
    if os.environ.get("LAGEBILD_SCREENSHOTS"):
        page.screenshot(path=str(DOCS / "network.png"), full_page=True)
    page.goto(server + "/quotes?speaker=Leyen")
    assert "Wir lassen nicht nach" in page.locator("ul.quotes").inner_text()
    assert page.errors == []


def test_browser_story_page_leads_to_its_articles(server, page):
    page.goto(server + "/stories")
    page.locator("table.stories a").first.click()
    assert page.locator("section.copy-group").count() > 0 and page.locator("table.events").count() == 1
    page.locator("section.copy-group a").first.click()
    assert page.locator("article.text").count() == 1
    assert page.errors == []


def test_browser_api_docs_render_offline(server, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=10_000)
    assert "/api/events" in page.locator(".swagger-ui").inner_text()
    assert all(url.startswith((server, "data:")) for url in requests), requests
    assert page.errors == []
