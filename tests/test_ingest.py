from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from unspin import (
    Article,
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
    MalformedRecordError,
    NoArticleTextError,
    Options,
)
from unspin.errors import InputError
from unspin.stages.ingest import load
from unspin.stages.ingest.decode import decode_text

OPTIONS = Options()
CURLY = "\u201cWe only want to be left alone,\u201d the woman says \u2014 it\u2019s a caf\u00e9."


def one(path: Path | str, options: Options = OPTIONS) -> Article | InputError:
    items = list(load([path], options=options))
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_loses_the_bom(tmp_path: Path) -> None:
    article = one(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + CURLY.encode()))
    assert isinstance(article, Article)
    assert article.text == CURLY
    assert article.meta.source["encoding"] == "utf-8 (with BOM)"
    assert article.meta.id == "a"


def test_utf16_with_bom(tmp_path: Path) -> None:
    article = one(write(tmp_path, "a.txt", CURLY.encode("utf-16")))
    assert isinstance(article, Article) and article.text == CURLY


def test_windows_1252_curly_quotes_are_decoded_right(tmp_path: Path) -> None:
    text = (CURLY + " The minister\u2019s \u201cplan\u201d was called reckless.\n") * 3
    article = one(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert isinstance(article, Article)
    assert article.text == text
    assert article.meta.source["encoding"] == "cp1252"


def test_windows_line_ends_become_newlines(tmp_path: Path) -> None:
    article = one(write(tmp_path, "a.txt", b"First line.\r\n\r\nSecond line.\rThird."))
    assert isinstance(article, Article)
    assert article.text == "First line.\n\nSecond line.\nThird."


def test_a_stray_byte_in_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    data = (CURLY * 5).encode() + b" bad \xff byte."
    article = one(write(tmp_path, "a.txt", data))
    assert isinstance(article, Article)
    assert "\ufffd" in article.text
    assert [w.code for w in article.warnings] == ["encoding"]


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInputError, "empty (0 bytes)"),
        (b"  \n\t\n ", EmptyInputError, "only whitespace"),
        (b"abc\x00\x01\x02def" * 10, BinaryInputError, "NUL bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", BinaryInputError, "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", BinaryInputError, "PNG image"),
    ],
)
def test_bad_text_files_get_a_clear_error(
    tmp_path: Path, data: bytes, error: type[InputError], words: str
) -> None:
    path = write(tmp_path, "bad.txt", data)
    result = one(path)
    assert isinstance(result, error)
    assert str(path) in str(result) and words in str(result)


def test_undecodable_bytes_name_the_first_bad_byte() -> None:
    with pytest.raises(DecodeError, match=r"0x[0-9a-f]{2} at offset"):
        decode_text(bytes(range(0x80, 0x100)) * 3, "mystery.txt")


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(20 * 1024 * 1024)  # 20 MB, sparse: nothing is written or read
    result = one(path)
    assert isinstance(result, InputTooLargeError)
    assert "20.0 MB" in str(result) and "--max-size" in str(result)


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    assert isinstance(one(tmp_path / "nope.txt"), InputNotFoundError)
    result = one(tmp_path)
    assert isinstance(result, InputNotFoundError) and "holds no" in str(result)


def test_folders_are_read_recursively_in_order_and_errors_do_not_stop_them(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", b"Second article text.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", b"")
    write(tmp_path, "a.txt", b"First article text.")
    write(tmp_path, "ignored.pdf", b"%PDF")
    items = list(load([tmp_path], options=OPTIONS))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "EmptyInputError"]


def test_stdin_is_sniffed_for_html() -> None:
    items = list(load(["-"], options=OPTIONS, stdin=io.BytesIO(b"Plain text from a pipe.")))
    assert isinstance(items[0], Article) and items[0].meta.id == "stdin"
    big = io.BytesIO(b"x" * 2000)
    items = list(load(["-"], options=Options(max_bytes=1000), stdin=big))
    assert isinstance(items[0], InputTooLargeError)


PAGE = (Path(__file__).parent / "fixtures" / "page.html").read_bytes()


