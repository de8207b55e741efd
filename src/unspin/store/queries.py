"""What a researcher asks of a corpus store: full-text search, technique rates by outlet and
month, the labels each outlet pins on an actor, the most repeated claims. Each returns plain
rows (dicts), for the CLI to print and the web layer to serve."""

from __future__ import annotations

import re
from typing import Any

from unspin.store import Store

Rows = list[dict[str, Any]]
_WORD = re.compile(r"\w+", re.UNICODE)


def _rows(store: Store, sql: str, params: tuple[Any, ...] = ()) -> Rows:
    cursor = store.db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def search(store: Store, query: str, *, limit: int = 10) -> Rows:
    """The articles best matching the words of `query` (bm25), with a snippet. The words are
    quoted, so FTS5 operators in a user's text are read as words."""
    words = _WORD.findall(query)
    if not words:
        return []
    match = " ".join(f'"{w}"' for w in words)
    return _rows(
        store,
        "SELECT a.id, a.ident, a.outlet, a.published, a.title,"
        " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet,"
        " round(bm25(articles_fts), 3) AS score"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
        (match, limit),
    )


def techniques_by_outlet(store: Store, *, technique: str | None = None) -> Rows:
    """Techniques per outlet and month: spans found and articles analysed that month."""
    where = "WHERE t.technique = ?" if technique else ""
    params: tuple[Any, ...] = (technique,) if technique else ()
    return _rows(
        store,
        "WITH analysed AS (SELECT coalesce(a.outlet, '') AS outlet,"
        " substr(coalesce(a.published, ''), 1, 7) AS month, count(*) AS articles"
        " FROM articles a JOIN reports r ON r.article_id = a.id GROUP BY 1, 2)"
        " SELECT coalesce(a.outlet, '') AS outlet,"
        " substr(coalesce(a.published, ''), 1, 7) AS month, t.technique,"
        " count(*) AS spans, count(DISTINCT t.article_id) AS in_articles, n.articles"
        " FROM techniques t JOIN articles a ON a.id = t.article_id"
        " JOIN analysed n ON n.outlet = coalesce(a.outlet, '')"
        " AND n.month = substr(coalesce(a.published, ''), 1, 7)"
        f" {where} GROUP BY 1, 2, 3 ORDER BY 1, 2, spans DESC",
        params,
    )


def actor_labels(store: Store, actor: str) -> Rows:
    """The labels pinned on an actor (by name or alias, any case), by outlet."""
    return _rows(
        store,
        "WITH actor AS (SELECT article_id, entity FROM entities WHERE name = ? COLLATE NOCASE"
        " UNION SELECT article_id, entity FROM aliases WHERE alias = ? COLLATE NOCASE)"
        " SELECT coalesce(a.outlet, '') AS outlet, lower(l.text) AS label,"
        " count(*) AS times, count(DISTINCT l.article_id) AS articles"
        " FROM actor JOIN labels l ON l.article_id = actor.article_id"
        " AND l.entity = actor.entity JOIN articles a ON a.id = l.article_id"
        " GROUP BY 1, 2 ORDER BY 1, times DESC",
        (actor, actor),
    )


def claim_clusters(store: Store, *, limit: int = 20) -> Rows:
    """The clusters `unspin corpus match` found, widest first: how many articles and outlets,
    the first appearance (its date, outlet and words), all outlets and the speakers."""
    return _rows(
        store,
        "WITH m AS (SELECT c.cluster, c.article_id, c.text, a.ident, coalesce(a.outlet, '')"
        " AS outlet, coalesce(a.published, '') AS published, CASE WHEN c.kind = 'quote' THEN"
        " (SELECT coalesce(q.speaker_name, q.speaker) FROM quotes q WHERE q.article_id ="
        " c.article_id AND q.idx = c.idx) ELSE (SELECT coalesce(q.speaker_name, q.speaker)"
        " FROM claims k JOIN quotes q ON q.article_id = k.article_id AND q.idx = k.quote_idx"
        " WHERE k.article_id = c.article_id AND k.idx = c.idx) END AS speaker"
        " FROM clusters c JOIN articles a ON a.id = c.article_id),"
        " firsts AS (SELECT cluster, ident, outlet, published, text, row_number() OVER"
        " (PARTITION BY cluster ORDER BY published, article_id) AS n FROM m)"
        " SELECT m.cluster, count(DISTINCT m.article_id) AS articles,"
        " count(DISTINCT m.outlet) AS outlets, f.published AS first_seen,"
        " f.outlet AS first_outlet, f.ident AS first_article, f.text AS first_text,"
        " group_concat(DISTINCT m.outlet) AS all_outlets,"
        " group_concat(DISTINCT m.published) AS dates, group_concat(DISTINCT m.speaker)"
        " AS speakers FROM m JOIN firsts f ON f.cluster = m.cluster AND f.n = 1"
        " GROUP BY m.cluster ORDER BY articles DESC, outlets DESC LIMIT ?",
        (limit,),
    )


