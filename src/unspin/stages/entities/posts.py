"""Posts an article embeds from social media, signed the way the platforms' embeds sign them:

- a tweet ends "— Karen Monahan (@KarenMonahan01) August 12, 2018";
- a Facebook post ends "Posted by Austin Monahan on Saturday, August 11, 2018".

"my" in a post is its author's: "What my son said is true" is the author's son; "you" in a
post that opens a line with a handle ("@keithellison, you know you did that") is the one that
handle names. A post runs back from its signature over the lines before it, up to the
signature of the post before it, a blank line, `_LINES` lines or `_LONGEST` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unspin.article import Article

_DATE = r"[A-Z][a-z]+\.? \d{1,2}, \d{4}"
_NAME = r"[A-Z][\w.'\u2019]*(?: [A-Za-z][\w.'\u2019]*){0,4}"  # one to five words, capitalised
SIGNED = re.compile(rf" \(@\w+\) {_DATE}")  # what follows the author's name in a tweet
_TWEET = re.compile(rf"(?:^|(?<=\s))[\u2014\u2013-] ?(?P<name>{_NAME}){SIGNED.pattern}")
_FACEBOOK = re.compile(rf"Posted by (?P<name>{_NAME}) on (?:[A-Z][a-z]+day, )?{_DATE}")
_ADDRESSED = re.compile(r"(?m)^@\w+")  # a line that opens with a handle speaks to its owner
_LINES = 6  # the most lines a post is taken to run back over
_LONGEST = 600  # characters: two tweets' worth


@dataclass(frozen=True, slots=True)
class Post:
    start: int  # where the post's text starts
    end: int  # where its signature starts
    author: tuple[int, int]  # the author's name in the signature
    addressee: tuple[int, int] | None = None  # the handle a line of it opens with, if one does


POSTS = "posts"  # article.cache key: the article's signed posts (`signed_posts`)


def signed_posts(article: Article) -> list[Post]:
    """The article's posts, read once for whichever stage (entities, accusations) asks first."""
    found: list[Post] | None = article.cache.get(POSTS)
    if found is None:
        found = article.cache[POSTS] = posts(article.text)
    return found


def posts(text: str) -> list[Post]:
    """The signed posts of an article's text, in text order."""
    signatures = sorted(
        (m for pattern in (_TWEET, _FACEBOOK) for m in pattern.finditer(text)),
        key=lambda m: m.start(),
    )
    found: list[Post] = []
    previous = 0
    for match in signatures:
        start = _start(text, previous, match.start())
        handle = _ADDRESSED.search(text, start, match.start())
        addressee = (handle.start() + 1, handle.end()) if handle is not None else None
        found.append(Post(start, match.start(), match.span("name"), addressee))
        previous = match.end()
    return found


def _start(text: str, floor: int, end: int) -> int:
    """Where a post ending at `end` starts: back over its lines up to a blank line, `_LINES`
    lines or `_LONGEST` characters (then from a sentence's start), not before `floor` (the
    end of the post before)."""
    floor = max(floor, end - _LONGEST)
    start = text.rfind("\n", floor, end) + 1 or floor
    for _ in range(_LINES - 1):
        if start <= floor or not text[start - 1 : start].isspace():
            break
        before = text.rfind("\n", floor, start - 1) + 1 or floor
        if not text[before : start - 1].strip():
            break  # a blank line: the paragraph before is not the post's
        start = before
    if start == floor and floor > 0:  # cut inside a line: from the next sentence's start
        cut = re.search(r"[.!?]\s+", text[floor:end])
        start = floor + cut.end() if cut is not None else end
    return start


def post_at(found: list[Post], at: int) -> Post | None:
    """The post that holds offset `at`, if one does."""
    return next((post for post in found if post.start <= at < post.end), None)