def test_html_gives_the_main_text_and_metadata(tmp_path: Path) -> None:
    article = one(write(tmp_path, "page.html", PAGE))
    assert isinstance(article, Article)
    assert "We only want to be left alone" in article.text
    assert "lack of evidence" in article.text
    assert "MUST-NOT-APPEAR" not in article.text
    assert article.meta.title == "Police raid homes"
    assert article.meta.author == "Jana Holt"
    assert article.meta.outlet == "The Marenport Herald"
    assert article.meta.published == "2024-03-02"
    assert article.meta.url == "https://herald.example/raids"
    assert article.meta.source["format"] == "html"


@pytest.mark.parametrize(
    "body",
    [
        b"<script>var a=1;</script><nav>Home</nav>",
        b"<nav><a href=/>Home</a> <a href=/w>World</a></nav><div class=cookie>We use cookies.</div>"
        b"<footer>Copyright 2024 Example Media</footer>",
    ],
)
def test_html_without_article_text(tmp_path: Path, body: bytes) -> None:
    page = b"<html><head><title>x</title></head><body>" + body + b"</body></html>"
    result = one(write(tmp_path, "empty.htm", page))
    assert isinstance(result, NoArticleTextError)
    assert "empty.htm" in str(result)


def test_a_short_news_brief_in_html_is_still_an_article(tmp_path: Path) -> None:
    page = b"<html><body><p>Brief: the minister resigned on Monday after a vote.</p></body></html>"
    article = one(write(tmp_path, "brief.html", page))
    assert isinstance(article, Article) and article.text.startswith("Brief:")


def test_an_unknown_suffix_is_sniffed_for_html(tmp_path: Path) -> None:
    article = one(write(tmp_path, "saved.php", PAGE))
    assert isinstance(article, Article) and article.meta.source["format"] == "html"


def jsonl(tmp_path: Path, lines: list[str | bytes]) -> Path:
    data = b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines)
    return write(tmp_path, "batch.jsonl", data + b"\n")


def test_jsonl_reads_every_good_line_and_reports_each_bad_one_by_number(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        [
            json.dumps(
                {"id": "a1", "text": "First.", "outlet": "Herald", "url": "https://h.example"}
            ),
            '{"id": "broken", "text": "no closing brace"',
            "",
            json.dumps({"text": "Third, no id.", "published": "2024-01-02"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "x", "body": "wrong field"}),
            json.dumps({"id": "y", "text": ""}),
            json.dumps({"id": 7, "html": PAGE.decode()}),
            json.dumps({"id": "z", "text": "ok", "outlet": 12}),
            b'{"id": "latin", "text": "caf\xe9"}',
        ],
    )
    items = list(load([path], options=OPTIONS))
    kinds = [(type(i).__name__, getattr(i, "line", None)) for i in items]
    assert kinds == [
        ("Article", None),
        ("MalformedRecordError", 2),
        ("Article", None),
        ("MalformedRecordError", 5),
        ("MalformedRecordError", 6),
        ("EmptyInputError", 7),
        ("Article", None),
        ("MalformedRecordError", 9),
        ("DecodeError", 10),
    ]
    first, third, page = items[0], items[2], items[6]
    assert isinstance(first, Article) and first.meta.outlet == "Herald"
    assert isinstance(third, Article) and third.meta.id == "batch-4"
    assert isinstance(page, Article) and page.meta.id == "7" and "MUST-NOT" not in page.text
    error = items[1]
    assert isinstance(error, MalformedRecordError)
    assert str(error).startswith(f"{path}, line 2: not valid JSON")
    assert "neither" in str(items[4])


def test_jsonl_line_over_the_limit_is_skipped_and_the_next_one_read(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        [
            json.dumps({"id": "big", "text": "x" * 5000}),
            json.dumps({"id": "small", "text": "fits"}),
        ],
    )
    items = list(load([path], options=Options(max_bytes=1000)))
    assert isinstance(items[0], InputTooLargeError) and items[0].line == 1
    assert isinstance(items[1], Article) and items[1].meta.id == "small"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Police raid homes\n\nRegional police said on Tuesday.", "Police raid homes"),
        ("Police said on Tuesday.\nMore text.", None),
        ("Only one line", None),
        ("  \n" + "Long " * 60 + "\nbody", None),
    ],
)
def test_a_plain_text_headline_becomes_the_title(tmp_path: Path, text: str, title: str) -> None:
    article = one(write(tmp_path, "a.txt", text.encode()))
    assert isinstance(article, Article) and article.meta.title == title


