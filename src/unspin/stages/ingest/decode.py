"""Bytes -> text for plain-text articles: BOMs, UTF-8, UTF-16, the common legacy encodings,
and refusals.

The decoded text is the article's text for good, so decoding is the one place where it may
be normalised (`clean_text`): the BOM is dropped, line ends become `\\n` (as Python's
universal newlines do, which is also how the PTC offsets were made) and lone surrogates,
which no UTF-8 output can carry, become U+FFFD.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from unspin.errors import BinaryInputError, DecodeError, EmptyInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, OpenDocument or EPUB file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
# Windows-1252 is the usual legacy encoding of English news text; it wins when its decoding
# reads as Latin letters and typographic punctuation.
_WESTERN = "cp1252"
_WESTERN_SHARE = 0.8
_TYPOGRAPHY = set("\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u20ac\u00a0\u00ab\u00bb\u00b0\u00a3")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_NEWLINES = re.compile(r"\r\n?")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # bytes that fit no encoding and became U+FFFD
    guessed: bool = False  # the encoding was inferred from the bytes, not declared or UTF-8


def clean_text(text: str) -> str:
    """The one normalisation an article's text gets: `\\n` line ends, no lone surrogates."""
    return _SURROGATE.sub("\ufffd", _NEWLINES.sub("\n", text))


def decode_text(data: bytes, source: str) -> Decoded:
    """Decode an article's bytes, or raise an InputError that says what is wrong with them."""
    if not data:
        raise EmptyInputError(source, "the input is empty (0 bytes)")
    decoded = _decode_with_bom(data) or _decode_plain(data, source)
    text = clean_text(decoded.text)
    if not text.strip():
        raise EmptyInputError(source, f"the input holds only whitespace ({len(data)} bytes)")
    return Decoded(text, decoded.encoding, decoded.replaced, decoded.guessed)


def _decode_with_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return Decoded(text, f"{encoding} (with BOM)", text.count("\ufffd"))
    return None


def _decode_plain(data: bytes, source: str) -> Decoded:
    utf16 = _utf16_without_bom(data[:_SNIFF])
    if utf16:
        text = data.decode(utf16, errors="replace")
        return Decoded(text, utf16, text.count("\ufffd"), guessed=True)
    _refuse_binary(data[:_SNIFF], source)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            text = data.decode("utf-8", errors="replace")
            return Decoded(text, "utf-8", text.count("\ufffd"))
        first_bad = exc.start
    western = _western(data)
    if western is not None:
        return Decoded(western, _WESTERN, guessed=True)
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(
            source,
            f"the bytes fit no common text encoding (first byte that is not UTF-8: "
            f"0x{data[first_bad]:02x} at offset {first_bad})",
        )
    return Decoded(str(best), best.encoding, guessed=True)


def _western(data: bytes) -> str | None:
    try:
        text = data.decode(_WESTERN)
    except UnicodeDecodeError:
        return None
    special = [c for c in text if ord(c) >= 0x80]
    fitting = sum(c in _TYPOGRAPHY or _latin_letter(c) for c in special)
    return text if fitting >= _WESTERN_SHARE * len(special) else None


def _latin_letter(char: str) -> bool:
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text (mostly ASCII) has a NUL in every other byte."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even_nul = sum(head[i] == 0 for i in range(0, 2 * pairs, 2))
    odd_nul = sum(head[i] == 0 for i in range(1, 2 * pairs, 2))
    if odd_nul > 0.9 * pairs and even_nul == 0:
        return "utf-16-le"
    if even_nul > 0.9 * pairs and odd_nul == 0:
        return "utf-16-be"
    return None


def _refuse_binary(head: bytes, source: str) -> None:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise BinaryInputError(source, f"this is {kind}, not text; save the article as text")
    if b"\x00" in head:
        raise BinaryInputError(
            source, "the input is binary (it holds NUL bytes), not text in a known encoding"
        )


def _mostly_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 far outnumbers the stray bytes that break it."""
    good = sum(len(m.group()) for m in _UTF8_SEQUENCE.finditer(data))
    high = sum(1 for b in data if b >= 0x80)
    return good > 0 and (high - good) * 10 <= good
