"""Event coding: the trigger lexicon and the rules that find who acts on whom (used by stages/events.py)."""
