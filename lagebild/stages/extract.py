"""The extract stage: from the reader's input to the plain text the cleaner reads."""
from __future__ import annotations

import logging

from lagebild.document import Document
from lagebild.errors import InputError
from lagebild.pipeline import stage
from lagebild.sources.text import repair_text

# trafilatura logs every page it finds too short at WARNING; our own error says it better.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


@stage(requires=("raw",), provides=("source_text",))
def extract(doc: Document) -> Document:
    """Reads doc.raw; adds doc.source_text (mojibake repaired), and for HTML also the
    title, the publication date (published_from = "html") and the site name unless the
    caller gave them."""
    if doc.raw_format != "html":
        doc.source_text = repair_text(doc.raw)
        return doc
    import trafilatura   # here, not at the top: plain-text inputs need not pay for its import

    page = trafilatura.bare_extraction(
        doc.raw, include_comments=False, with_metadata=True, url=doc.url
    )
    if page is None or not (page.text or "").strip():
        raise InputError(doc.origin or doc.id or "html input", "no article text found in the HTML page")
    # trafilatura separates paragraphs by single newlines; the cleaner reads blank lines.
    text = repair_text(page.text)
    doc.source_text = "\n\n".join(line for line in text.splitlines() if line.strip())
    doc.title = doc.title or page.title
    doc.source = doc.source or page.sitename
    if doc.published is None and page.date:
        doc.published, doc.published_from = page.date[:10], "html"
    return doc
