"""The embedded corpus store: SQLite in WAL mode (a second process, such as the web app, reads
while the analyser writes), with FTS5 for full-text search, as the store of record.

Articles are keyed by the SHA-256 of their text, so adding the same article twice adds it
once. Each report and its findings are written in one transaction, so a run killed at any
moment leaves every article either fully analysed or not at all, and the next run does the
rest. See `schema.py` for the tables, `rows.py` for how a report becomes rows, `queries.py`
for what can be asked.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from unspin.article import Article
from unspin.errors import StoreError, UnspinError
from unspin.store.rows import finding_rows
from unspin.store.schema import FINDING_TABLES, MIGRATIONS

__all__ = ["AddSummary", "Pending", "Store", "text_key"]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class AddSummary:
    added: int = 0
    duplicates: int = 0
    failed: int = 0


@dataclass(frozen=True, slots=True)
class Pending:
    """An article waiting for analysis, as the analysis workers need it."""

    id: int
    ident: str
    text: str
    meta: dict[str, Any]


class Store:
    """One corpus store file. `Store.create(path)` makes (or upgrades) one; `Store(path)` opens
    an existing one and fails with a StoreError naming the file when there is none."""

    def __init__(self, path: str | Path, *, create: bool = False, readonly: bool = False) -> None:
        """`readonly`: for readers (queries, exports, the web app): nothing is written, not
        even a migration, and a store of another schema version is refused by name."""
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(
                f"{self.path}: no corpus store here; make one with `unspin corpus init`"
            )
        try:
            if readonly:
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
                self._check_version()
                return
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable corpus store: {exc}") from exc

    @classmethod
    def create(cls, path: str | Path) -> Store:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return cls(path, create=True)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _check_version(self) -> None:
        if self.version != len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema {self.version}, this unspin reads {len(MIGRATIONS)}; "
                "`unspin corpus init` brings an older store up to date"
            )

    def _migrate(self) -> None:
        current = self.version
        if current > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: made by a newer unspin (schema {current}, this one knows "
                f"{len(MIGRATIONS)})"
            )
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            self.db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    # adding articles

    def add(self, items: Iterable[Article | UnspinError]) -> AddSummary:
        """Add read articles (a duplicate text is skipped) and record unreadable inputs."""
        summary = AddSummary()
        for item in items:
            if isinstance(item, UnspinError):
                self.record_error(None, None, _source_of(item), item.code, str(item))
                summary.failed += 1
            elif self._insert(item):
                summary.added += 1
            else:
                summary.duplicates += 1
        return summary

    def _insert(self, article: Article) -> bool:
        meta = article.meta
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO articles (key, ident, source, outlet, url, published, title,"
            " text, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                text_key(article.text),
                meta.id,
                json.dumps(meta.source) if meta.source else None,
                meta.outlet,
                meta.url,
                meta.published,
                meta.title,
                article.text,
                now(),
            ),
        )
        return cursor.rowcount == 1

    # analysing them

    def pending_ids(self, *, retry_failed: bool = False) -> list[int]:
        """Articles with no report yet (and, unless `retry_failed`, no failed analysis)."""
        failed = (
            ""
            if retry_failed
            else " AND NOT EXISTS (SELECT 1 FROM errors e WHERE e.article_id = a.id)"
        )
        rows = self.db.execute(
            "SELECT a.id FROM articles a WHERE NOT EXISTS"
            f" (SELECT 1 FROM reports r WHERE r.article_id = a.id){failed} ORDER BY a.id"
        )
        return [int(row[0]) for row in rows]

    def pending(self, ids: list[int]) -> list[Pending]:
        """The articles `ids`, with what the analysis needs (read a chunk at a time)."""
        marks = ", ".join("?" * len(ids))
        rows = self.db.execute(
            "SELECT id, ident, text, title, url, outlet, published FROM articles"
            f" WHERE id IN ({marks}) ORDER BY id",
            ids,
        )
        return [
            Pending(id_, ident, text, {"title": t, "url": u, "outlet": o, "published": p})
            for id_, ident, text, t, u, o, p in rows
        ]

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def start_run(self, settings: dict[str, Any], models: dict[str, Any]) -> int:
        cursor = self.db.execute(
            "INSERT INTO runs (started, settings, models) VALUES (?, ?, ?)",
            (now(), json.dumps(settings, sort_keys=True), json.dumps(models, sort_keys=True)),
        )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int) -> None:
        self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (now(), run_id))

    def save(self, article_id: int, run_id: int, report: dict[str, Any]) -> None:
        """The report of an article and its findings, in one transaction (replacing any
        earlier report of it)."""
        rows = finding_rows(article_id, report)
        try:
            self.db.execute("BEGIN IMMEDIATE")
            for table in FINDING_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM errors WHERE article_id = ?", (article_id,))
            self.db.execute(
                "INSERT OR REPLACE INTO reports (article_id, run_id, analysed, report)"
                " VALUES (?, ?, ?, ?)",
                (article_id, run_id, now(), json.dumps(report, ensure_ascii=False)),
            )
            for table, values in rows.items():
                if values:
                    marks = ", ".join("?" * len(values[0]))
                    self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self.db.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: the report of article {article_id} could not be saved: {exc}"
            ) from exc

    def record_error(
        self, run_id: int | None, article_id: int | None, source: str, code: str, message: str
    ) -> None:
        """An input that could not be read (no article; kept once however often it is added
        again) or an article that failed."""
        if (
            article_id is None
            and self.db.execute(
                "SELECT 1 FROM errors WHERE article_id IS NULL AND source = ? AND code = ?",
                (source, code),
            ).fetchone()
        ):
            return
        self.db.execute(
            "INSERT INTO errors (run_id, article_id, source, code, message, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (run_id, article_id, source, code, message, now()),
        )

    def counts(self) -> dict[str, int]:
        """Articles, reports, errors and findings, by table."""
        return {t: self.count(t) for t in ("articles", "reports", "errors", *FINDING_TABLES)}


def _source_of(error: UnspinError) -> str:
    return str(getattr(error, "source", "") or "input")
