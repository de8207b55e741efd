"""Web archives (WARC, as news crawls are published): each HTTP response with an HTML page
becomes an article, its URL, outlet (the host) and crawl date kept. Read with `warcio`.

A record that is not a page is passed over; a page with no article text is an error naming
the file and the record's URL, and the rest of the archive is read on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from unspin.article import Article, Meta
from unspin.errors import InputError, MalformedRecordError
from unspin.stages.ingest.html import read_html

SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or not _is_html(record):
                    continue
                yield _article(record, path, number, max_bytes)
        except ArchiveLoadFailed as exc:
            yield MalformedRecordError(str(path), f"not a readable WARC file: {exc}")


def _is_html(record: object) -> bool:
    headers = getattr(record, "http_headers", None)
    kind = headers.get_header("Content-Type", "") if headers is not None else ""
    return "html" in (kind or "").lower()


def _article(record: object, path: Path, number: int, max_bytes: int) -> Article | InputError:
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI") or ""
    data = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    source = f"{path} ({url or f'record {number}'})"
    if len(data) > max_bytes:
        return InputError(source, f"the page is over the size limit of {max_bytes} bytes")
    meta = Meta(
        id=f"{path.stem}-{number}",
        url=url or None,
        outlet=urlsplit(url).hostname if url else None,
        published=(headers.get_header("WARC-Date") or "")[:10] or None,
        source={"path": str(path), "record": number},
    )
    try:
        return read_html(data, source=source, meta=meta)
    except InputError as error:
        return error
