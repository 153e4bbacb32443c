"""Shared fixtures: small articles written for these tests."""
from __future__ import annotations

import pytest

# A wire story as a republishing site shows it: title, metadata, dateline, body, agency, footer.
WIRE_STORY = """Baerbock reist zu Gesprächen über Waffenruhe nach Kairo

Veröffentlicht am 14. November 2023

Kairo – Außenministerin Annalena Baerbock ist am Dienstag zu Gesprächen mit ihrem ägyptischen Amtskollegen Samih Schukri in Kairo eingetroffen.

„Wir brauchen humanitäre Feuerpausen, damit Hilfe die Menschen erreicht“, sagte Baerbock nach dem Treffen vor Journalisten.

Schukri sagte, Ägypten werde den Grenzübergang Rafah für Hilfslieferungen offen halten. Am Mittwoch will Baerbock nach Israel weiterreisen.

(dpa)

Teilen: Facebook Twitter WhatsApp E-Mail

Leave a Reply
"""

ENGLISH_STORY = """NATO allies agree to raise defence spending

Brussels – NATO defence ministers agreed on Thursday to spend at least two percent of their economic output on defence.

"This is a clear signal to Moscow," Secretary General Jens Stoltenberg told reporters after the meeting.
"""


@pytest.fixture
def wire_story() -> str:
    return WIRE_STORY


@pytest.fixture
def english_story() -> str:
    return ENGLISH_STORY
