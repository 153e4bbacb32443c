import datetime as dt
import pickle
import subprocess
import sys

import pytest

from lagebild import InputError, analyze
from lagebild.document import Document
from lagebild.pipeline import Pipeline, PipelineError, default_stages, stage


@stage(requires=("text",), provides=("shouting",))
def shout(doc: Document) -> Document:
    doc.title = doc.text.upper()
    return doc


def test_pipeline_default_order_fits_together():
    pipeline = Pipeline(default_stages())
    assert pipeline.names == ["extract", "clean", "detect_language", "segment", "tag_times", "tag_actors", "tag_quotes", "tag_events"]
    assert {"text", "language", "sentences", "tokens", "removed", "times"} <= pipeline.provides


def test_pipeline_refuses_stage_whose_requirement_comes_later():
    stages = default_stages()
    with pytest.raises(PipelineError, match="stage 'shout' requires \\['text'\\]"):
        Pipeline([shout] + stages)


def test_pipeline_refuses_undecorated_function():
    with pytest.raises(PipelineError, match="not a stage"):
        Pipeline([lambda doc: doc])


def test_pipeline_runs_an_added_stage_after_the_defaults():
    doc = Pipeline(default_stages() + [shout]).run(Document(raw="Die Waffenruhe in Gaza hält seit Montag."))
    assert doc.title == "DIE WAFFENRUHE IN GAZA HÄLT SEIT MONTAG."


def test_analyze_fills_the_spine_layers(wire_story):
    doc = analyze(wire_story)
    assert doc.language == "de"
    assert doc.title == "Baerbock reist zu Gesprächen über Waffenruhe nach Kairo"
    assert doc.agency == "dpa" and doc.dateline == "Kairo"
    assert doc.published == "2023-11-14" and doc.published_from == "metadata"
    assert "Leave a Reply" not in doc.text and "Teilen:" not in doc.text
    assert {r.reason for r in doc.removed} >= {"agency", "metadata", "share"}
    assert "Kairo – Außenministerin" in doc.text  # the dateline names the place and stays
    assert doc.text.startswith(doc.title)
    sentences = [doc.text[s.start:s.end] for s in doc.sentences]
    assert sentences[2] == ("„Wir brauchen humanitäre Feuerpausen, damit Hilfe die Menschen erreicht“, "
                            "sagte Baerbock nach dem Treffen vor Journalisten.")
    assert all(doc.text[t.start:t.end].strip() for t in doc.tokens)


def test_analyzed_document_crosses_processes_with_its_words(wire_story):
    doc = analyze(wire_story)
    words = doc.words_by_sentence()
    assert words[2][:3] == [(words[2][0][0], words[2][0][0] + 3, "Wir"), (words[2][1][0], words[2][1][1], "brauchen"),
                            (words[2][2][0], words[2][2][1], "humanitäre")]
    copy = pickle.loads(pickle.dumps(doc))   # as a worker process hands it back
    assert copy.to_record() == doc.to_record()
    assert copy._words is None   # not shipped: made of object ids, valid only where they were made
    assert copy.words_by_sentence() == words


# Run in a fresh process: whether this test process has frozen depends on the tests before.
_FREEZE_PROBE = """
import gc
from lagebild.analyze import _analyze_and_freeze, analyze_many
from lagebild.sources.raw import Failure, RawArticle

article = RawArticle(origin="probe.txt", content="Die Waffenruhe in Gaza hält seit Montag, sagte ein Sprecher.")
results = analyze_many([Failure("broken.json", "not JSON"), article], workers=1)
print(type(next(results)).__name__, gc.get_freeze_count())   # a failure loads nothing: no freeze
print(type(next(results)).__name__, gc.get_freeze_count())   # the models are loaded and frozen
frozen = gc.get_freeze_count()
print(type(_analyze_and_freeze(article)).__name__, gc.get_freeze_count() == frozen)   # once per process
"""


def test_a_process_freezes_its_models_after_its_first_analysed_article():
    output = subprocess.run([sys.executable, "-c", _FREEZE_PROBE], capture_output=True, text=True, check=True).stdout
    (failure, before), (document, after), (again, unchanged) = (line.split() for line in output.splitlines())
    assert (failure, before) == ("Failure", "0")
    assert document == "Document" and int(after) > 10_000   # HanTa's model and the knowledge
    assert (again, unchanged) == ("Document", "True")


def test_analyze_explicit_date_wins_over_metadata(wire_story):
    assert analyze(wire_story, published=dt.date(2023, 11, 15)).published == "2023-11-15"
    assert analyze(wire_story, published="2023-11-15T08:00:00+01:00").published_from == "input"


def test_analyze_repairs_mojibake_before_cleaning():
    doc = analyze("Die GesprÃ¤che in GenÃ¨ve endeten am Freitag â€žohne Ergebnisâ€œ, sagte ein Diplomat.")
    assert doc.text == "Die Gespräche in Genève endeten am Freitag „ohne Ergebnis“, sagte ein Diplomat."


def test_analyze_reads_english_and_html(english_story):
    assert analyze(english_story).language == "en"
    html = ("<html><head><title>Gipfel in Vilnius</title></head><body><article><h1>Gipfel in Vilnius</h1>"
            "<p>Die Staats- und Regierungschefs der NATO kamen am Dienstag in der litauischen Hauptstadt "
            "zusammen, um über den Beitritt Schwedens und die Lage in der Ukraine zu beraten.</p>"
            "<p>Generalsekretär Jens Stoltenberg sprach von einem historischen Treffen für das Bündnis "
            "und lobte die Einigung mit der Türkei.</p></article></body></html>")
    doc = analyze(html, format="html", published="2023-07-11")
    assert doc.title == "Gipfel in Vilnius" and doc.language == "de"
    assert "Stoltenberg" in doc.text and "<p>" not in doc.text


@pytest.mark.parametrize(
    "text, published, problem",
    [
        ("Leave a Reply\n\nsource site-3\n", None, "no article text"),
        ("Die Außenminister berieten in Rom.", "30.12.2021", "not a date"),
        ("<html><head><title>Leer</title></head></html>", None, "no article text found in the HTML"),
    ],
)
def test_analyze_bad_input_raises_clear_error(text, published, problem):
    fmt = "html" if text.startswith("<html") else "text"
    with pytest.raises(InputError, match=problem):
        analyze(text, published=published, id="eingabe-1", format=fmt)


@pytest.mark.parametrize(
    "sentence",
    [
        "Berlin ( dpa ) - Die Bundesregierung will das Heizungsgesetz noch vor der Sommerpause beschließen .",
        "Kiew - Die ukrainische Armee hat nach eigenen Angaben zwei Dörfer zurückerobert .",
        "\" ;Wir bleiben an der Seite der Ukraine&ldquo; , sagte der Kanzler .",
        "© dpa Der Minister reiste am Montag nach Warschau und traf dort seinen Amtskollegen .",
        "Die Gespräche endeten ohne Ergebnis\x94 , hieß es aus Verhandlungskreisen .",
    ],
)
def test_analyze_plain_sentence_comes_back_unchanged(sentence):
    # Callers (and the GermEval scorer) compare offsets with their own text.
    assert analyze(sentence, id="satz").text == sentence
