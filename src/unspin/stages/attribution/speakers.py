"""Who a speaker span refers to, and what kind of source it is.

A name is kept as the article introduced it: a later surname ("Novak said"), title or role
("the minister said", when "Interior Minister Jan Novak" or "Novak, the interior minister,"
came before) or pronoun ("he said", the latest person of matching gender) resolves to the full
name. Pronouns inside a quotation ("we") are the quoted speaker's. Institutions speaking as a
body ("police said") are named organisations; people left unnamed ("officials", "a source",
"experts") are anonymous; a statement with no source is unattributed.
"""

from __future__ import annotations

import re
from bisect import insort
from dataclasses import dataclass, field
from typing import Any

from unspin.nlp import doc_text
from unspin.rules import Cues

PERSON, ORGANIZATION, ANONYMOUS, UNATTRIBUTED = (
    "named_person",
    "named_organization",
    "anonymous",
    "unattributed",
)
_TITLES = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
_TITLE_WORDS = {"dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady", "rev", "rev."}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_FIRST_PERSON = {"i", "me", "we", "us", "our", "my"}
_PLURAL_PRONOUNS = {"they", "them", "it", "its", "their"}
_INDEFINITE = {"a", "an", "one", "some", "several", "many", "another", "two", "three", "few"}
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
_RELATIVE = {"who", "which", "that"}
_PRONOUN_REACH = 600  # characters back that "he", "they" look for whom they stand for


@dataclass(slots=True)
class Person:
    name: str
    surname: str
    descriptors: set[str] = field(default_factory=set)
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    name: str | None
    source_type: str


