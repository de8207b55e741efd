"""The corpus store's schema, as numbered migrations (SQLite's `user_version` says which ran).

A migration is never edited once released: a change is a new migration appended here.

    articles     one row per distinct text (`key`: SHA-256 of the text), with its metadata
    articles_fts full-text index (FTS5, external content) over title and text
    runs         one row per `corpus analyze`: when, the settings and model versions
    reports      the latest report of each analysed article (the unspin/1 JSON)
    techniques, quotes, claims, entities, aliases, labels, accusations
                 the findings of each report, one row each, for queries
    errors       inputs that could not be read and articles that could not be analysed
    clusters     (2) claims and quotes that say the same thing across articles; (2) names
                 indexed without case for an actor's labels
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        ident TEXT NOT NULL,
        source TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,
        title TEXT,
        text TEXT NOT NULL,
        added TEXT NOT NULL
    );
    CREATE INDEX articles_outlet ON articles (outlet, published);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT,
        settings TEXT NOT NULL,
        models TEXT
    );
    CREATE TABLE reports (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        run_id INTEGER NOT NULL REFERENCES runs (id),
        analysed TEXT NOT NULL,
        report TEXT NOT NULL
    );
    CREATE TABLE techniques (
        article_id INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        technique TEXT NOT NULL, confidence REAL, text TEXT
    );
    CREATE INDEX techniques_by ON techniques (technique, article_id);
    CREATE TABLE quotes (
        article_id INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, kind TEXT, speaker TEXT, speaker_name TEXT, cue TEXT,
        stance TEXT, source_type TEXT, content TEXT
    );
    CREATE INDEX quotes_by ON quotes (article_id);
    CREATE TABLE claims (
        article_id INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text TEXT NOT NULL, checkworthiness REAL, quote_idx INTEGER
    );
    CREATE INDEX claims_by ON claims (checkworthiness);
    CREATE TABLE entities (
        article_id INTEGER NOT NULL, entity TEXT NOT NULL, name TEXT NOT NULL,
        type TEXT NOT NULL, mentions INTEGER NOT NULL
    );
    CREATE INDEX entities_by ON entities (name, article_id);
    CREATE TABLE aliases (article_id INTEGER NOT NULL, entity TEXT NOT NULL, alias TEXT NOT NULL);
    CREATE INDEX aliases_by ON aliases (alias);
    CREATE TABLE labels (
        article_id INTEGER NOT NULL, entity TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT
    );
    CREATE INDEX labels_by ON labels (article_id, entity);
    CREATE TABLE accusations (
        article_id INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, accuser TEXT, accused TEXT, cue TEXT, allegation TEXT,
        denials INTEGER NOT NULL
    );
    CREATE INDEX accusations_by ON accusations (article_id);
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES runs (id),
        article_id INTEGER REFERENCES articles (id),
        source TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX errors_by ON errors (article_id);
    """,
    """
    CREATE TABLE clusters (
        cluster INTEGER NOT NULL, threshold REAL NOT NULL, article_id INTEGER NOT NULL,
        kind TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX clusters_by ON clusters (cluster);
    CREATE INDEX entities_by_name ON entities (name COLLATE NOCASE);
    CREATE INDEX aliases_by_name ON aliases (alias COLLATE NOCASE);
    """,
)

FINDING_TABLES = ("techniques", "quotes", "claims", "entities", "aliases", "labels", "accusations")
