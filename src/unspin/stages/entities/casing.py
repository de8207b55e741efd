"""Which capitalised words of a headline are names, judged by how the article itself writes them.

In a headline written in Title Case ("Ellison Accuser Posts Doctor's Report", "CNN Sues Trump
Demanding He Restore ...") every word is capitalised, and spaCy runs names into the words after
them ("Ellison Accuser Posts", "Trump Demanding"). The article's running text settles it, as
document-level truecasers do: a word the text writes in lower case inside its sentences
("accuser", "demanding") is a common word, one it writes capitalised there ("Ellison") a name.
A word the text never uses elsewhere is a common word when the tagger reads it as a verb or it
is a common noun for a person ("Accuser", "Congressman").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Any

from unspin.nlp import doc_text

_TITLE_SHARE = 0.9  # of a line's words of four letters or more, capitalised
_TITLE_WORDS = 3
_WORD = re.compile(r"[^\W\d_]\w{3,}")  # a word of four letters or more


class Casing:
    """The article's votes on how each word is written inside running text."""

    def __init__(self, doc: Any, person_nouns: frozenset[str]) -> None:
        self.person_nouns = person_nouns
        titles = title_lines(doc)
        self.starts = [start for start, _ in titles]
        self.ends = [end for _, end in titles]
        self.lower: Counter[str] = Counter()
        self.upper: Counter[str] = Counter()
        for token in doc:
            if not token.is_alpha or token.is_sent_start or self.in_title(token):
                continue
            if token.text[:1].isupper():
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