class Speakers:
    """Reads the people and organisations of a parsed article once; resolves speakers in
    text order (each resolution may teach it a gender or a role)."""

    def __init__(self, doc: Any, cues: Cues) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.cues = cues
        self.people: list[Person] = []
        self.mentions: list[tuple[int, Person]] = []  # (offset, person), in text order
        self.orgs: list[tuple[int, str]] = []
        self.bodies: list[tuple[int, str]] = []  # organisations acting as subjects: "they"
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._person_at(ent)
            elif ent.label_ in _ORG_LABELS:
                self.orgs.append((ent.start_char, _strip_the(ent.text)))
                if ent.label_ == "ORG" and ent.root.dep_ in ("nsubj", "nsubjpass"):
                    self.bodies.append((ent.start_char, _strip_the(ent.text)))
        self.mentions.sort(key=lambda m: m[0])

    def _person_at(self, ent: Any) -> Person | None:
        words = [t for t in ent if t.text.lower() not in _TITLE_WORDS and t.text != "'s"]
        words = [t for t in words if t.text.lower() not in _TITLES]
        if not words or not words[-1].text[:1].isupper():
            return None
        name = " ".join(t.text for t in words)
        person = self._known(name) or self._add(name)
        person.descriptors |= _descriptors(ent)
        before = ent.doc[ent.start - 1].text.lower() if ent.start else ""
        person.gender = person.gender or _TITLES.get(before)
        self.mentions.append((ent.start_char, person))
        return person

    def _known(self, name: str) -> Person | None:
        key = name.lower()
        for person in reversed(self.people):
            if person.name.lower() == key or person.surname.lower() == key:
                return person
            if key.endswith(" " + person.surname.lower()) and len(key.split()) == 2:
                first = key.split()[0]
                if person.name.lower().startswith(first):
                    return person
        return None

    def _add(self, name: str) -> Person:
        person = Person(name, name.split()[-1])
        self.people.append(person)
        return person

    def resolve(self, start: int, end: int, *, quoted_speaker: Resolved | None) -> Resolved:
        """Who the speaker span [start, end) is; call in text order."""
        resolved = self._resolve(start, end, quoted_speaker)
        if resolved.source_type == ORGANIZATION and resolved.name:
            insort(self.bodies, (start, resolved.name), key=lambda b: b[0])  # may be "they"
        return resolved

    def _resolve(self, start: int, end: int, quoted_speaker: Resolved | None) -> Resolved:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return Resolved(None, ANONYMOUS)
        words = [t for t in span if not t.is_punct and not t.is_space]
        if not words:
            return Resolved(None, ANONYMOUS)
        lowered = self.text[start:end].lower()
        head = span.root
        if self._anonymous(lowered, self._subtree_text(head)):
            return Resolved(None, ANONYMOUS)
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            noun = head.head.head  # "Novak, who said ...": the noun the clause hangs on
            return self.resolve(noun.left_edge.idx, noun.idx + len(noun), quoted_speaker=None)
        if head.pos_ == "PRON" or (len(words) == 1 and words[0].pos_ == "PRON"):
            return self._pronoun(head.text.lower(), start, quoted_speaker)
        proper = [t for t in words if t.pos_ == "PROPN"]
        body = head.lemma_.lower() in self.cues.institutions
        if head.tag_ == "NNS" and not body:
            return Resolved(None, ANONYMOUS)  # "officials", "former members of the group"
        if proper and head.pos_ == "NOUN":
            # "police in Marenport", "Novak's spokesman", "a spokesman for the ministry": a
            # body, or one speaking for a named person or body
            return Resolved(_clean_name(self.text[start:end]), ORGANIZATION)
        if proper:
            return self._named(span, proper, start)
        if any(t.lower_ in _INDEFINITE for t in words if t.i < head.i):
            return Resolved(None, ANONYMOUS)
        return self._description(head, lowered, start)

    def _anonymous(self, speaker: str, phrase: str) -> bool:
        """An anonymity marker in the speaker ("an unnamed official"), or an anonymity
        clause hanging on it ("an official, who spoke on condition of anonymity,")."""
        return any(
            re.search(rf"\b{re.escape(marker)}\b", speaker if " " not in marker else phrase)
            for marker in self.cues.anonymity
        )

    def _pronoun(self, word: str, at: int, quoted_speaker: Resolved | None) -> Resolved:
        if word in _FIRST_PERSON:
            return quoted_speaker or Resolved(None, ANONYMOUS)
        gender = _PRONOUN_GENDER.get(word)
        if gender is not None:
            # a recent person known to match (by a title) first, else the latest person of
            # unknown gender; a guess is not remembered, so one wrong guess does not swap
            # every later pronoun
            earlier = [(o, p) for o, p in self.mentions if o < at and _well_known(p)]
            recent = [p for o, p in reversed(earlier) if at - o <= _PRONOUN_REACH]
            chosen = next((p for p in recent if p.gender == gender), None) or next(
                (p for o, p in reversed(earlier) if p.gender is None), None
            )
            return self._seen(chosen, at) if chosen else Resolved(None, ANONYMOUS)
        if word in _PLURAL_PRONOUNS:
            before = [(o, name) for o, name in self.bodies if o < at and at - o <= _PRONOUN_REACH]
            if before:
                return Resolved(before[-1][1], ORGANIZATION)
        return Resolved(None, ANONYMOUS)

    def _named(self, span: Any, proper: list[Any], at: int) -> Resolved:
        ents = [e for e in span.ents]
        for ent in ents:
            if ent.label_ == "PERSON":
                person = self._known(_name_of(ent)) or self._person_at(ent)
                if person is not None:
                    return self._seen(person, at)
        name = " ".join(t.text for t in proper)
        person = self._known(name)
        if person is not None:
            return self._seen(person, at)
        if ents and ents[0].label_ in _ORG_LABELS:
            return Resolved(_strip_the(ents[0].text), ORGANIZATION)
        if span.root.pos_ == "PROPN" and len(proper) in (2, 3) and not ents:
            return self._seen(self._add(name), at)  # an unrecognised full name
        return Resolved(_strip_the(name), ORGANIZATION)

    def _description(self, head: Any, lowered: str, at: int) -> Resolved:
        role = head.lemma_.lower()
        for offset, person in reversed(self.mentions):
            if offset < at and role in person.descriptors:
                return self._seen(person, at)
        phrase = _clean_name(self.text[head.left_edge.idx : head.idx + len(head)])
        if role in self.cues.generic_bodies:  # "the group said": the body last acting
            before = [(o, n) for o, n in self.bodies if o < at and at - o <= _PRONOUN_REACH]
            return Resolved(before[-1][1] if before else None, ORGANIZATION)
        if role in self.cues.institutions or lowered.strip() in self.cues.institutions:
            for offset, org in reversed(self.orgs):
                if offset < at and role in org.lower().split():
                    return Resolved(org, ORGANIZATION)
            return Resolved(phrase, ORGANIZATION)
        modifiers = [t for t in head.lefts if t.lemma_.lower() in self.cues.institutions]
        if modifiers:  # "the police statement": the police
            return Resolved(_clean_name(modifiers[0].text), ORGANIZATION)
        return Resolved(None, ANONYMOUS)

    def _subtree_text(self, token: Any) -> str:
        right = token.right_edge
        return self.text[token.left_edge.idx : right.idx + len(right)].lower()

    def _seen(self, person: Person, at: int) -> Resolved:
        """A person found speaking at `at`: the latest mention for pronouns after it."""
        insort(self.mentions, (at, person), key=lambda m: m[0])
        return Resolved(person.name, PERSON)


def _descriptors(ent: Any) -> set[str]:
    """Role words around a name: "Interior Minister Jan Novak", "Novak, the minister,",
    "the minister, Jan Novak"."""
    root = ent.root
    words: set[str] = set()
    for child in root.children:
        if (
            child.i < ent.start
            and child.dep_ in ("compound", "amod")
            and child.pos_
            in (
                "NOUN",
                "PROPN",
            )
        ):
            words.add(child.lemma_.lower())
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words.add(child.lemma_.lower())
            words |= {c.lemma_.lower() for c in child.children if c.dep_ == "compound"}
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        words.add(root.head.lemma_.lower())
    previous = ent.doc[ent.start - 1] if ent.start else None
    if previous is not None and previous.pos_ in ("NOUN", "PROPN") and previous.is_title:
        words.add(previous.lemma_.lower())
    return words


def _name_of(ent: Any) -> str:
    words = [t.text for t in ent if t.text.lower() not in _TITLES.keys() | _TITLE_WORDS]
    return " ".join(w for w in words if w != "'s")


def _clean_name(name: str) -> str:
    return _strip_the(name.strip().strip(",;:").strip())


def _strip_the(name: str) -> str:
    name = name.strip()
    return name[4:] if name.lower().startswith("the ") else name


def _well_known(person: Person) -> bool:
    """A name a pronoun may refer to: a full name, or one known to be a person by a title,
    a role or an earlier pronoun (a lone capitalised word the parser calls a person, such as
    a town, is not)."""
    return " " in person.name or person.gender is not None or bool(person.descriptors)
