"""Posts an article embeds from social media, signed the way the platforms' embeds sign them:

- a tweet ends "— Karen Monahan (@KarenMonahan01) August 12, 2018";
- a Facebook post ends "Posted by Austin Monahan on Saturday, August 11, 2018".

"I", "me" and "my" in a post are its author: "What my son said is true" is the author's son;
"you" in a post that opens a line with a handle ("@keithellison, you know you did that") is the
one that handle names.
A post runs back from its signature over the lines before it, up to the signature of the post
before it or `_LINES` lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE = r"[A-Z][a-z]+\.? \d{1,2}, \d{4}"
_TWEET = re.compile(rf"[\u2014\u2013-]\s*(?P<name>[^\n()\u2014]{{2,60}}?) \(@\w+\) {_DATE}")
_FACEBOOK = re.compile(rf"Posted by (?P<name>[A-Z][^\n]{{1,60}}?) on (?:[A-Z][a-z]+day, )?{_DATE}")
_ADDRESSED = re.compile(r"(?m)^@\w+")  # a line that opens with a handle speaks to its owner
_LINES = 6  # the most lines a post is taken to run back over


@dataclass(frozen=True, slots=True)
class Post:
    start: int  # where the post's text starts
    end: int  # where its signature starts
    author: tuple[int, int]  # the author's name in the signature
    addressee: tuple[int, int] | None = None  # the handle a line of it opens with, if one does


def posts(text: str) -> list[Post]:
    """The signed posts of an article's text, in text order."""
    signatures = sorted(
        (m for pattern in (_TWEET, _FACEBOOK) for m in pattern.finditer(text)),
        key=lambda m: m.start(),
    )
    found: list[Post] = []
    previous = 0
    for match in signatures:
        start = _start(text, max(previous, 0), match.start())
        handle = _ADDRESSED.search(text, start, match.start())
        addressee = (handle.start() + 1, handle.end()) if handle is not None else None
        found.append(Post(start, match.start(), match.span("name"), addressee))
        previous = match.end()
    return found


def _start(text: str, floor: int, end: int) -> int:
    """Where a post ending at `end` starts: `_LINES` lines back at most, not before `floor`
    (the end of the post before)."""
    start = text.rfind("\n", floor, end) + 1 or floor
    for _ in range(_LINES - 1):
        if start <= floor:
            break
        before = text.rfind("\n", floor, start - 1) + 1
        start = max(before, floor)
    return max(start, floor)


def post_at(found: list[Post], at: int) -> Post | None:
    """The post that holds offset `at`, if one does."""
    return next((post for post in found if post.start <= at < post.end), None)
