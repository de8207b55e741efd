"""Which actor a word of the parse stands for: an entity mention it sits in, or, for a pronoun,
the actor it points back to ("we" inside a quotation is the quote's speaker; "he", "she" the
last person before it; "they", "it" the last organisation, country or group)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from unspin.article import Article
from unspin.rules.actors import actor_rules
from unspin.stages.entities.names import PROPER
from unspin.stages.entities.posts import post_at, signed_posts
from unspin.stages.gender import PRONOUNS, pronoun_genders

_PERSONAL = frozenset(PRONOUNS)
_BODIES = frozenset({"they", "them", "their", "it", "its"})
_SPEAKERS = frozenset({"we", "us", "our", "i", "me", "my"})
_ADDRESSED = frozenset({"you", "u", "your"})  # in a post that speaks to a handle: its owner
_DESCRIPTIONS = "descriptions"  # the key of an entity's description mentions in the gender vote
_REACH = 600  # characters back a pronoun looks for what it stands for


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: str
    type: str
    proper: bool = True  # a name of the entity's own, not a description ("the caller")


class ActorIndex:
    """The entity mentions and quotations of an article, for finding who a word stands for."""

    def __init__(self, article: Article) -> None:
        self.mentions = sorted(
            (
                Mention(m.start, m.end, e.id, e.type, m.label in PROPER)
                for e in article.entities
                for m in e.mentions
            ),
            key=lambda m: (m.start, m.end),
        )
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        self.genders = _genders(article, self.mentions)
        self.rules = actor_rules()
        self.posts = signed_posts(article)
        self.quotes = [
            (q.attrs["content"].start, q.attrs["content"].end, q.attrs["speaker"].attrs["entity"])
            for q in article.groups["quotes"]
            if q.attrs.get("speaker") is not None and q.attrs["speaker"].attrs.get("entity")
        ]

    def actor(self, token: Any) -> str | None:
        """The entity id `token` (the head word of a noun phrase) stands for, or None."""
        start, end = token.left_edge.idx, token.idx + len(token.text)
        inside = [m for m in self._overlapping(token.idx, end)]
        if not inside:
            inside = self._appositive(token)
        if not inside:
            inside = [m for m in self._overlapping(start, end) if not _possessor(token, m)]
        if inside:
            return inside[-1].entity
        return (
            self._pronoun(token.lower_, token.idx) or self._named_in(token) or self._said_of(token)
        )

    def owner(self, token: Any) -> str | None:
        """ "the defendants' home served as a training camp": the actor whose thing (no
        person: "Monahan's son") a phrase speaks of."""
        if self.rules.person_noun(token.lemma_.lower()):
            return None
        owners = [c for c in token.children if c.dep_ == "poss"]
        return self.actor(owners[0]) if owners else None

    def _appositive(self, token: Any) -> list[Mention]:
        """ "Abrams' Republican challenger, Georgia Secretary of State Brian Kemp,": the name
        in the appositive after a head word that is no name itself."""
        for child in token.children:
            if child.dep_ == "appos" and child.i > token.i:
                return self._overlapping(child.idx, child.idx + len(child.text))
        return []

    def _said_of(self, token: Any) -> str | None:
        """ "Silva is the only woman to make ...": the actor a predicate noun is said of."""
        if token.dep_ != "attr" or token.head.lemma_ != "be":
            return None
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        return self.actor(subject) if subject is not None else None

    def _named_in(self, token: Any) -> str | None:
        """ "a woman by the name of Karen Monahan", "a spokesman for the mosque": the actor
        named in the phrase after a head word that is no actor itself (not in a clause)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        for child in token.children:
            if child.dep_ not in ("prep", "appos") or child.i < token.i:
                continue
            found = [
                m
                for m in self._overlapping(child.left_edge.idx, _phrase_end(child))
                if not _modifies(token.doc, m)
            ]
            if found:
                return found[0].entity
        return None

    def _overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions sharing a character with [start, end): they start at most the longest
        mention's length before it."""
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_right(self.starts, end)
        return [m for m in self.mentions[first:last] if m.start < end and start < m.end]

    def other(self, token: Any, besides: str) -> str | None:
        """For a third-person pronoun, the actor it points back to that is not `besides`
        ("Silva's claim that he had rigged the vote": not Silva, who would not accuse
        herself)."""
        if token.lower_ in _SPEAKERS:
            return None
        return self._pronoun(token.lower_, token.idx, besides)

    def _pronoun(self, word: str, at: int, besides: str | None = None) -> str | None:
        if word in _ADDRESSED:  # "@keithellison, ... u r willing to say my son is lying"
            post = post_at(self.posts, at)
            if post is None or post.addressee is None:
                return None
            found = [m for m in self._overlapping(*post.addressee) if m.entity != besides]
            return found[0].entity if found else None
        if word in _SPEAKERS:
            inside = [q for q in self.quotes if q[0] <= at < q[1]]
            return inside[-1][2] if inside else None
        if word in _PERSONAL:
            kinds: tuple[str, ...] = ("person",)
        elif word in _BODIES:
            kinds = ("organization", "country", "group")
        else:
            return None
        gender = PRONOUNS.get(word)
        before = self.mentions[: bisect_right(self.starts, at)]
        for mention in reversed(before):
            if mention.start < at - _REACH:
                break
            if mention.type not in kinds or mention.end > at or mention.entity == besides:
                continue
            if gender is None or self.genders.get(mention.entity, gender) == gender:
                return mention.entity
        return None


def _phrase_end(head: Any) -> int:
    """Where the phrase of `head` ends before any clause that describes a word of it
    ("of individuals removed from the United States" ends at "individuals")."""
    clauses = {t.i for c in head.subtree if c.dep_ in ("acl", "relcl") for t in c.subtree}
    last = max(t.i for t in head.subtree if t.i not in clauses)
    word = head.doc[last]
    return int(word.idx + len(word.text))


def _modifies(doc: Any, mention: Mention) -> bool:
    """Whether a mention only modifies another noun ("Social Security" in "Social Security
    numbers")."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return words is not None and len(words) > 0 and words[-1].dep_ in ("compound", "amod")


def _possessor(token: Any, mention: Mention) -> bool:
    """ "Rell's ministry": the mention is the possessor, not the phrase's head."""
    for child in token.children:
        if child.dep_ == "poss" and child.idx <= mention.start < child.right_edge.idx + 1:
            return True
    return False


def _genders(article: Article, mentions: list[Mention]) -> dict[str, str]:
    """The gender the article's own pronouns give each person (see `pronoun_genders`)."""
    starts = [s.start for s in article.groups["sentences"]]
    people: list[tuple[int, Any]] = [  # a description ("the caller") counts as someone named
        (m.start, m.entity if m.proper else (m.entity, _DESCRIPTIONS))  # there, but its votes are
        for m in mentions  # not the entity's: it may be misread
        if m.type == "person"
    ]
    names = [  # a person's own names, not a description ("federal judge", "Novak's son")
        (e.id, article.text[m.start : m.end])
        for e in article.entities
        if e.type == "person"
        for m in e.mentions
        if m.label in PROPER
    ]
    found = pronoun_genders(article.text, starts, people, names=names)
    return {key: gender for key, gender in found.items() if isinstance(key, str)}
