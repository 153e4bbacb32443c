"""The quotes stage: every sentence here was written for these tests."""
import pytest

from lagebild import analyze
from lagebild.quotes.cues import cue_forms, is_subjunctive
from lagebild.quotes.marks import find_quote_spans

PUBLISHED = "2023-03-15"


def quotes_of(text: str, kinds=("direct", "indirect", "mixed")) -> list[dict]:
    doc = analyze(text, published=PUBLISHED)
    return [q for q in doc.quotes if q["kind"] in kinds]


# (text, [(kind, speaker, words the quote holds)]). The kind "reported" accepts
# indirect or mixed.
CASES = [
    # --- direct speech, attribution after the quote ---
    ("„Wir werden die Ukraine weiter unterstützen“, sagte Scholz am Dienstag in Berlin.",
     [("direct", "Olaf Scholz", "Ukraine weiter unterstützen")]),
    ("“Die Lage an der Front bleibt sehr angespannt”, sagte Selenskyj in seiner Videobotschaft.",
     [("direct", "Wolodymyr Selenskyj", "Lage an der Front")]),
    ('"Wir brauchen jetzt schnell mehr Munition", sagte Stoltenberg in Brüssel.',
     [("direct", "Jens Stoltenberg", "mehr Munition")]),
    ("»Diese Gespräche haben keinen Sinn mehr«, sagte Lawrow vor Journalisten.",
     [("direct", "Sergej Lawrow", "Gespräche haben keinen Sinn")]),
    ("«Wir sind zu einem Kompromiss bereit», erklärte Macron nach dem Treffen.",
     [("direct", "Emmanuel Macron", "Kompromiss bereit")]),
    ("„Das ist ein schwerer Fehler der Regierung“, kritisierte Merz im Bundestag.",
     [("direct", "Friedrich Merz", "schwerer Fehler")]),
    ("„Niemand will einen neuen Krieg in Europa“, so Baerbock.",
     [("direct", "Annalena Baerbock", "neuen Krieg in Europa")]),
    ("„Wir haben alle Optionen auf dem Tisch“, twitterte Blinken am Abend.",
     [("direct", "Antony Blinken", "Optionen auf dem Tisch")]),
    ("„Die Verhandlungen sind in einer entscheidenden Phase“, teilte das Weiße Haus mit.",
     [("direct", "das Weiße Haus", "entscheidenden Phase")]),
    ("„Wir rechnen mit weiteren Angriffen in der Nacht“, warnte der ukrainische Präsident Wolodymyr Selenskyj.",
     [("direct", "Wolodymyr Selenskyj", "weiteren Angriffen")]),
    # mismatched and German marks
    ("„Das Abkommen ist unterschriftsreif\", sagte Scholz nach dem Gipfel.",
     [("direct", "Olaf Scholz", "Abkommen ist unterschriftsreif")]),
    ("„Wir stehen an der Seite unserer Partner”, betonte Baerbock in Kiew.",
     [("direct", "Annalena Baerbock", "Seite unserer Partner")]),
    # interrupted quote: one quote in two parts
    ("„Wir sind zu Gesprächen bereit“, sagte Peskow, „aber nicht unter diesen Bedingungen.“",
     [("direct", "Dmitri Peskow", "nicht unter diesen Bedingungen")]),
    # quote over two sentences
    ("„Der Winter wird hart. Aber wir werden ihn gemeinsam überstehen“, sagte Scholz in seiner Neujahrsansprache.",
     [("direct", "Olaf Scholz", "gemeinsam überstehen")]),
    # attribution before the quote
    ("Scholz sagte: „Wir lassen uns von niemandem erpressen.“",
     [("direct", "Olaf Scholz", "niemandem erpressen")]),
    ("Am Abend erklärte Macron: „Europa muss jetzt geschlossen handeln.“",
     [("direct", "Emmanuel Macron", "geschlossen handeln")]),
    ("Selenskyj: „Die Hilfe aus dem Westen kommt zu spät an.“",
     [("direct", "Wolodymyr Selenskyj", "Hilfe aus dem Westen")]),
    # the seed's structures: nested reporting with addressee and intermediate source
    ("„Wir sind bereit, auf jeden Angriff zu reagieren“, sagte Biden Putin, sagte der Beamte.",
     [("direct", "Joe Biden", "auf jeden Angriff zu reagieren")]),
    # speaker named in apposition to a role
    ("„Die Gespräche verliefen konstruktiv und offen“, sagte der Sprecher des Außenministeriums, Ned Price.",
     [("direct", "Ned Price", "verliefen konstruktiv")]),
    ("Der Chefredakteur der Zeitung Hürriyet Daily, Murat Yetkin, sagte, die Regierung wolle Kritiker einschüchtern.",
     [("indirect", "Murat Yetkin", "Kritiker einschüchtern")]),
    ("Nach Angaben des Chefs der Zeitung Hürriyet, Murat Yetkin, wurden drei Journalisten festgenommen.",
     [("indirect", "Murat Yetkin", "drei Journalisten festgenommen")]),
    ("Nach Angaben des Chefredakteurs von Halk TV, Murat Demir, durchsuchten Polizisten die Redaktion des Senders.",
     [("indirect", "Murat Demir", "durchsuchten Polizisten")]),
    ("„Wir prüfen alle Vorwürfe sehr genau“, sagte Kreml-Sprecher Dmitri Peskow.",
     [("direct", "Dmitri Peskow", "prüfen alle Vorwürfe")]),
    # pronoun speaker: the person named before
    ("Scholz reiste am Montag nach Paris. „Wir müssen enger zusammenarbeiten“, sagte er dort.",
     [("direct", "Olaf Scholz", "enger zusammenarbeiten")]),
    # continuation: a quote without cue after an attributed one
    ("„Die Preise steigen weiter“, sagte Finanzminister Christian Lindner. „Wir müssen gegensteuern, bevor es "
     "zu spät ist.“",
     [("direct", "Christian Lindner", "Preise steigen weiter"),
      ("direct", "Christian Lindner", "gegensteuern")]),
    # --- indirect speech ---
    ("Lawrow sagte, Moskau werde keine weiteren Zugeständnisse machen.",
     [("reported", "Sergej Lawrow", "Moskau werde keine weiteren Zugeständnisse")]),
    ("Der russische Außenminister Sergej Lawrow hat versprochen, Moskau werde die Gespräche fortsetzen.",
     [("reported", "Sergej Lawrow", "Gespräche fortsetzen")]),
    ("Baerbock betonte, dass Deutschland an seiner Zusage festhalte.",
     [("reported", "Annalena Baerbock", "Deutschland an seiner Zusage")]),
    ("Am Montag sagte Stoltenberg, die Allianz sei auf alle Szenarien vorbereitet.",
     [("reported", "Jens Stoltenberg", "auf alle Szenarien vorbereitet")]),
    ("Die Waffenruhe solle am Freitag beginnen, teilte das Außenministerium in Ankara mit.",
     [("reported", "Außenministerium", "Waffenruhe solle am Freitag beginnen")]),
    ("Die Lieferungen würden sich verzögern, sagte ein Sprecher der Bundesregierung.",
     [("reported", "Sprecher", "Lieferungen würden sich verzögern")]),
    ("Die Grenze bleibe vorerst geschlossen, erklärte die polnische Regierung am Abend.",
     [("reported", "Regierung", "Grenze bleibe vorerst geschlossen")]),
    ("Wie das Verteidigungsministerium mitteilte, wurden in der Nacht drei Drohnen abgeschossen.",
     [("reported", "Verteidigungsministerium", "drei Drohnen abgeschossen")]),
    ("Laut Polizei wurden bei der Kundgebung mehr als 200 Menschen festgenommen.",
     [("reported", "Polizei", "mehr als 200 Menschen festgenommen")]),
    ("Bei den Kämpfen kamen nach Angaben der Vereinten Nationen mindestens zwölf Zivilisten ums Leben.",
     [("reported", "Vereinte Nationen", "mindestens zwölf Zivilisten ums Leben")]),
    ("Der Regierung zufolge wurden die Verhandlungen über das Abkommen unterbrochen.",
     [("reported", "Regierung", "Verhandlungen über das Abkommen unterbrochen")]),
    ("Die Truppen seien bereits abgezogen worden, hieß es aus Militärkreisen in Moskau.",
     [("reported", "Moskau", "Truppen seien bereits abgezogen")]),
    ("Peskow bestätigte das Telefonat und sagte, es werde am Donnerstag stattfinden.",
     [("reported", "Dmitri Peskow", "am Donnerstag stattfinden")]),
    ("Die Minister seien sich einig gewesen, sagte Scholz und fügte hinzu, die Sanktionen würden verschärft.",
     [("reported", "Olaf Scholz", "Minister seien sich einig"),
      ("reported", "Olaf Scholz", "Sanktionen würden verschärft")]),
    ("Macron kündigte an, dass Frankreich weitere Panzer liefern werde.",
     [("reported", "Emmanuel Macron", "weitere Panzer liefern")]),
    ("Der Minister stellte klar, dass es keine Pläne für einen Truppeneinsatz gebe.",
     [("reported", "Minister", "keine Pläne für einen Truppeneinsatz")]),
    # Konjunktiv continues the report in the next sentence
    ("Stoltenberg sagte, die Lage sei ernst. Die Allianz werde ihre Ostflanke weiter verstärken.",
     [("reported", "Jens Stoltenberg", "Lage sei ernst"),
      ("reported", "Jens Stoltenberg", "Ostflanke weiter verstärken")]),
    # partial quote inside reported speech: one record, with a phrase
    ("Lawrow sagte, Moskau werde eine „harte Linie“ in den Gesprächen verfolgen.",
     [("reported", "Sergej Lawrow", "harte Linie")]),
    # descriptors of unnamed sources, resolved to the fuller one
    ("Ein hochrangiger Regierungsbeamter sagte, die Gespräche seien gescheitert. "
     "Der Beamte fügte hinzu, man werde dennoch weiter verhandeln.",
     [("reported", "Ein hochrangiger Regierungsbeamter", "Gespräche seien gescheitert"),
      ("reported", "Ein hochrangiger Regierungsbeamter", "dennoch weiter verhandeln")]),
    # stripped quotation marks: first person makes it direct
    ("Ich werde nicht zurücktreten, sagte Scholz am Rande des Gipfels.",
     [("direct", "Olaf Scholz", "nicht zurücktreten")]),
    # a coordinated second clause shares the subject
    ("Die Vereinigten Staaten haben den Vorschlag geprüft, aber erklärt, dass sie zu weiteren Gesprächen bereit seien.",
     [("reported", "Vereinigten Staaten", "zu weiteren Gesprächen bereit")]),
    # the colon without quotation marks
    ("Baerbock warnte nach dem Treffen: Die Zeit für eine diplomatische Lösung läuft ab.",
     [("reported", "Annalena Baerbock", "diplomatische Lösung läuft ab")]),
    # "Das teilte X mit."
    ("Die Grenzübergänge werden ab Montag wieder geöffnet. Das teilte das Innenministerium in Warschau mit.",
     [("reported", "Innenministerium", "Grenzübergänge werden ab Montag")]),
    # passive "wurde X zitiert"
    ("Die Armee habe die Stadt vollständig eingekreist, wurde Schoigu von Staatsmedien zitiert.",
     [("reported", "Sergej Schoigu", "Stadt vollständig eingekreist")]),
    # trailing "wie X berichtete"
    ("Drei Soldaten wurden bei dem Angriff verletzt, wie die Nachrichtenagentur Reuters berichtete.",
     [("reported", "Reuters", "Drei Soldaten wurden bei dem Angriff verletzt")]),
    # "nach eigenen Angaben": the subject speaks
    ("Die türkische Armee reagierte nach eigenen Angaben auf Beschuss aus dem Nachbarland.",
     [("reported", "Armee", "auf Beschuss aus dem Nachbarland")]),
    # "hieß es in …, <clause>"
    ("In einer Erklärung der NATO hieß es, die Allianz stehe fest an der Seite ihrer Mitglieder.",
     [("reported", "NATO", "stehe fest an der Seite")]),
    # --- no quote ---
    ("Der Bundestag stimmte am Donnerstag mit großer Mehrheit für das Gesetz.", []),
    ("Die Preise für Strom und Gas sind im vergangenen Jahr deutlich gestiegen.", []),
    ("Scholz traf Macron in Paris zu einem Abendessen im Élysée-Palast.", []),
    # short quoted phrases are no quotes
    ("Merz sprach von einem „schweren Fehler“.", []),
    ("Die Opposition nannte den Plan „völlig unrealistisch“.", []),
    # a relative clause after a speech verb is not what was said
    ("Baerbock kritisierte die Entscheidung, die am Montag in Moskau getroffen wurde.", []),
    # a speech verb closing a relative clause: the main clause goes on after the comma
    ("Der Außenminister, dessen Land sich als Vermittler anbietet, nannte das Treffen einen ersten Schritt.", []),
    # an adverbial clause after a speech verb is not what was said
    ("Biden warnte Putin vor Konsequenzen, falls russische Truppen einmarschieren sollten.", []),
    # inch marks, apostrophes and scare quotes
    ('Der Konzern stellte einen 27" großen Bildschirm vor, der ab Mai verkauft wird.', []),
    # a quote that is never closed stops at its paragraph
    ("„Wir sind bereit zu verhandeln, sagte Selenskyj.\n\nDie Kämpfe im Osten des Landes gingen am Freitag weiter. "
     "Die Armee meldete schweren Beschuss in mehreren Regionen.", []),
    # a quote with no speaker anywhere is not kept
    ("„Freiheit ist nicht verhandelbar und wird es niemals sein.“", []),
    # verbs of thinking only report with dass or in Konjunktiv I
    ("Scholz glaubt, dass eine Einigung noch in diesem Jahr möglich ist.",
     [("reported", "Olaf Scholz", "Einigung noch in diesem Jahr")]),
    ("Stoltenberg hofft auf eine baldige Einigung mit der Türkei.", []),
    ("Viele Beobachter erwarten eine lange Auseinandersetzung vor Gericht.", []),
    # a role resolves to the person named in apposition to the same role, a name keeps its "al-"
    ("Bundeskanzlerin Angela Merkel empfing am Mittwoch den Gast aus Helsinki. "
     "Nach dem Treffen sagte die Kanzlerin, sie könne die Frage gut verstehen.",
     [("reported", "Angela Merkel", "Frage gut verstehen")]),
    ("Der Menschenrechtskommissar Said Raad al-Hussein sagte, es gebe ernste Bedenken gegen das Verfahren.",
     [("reported", "Said Raad al-Hussein", "ernste Bedenken")]),
    # a spokesman of another office is not the spokesman named before
    ("Kreml-Sprecher Dmitri Peskow bestätigte das Telefonat. „Wir stimmen uns mit unseren Partnern eng ab“, "
     "sagte der Sprecher des Außenministeriums, Ned Price.",
     [("direct", "Ned Price", "mit unseren Partnern")]),
    # a role with its complement before the name; a role the knowledge says the person held
    ("Die Afrikanische Union rückt von ihrem Plan ab. Das sagte der AU-Sondergesandte für Burundi, Ibrahima Fall, "
     "am Sonntag dem Rundfunk. Es habe eine Fehlkommunikation gegeben, sagte der AU-Sondergesandte.",
     [("reported", "Ibrahima Fall", "rückt von ihrem Plan ab"), ("reported", "Ibrahima Fall", "Fehlkommunikation")]),
    ("Cameron warb am Montag in London für den Verbleib in der EU. Ein Austritt werde das Land teuer zu stehen "
     "kommen, sagte der Premierminister.", [("reported", "David Cameron", "Austritt werde das Land")]),
    # names joined by "und" are one speaker; the dateline is not part of what was said
    ("Brüssel – Ein verurteilter Mann ist weiter auf freiem Fuß, berichteten die Zeitungen Nieuwe Bode und "
     "Oostkust Courant am Montag.", [("reported", "Oostkust Courant", "Ein verurteilter Mann ist weiter")]),
    # after a clause the cue comes first and its subject after it, not the place in the clause;
    # the reported clause before the cue is his too
    ("Putin lachte. Von Russland aus hätten die Hacker nicht angegriffen, spottete er: „Vielleicht war es "
     "irgendjemand auf seinem Sofa.“", [("reported", "Wladimir Putin", "Von Russland aus hätten die Hacker"),
                                        ("direct", "Wladimir Putin", "irgendjemand auf seinem Sofa")]),
    # a quote after a reported clause and a colon goes on with the reported speaker
    ("Russland werde entsprechend darauf reagieren, erklärte Putin. Die USA hätten zwar mehr Raketen, aber: „Wir "
     "sind stärker als jeder Angreifer.“", [("reported", "Wladimir Putin", "Russland werde entsprechend"),
                          ("reported", "Wladimir Putin", "Die USA hätten zwar mehr Raketen"),
                          ("direct", "Wladimir Putin", "stärker als jeder Angreifer")]),
    # a condition before "drohen" is no report; an announced plan is an event, not a quote
    ("Sollte es zu einem Prozess gegen den Parteichef kommen, drohen Demirtaş bis zu zwanzig Jahre Haft.", []),
    ("Präsident Nkurunziza hatte angekündigt, im Juli für eine dritte Amtszeit anzutreten.", []),
    # after the auxiliary stands the object, not the speaker
    ("Staatspräsident Recep Tayyip Erdoğan hatte Selahattin Demirtaş vorgeworfen, er unterhalte Kontakte zu "
     "militanten Kurden.", [("reported", "Erdoğan", "er unterhalte Kontakte")]),
    # "X zufolge": the noun phrase right before, not a place earlier in the sentence
    ("In Italien wurde Medienberichten zufolge ein Algerier festgenommen. Die Ermittler seien ihm durch Razzien "
     "in Belgien auf die Spur gekommen.", []),
    # "nach eigenen Angaben": a pronoun's referent, a name opening the sentence
    ("Die türkische Armee hatte Stellungen jenseits der Grenze beschossen. Nach eigenen Angaben reagierte sie "
     "damit auf Beschuss ihres eigenen Gebiets.", [("reported", "Armee", "reagierte sie damit auf Beschuss")]),
    ("Nokta erscheint nach eigenen Angaben mit einer Auflage von zehntausend Exemplaren.",
     [("reported", "Nokta", "mit einer Auflage")]),
    # an attribution in the middle of a sentence attributes the sentence around it
    ("Die Armee hat nach eigenen Angaben im Norden des Landes zwei Lager der Rebellen zerstört.",
     [("reported", "Armee", "Die Armee hat im Norden des Landes zwei Lager")]),
    ("Bei den Kämpfen starben nach jüngsten Angaben des Gesundheitsministeriums mindestens zwölf Menschen.",
     [("reported", "Gesundheitsministeriums", "Bei den Kämpfen starben")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_quotes_found_with_speaker(text, expected):
    found = quotes_of(text)
    assert len(found) == len(expected), [(q["kind"], q["speaker"], q["text"]) for q in found]
    for (kind, speaker, words), quote in zip(expected, found):
        assert words in quote["text"], quote
        assert speaker.lower() in quote["speaker"].lower(), quote
        if kind == "reported":
            assert quote["kind"] in ("indirect", "mixed"), quote
        else:
            assert quote["kind"] == kind, quote


def test_quotes_dateline_is_not_part_of_the_quote():
    (quote,) = quotes_of("Brüssel – Ein verurteilter Mann ist weiter auf freiem Fuß, berichteten Zeitungen am Montag.")
    assert quote["text"].startswith("Ein verurteilter Mann")


def test_quotes_nested_reporting_gives_addressee_and_via():
    text = ("Ein hochrangiger Verwaltungsbeamter sagte gegenüber Reportern, Biden werde betonen, dass Washington "
            "eine Lösung suche. „Wir sind bereit, auf jeden Angriff zu reagieren“, sagte Biden Putin, sagte der "
            "Beamte und fügte hinzu, Washington sei „tief besorgt“ über die Truppen an der Grenze.")
    found = quotes_of(text, kinds=("direct", "indirect", "mixed", "phrase"))
    direct = next(q for q in found if q["kind"] == "direct")
    assert (direct["speaker"], direct["addressee"], direct["via"]) == (
        "Joe Biden", "Wladimir Putin", "Ein hochrangiger Verwaltungsbeamter")
    assert direct["speaker_code"] == "USA" and direct["addressee_code"] == "RUS"
    added = next(q for q in found if "Washington sei" in q["text"])
    assert added["speaker"] == "Ein hochrangiger Verwaltungsbeamter" and added["kind"] == "mixed"
    phrase = next(q for q in found if q["kind"] == "phrase")
    assert phrase["text"] == "tief besorgt" and phrase["speaker"] == "Ein hochrangiger Verwaltungsbeamter"


def test_quotes_short_phrase_kept_with_its_speaker():
    found = quotes_of("Biden warnte Putin vor „schwerwiegenden Konsequenzen“.", kinds=("phrase",))
    assert [(q["text"], q["speaker"]) for q in found] == [("schwerwiegenden Konsequenzen", "Joe Biden")]


def test_quotes_offsets_point_into_text():
    text = "Die Lage sei ernst, sagte Scholz. „Wir handeln jetzt entschlossen“, fügte er hinzu."
    doc = analyze(text, published=PUBLISHED)
    assert doc.quotes
    for quote in doc.quotes:
        assert 0 <= quote["start"] < quote["end"] <= len(doc.text)
        assert quote["text"].split()[0] in doc.text[quote["start"]:quote["end"]]


def test_quotes_whole_article_in_quotes_does_not_crash_and_needs_a_speaker():
    text = "„" + " ".join(["Dies ist ein Satz ohne Sprecher."] * 40)
    assert quotes_of(text) == []


def test_quotes_english_text_is_left_alone():
    doc = analyze('"We will not back down," the president said on Monday in Washington.', published=PUBLISHED)
    assert doc.language == "en" and doc.quotes == []


@pytest.mark.parametrize("text, quoted", [
    ("„Wir sind bereit“, sagte er, „aber …“", ["Wir sind bereit", "aber …"]),
    ("Er nannte es „den ‚großen‘ Plan“.", ["den ‚großen‘ Plan", "großen"]),
    ('Ein 17" Monitor und "zwei Wörter" hier', ["zwei Wörter"]),
    ("Sie sprach von „harter Linie\" und „mehr.", ["harter Linie", "mehr."]),
    ("»Ich komme«, sagte sie.", ["Ich komme"]),
    ("Das ist Sharon’s Auto und kein Zitat.", []),
])
def test_quote_marks_pairs(text, quoted):
    assert [text[s.start:s.end] for s in find_quote_spans(text)] == quoted


def test_quote_marks_unclosed_quote_ends_at_paragraph():
    text = "Er sagte „nie wieder\n\nDanach ging es weiter."
    (span,) = find_quote_spans(text)
    assert text[span.start:span.end] == "nie wieder" and not span.closed


@pytest.mark.parametrize("form, lemma, particle", [
    ("sagte", "sagen", None), ("teilte", "mitteilen", "mit"), ("mitteilte", "mitteilen", None),
    ("fügte", "hinzufügen", "hinzu"), ("hingewiesen", "hinweisen", None), ("versprochen", "versprechen", None),
    ("twitterte", "twittern", None), ("kritisiert", "kritisieren", None), ("erklärt", "erklären", None),
])
def test_speech_cues_forms(form, lemma, particle):
    assert any(c.lemma == lemma and c.particle == particle for c in cue_forms("de")[form])


def test_speech_cues_lexicon_is_large_enough():
    lemmas = {c.lemma for cues in cue_forms("de").values() for c in cues}
    assert len(lemmas) >= 150


@pytest.mark.parametrize("word, subjunctive", [
    ("werde", True), ("sei", True), ("habe", True), ("könne", True), ("gebe", True),
    ("wird", False), ("sagte", False), ("wurde", False), ("hatte", False), ("Linie", False),
])
def test_subjunctive_one(word, subjunctive):
    assert is_subjunctive(word) is subjunctive


def test_quotes_unnamed_speaker_takes_the_country_of_the_place_after_the_role():
    found = quotes_of("Washington – Ein Sprecher des Verteidigungsministeriums in Moskau sagte, die Truppen seien "
                      "in ihre Kasernen zurückgekehrt. Die USA begrüßten den Schritt.")
    assert [(q["speaker"], q["speaker_code"]) for q in found] == [
        ("Ein Sprecher des Verteidigungsministeriums in Moskau", "RUS")]


def test_quotes_unnamed_speaker_keeps_the_noun_after_an_adjective():
    found = quotes_of("Ein Vertreter der sudanesischen Armee sagte, man behindere keine Hilfslieferungen.")
    assert [(q["speaker"], q["speaker_code"]) for q in found] == [("Ein Vertreter der sudanesischen Armee", "SDN")]
