"""The store's schema, in SQL that SQLite and PostgreSQL both accept."""

SCHEMA_VERSION = 3   # 2: the events table; 3: quotes, actors, full-text search

TABLES = [
    """CREATE TABLE IF NOT EXISTS meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # One row per distinct article, keyed by the content hash of its input.
    """CREATE TABLE IF NOT EXISTS documents (
        key TEXT PRIMARY KEY,
        input_id TEXT,
        origin TEXT,
        source TEXT,
        url TEXT,
        title TEXT,
        language TEXT,
        published TEXT,
        genre TEXT,
        agency TEXT,
        dateline TEXT,
        text TEXT NOT NULL,
        raw TEXT NOT NULL,
        raw_format TEXT NOT NULL,
        record TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    # Every delivery of an article, duplicates included, so no caller's id is lost.
    """CREATE TABLE IF NOT EXISTS inputs (
        key TEXT NOT NULL REFERENCES documents(key),
        input_id TEXT,
        origin TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS failures (
        origin TEXT NOT NULL,
        reason TEXT NOT NULL,
        failed_at TEXT NOT NULL
    )""",
    # Copy detection (lagebild/copies.py): each document's MinHash signature, its
    # shingle count and the document it copies (the LSH buckets: SQLITE_TABLES).
    """CREATE TABLE IF NOT EXISTS copies (
        key TEXT PRIMARY KEY REFERENCES documents(key),
        signature BLOB NOT NULL,
        shingles INTEGER NOT NULL,
        copy_of TEXT NOT NULL
    )""",
    # One row per event of a document, for the API's filters (the record keeps them too).
    """CREATE TABLE IF NOT EXISTS events (
        key TEXT NOT NULL REFERENCES documents(key),
        type TEXT NOT NULL,
        source_code TEXT NOT NULL,
        target_code TEXT,
        date TEXT,
        status TEXT NOT NULL,
        event TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_code, date)",
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_code, date)",
    "CREATE INDEX IF NOT EXISTS events_type ON events(type, date)",
    "CREATE INDEX IF NOT EXISTS events_date ON events(date)",
    # The quotes of each document, for the API's filters (issue #7).
    """CREATE TABLE IF NOT EXISTS quotes (
        key TEXT NOT NULL REFERENCES documents(key),
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker TEXT,
        speaker_code TEXT,
        addressee TEXT,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS quotes_speaker_code ON quotes(speaker_code)",
    "CREATE INDEX IF NOT EXISTS quotes_key ON quotes(key)",
    # Each actor (name, code, kind) with its mentions and the documents that mention it,
    # counted as documents are added, so that listing actors reads no records; code '' is none.
    """CREATE TABLE IF NOT EXISTS actors (
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        kind TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        PRIMARY KEY (name, code, kind)
    )""",
    "CREATE INDEX IF NOT EXISTS actors_mentions ON actors(mentions)",
    "CREATE INDEX IF NOT EXISTS actors_code ON actors(code)",
    "CREATE INDEX IF NOT EXISTS documents_input_id ON documents(input_id)",
    "CREATE INDEX IF NOT EXISTS documents_published ON documents(published)",
    "CREATE INDEX IF NOT EXISTS inputs_key ON inputs(key)",
    "CREATE INDEX IF NOT EXISTS inputs_input_id ON inputs(input_id)",
]

# SQLite only: full-text search over title and text (FTS5, an index of the documents
# table's own columns; its rowid is the document's rowid).
SQLITE_TABLES = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    )""",
    # The LSH buckets of copy detection: one row per band of each document (copy is the
    # rowid in `copies`); without rowid the table is its own index, about 0.5 KB a document.
    """CREATE TABLE IF NOT EXISTS copy_buckets (
        bucket INTEGER NOT NULL,
        copy INTEGER NOT NULL,
        PRIMARY KEY (bucket, copy)
    ) WITHOUT ROWID""",
]
