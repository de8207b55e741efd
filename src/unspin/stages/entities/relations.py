"""Actors named by whom they belong to: "her son", "Kavanaugh's friend", "CNN's lawyers",
"his campaign".

A possessed description that refers back to no one (`descriptions.antecedent` found no actor
introduced by that role) is an actor of its own: the owner's <head>. Its owner is the actor
the possessor names ("Kavanaugh's"), or, for "his" and "her", the last person of that gender
named before it in its sentence or the one before. Every such description with the same owner
and head is that one actor ("her son ... her son"), and a later "the son" refers back to it.
"my" is the author of the post it is in (`posts`); elsewhere "my", "our", "their" and "its" say
too little of whose it is: no actor. Only heads that say
whose someone is (`ActorRules.relations`: kin, lawyers, aides, a campaign) make one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from unspin.nlp import appositive_name
from unspin.rules.accusations import accusation_rules
from unspin.rules.actors import former
from unspin.stages.entities.descriptions import Description
from unspin.stages.entities.names import DESCRIPTION, HANDLE, PROPER, RELATION, Name
from unspin.stages.entities.posts import Post, post_at
from unspin.stages.entities.pronouns import referent

_ACCUSERS = frozenset({"accuser", "accusers"})
_NOT_REFERENTS = frozenset({HANDLE, RELATION})  # "The GOP nominee argued ... His ex-wife": his
_NOT_OWNERS = frozenset({DESCRIPTION, HANDLE, RELATION})  # "@CBSEveningNews: her son": not
# its son; "her son ... his grandson": a relation of a relation is too far to follow


@dataclass(slots=True)
class Relations:
    """The relation actors of one article: (owner, head) -> the name that stands for them.
    `mentions` (name, actor, in text order), `people` and `genders` are the resolver's own,
    read as they grow."""

    doc: Any
    text: str
    heads: frozenset[str]  # the heads that name whose someone is ("son", "lawyers", "campaign")
    kin: frozenset[str]  # those of them that are family ("son", "wife")
    genders_of: dict[str, str]  # the gender of a kin word ("son": "m")
    mentions: list[tuple[Name, int]]
    people: set[int]
    genders: dict[int, str]
    signed: list[Post]  # the posts the article embeds: "my" in one is its author's
    found: dict[tuple[int, str], Name] = field(default_factory=dict)
    accusing: list[tuple[int, int]] | None = None  # (accuser, accused), read at the first need

    def accuser(self, description: Description) -> int | None:
        """For "his accuser", "the Kavanaugh accuser": the one actor the article has accuse
        the owner ("Monahan accused Ellison of ...", "Ford, who alleges Kavanaugh ..."), if
        there is just one."""
        if description.possessor is None or description.head not in _ACCUSERS:
            return None
        owner = self._owner(description.possessor)
        if owner is None:
            return None
        accused = owner[1]
        if self.accusing is None:
            self.accusing = _accusing(self.doc, self.mentions)
        found = {a for a, b in self.accusing if b == accused and a != accused}
        return found.pop() if len(found) == 1 else None

    def name_for(self, description: Description) -> tuple[Name, Name | None] | None:
        """The Name of a possessed description that refers to no one, and the name it is the
        same actor as (None for the first of its owner and head); None if its owner is not
        known."""
        if description.possessor is None or former(description.head) not in self.heads:
            return None
        if description.name.text.split()[-1][:1].isupper():
            return None  # "the U.S. Attorney's Office": a name, not whose office
        owner = self._owner(description.possessor)
        if owner is None:
            return None
        owner_name, owner_actor = owner
        key = (owner_actor, description.head)
        first = self.found.get(key)
        name = Name(
            description.name.start,
            description.name.end,
            _display(self.text, description, owner_name, self._fullest(owner_actor)),
            description.refers,
            RELATION,
        )
        if first is None and former(description.head) in self.kin:
            first = self._namesake(owner_actor, former(description.head))  # "her son" where
            # Austin Monahan is named
        if key not in self.found:
            self.found[key] = first or name
        return name, first

    def _namesake(self, owner: int, kin: str) -> Name | None:
        """The one other person the article names with the owner's surname and of the kin
        word's gender (as far as it is known), if just one. ("Hillary Clinton's son" where Bill
        Clinton is the only other Clinton named is still taken for him.)"""
        surname = self._fullest(owner).rsplit(maxsplit=1)[-1:]
        firsts: dict[int, Name] = {}
        for n, c in self.mentions:
            if n.how in PROPER:
                firsts.setdefault(c, n)
        if owner not in firsts or not surname:
            return None
        gender = self.genders_of.get(kin)
        found = {
            c: n
            for c, n in firsts.items()
            if c != owner
            and c in self.people
            and any(m.text.split()[-1:] == surname for m, d in self.mentions if d == c)
            and (gender is None or self.genders.get(c) == gender)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _fullest(self, actor: int) -> str:
        """The longest name the article gives an actor so far ("Karen Monahan")."""
        names = [n.text for n, c in self.mentions if c == actor and n.how not in _NOT_OWNERS]
        return max(names, key=len, default="")

    def _owner(self, possessor: tuple[int, int]) -> tuple[Name, int] | None:
        return _owner(self.doc, possessor, self.mentions, self.people, self.genders, self.signed)


def _owner(
    doc: Any,
    possessor: tuple[int, int],
    mentions: list[tuple[Name, int]],
    people: set[int],
    genders: dict[int, str],
    signed: list[Post],
) -> tuple[Name, int] | None:
    """The actor a possessor stands for: the one named there, the one "his"/"her" refers
    to (the last person of that gender named in the sentence or the one before), or for "my"
    in an embedded post, its author."""
    start, end = possessor
    named = [(n, c) for n, c in mentions if n.overlaps(start, end) and n.how not in _NOT_OWNERS]
    if named:
        return named[-1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].tag_ != "PRP$":
        return None
    if span[0].lower_ == "my":
        post = post_at(signed, start)
        if post is None:
            return None
        named = [
            (n, c) for n, c in mentions if n.overlaps(*post.author) and n.how not in _NOT_OWNERS
        ]
        return named[-1] if named else None
    owners = [(n, c) for n, c in mentions if c in people and n.how not in _NOT_REFERENTS]
    return referent(span[0], owners, [n.start for n, _ in owners], genders)


def _display(text: str, description: Description, owner: Name, fullest: str) -> str:
    """How the actor is called: as written where a name owns it ("CNN's lawyers"), else the
    owner's fullest name with the description ("Karen Monahan's son")."""
    assert description.possessor is not None
    start, end = description.possessor
    words = text[start : description.name.end]
    if owner.overlaps(start, end) and words.startswith(owner.text):
        return words
    name = fullest or owner.text
    possessive = "'" if name.endswith("s") else "'s"
    return f"{name}{possessive} {description.name.text}"


def _accusing(doc: Any, mentions: list[tuple[Name, int]]) -> list[tuple[int, int]]:
    """(accuser, accused) for each accusation the accusations stage's frames read in the
    article ("Monahan accused Ellison", "a woman who accused Ellison", "Ford alleges
    Kavanaugh held her down"), where both are actors named here."""
    from unspin.stages.accusations.frames import frames  # the stage after this one

    starts = [n.start for n, _ in mentions]

    def actor(token: Any) -> int | None:
        k = bisect_right(starts, token.idx) - 1
        while k >= 0 and token.idx - mentions[k][0].start < 200:
            if mentions[k][0].start <= token.idx < mentions[k][0].end:
                return mentions[k][1]
            k -= 1
        return None

    found: list[tuple[int, int]] = []
    for frame in frames(doc, accusation_rules()):
        if frame.accuser is None:
            continue
        x, y = actor(appositive_name(frame.accuser)), actor(frame.accused)
        if x is not None and y is not None:
            found.append((x, y))
    return found