def top_claims(store: Store, *, limit: int = 20) -> Rows:
    """The claim clusters of `unspin corpus match` when it has run; otherwise check-worthy
    claims repeated word for word across articles, most repeated first."""
    if store.db.execute("SELECT 1 FROM clusters LIMIT 1").fetchone():
        return claim_clusters(store, limit=limit)
    return _rows(
        store,
        "SELECT c.text, count(DISTINCT c.article_id) AS articles,"
        " count(DISTINCT coalesce(a.outlet, '')) AS outlets,"
        " min(coalesce(a.published, '')) AS first_seen, round(max(c.checkworthiness), 3)"
        " AS checkworthiness FROM claims c JOIN articles a ON a.id = c.article_id"
        " WHERE c.checkworthiness >= 0.5 GROUP BY lower(trim(c.text))"
        " ORDER BY articles DESC, checkworthiness DESC LIMIT ?",
        (limit,),
    )


def errors(store: Store, *, limit: int = 50) -> Rows:
    return _rows(
        store,
        "SELECT source, code, message, at FROM errors ORDER BY id DESC LIMIT ?",
        (limit,),
    )


def articles(store: Store, *, outlet: str | None = None, limit: int = 50, offset: int = 0) -> Rows:
    """Articles, newest first, with whether each is analysed and how many findings it has."""
    where = "WHERE a.outlet = ?" if outlet else ""
    params: tuple[Any, ...] = (outlet,) if outlet else ()
    return _rows(
        store,
        "SELECT a.id, a.ident, a.outlet, a.published, a.title, a.url,"
        " r.article_id IS NOT NULL AS analysed,"
        " (SELECT count(*) FROM techniques t WHERE t.article_id = a.id) AS techniques,"
        " (SELECT count(*) FROM accusations c WHERE c.article_id = a.id) AS accusations"
        f" FROM articles a LEFT JOIN reports r ON r.article_id = a.id {where}"
        " ORDER BY coalesce(a.published, '') DESC, a.id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )


def outlets(store: Store) -> Rows:
    """Articles per outlet and month."""
    return _rows(
        store,
        "SELECT coalesce(outlet, '') AS outlet, substr(coalesce(published, ''), 1, 7) AS month,"
        " count(*) AS articles FROM articles GROUP BY 1, 2 ORDER BY 1, 2",
    )


def technique_rates(store: Store) -> Rows:
    """Technique spans per analysed article, by outlet and technique."""
    return _rows(
        store,
        "WITH analysed AS (SELECT coalesce(a.outlet, '') AS outlet, count(*) AS n FROM articles a"
        " JOIN reports r ON r.article_id = a.id GROUP BY 1)"
        " SELECT n.outlet, t.technique, round(count(*) * 1.0 / n.n, 3) AS per_article"
        " FROM techniques t JOIN articles a ON a.id = t.article_id"
        " JOIN analysed n ON n.outlet = coalesce(a.outlet, '') GROUP BY 1, 2 ORDER BY 1, 3 DESC",
    )


def report(store: Store, article_id: int) -> dict[str, Any] | None:
    import json

    row = store.db.execute(
        "SELECT report FROM reports WHERE article_id = ?", (article_id,)
    ).fetchone()
    return None if row is None else dict(json.loads(row[0]))
