"""Groups of people that act ("former members", "critics of the government"), and of
organisations ("civil rights groups", "several news outlets"): actors of their own, one per
distinct phrase, until a later phrase points back at a group already brought in.

- "all five adults", "both men": a definite phrase that counts joins the nearest group within
  reach before it with the same count, and so does an indefinite one that counts three or more
  ("five Islamists" after "five former residents");
- "the judges" after "two district judges": a definite phrase joins the nearest group with
  the same head noun; else, if it counts no one, the one group referred to twice or more
  within reach before it: "five former residents ... the five ... the suspects";
- "the other four members" is a part of a group, not the group: it stays its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from unspin.nlp import doc_text, first_conjunct
from unspin.rules.actors import ActorRules
from unspin.stages.entities.clusters import Clusters
from unspin.stages.entities.names import DESCRIPTION, GROUP, Name

_ACTING = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos"})
_DEFINITE = frozenset({"the", "these", "those", "both", "all", "each"})
_PART = frozenset({"other", "another", "some", "many", "several", "few", "most", "more"})
_COUNTS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "dozen": 12,
}  # fmt: skip
_BODIES = frozenset({"organization", "country"})  # "the authorities": a state, not people
_MARKS = frozenset({"det", "nummod", "poss", "amod", "predet"})
_REACH = 1500  # characters back a phrase looks for the group it points at
_COUNTED = 3  # the least count that ties two indefinite phrases ("two men" need not)


@dataclass(frozen=True, slots=True)
class GroupPhrase:
    name: Name  # the phrase without determiners or numbers ("former residents")
    count: int | None  # "five former residents": 5; "both men": 2
    definite: bool  # "the defendants", "these jihadis", "all five adults"
    part: bool  # "the other four members", "some residents"
    personal: bool = False  # its head is a word for people, not for a body or a state
    # ("the suspects", not "the authorities"): it may join the group a passage is about


def speaks_of_people(root: Any, rules: ActorRules) -> bool:
    """Whether a plural head speaks of people ("defendants", "adults", "Democrats")."""
    return root.lower_ in rules.people or root.lemma_.lower() in rules.person_nouns


def speaks_of_bodies(root: Any, rules: ActorRules) -> bool:
    """Whether a plural head speaks of organisations ("civil rights groups", "news outlets")."""
    return rules.descriptions.get(root.lemma_.lower()) == "organization"


def group_phrases(chunks: list[Any], rules: ActorRules, names: list[Name]) -> list[GroupPhrase]:
    """Plural noun phrases for groups of people that act or are acted on ("former members",
    "critics"), named without determiners, numbers or what follows the head noun."""
    found: list[GroupPhrase] = []
    capitalised = _capitalised(chunks[0].doc) if chunks else frozenset()
    for chunk in chunks:
        root = chunk.root
        if root.tag_ not in ("NNS", "NNPS") or _role(root) not in _ACTING:
            continue
        words = [
            t
            for t in chunk
            if (t.i <= root.i and t.dep_ in ("amod", "compound") and t.lower_ not in _PART)
            or t.i == root.i
        ]
        phrase = " ".join(t.lower_ for t in words)
        count = _count(chunk, words[0].i)
        counted = (
            count is not None
            and (root.text[:1].isupper() or _role(root) in ("nsubj", "nsubjpass"))  # "five
            # Islamists", "two males ... are in custody"; not "with five loaded magazines"
            and all(t.ent_type_ in ("", "NORP") for t in words)
        )
        people = speaks_of_people(root, rules) or phrase in rules.people or counted
        if not (people or speaks_of_bodies(root, rules)):
            continue  # "five Islamists", "5 Muslims": people, however spaCy tags them
        named = _names_other(chunk, names) or (any(t.ent_type_ for t in words) and not counted)
        owned = any(t.dep_ == "poss" for t in chunk)  # "Jan Novak's lawyers": Novak's, not
        if named and (owned or not people or root.ent_type_):  # a group ("top White House
            continue  # aides", "Obama administration officials" are)
        start, end = words[0].idx, root.idx + len(root.text)
        text = doc_text(chunk.doc)[start:end]
        if words[0].is_sent_start and _common(words[0], capitalised):
            text = text[:1].lower() + text[1:]  # "Local prosecutors said ...": no name
        name = Name(start, end, text, "group", GROUP)
        before = [t.lower_ for t in chunk if t.i < words[0].i]
        definite = bool(before) and before[0] in _DEFINITE
        part = any(w in _PART for w in before) or words[0].lower_ in _PART
        personal = speaks_of_people(root, rules) and not any(
            rules.descriptions.get(word) in _BODIES for word in (root.lower_, root.lemma_.lower())
        )
        found.append(GroupPhrase(name, count, definite, part, personal))
    return found


def _capitalised(doc: Any) -> frozenset[str]:
    """The words a text capitalises inside its sentences (names: "Trump", "White")."""
    return frozenset(t.lower_ for t in doc if not t.is_sent_start and t.text[:1].isupper())


def _common(word: Any, capitalised: frozenset[str]) -> bool:
    """Whether a capitalised word that starts a sentence is a common word, not a name."""
    return bool(word.pos_ != "PROPN" and not word.ent_type_ and word.lower_ not in capitalised)


def _role(token: Any) -> str:
    """The dependency of a phrase, or of the first of a conjunction it ends ("Abrams and civil
    rights groups accused ...": the groups are a subject too)."""
    return str(first_conjunct(token).dep_)


def refer_groups(phrases: list[GroupPhrase], clusters: Clusters) -> None:
    """Join each phrase that points back at a group to that group (see the module notes)."""
    seen: list[GroupPhrase] = []
    for phrase in sorted(phrases, key=lambda p: p.name.start):
        target = _target(phrase, seen, clusters)
        if target is not None:  # a description of the group now: a label, as "the group" is
            clusters.union(clusters.index(target.name), clusters.index(phrase.name))
            phrase.name.how = DESCRIPTION
        seen.append(phrase)


def _target(phrase: GroupPhrase, seen: list[GroupPhrase], clusters: Clusters) -> GroupPhrase | None:
    def actor(p: GroupPhrase) -> int:
        return clusters.find(clusters.index(p.name))

    own = actor(phrase)
    if phrase.part or any(actor(p) == own for p in seen):
        return None  # a part of a group, or a phrase the article used before
    reach = phrase.name.start - _REACH
    near = [p for p in seen if p.name.start >= reach and not p.part]
    if phrase.count is not None and (phrase.definite or phrase.count >= _COUNTED):
        counted = [p for p in near if p.count == phrase.count]
        if counted:
            return counted[-1]
    if phrase.definite:
        head = _head(phrase.name)
        fitting = [
            p
            for p in near
            if _head(p.name) == head and (phrase.count is None or p.count in (None, phrase.count))
        ]
        if fitting:
            return fitting[-1]
        counts = Counter(actor(p) for p in near)
        salient = {a for a, n in counts.items() if n >= 2}
        if (
            len(salient) == 1 and phrase.count is None and phrase.personal
        ):  # two such groups: which, the words
            (only,) = salient  # alone do not tell ("officers ... protesters ... the suspects")
            return next(p for p in reversed(near) if actor(p) == only)
    return None


def _head(name: Name) -> str:
    return name.text.rsplit(maxsplit=1)[-1].casefold()


def _count(chunk: Any, before: int) -> int | None:
    for token in chunk:
        if token.i >= before:
            break
        word = token.lower_
        if word.isdigit():
            return int(word)
        if word in _COUNTS:
            return _COUNTS[word]
    return None


def _names_other(chunk: Any, names: list[Name]) -> bool:
    """Whether a name other than a group's lies in the phrase ("supporters of Abrams")."""
    start, end = chunk.start_char, chunk.end_char
    return any(n.overlaps(start, end) and n.type != "group" for n in names)


def marked(doc: Any, name: Name) -> bool:
    """Whether a group's phrase says which people it means: more than a bare plural ("district
    judges", "the defendants", "both men", "five Islamists"), so that it describes the group
    rather than people in general ("children", "voters")."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if len(span) > 1:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.head.i != span.root.i:
        return False  # "In 2016 voters chose ...": the number is not the voters'
    return bool(before.dep_ in _MARKS or before.pos_ in ("DET", "NUM"))