@pytest.mark.parametrize(
    "text",
    [
        "Jos\u00e9 M\u00fcller met the minister in Z\u00fcrich.",
        "Le caf\u00e9 \u00e9tait ferm\u00e9, a d\u00e9clar\u00e9 le ministre.",
    ],
)
def test_latin_text_in_a_legacy_encoding_is_read_as_windows_1252(tmp_path: Path, text: str) -> None:
    article = one(write(tmp_path, "a.txt", text.encode("latin-1")))
    assert isinstance(article, Article)
    assert article.text == text
    assert [w.code for w in article.warnings] == ["encoding"]


def test_utf16_without_a_bom_is_text_not_binary(tmp_path: Path) -> None:
    article = one(write(tmp_path, "a.txt", CURLY.encode("utf-16-le")))
    assert isinstance(article, Article) and article.text == CURLY


def test_html_declared_latin1_is_read_as_browsers_read_it(tmp_path: Path) -> None:
    body = (
        "<p>\u201cWe only want to be left alone,\u201d said Ilse Varga \u2014 whose son was "
        "among those detained on Tuesday by the regional police in Marenport.</p>"
    )
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{body}</body></html>'
    article = one(write(tmp_path, "a.html", page.encode("cp1252")))
    assert isinstance(article, Article)
    assert "\u201cWe only want to be left alone,\u201d said Ilse Varga \u2014" in article.text
    assert article.meta.source["encoding"] == "cp1252"


def test_a_txt_file_holding_a_web_page_is_read_as_html(tmp_path: Path) -> None:
    article = one(write(tmp_path, "saved.txt", PAGE))
    assert isinstance(article, Article) and "MUST-NOT-APPEAR" not in article.text


def test_unspin_reports_in_a_folder_are_not_read_back(tmp_path: Path) -> None:
    from unspin import analyze
    from unspin.report import render

    (tmp_path / "old.html").write_text(render(analyze("Officials said nothing at all."), "html"))
    write(tmp_path, "new.txt", b"A new article.")
    items = list(load([tmp_path], options=OPTIONS))
    assert [i.meta.id for i in items if isinstance(i, Article)] == ["new"]
    assert len(items) == 1


def test_lone_surrogates_and_text_size_are_handled_for_strings(tmp_path: Path) -> None:
    from unspin.stages.ingest import article_from_text

    assert article_from_text("bad \ud800 char").text == "bad \ufffd char"
    path = jsonl(tmp_path, ['{"id": "s", "text": "lone \\ud800 surrogate"}'])
    article = one(path)
    assert isinstance(article, Article) and article.text == "lone \ufffd surrogate"
    with pytest.raises(InputTooLargeError):
        article_from_text("x" * 2000, max_bytes=1000)


def test_a_jsonl_file_without_records_and_a_non_string_text(tmp_path: Path) -> None:
    result = one(jsonl(tmp_path, ["", "   "]))
    assert isinstance(result, EmptyInputError) and "holds no records" in str(result)
    result = one(jsonl(tmp_path, ['{"id": "n", "text": 5}']))
    assert isinstance(result, MalformedRecordError)
    assert '"text" must be a string, found int' in str(result)


def test_a_pipe_is_read_bounded_whatever_its_reported_size(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as out, contextlib.suppress(BrokenPipeError):
            out.write(b"x" * 5000)

    writer = threading.Thread(target=feed)
    writer.start()
    result = one(fifo, Options(max_bytes=1000))
    writer.join()
    assert isinstance(result, InputTooLargeError)


def test_an_unreadable_subfolder_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    write(tmp_path, "a.txt", b"Readable article.")
    real_walk = os.walk

    def walk(top: object, onerror: object = None, **kwargs: object):  # type: ignore[no-untyped-def]
        assert callable(onerror)
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "walk", walk)
    items = list(load([tmp_path], options=OPTIONS))
    assert isinstance(items[0], InputNotFoundError) and "locked" in str(items[0])
    assert isinstance(items[1], Article)
