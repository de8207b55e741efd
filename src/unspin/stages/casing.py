"""Which capitalised words of a headline are names, judged by how the article itself writes them.

In a headline written in Title Case ("Ellison Accuser Posts Doctor's Report", "CNN Sues Trump
Demanding He Restore ...") every word is capitalised, and spaCy runs names into the words after
them ("Ellison Accuser Posts", "Trump Demanding"). The article's running text settles it, as
document-level truecasers do: a word the text writes in lower case inside its sentences
("accuser", "demanding") is a common word, one it writes capitalised there ("Ellison") a name.
A word the text never uses elsewhere is a common word when the tagger reads it as a verb or it
is a common noun for a person ("Accuser", "Congressman").

`sentence_cased` writes such a line as a sentence ("Stacey Abrams to sue Georgia over 'gross
mismanagement' of elections"), keeping its length, so that a second parse of it lines up with
the article's offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from unspin.article import Article
from unspin.nlp import doc_text
from unspin.rules.actors import actor_rules

TITLES = "titles"  # article.cache key: the Title Case lines parsed again (`title_docs`)
_TITLE_SHARE = 0.9  # of a line's words of four letters or more, capitalised
_TITLE_WORDS = 3
_WORD = re.compile(r"[^\W\d_]\w{3,}")  # a word of four letters or more


class Casing:
    """The article's votes on how each word is written inside running text."""

    def __init__(self, doc: Any, person_nouns: frozenset[str]) -> None:
        self.person_nouns = person_nouns
        self.lines = title_lines(doc)  # (start, end) of each Title Case line
        self.starts = [start for start, _ in self.lines]
        self.ends = [end for _, end in self.lines]
        self.lower: Counter[str] = Counter()
        self.upper: Counter[str] = Counter()
        self.forms: Counter[str] = Counter()  # capitalised words as written: "CNN", "Trump"
        for token in doc:
            if not token.is_alpha or token.is_sent_start or self.in_title(token):
                continue
            if token.text[:1].isupper():
                self.forms[token.text] += 1
                self.upper[token.lower_] += 1
            else:
                self.lower[token.lower_] += 1

    def in_title(self, token: Any) -> bool:
        k = bisect_right(self.starts, token.idx) - 1
        return k >= 0 and token.idx < self.ends[k]

    def common(self, token: Any) -> bool:
        """Whether a capitalised word of a Title Case line is a common word, not a name."""
        if not self.in_title(token) or not token.is_alpha:
            return False
        word = token.lower_
        lower, upper = self.lower[word], self.upper[word]
        if lower or upper:
            return lower > upper
        return token.tag_.startswith("VB") or word in self.person_nouns

    def name_part(self, first: Any, last: Any) -> tuple[Any, Any] | None:
        """The first run of name words in first..last, cutting at a common word of a
        headline ("Ellison Accuser Posts" -> "Ellison"); None if it starts with one."""
        if not self.in_title(first):
            return first, last
        doc = first.doc
        end = first.i
        while end <= last.i and not self.common(doc[end]):
            end += 1
        return (first, doc[end - 1]) if end > first.i else None


def title_lines(doc: Any) -> list[tuple[int, int]]:
    """The character ranges of the lines written in Title Case."""
    found: list[tuple[int, int]] = []
    lines = doc_text(doc).split("\n")
    at = 0
    for line in lines:
        words = _WORD.findall(line)
        capital = sum(1 for w in words if w[0].isupper())
        if len(words) >= _TITLE_WORDS and capital >= _TITLE_SHARE * len(words):
            found.append((at, at + len(line)))
        at += len(line) + 1
    return found


