"""Reported speech: quotation marks, speech cues and speakers (used by stages/quotes.py)."""
