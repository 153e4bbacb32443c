"""lagebild: news articles in, event data out (who did what to whom, when, where; who said what)."""
from lagebild.analyze import analyze, analyze_article, analyze_many
from lagebild.document import Document, Removed, Sentence, Token
from lagebild.errors import InputError
from lagebild.ingest import IngestReport, ingest
from lagebild.pipeline import Pipeline, default_stages, stage
from lagebild.sources import Failure, RawArticle, read_inputs
from lagebild.store import open_store

__all__ = [
    "Document",
    "Failure",
    "IngestReport",
    "InputError",
    "Pipeline",
    "RawArticle",
    "Removed",
    "Sentence",
    "Token",
    "analyze",
    "analyze_article",
    "analyze_many",
    "default_stages",
    "ingest",
    "open_store",
    "read_inputs",
    "stage",
]
