"""The events stage: every sentence here was written for these tests (published 2023-03-15)."""
import pytest

from lagebild import analyze
from lagebild.datafiles import read_table
from lagebild.events.lexicon import compound_triggers, lexicon

PUBLISHED = "2023-03-15"
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def coded(text: str) -> set[tuple]:
    """(type, source code, target code, status) of every event of `text`."""
    doc = analyze(text, published=PUBLISHED)
    return {(e["type"], e["source"]["code"], e["target"]["code"] if e["target"] else None, e["status"])
            for e in doc.events}


# (text, the events it must hold as (type, source, target, status)).
CASES = [
    # --- CONSULT
    ("Scholz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron.",
     {("CONSULT", "DEU", "FRA", "asserted")}),
    ("Biden telefonierte am Dienstag mit dem chinesischen Staatschef Xi Jinping.",
     {("CONSULT", "USA", "CHN", "asserted")}),
    ("Baerbock besuchte am Mittwoch die ukrainische Hauptstadt Kiew.", {("CONSULT", "DEU", "UKR", "asserted")}),
    ("Erdoğan empfing den schwedischen Ministerpräsidenten Ulf Kristersson in Ankara.",
     {("CONSULT", "TUR", "SWE", "asserted")}),
    ("Lawrow und Blinken trafen sich am Rande des Gipfels in Neu-Delhi.", {("CONSULT", "RUS", "USA", "asserted")}),
    ("Macron und Scholz werden am Freitag in Brüssel zusammenkommen.", {("CONSULT", "FRA", "DEU", "planned")}),
    ("Stoltenberg sprach in Brüssel mit dem finnischen Präsidenten Sauli Niinistö.",
     {("CONSULT", "NATO", "FIN", "asserted")}),
    ("Das Treffen zwischen Scholz und Macron fand im Kanzleramt statt.", {("CONSULT", "DEU", "FRA", "asserted")}),
    ("Selenskyj verhandelte in Istanbul mit Vertretern der Türkei.", {("CONSULT", "UKR", "TUR", "asserted")}),
    ("Macron will nächste Woche mit Xi Jinping sprechen.", {("CONSULT", "FRA", "CHN", "planned")}),
    ("Blinken sprach telefonisch mit seinen Amtskollegen aus Frankreich und Italien.",
     {("CONSULT", "USA", "FRA", "asserted"), ("CONSULT", "USA", "ITA", "asserted")}),
    ("Putin und Erdoğan kamen im August in Sotschi zusammen.", {("CONSULT", "RUS", "TUR", "asserted")}),
    # --- AGREE
    ("Venezuela und Kolumbien nahmen ihre diplomatischen Beziehungen wieder auf.", {("AGREE", "VEN", "COL", "asserted")}),
    ("Russland und die Ukraine unterzeichneten in Istanbul ein Abkommen über Getreideexporte.",
     {("AGREE", "RUS", "UKR", "asserted")}),
    ("Biden bot Selenskyj weitere Gespräche an.", {("AGREE", "USA", "UKR", "asserted")}),
    ("Die Türkei stimmte dem Beitritt Finnlands zu.", {("AGREE", "TUR", "FIN", "asserted")}),
    ("Israel und die Hamas einigten sich auf eine Feuerpause.", {("AGREE", "ISR", "PSE", "asserted")}),
    ("Deutschland sagte der Ukraine weitere Luftabwehrsysteme zu.", {("AGREE", "DEU", "UKR", "asserted")}),
    ("Frankreich und Deutschland vereinbarten eine engere Zusammenarbeit bei der Rüstung.",
     {("AGREE", "FRA", "DEU", "asserted")}),
    ("Die Europäische Union unterzeichnete ein Handelsabkommen mit Neuseeland.", {("AGREE", "EU", "NZL", "asserted")}),
    ("Katar versprach Ägypten Unterstützung beim Wiederaufbau.", {("AGREE", "QAT", "EGY", "asserted")}),
    # --- SUPPORT
    ("Scholz lobte Macron für dessen Vorschlag.", {("SUPPORT", "DEU", "FRA", "asserted")}),
    ("Die Vereinigten Staaten unterstützen Israel in dem Konflikt.", {("SUPPORT", "USA", "ISR", "asserted")}),
    ("Die NATO begrüßte den Beitritt Schwedens.", {("SUPPORT", "NATO", "SWE", "asserted")}),
    ("Biden sicherte Netanjahu die volle Unterstützung der USA zu.", {("SUPPORT", "USA", "ISR", "asserted")}),
    ("Polens Unterstützung für die Ukraine bleibt ungebrochen.", {("SUPPORT", "POL", "UKR", "asserted")}),
    ("Macron gratulierte Lula zu seinem Wahlsieg.", {("SUPPORT", "FRA", "BRA", "asserted")}),
    ("„Uns wurde die volle Unterstützung Deutschlands zugesichert“, sagte Selenskyj.",
     {("SUPPORT", "DEU", "UKR", "asserted")}),
    # --- CONCEDE
    ("Die USA lockerten die Sanktionen gegen Venezuela.", {("CONCEDE", "USA", "VEN", "asserted")}),
    ("Der Minister entschuldigte sich bei Polen für die Äußerung seines Sprechers.",
     {("CONCEDE", "DEU", "POL", "asserted")}),
    ("Die EU hob die Sanktionen gegen Belarus teilweise auf.", {("CONCEDE", "EU", "BLR", "asserted")}),
    # --- COOPERATE
    ("Deutschland und Frankreich arbeiten bei der Luftverteidigung eng zusammen.",
     {("COOPERATE", "DEU", "FRA", "asserted")}),
    ("Polen kooperiert bei der Grenzsicherung mit Litauen.", {("COOPERATE", "POL", "LTU", "asserted")}),
    ("Die Niederlande lieferten den Verdächtigen an Belgien aus.", {("COOPERATE", "NLD", "BEL", "asserted")}),
    ("Die Zusammenarbeit zwischen Japan und Südkorea soll vertieft werden.", {("COOPERATE", "JPN", "KOR", "planned")}),
    # --- AID
    ("Deutschland nahm im Jahr 2015 fast eine Million Flüchtlinge aus Syrien auf.", {("AID", "DEU", "SYR", "asserted")}),
    ("Deutschland liefert Panzer an die Ukraine.", {("AID", "DEU", "UKR", "asserted")}),
    ("Großbritannien lieferte weitere Munition an die Ukraine.", {("AID", "GBR", "UKR", "asserted")}),
    ("Die USA stellten der Ukraine neue Militärhilfe in Höhe von zwei Milliarden Dollar bereit.",
     {("AID", "USA", "UKR", "asserted")}),
    ("Japan schickte Hilfsgüter in die Türkei.", {("AID", "JPN", "TUR", "asserted")}),
    ("Die Hilfe der EU für Syrien wird aufgestockt.", {("AID", "EU", "SYR", "planned")}),
    ("Kanada gewährte dem russischen Journalisten Asyl.", {("AID", "CAN", "RUS", "asserted")}),
    # --- RETREAT
    ("Russland zog seine Truppen aus der Region Cherson ab.", {("RETREAT", "RUS", "UKR", "asserted")}),
    ("Der Iran ließ die französische Touristin frei.", {("RETREAT", "IRN", "FRA", "asserted")}),
    # a group of no named state takes the article's state (as the dev gold codes domestic events)
    ("Die ukrainische Armee zog sich aus der umkämpften Stadt Bachmut zurück.", {("RETREAT", "UKR", "UKR", "asserted")}),
    ("Israel und die Hamas vereinbarten eine Waffenruhe.", {("RETREAT", "ISR", "PSE", "asserted")}),
    ("Der britische Premierminister trat am Donnerstag zurück.", {("RETREAT", "GBR", None, "asserted")}),
    # --- REQUEST
    ("Scholz forderte Putin zum Rückzug seiner Truppen auf.", {("REQUEST", "DEU", "RUS", "asserted")}),
    ("Die Ukraine verlangt von Deutschland Kampfjets.", {("REQUEST", "UKR", "DEU", "asserted")}),
    ("Guterres appellierte an Russland, das Abkommen zu verlängern.", {("REQUEST", "UN", "RUS", "asserted")}),
    ("Selenskyj bat die NATO um weitere Waffen.", {("REQUEST", "UKR", "NATO", "asserted")}),
    ("Die EU rief China zur Zurückhaltung auf.", {("REQUEST", "EU", "CHN", "asserted")}),
    ("Die Forderungen Russlands an die NATO wurden in Brüssel beraten.", {("REQUEST", "RUS", "NATO", "asserted")}),
    ("Polen drängte Deutschland zu weiteren Lieferungen.", {("REQUEST", "POL", "DEU", "asserted")}),
    # --- ACCUSE
    ("Baerbock kritisierte China für seine Haltung im Krieg.", {("ACCUSE", "DEU", "CHN", "asserted")}),
    ("Die Ukraine warf Russland Kriegsverbrechen vor.", {("ACCUSE", "UKR", "RUS", "asserted")}),
    ("Die G7 verurteilten den Raketentest Nordkoreas.", {("ACCUSE", "G7", "PRK", "asserted")}),
    ("Die Staatsanwaltschaft ermittelt gegen den früheren Präsidenten Brasiliens.",
     {("ACCUSE", "BRA", "BRA", "asserted")}),
    ("Die Kritik Chinas an den USA wurde schärfer.", {("ACCUSE", "CHN", "USA", "asserted")}),
    ("Polen beschuldigte Belarus, Migranten an die Grenze zu bringen.", {("ACCUSE", "POL", "BLR", "asserted")}),
    ("Chinas Außenminister Wang Yi kritisierte die USA.", {("ACCUSE", "CHN", "USA", "asserted")}),
    ("Mexiko protestierte bei den USA gegen die Abschiebung seiner Bürger.", {("ACCUSE", "MEX", "USA", "asserted")}),
    ("Sowohl die USA als auch Großbritannien verurteilten den Raketentest Nordkoreas.",
     {("ACCUSE", "USA", "PRK", "asserted"), ("ACCUSE", "GBR", "PRK", "asserted")}),
    ("Die Regierung in Moskau bezeichnete die Kritik Frankreichs als Einmischung.", {("ACCUSE", "RUS", "FRA", "asserted")}),
    # --- REJECT
    ("Russland lehnte den Vorschlag der Ukraine ab.", {("REJECT", "RUS", "UKR", "asserted")}),
    ("China wies die Vorwürfe der USA zurück.", {("REJECT", "CHN", "USA", "asserted")}),
    ("Der Kreml wies die Vorwürfe der NATO zurück.", {("REJECT", "RUS", "NATO", "asserted")}),
    ("Ungarn verweigerte der EU die Zustimmung.", {("REJECT", "HUN", "EU", "asserted")}),
    ("Pompeo sagte seinen Besuch in Berlin kurzfristig ab.", {("REJECT", "USA", "DEU", "asserted")}),
    ("Israel sagte das geplante Treffen mit den Palästinensern ab.", {("REJECT", "ISR", "PSE", "asserted")}),
    # --- THREATEN
    ("Russlands Präsident Wladimir Putin warnte die NATO vor einer Eskalation.", {("THREATEN", "RUS", "NATO", "asserted")}),
    ("Nordkorea drohte den USA mit einem Atomschlag.", {("THREATEN", "PRK", "USA", "asserted")}),
    ("Biden warnte Putin vor schwerwiegenden Konsequenzen.", {("THREATEN", "USA", "RUS", "asserted")}),
    ("China warnte Taiwan vor einer Unabhängigkeitserklärung.", {("THREATEN", "CHN", "TWN", "asserted")}),
    ("Die Drohung Russlands gegen Moldau wird ernst genommen.", {("THREATEN", "RUS", "MDA", "asserted")}),
    # --- PROTEST
    ("Tausende Demonstranten protestierten in Tiflis gegen die Regierung Georgiens.",
     {("PROTEST", "GEO", "GEO", "asserted")}),
    ("In Paris demonstrierten Gewerkschaften gegen die Rentenreform.", {("PROTEST", "FRA", None, "asserted")}),
    ("In Budapest haben tausende Ungarn gegen die Regierung protestiert.", {("PROTEST", "HUN", "HUN", "asserted")}),
    # --- SANCTION
    ("Die EU verhängte neue Sanktionen gegen Russland.", {("SANCTION", "EU", "RUS", "asserted")}),
    ("Die USA wollen weitere Sanktionen gegen den Iran verhängen.", {("SANCTION", "USA", "IRN", "planned")}),
    ("Deutschland wies vier russische Diplomaten aus.", {("SANCTION", "DEU", "RUS", "asserted")}),
    ("Die Sanktionen der USA gegen Kuba bleiben in Kraft.", {("SANCTION", "USA", "CUB", "asserted")}),
    ("Der Iran setzte die Gespräche mit der Internationalen Atomenergiebehörde aus.",
     {("SANCTION", "IRN", "IAEA", "asserted")}),
    ("Die Türkei brach die Verhandlungen mit Griechenland ab.", {("SANCTION", "TUR", "GRC", "asserted")}),
    # --- MOBILIZE
    ("Russland hat Zehntausende Soldaten an die Grenze zur Ukraine geschickt.", {("MOBILIZE", "RUS", "UKR", "asserted")}),
    ("Die NATO stationiert zusätzliche Truppen in Litauen.", {("MOBILIZE", "NATO", "LTU", "asserted")}),
    ("Belarus zog Truppen an der Grenze zu Polen zusammen.", {("MOBILIZE", "BLR", "POL", "asserted")}),
    ("Russland mobilisierte im September Hunderttausende Reservisten.", {("MOBILIZE", "RUS", None, "asserted")}),
    ("Nordkorea versetzte seine Streitkräfte in höchste Alarmbereitschaft.", {("MOBILIZE", "PRK", None, "asserted")}),
    # --- COERCE
    ("Die türkische Polizei nahm mehrere Journalisten fest.", {("COERCE", "TUR", "TUR", "asserted")}),
    ("Die russische Polizei verhaftete den Oppositionellen in Moskau.", {("COERCE", "RUS", "RUS", "asserted")}),
    ("Die Behörden Irans beschlagnahmten einen griechischen Tanker.", {("COERCE", "IRN", "GRC", "asserted")}),
    # --- ASSAULT
    ("Russische Truppen haben die ukrainische Stadt Awdijiwka eingenommen.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("Russland griff in der Nacht die Stadt Charkiw mit Raketen an.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("Die israelische Armee bombardierte Ziele im Gazastreifen.", {("ASSAULT", "ISR", "PSE", "asserted")}),
    ("Russlands Angriff auf die Ukraine begann im Februar 2022.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("Der Angriff Russlands auf Kiew wurde abgewehrt.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("Aserbaidschan eroberte im September die Region Bergkarabach.", {("ASSAULT", "AZE", "AZE", "asserted")}),
    ("Russische Truppen marschierten im Februar in die Ukraine ein.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("Die türkische Luftwaffe beschoss Stellungen im Irak.", {("ASSAULT", "TUR", "IRQ", "asserted")}),
    # --- passive voice
    ("Die Ukraine wurde von Russland angegriffen.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("Der Vorschlag Russlands wurde von Deutschland abgelehnt.", {("REJECT", "DEU", "RUS", "asserted")}),
    ("Selenskyj wurde in Washington von Biden empfangen.", {("CONSULT", "USA", "UKR", "asserted")}),
    ("In Italien wurde ein Algerier festgenommen.", {("COERCE", "ITA", "DZA", "asserted")}),
    ("Kiew wurde in der Nacht durch russische Drohnen angegriffen.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    # --- verb-final clauses
    ("Das Treffen fand statt, nachdem Russland die Ukraine angegriffen hatte.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("Es war das erste Gespräch, seit Biden Xi Jinping im November getroffen hatte.",
     {("CONSULT", "USA", "CHN", "asserted")}),
    ("Die Lage verschärfte sich, als Moskau die Krim eroberte.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("Berichten zufolge ist unklar, ob Frankreich Panzer an die Ukraine liefert.", {("AID", "FRA", "UKR", "asserted")}),
    ("Bekannt wurde, dass Polen der Ukraine Kampfjets liefert.", {("AID", "POL", "UKR", "asserted")}),
    # --- coordination
    ("Deutschland und Frankreich verurteilten den Angriff Russlands.",
     {("ACCUSE", "DEU", "RUS", "asserted"), ("ACCUSE", "FRA", "RUS", "asserted")}),
    ("Die USA, Großbritannien und Kanada verhängten Sanktionen gegen den Iran.",
     {("SANCTION", "USA", "IRN", "asserted"), ("SANCTION", "GBR", "IRN", "asserted"),
      ("SANCTION", "CAN", "IRN", "asserted")}),
    ("Scholz traf Macron und Meloni in Brüssel.",
     {("CONSULT", "DEU", "FRA", "asserted"), ("CONSULT", "DEU", "ITA", "asserted")}),
    ("Russland griff die Ukraine und Georgien an.", {("ASSAULT", "RUS", "UKR", "asserted"), ("ASSAULT", "RUS", "GEO", "asserted")}),
    # --- negation
    ("Deutschland liefert keine Kampfjets an die Ukraine.", {("AID", "DEU", "UKR", "negated")}),
    ("Scholz traf Putin nicht.", {("CONSULT", "DEU", "RUS", "negated")}),
    ("China hat Russland bisher keine Waffen geliefert.", {("AID", "CHN", "RUS", "negated")}),
    ("Die Türkei stimmte dem Beitritt Schwedens nicht zu.", {("AGREE", "TUR", "SWE", "negated")}),
    # --- conditionals
    ("Falls Russland die Ukraine angreift, werden die USA Sanktionen verhängen.",
     {("ASSAULT", "RUS", "UKR", "hypothetical")}),
    ("Wenn China Taiwan angreifen sollte, würden die USA reagieren.", {("ASSAULT", "CHN", "TWN", "hypothetical")}),
    ("Jede weitere Aggression Russlands gegen die Ukraine soll abgeschreckt werden.",
     {("ASSAULT", "RUS", "UKR", "hypothetical")}),
    # --- plans
    ("Macron wird am Donnerstag nach Peking reisen und Xi Jinping treffen.", {("CONSULT", "FRA", "CHN", "planned")}),
    ("Die Außenminister der USA und Russlands planen, sich im Januar in Genf zu treffen.",
     {("CONSULT", "USA", "RUS", "planned")}),
    ("Die EU will die Sanktionen gegen Russland verschärfen.", {("SANCTION", "EU", "RUS", "planned")}),
    # --- events inside quotes
    ("„Wir werden die Ukraine so lange wie nötig unterstützen“, sagte Scholz.", {("SUPPORT", "DEU", "UKR", "planned")}),
    ("„Russland hat unsere Energieversorgung angegriffen“, sagte Selenskyj.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    ("„Mir wurde die volle Unterstützung der USA zugesichert“, twitterte Selenskyj.",
     {("SUPPORT", "USA", "UKR", "asserted")}),
    ("„Wir verurteilen den Angriff Russlands aufs Schärfste“, erklärte Baerbock.",
     {("ACCUSE", "DEU", "RUS", "asserted")}),
    # --- pronouns, groups of no named state, plurals, genitive attributes of the source
    ("Macron landete am Morgen in Peking. Er traf dort Xi Jinping.", {("CONSULT", "FRA", "CHN", "asserted")}),
    ("Die ungarische Staatsanwaltschaft beschuldigte drei Männer des Betrugs.", {("ACCUSE", "HUN", "HUN", "asserted")}),
    ("Die Behörden Irans verhängten Ausgangssperren in mehreren Städten.", {("COERCE", "IRN", "IRN", "asserted")}),
    ("Rebellen der Hamas griffen israelische Stellungen an.", {("ASSAULT", "PSE", "ISR", "asserted")}),
    ("Niederländische Polizisten nahmen den Verdächtigen in Gewahrsam.", {("COERCE", "NLD", "NLD", "asserted")}),
    # --- particles and separable verbs
    ("Russland zog nach monatelangen Kämpfen seine Einheiten aus der Stadt ab.", {("RETREAT", "RUS", None, "asserted")}),
    ("Biden bietet Putin einen diplomatischen Weg aus der Krise an.", {("AGREE", "USA", "RUS", "asserted")}),
    ("Die Ukraine wies die Forderung Russlands zurück.", {("REJECT", "UKR", "RUS", "asserted")}),
    ("Die USA kündigten neue Sanktionen gegen Nordkorea an.", {("SANCTION", "USA", "PRK", "asserted")}),
    # --- nominalizations
    ("Der Besuch von Biden in Kiew kam überraschend.", {("CONSULT", "USA", "UKR", "asserted")}),
    ("Chinas Drohungen gegen Taiwan nehmen zu.", {("THREATEN", "CHN", "TWN", "asserted")}),
    ("Das Telefonat zwischen Scholz und Putin dauerte eine Stunde.", {("CONSULT", "DEU", "RUS", "asserted")}),
    ("Die Lieferung deutscher Panzer an die Ukraine ist beschlossen.", {("AID", "DEU", "UKR", "asserted")}),
    # --- noun + verb phrases
    ("Die serbische Polizei setzte Tränengas gegen Demonstranten ein.", {("ASSAULT", "SRB", "SRB", "asserted")}),
    ("Das Auswärtige Amt bestellte den russischen Botschafter ein.", {("ACCUSE", "DEU", "RUS", "asserted")}),
    ("Die Ukraine übte scharfe Kritik an Ungarn.", {("ACCUSE", "UKR", "HUN", "asserted")}),
    ("Polen bekundete seine Solidarität mit der Ukraine.", {("SUPPORT", "POL", "UKR", "asserted")}),
    ("Frankreich nahm Abstand von dem Vorschlag Italiens.", {("CONCEDE", "FRA", "ITA", "asserted")}),
    ("Die USA und China lieferten sich einen heftigen Schlagabtausch im Sicherheitsrat.",
     {("ACCUSE", "USA", "CHN", "asserted")}),
    # --- the source of a noun from a possessive, a meeting or a relative clause
    ("Biden bekräftigte in Warschau seine Unterstützung für Polen.", {("SUPPORT", "USA", "POL", "asserted")}),
    ("Nach seinem Besuch in Tokio reiste Macron weiter nach Seoul.", {("CONSULT", "FRA", "JPN", "asserted")}),
    ("Scholz sprach beim Empfang des polnischen Präsidenten über die Grenze.", {("CONSULT", "DEU", "POL", "asserted")}),
    ("Bereits im Juni zitterte Merkel beim Empfang des neuen ukrainischen Präsidenten.",
     {("CONSULT", "DEU", "UKR", "asserted")}),
    ("Das Treffen von Erdoğan und Putin in Sotschi dauerte drei Stunden.", {("CONSULT", "TUR", "RUS", "asserted")}),
    # "kein" after a noun trigger negates another noun, "nicht" the event
    ("Das Treffen von Erdoğan und Putin brachte keinen Durchbruch.", {("CONSULT", "TUR", "RUS", "asserted")}),
    ("Ein Treffen zwischen Scholz und Macron fand nicht statt.", {("CONSULT", "DEU", "FRA", "negated")}),
    ("Die Drohungen, die Nordkorea gegen Japan ausgestoßen hat, werden ernst genommen.",
     {("THREATEN", "PRK", "JPN", "asserted")}),
    # --- roles coded by their adjective or place; objects after a time; unnamed people
    ("Belgische Anti-Terror-Einheiten nahmen am Sonntag in Lüttich einen Mann fest.",
     {("COERCE", "BEL", "BEL", "asserted")}),
    ("Das Weiße Haus hatte am Dienstag Vertreter Venezuelas eingeladen.", {("CONSULT", "USA", "VEN", "asserted")}),
    ("Der Mann wurde in Belgien zu vier Jahren Haft verurteilt.", {("SANCTION", "BEL", "BEL", "asserted")}),
    ("Ein Gericht in Brüssel hat den Mann am Montag zu vier Jahren Haft verurteilt.",
     {("SANCTION", "BEL", "BEL", "asserted")}),
    # --- a name in apposition to the source; a genitive surname; a place as the target; UN bodies
    ("In Teheran wurden am Mittwoch zwanzig Männer gehängt. Der UN-Hochkommissar für Menschenrechte, "
     "Said Raad al-Hussein, hatte die Hinrichtungen scharf verurteilt.", {("ACCUSE", "UN", "IRN", "asserted")}),
    ("Die Türkei und die Opposition fordern Assads Rücktritt.", {("REQUEST", "TUR", "SYR", "asserted")}),
    ("Russland hat freie Wahlen in Syrien gefordert.", {("REQUEST", "RUS", "SYR", "asserted")}),
    ("Das UN-Flüchtlingshilfswerk kritisierte Griechenland wegen der Zustände in den Lagern.",
     {("ACCUSE", "UN", "GRC", "asserted")}),
    # --- a refusal targets the party of the refused act, which did not happen
    ("Spanien weigerte sich, mit Marokko zu verhandeln.", {("REJECT", "ESP", "MAR", "asserted"),
                                                          ("CONSULT", "ESP", "MAR", "negated")}),
    ("Es gab nie die Absicht der Afrikanischen Union, Truppen nach Burundi zu entsenden.",
     {("MOBILIZE", "AU", "BDI", "negated")}),
    # an object without an article after the auxiliary: the accusers are the article's country
    ("Washington – US-Präsident Barack Obama hat Russland Cyberangriffe auf die Wahl vorgeworfen. Russland hat "
     "Hacking-Vorwürfe wiederholt zurückgewiesen.", {("REJECT", "RUS", "USA", "asserted")}),
    # forces moved in the passive are their state's; a released prisoner is acted on
    ("Zudem wurden ein US-Flugzeugträger und Bomber in den Nahen Osten entsandt.", {("MOBILIZE", "USA", None, "asserted")}),
    ("Russische Truppen wurden aus der Region abgezogen.", {("RETREAT", "RUS", None, "asserted")}),
    ("In Vietnam wurde der Dissident aus dem Gefängnis entlassen.", {("RETREAT", "VNM", "VNM", "asserted")}),
    ("Der Physiker war in Teheran verhaftet.", {("COERCE", "IRN", "IRN", "asserted")}),
    # a particle that closes a long sentence; a generic party noun before the party's name
    ("Die Regierung in Ankara ging wiederholt gegen Tausende Anhänger des Predigers in Justiz, Polizei und den "
     "Medien vor.", {("COERCE", "TUR", "TUR", "asserted")}),
    ("In Spanien hat die Linkspartei Podemos am Montag Verhandlungen mit der PSOE aufgenommen.",
     {("CONSULT", "ESP", "ESP", "asserted")}),
    # --- closed compounds end with their trigger
    ("Der Raketenbeschuss Russlands auf Charkiw dauerte die ganze Nacht.", {("ASSAULT", "RUS", "UKR", "asserted")}),
    # --- a short bracket does not end the clause; a possessive inside a report is the speaker's
    ("Die Partei hat am Montag Verhandlungen mit der Sozialistischen Arbeiterpartei (PSOE) aufgenommen, "
     "berichtete die Zeitung El País aus Madrid.", {("CONSULT", "ESP", "ESP", "asserted")}),
    ("Biden hatte angekündigt, bei seinem Treffen mit Xi Jinping auch die Lage in Taiwan anzusprechen.",
     {("CONSULT", "USA", "CHN", "asserted")}),
    # --- type from the actors or the means
    ("Die russische Armee ging am Montag gegen Aufständische in Tschetschenien vor.", {("ASSAULT", "RUS", "RUS", "asserted")}),
    ("Biden verschärfte seine Attacken gegen die Republikaner.", {("ACCUSE", "USA", "USA", "asserted")}),
    ("Deutschland unterstützt die Ukraine mit Panzern und Munition.", {("AID", "DEU", "UKR", "asserted")}),
    ("Russland unterstützt Syrien mit weithin verurteilten Luftschlägen.", {("AID", "RUS", "SYR", "asserted")}),
    # --- judgements: "als … bezeichnen", a speaker's verdict on a subject
    ("Die Europäische Union bezeichnete Russland als Aggressor.", {("ACCUSE", "EU", "RUS", "asserted")}),
    ("„Russland verstößt gegen das Völkerrecht“, sagte Biden.", {("ACCUSE", "USA", "RUS", "asserted")}),
    ("„Die Hamas ist eine Schande für die Menschheit“, sagte Netanjahu.", {("ACCUSE", "ISR", "PSE", "asserted")}),
    ("„Diese Anschuldigungen weise ich zurück“, sagte Selenskyj.", {("REJECT", "UKR", "UKR", "asserted")}),
    ("Putin zeigte sich erfreut über den Sieg von Donald Trump.", {("SUPPORT", "RUS", "USA", "asserted")}),
    # --- roles: a receiver, a "dass" clause, a "was" clause
    ("Selenskyj erhielt am Montag Unterstützung von den USA.", {("SUPPORT", "USA", "UKR", "asserted")}),
    ("Washington bestritt, dass Iran an den Gesprächen beteiligt sei.", {("REJECT", "USA", "IRN", "asserted")}),
    ("Die USA verlegten Bomber in die Golfregion, was Iran scharf kritisierte.", {("ACCUSE", "IRN", "USA", "asserted")}),
    # --- status: a question, an obligation, a proposal
    ("Hat die türkische Polizei den Journalisten festgenommen?", {("COERCE", "TUR", "TUR", "hypothetical")}),
    ("Lawrow sagte, die Ukraine müsse ihre Truppen aus dem Donbass abziehen.", {("RETREAT", "UKR", "UKR", "hypothetical")}),
    ("Mehrere Staatschefs äußerten sich kritisch zu der Idee, Soldaten nach Mali zu entsenden.",
     {("MOBILIZE", "MLI", "MLI", "hypothetical")}),
    ("Der türkische Präsident Erdoğan sagte, die Armee werde weiterkämpfen, bis die PKK alle Kämpfer abzieht.",
     {("RETREAT", "TUR", None, "hypothetical")}),
    ("Die polnische Opposition lehnt Gespräche ab, solange das Kabinett in Warschau mit Russland verhandelt.",
     {("CONSULT", "POL", "RUS", "hypothetical")}),
    # --- a headline's participle is a passive; a released person is of the state that releases
    ("Oppositionspolitiker in Minsk festgenommen", {("COERCE", "BLR", "BLR", "asserted")}),
    ("Biden und Blinken reisen nach Asien. In Hanoi wurde kurz zuvor ein bekannter Dissident freigelassen.",
     {("RETREAT", "VNM", "VNM", "asserted")}),
    # --- leaving an agreement is no retreat
    ("Die USA zogen sich 2018 aus dem Atomabkommen mit Iran zurück.", {("REJECT", "USA", "IRN", "asserted")}),
    # --- a reported clause's pronoun is the one who speaks
    ("Das Außenministerium in Peking teilte mit, es verurteile die japanischen Manöver als Provokation.",
     {("ACCUSE", "CHN", "JPN", "asserted")}),
    ("Die Regierung in Oslo erklärte, sie unterstütze Schweden.", {("SUPPORT", "NOR", "SWE", "asserted")}),
    # --- "Er" after a long quote is its speaker
    ("Robert Habeck antwortete: „Ich bleibe dabei. Wir haben geliefert. Das wissen alle. Die Zahlen sind klar.“ "
     "Er erhielt dafür breite Rückendeckung von der SPD.", {("SUPPORT", "DEU", "DEU", "asserted")}),
    # --- an attack on a group abroad is an attack on the state where it happens
    ("Türkische Drohnen beschossen Stellungen der PKK-Miliz im Nordirak.", {("ASSAULT", "TUR", "IRQ", "asserted")}),
    # --- a visit's genitive is the visitor; whom one meets abroad is of that state
    ("Unmittelbar vor einem Besuch des französischen Präsidenten in Berlin lobte Scholz die Zusammenarbeit.",
     {("CONSULT", "FRA", "DEU", "asserted")}),
    ("Baerbock flog nach Bagdad. Dort traf sie Ministerpräsident Ali Hassan.", {("CONSULT", "DEU", "IRQ", "asserted")}),
    # --- "sich für … einsetzen"
    ("Amnesty International setzte sich in London für die Freilassung des belarussischen Journalisten ein.",
     {("REQUEST", "AI", "BLR", "asserted")}),
    # --- a report after a question of the same act
    ("Hat Russland die Ukraine angegriffen? Russland hat die Ukraine angegriffen, sagte Selenskyj.",
     {("ASSAULT", "RUS", "UKR", "asserted")}),
    # "unter anderem" is no preposition before the object
    ("US-Außenminister Mike Pompeo traf in Bagdad unter anderem den irakischen Präsidenten.",
     {("CONSULT", "USA", "IRQ", "asserted")}),
]

# Structures the rules do not yet cover; kept visible so they are not forgotten.
NOT_YET = {
    "Die Zusammenarbeit zwischen Japan und Südkorea soll vertieft werden.",
    "Der Minister entschuldigte sich bei Polen für die Äußerung seines Sprechers.",
}


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:60] for c in CASES])
def test_events_coded(text, expected):
    if text in NOT_YET:
        pytest.xfail("structure not covered yet")
    found = coded(text)
    missing = expected - found
    assert not missing, f"missing {missing}; found {found}"


def test_events_cover_every_plover_type():
    assert {event[0] for _, expected in CASES for event in expected} == PLOVER
    assert len(CASES) >= 120


def test_event_record_explains_itself():
    doc = analyze("Deutschland liefert am 20. März Panzer an die Ukraine.", published=PUBLISHED)
    (event,) = [e for e in doc.events if e["type"] == "AID"]
    assert event["why"] == {"entry": "Panzer liefern", "rule": "active"}
    assert event["trigger"] == "liefert" and doc.text[event["trigger_start"]:event["trigger_end"]] == "liefert"
    assert event["date"] == "2023-03-20" and event["date_granularity"] == "day"
    assert doc.text[event["sentence"]["start"]:event["sentence"]["end"]].startswith("Deutschland liefert")


def test_events_one_record_per_distinct_event():
    doc = analyze("Die EU verhängte Sanktionen gegen Russland. Die Sanktionen der EU gegen Russland "
                  "wurden verhängt, hieß es.", published=PUBLISHED)
    assert len([e for e in doc.events if e["type"] == "SANCTION"]) == 1


def test_events_without_coded_source_are_dropped():
    assert coded("Unbekannte griffen in der Nacht ein Wohnhaus an.") == set()


def test_event_location_from_the_sentence():
    doc = analyze("Scholz traf Macron am Montag in Paris.", published=PUBLISHED)
    assert doc.events[0]["location"]["name"] == "Paris"


def test_event_lexicon_parses_and_has_no_duplicates():
    rows = read_table("lang/de/event_triggers.tsv", 6)
    assert len(rows) >= 300
    assert len({row[0] for row in rows}) == len(rows)
    assert {row[2] for row in rows} == PLOVER
    assert any(t.particle == "ab" for t in lexicon("de").forms["zog"])      # "zog … ab"


def test_event_date_goes_on_from_the_sentence_before():
    doc = analyze("Scholz traf am Montag Macron in Paris. Er forderte die Türkei zu mehr Hilfe auf.",
                  published=PUBLISHED)
    (event,) = [e for e in doc.events if e["type"] == "REQUEST"]
    assert (event["date"], event["date_from"]) == ("2023-03-13", "context")


def test_event_without_a_date_takes_the_day_the_story_names():
    doc = analyze("Italien verhängt Sanktionen gegen Iran. Die Regierung in Rom beschloss die Maßnahmen am Montag.",
                  published=PUBLISHED)
    (event,) = [e for e in doc.events if e["type"] == "SANCTION"]
    assert (event["date"], event["date_from"]) == ("2023-03-13", "story")


def test_event_claimed_or_denied_is_no_report():
    found = coded("Die Staatsanwaltschaft in Wien wirft dem Mann vor, Waffen an die Miliz geliefert zu haben.")
    assert ("ACCUSE", "AUT", "AUT", "asserted") in found
    assert not any(event[0] == "AID" and event[3] == "asserted" for event in found)


@pytest.mark.parametrize("text", [
    "Nach Angaben der Vereinten Nationen wurden in Aleppo mindestens zwanzig Zivilisten getötet.",
    "Bei der Trauerfeier für den von einem Extremisten ermordeten Bürgermeister sprach der Präsident Polens.",
    "Kurdische Kämpfer rangen mit von der Türkei unterstützten Rebellen um die Stadt.",
])
def test_event_not_reported_by_casualties_or_attributive_participles(text):
    assert not any(event[0] in ("ASSAULT", "SUPPORT") for event in coded(text))


def test_event_abbreviation_in_brackets_is_no_second_actor():
    found = coded("Das Krankenhaus in Aleppo wird von der Hilfsorganisation Ärzte ohne Grenzen (MSF) unterstützt.")
    assert not any(event[1] == event[2] == "MSF" for event in found)


def test_event_passive_meeting_without_agent_is_no_meeting():
    found = coded("Die ukrainische Armee wurde am Montag in Charkiw schwer getroffen.")
    assert not any(event[0] == "CONSULT" for event in found)


@pytest.mark.parametrize("word", ["Herausforderung", "Vereinigung", "Entwarnung", "Wahlkampf", "Asylverfahren"])
def test_event_derived_words_are_no_compounds_of_a_trigger(word):
    assert compound_triggers(word) == ()


def test_event_unnamed_people_belong_to_the_country_the_article_is_about():
    # one foreign person named, but the article is about North Korea's army and its acts
    found = coded("Pjöngjang – Nordkorea hat Südkorea erneut gedroht. Das nordkoreanische Militär warf der "
                  "Regierung von Präsidentin Park Geun-hye vor, einen Angriff zu planen. Die Armee Nordkoreas "
                  "verlegte Raketen an die Küste. Nordkorea nahm zudem mehrere Journalisten fest.")
    assert ("COERCE", "PRK", "PRK", "asserted") in found


def test_event_particle_verb_is_not_also_its_plain_verb():
    found = coded("Die Regierung in Tokio räumte Fehler bei der Evakuierung ein.")
    assert not any(event[0] == "RETREAT" for event in found)


def test_event_date_goes_on_from_a_weekend_two_sentences_before():
    doc = analyze("Die Polizei durchsuchte am Wochenende zahlreiche Gebäude in Brüssel. Mehrere Menschen wurden "
                  "verhört. In Italien wurde ein Algerier festgenommen.", published="2016-03-28")
    (event,) = [e for e in doc.events if e["source"]["code"] == "ITA"]
    assert (event["type"], event["target"]["code"], event["date"], event["date_from"]) == (
        "COERCE", "DZA", "2016-W12-WE", "context")


def test_event_date_of_an_older_sentence_does_not_carry_over():
    doc = analyze("Scholz traf im Januar 2020 Macron in Paris. Er forderte die Türkei zu mehr Hilfe auf.",
                  published=PUBLISHED)
    (event,) = [e for e in doc.events if e["type"] == "REQUEST"]
    assert (event["date"], event["date_from"]) == (PUBLISHED, "published")


@pytest.mark.parametrize("dateline", ["", "Berlin – "])
def test_event_subject_resumes_after_a_relative_clause(dateline):
    found = coded(dateline + "Polen hat nach Angaben der Regierung, die einen Angriff befürchtet, "
                  "Tausende Soldaten an die Grenze zu Belarus geschickt.")
    assert ("MOBILIZE", "POL", "BLR", "asserted") in found


def test_event_agent_phrase_holds_no_subject():
    found = coded("Der Forscher sagte aus, er sei in Genf von Beamten der US-Bundespolizei FBI festgenommen worden.")
    assert ("COERCE", "USA", "USA", "asserted") not in found


def test_event_clause_with_its_own_subject_takes_no_earlier_subject():
    found = coded("Erdoğan drohte den Kämpfern mit Luftangriffen, sollten sie sich nicht aus der Stadt zurückziehen.")
    assert not any(event[0] == "RETREAT" for event in found)


@pytest.mark.parametrize("text", [
    "Merkel bezeichnete Macron als Freund.",                                     # no disparaging word
    "Das Regime verstößt gegen die Auflagen.",                                   # no speaker judges
    "Scholz äußerte Verständnis für den Protest gegen den russischen Konzern.",  # Russia is not the target
    "Das Pentagon musste vergangene Woche einräumen, dass Waffen verloren gingen.",  # "vergangene Woche" is no object
    "Königin Elisabeth II. und Prinz Philip feierten besondere Geburtstage in Großbritannien.",  # no support
])
def test_event_not_coded_without_its_cue(text):
    assert coded(text) == set()


def test_event_in_the_pluperfect_or_habitual_takes_no_later_day():
    doc = analyze("Am Montag kritisierte Scholz Russland. Baerbock hatte Russland zuvor kritisiert. "
                  "Die Türkei ging wiederholt gegen Journalisten vor.", published=PUBLISHED)
    assert [(e["type"], e["date"]) for e in doc.events] == [("ACCUSE", "2023-03-13"), ("ACCUSE", None), ("COERCE", None)]


def test_event_after_nachdem_keeps_the_story_day():
    doc = analyze("Am Montag sprach Scholz mit Macron. Die USA verhängten Sanktionen, nachdem Russland die Ukraine "
                  "angegriffen hatte.", published=PUBLISHED)
    (event,) = [e for e in doc.events if e["type"] == "ASSAULT"]
    assert (event["date"], event["date_from"]) == ("2023-03-13", "context")


@pytest.mark.parametrize("text", [
    "Washington und Peking wollen ihre Militärkontakte wieder aufnehmen.",
    "Die Unesco nahm die Altstadt von Damaskus in die Liste des Welterbes auf.",
])
def test_event_taking_up_something_else_than_refugees_is_no_aid(text):
    assert not [e for e in analyze(text, "2024-03-05").events if e["type"] == "AID"]