def sentence_cased(doc: Any, casing: Casing) -> list[tuple[int, str]]:
    """Each Title Case line with a word the text writes in lower case, as (start offset, text)
    written as a sentence: its common words in lower case but the first (and a word the text
    never uses that the parse takes for no name), a name in capitals written as the article
    writes it ("TRUMP TELLS JEFF SESSIONS" -> "TRUMP tells Jeff Sessions")."""
    text = doc_text(doc)
    found: list[tuple[int, str]] = []
    for start, end in zip(casing.starts, casing.ends, strict=True):
        words = doc.char_span(start, end, alignment_mode="expand") or []
        if not any(casing.lower[t.lower_] > casing.upper[t.lower_] for t in words if t.is_alpha):
            continue  # no word the text writes in lower case: a list of names, not a sentence
        chars = list(text[start:end])
        alpha = [t for t in words if t.is_alpha]
        for k, token in enumerate(alpha):
            after = alpha[k + 1] if k + 1 < len(alpha) else None
            written = _as_in_sentence(token, casing, k == 0, after)
            if len(written) == len(token.text):  # not "İ", whose lower case is longer
                at = token.idx - start
                chars[at : at + len(token.text)] = written
        found.append((start, "".join(chars)))
    return found


@dataclass(frozen=True, slots=True)
class Title:
    """A Title Case line in the second parse (`Titles`)."""

    start: int
    end: int
    doc: Any

    def tokens(self) -> Any:
        """The line's tokens in the second parse."""
        return self.doc.char_span(self.start, self.end, alignment_mode="expand") or []


class Titles:
    """The casing votes of a parsed article and its Title Case lines parsed again: one
    second parse, the first parse's tokens between the lines joined to each line parsed as a
    sentence, so that its offsets are the article's."""

    def __init__(self, doc: Any, nlp: Any, person_nouns: frozenset[str]) -> None:
        self.casing = Casing(doc, person_nouns)
        lines = sentence_cased(doc, self.casing)
        pieces: list[Any] = []
        kept: list[tuple[int, int]] = []
        at = 0
        for (start, line), parsed in zip(lines, nlp.pipe(text for _, text in lines), strict=True):
            between = doc.char_span(at, start) if start > at else None
            if start > at and between is None:
                continue  # no token boundary where the line starts: left to the first parse
            pieces += [between.as_doc()] if between is not None else []
            parsed.user_data.clear()  # the paragraphs of the line alone: not to be merged
            pieces.append(parsed)
            kept.append((start, start + len(line)))
            at = start + len(line)
        joined = Doc.from_docs(pieces, ensure_whitespace=False) if pieces else None
        if joined is None or len(joined.text) != at:
            kept = []
        self.lines = [Title(start, end, joined) for start, end in kept]

    def at(self, start: int, end: int | None = None) -> Title | None:
        """The Title Case line (parsed again) that holds [start, end), if one does."""
        end = start + 1 if end is None else end
        return next((t for t in self.lines if t.start <= start and end <= t.end), None)

    def doc_for(self, start: int, end: int, doc: Any) -> Any:
        """The parse to read [start, end) in: its line's second parse, else `doc`."""
        line = self.at(start, end)
        return line.doc if line is not None else doc


def title_docs(article: Article, nlp: Any) -> Titles:
    """The article's `Titles`, worked out once per article, for whichever stage (entities,
    accusations) asks first; kept in `article.cache[TITLES]` beside the parse."""
    found: Titles | None = article.cache.get(TITLES)
    if found is None:
        found = Titles(article.cache["doc"], nlp, actor_rules().person_nouns)
        article.cache[TITLES] = found
    return found


def _as_in_sentence(token: Any, casing: Casing, first: bool, after: Any | None) -> str:
    """A word of a Title Case line as a sentence writes it. A word the text never uses is a
    common word where the parse takes it for no name, or where it comes before a name the
    text uses without it ("to Sue Tomas Rell" where the text has "Rell")."""
    text, lower = str(token.text), str(token.lower_)
    unused = lower not in casing.upper and lower not in casing.lower
    common = casing.common(token) or (
        unused
        and not token.is_upper
        and (not token.ent_type_ or (after is not None and casing.upper[after.lower_] > 0))
    )
    if common:
        return text if first else lower
    if token.is_upper and len(text) > 1 and not casing.forms[text]:
        if casing.forms[text.capitalize()]:
            return text.capitalize()  # "JEFF" where the text has "Jeff"
        if not token.ent_type_ and not first:
            return lower
    return text
