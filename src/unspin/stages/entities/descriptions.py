"""Actors named by a description rather than a name.

- Definite descriptions ("the group", "the extremist organisation", "the regime", "the
  minister", "the defendants") refer back to an actor whose name or role holds the head noun,
  else to one that an earlier description with the same head already pointed at, else to the
  actor of a fitting type mentioned most within reach before them; so do possessors ("the
  president's veto"). A description joined to a name ("Stein and the aide") is not that name.
- Owned descriptions ("his press secretary", "Abrams' campaign chair") refer back only to an
  actor introduced by that role: "his opponent" may be someone never named.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from unspin.nlp import doc_text, first_conjunct
from unspin.rules.actors import ActorRules, former
from unspin.stages.entities.groups import speaks_of_people
from unspin.stages.entities.names import DESCRIPTION, RELATION, Name

_INDEFINITE = frozenset({"a", "an", "another"})
_DETERMINERS = frozenset({"the", "this", "that", "our"})
_PLURAL_DETERMINERS = frozenset({"the", "these", "those"})
_FITS = {
    "organization": ("organization", "group", "country"),
    "country": ("country",),
    "person": ("person",),
    "group": ("group",),
}
_LOCATIVE = frozenset({"in", "across", "throughout", "around", "within", "inside", "outside"})
_PREDICATES = frozenset({"attr", "appos", "oprd"})
_REACH = 1500  # characters back a description looks for what it refers to
ACCUSER = "accuser"  # whose accuser someone is says who they are: the one who accuses them


@dataclass(frozen=True, slots=True)
class Description:
    name: Name  # the head noun phrase without its determiner ("extremist organisation")
    head: str  # the head noun, lower-case
    refers: str  # the actor type the head noun refers to
    owner: Name | None = None  # the country named inside it: "the Saudi government"
    possessor: tuple[int, int] | None = None  # "his", "Abrams'" in "his/Abrams' campaign chair"
    dep: str = ""  # the head noun's dependency: "nsubj", "dobj", "attr"
    restricted: bool = False  # a phrase after the head says which: "the guest in the next room"
    denied: bool = False  # a predicate denied: "X is not the only woman to ..."
    partners: tuple[tuple[int, int], ...] = ()  # the head words it is joined with ("Stein" in
    # "Stein and the aide")
    clauses: tuple[tuple[int, int], ...] = ()  # the clauses that say what it does: "the
    # ex-girlfriend accusing Keith Ellison" is not Ellison
    commanders: tuple[tuple[int, int], ...] = ()  # subjects of the clauses it sits in ("Jan
    # Novak said the mogul ..."): a description does not refer to them


def descriptions(chunks: list[Any], rules: ActorRules, names: list[Name]) -> list[Description]:
    """The definite singular descriptions among an article's noun chunks that may refer to an
    actor."""
    found: list[Description] = []
    for chunk in sorted(chunks, key=lambda c: c.start_char):
        root = chunk.root
        possessor = _possessor(chunk, names)
        determiner = "the" if possessor is not None else _determiner(chunk)
        refers = _refers(root, determiner, rules)
        if refers is None or _capitalised(root, rules):
            continue
        owner = _country_inside(chunk, names) if refers == "country" else None
        after = possessor[1] if possessor is not None else chunk.start_char
        if (owner is None and _names_root(root, names, refers, after)) or _followed_by_of_name(
            root
        ):
            continue
        if refers == "country" and root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
            continue  # "in this country", "across the nation": a place, not an actor
        if possessor is not None:
            start = possessor[1]
        else:
            start = chunk[1].idx if len(chunk) > 1 else root.idx
        start = next((t.idx for t in chunk if t.idx >= start and not t.is_punct), root.idx)
        end = root.idx + len(root.text)
        if end <= start:
            continue
        name = Name(start, end, doc_text(chunk.doc)[start:end], refers, DESCRIPTION)
        joined = [root.head] if root.dep_ == "conj" else []
        joined += [child for child in root.children if child.dep_ == "conj"]
        partners = tuple((t.idx, t.idx + len(t.text)) for t in joined)
        found.append(
            Description(
                name=name,
                head=root.lower_,
                refers=refers,
                owner=owner,
                possessor=possessor,
                dep=root.dep_,
                restricted=_restricted(root),
                denied=root.dep_ == "attr" and any(c.dep_ == "neg" for c in root.head.children),
                partners=partners,
                clauses=tuple(
                    (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
                    for c in root.children
                    if c.dep_ in ("acl", "relcl") and c.i > root.i
                ),
                commanders=_commanders(root),
            )
        )
    return found


def _determiner(chunk: Any) -> str:
    """The word a phrase opens with; for a noun joined to one with a determiner, that
    determiner ("the network and reporter": "the"; not a plural of a list: "the students,
    parents and educators")."""
    root = chunk.root
    if root.dep_ == "conj" and len(chunk) == 1 and root.tag_ == "NN":
        first = first_conjunct(root)
        shared = [c for c in first.children if c.dep_ == "det"]
        if shared and first.tag_ == root.tag_:
            return str(shared[0].lower_)
    return str(chunk[0].lower_)


def _capitalised(root: Any, rules: ActorRules) -> bool:
    """Whether a head noun is capitalised inside its sentence, no title and no party or
    nationality, after a capitalised word or no word for a person ("The Durango Herald
    reported"): part of a name, not a description ("the President", "the Democrat", "the
    Defendant" still are)."""
    before = root.doc[root.i - 1] if root.i > 0 else None
    named = before is not None and before.dep_ == "compound" and before.text[:1].isupper()
    return bool(
        root.text[:1].isupper()
        and not root.is_sent_start
        and root.ent_type_ != "NORP"
        and root.lower_ not in rules.titles
        and root.lower_.rstrip(".") not in rules.title_words
        and (named or not rules.person_noun(root.lemma_.lower()))
    )


def _commanders(root: Any) -> tuple[tuple[int, int], ...]:
    """The subjects of the clauses a word sits in, up to its sentence's main verb."""
    found = []
    token = root
    while token.head.i != token.i:
        below, token = token, token.head
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != below.i:
                end = child.right_edge
                found.append((child.left_edge.idx, end.idx + len(end.text)))
    return tuple(found)


def _restricted(root: Any) -> bool:
    """ "the hotel guest in the room next to Paddock", "the man who fired": a phrase after the
    head that says which one is meant (someone the article may not have named)."""
    return any(
        c.dep_ in ("prep", "relcl", "acl") and c.i > root.i and c.tag_ != "VBG"
        for c in root.children
    )  # but "the ex-girlfriend accusing Ellison": what she does, said of someone known


def possessors(doc: Any) -> list[Any]:
    """Definite descriptions that own something: "the president" in "the president's veto"
    (spaCy's noun chunk there is the whole "the president's veto")."""
    found = []
    for token in doc:
        if token.dep_ != "poss" or token.pos_ != "NOUN":
            continue
        if any(child.dep_ == "det" for child in token.children):
            found.append(doc[token.left_edge.i : token.i + 1])
    return found


def _possessor(chunk: Any, names: list[Name]) -> tuple[int, int] | None:
    """Where "his" or "Abrams'" stands in "his campaign chair", "Abrams' campaign chair"; for
    an accuser, also a name before it ("the Kavanaugh accuser")."""
    owned = [t for t in chunk if t.dep_ == "poss" and t.head.i == chunk.root.i]
    if not owned and chunk.root.lemma_.lower() == ACCUSER:  # spaCy may take the name for an
        owned = [  # adjective there
            t
            for t in chunk
            if t.i < chunk.root.i
            and t.head.i == chunk.root.i
            and any(n.type == "person" and n.start <= t.idx < n.end for n in names)
        ][-1:]
    if not owned:
        return None
    first, last = owned[0].left_edge, owned[0].right_edge
    return first.idx, last.idx + len(last.text)


def introductions(chunks: list[Any]) -> dict[str, list[int]]:
    """Where the article brings in someone new by a head noun: "a woman", "another officer"
    (offsets in text order, by lower-case head)."""
    found: dict[str, list[int]] = {}
    for chunk in chunks:
        if chunk[0].lower_ in _INDEFINITE and chunk.root.pos_ == "NOUN":
            found.setdefault(chunk.root.lower_, []).append(chunk.start_char)
    return found


def _country_inside(chunk: Any, names: list[Name]) -> Name | None:
    """ "the Saudi government", "the Russian regime": the country it is the government of."""
    inside = [n for n in names if chunk.start_char <= n.start and n.end <= chunk.root.idx]
    countries = [n for n in inside if n.type == "country"]
    return countries[-1] if countries and len(countries) == len(inside) else None


def _refers(root: Any, determiner: str, rules: ActorRules) -> str | None:
    """The actor type a definite description refers to: "the regime" a country, "the
    minister" a person, "the defendants" a group of people; None if it is none of these."""
    if root.tag_ in ("NNS", "NNPS"):
        return (
            "group" if speaks_of_people(root, rules) and determiner in _PLURAL_DETERMINERS else None
        )
    if determiner not in _DETERMINERS:
        return None
    lemma = former(root.lemma_.lower())
    found = rules.descriptions.get(former(root.lower_)) or rules.descriptions.get(lemma)
    return found or ("person" if rules.person_noun(lemma) else None)


def _names_root(root: Any, names: list[Name], refers: str, after: int) -> bool:
    """Whether the head word itself is (part of) a name, or a person is named inside after
    the possessor ("the Trump campaign"; but "the Trump administration" is a state's
    government, "Peter Novak's lawyers" are his)."""
    start, end = root.idx, root.idx + len(root.text)
    since = max(root.left_edge.idx, after)
    inside = [n for n in names if since <= n.start and n.end <= end]
    person = refers != "country" and any(n.type == "person" for n in inside)
    return person or any(n.overlaps(start, end) for n in names)


def _followed_by_of_name(root: Any) -> bool:
    """ "the government of Valdoria": the name that follows is the mention, not this."""
    return any(child.dep_ == "prep" and child.lower_ == "of" for child in root.children)


@dataclass(slots=True)
class Context:
    """What resolving an article's descriptions knows: its mentions so far (sorted by start,
    each with its cluster id), the actor each head noun last referred to, each actor's roles
    and gender, and where someone new was brought in by a head noun."""

    rules: ActorRules
    mentions: list[tuple[Name, int]]
    roles: dict[int, set[str]]
    genders: dict[int, str]
    introduced: dict[str, list[int]]
    heads: dict[str, int] = field(default_factory=dict)

    def add(self, description: Description, actor: int, name: Name | None = None) -> None:
        """A description resolved to `actor`, as its own name or as `name` (a relation)."""
        insort(self.mentions, (name or description.name, actor), key=lambda m: m[0].start)
        self.heads[description.head] = actor


def antecedent(description: Description, context: Context) -> int | None:
    """The actor (cluster id) a description refers to, among those mentioned before it (not
    its possessor, not a name it is joined to): of those whose name or an earlier label holds
    the head noun ("the ministry" -> "Interior Ministry", "the president" -> "President
    Obama"), the one mentioned most within reach before it (else the last of them), else,
    among those mentioned within reach before it, the one an earlier
    description with the same head referred to, else, for a generic head ("the group", "the
    regime") or one that refers back (`_refers_back`: no predicate, nothing after it saying
    which), the salient actor of the type that head prefers (`_salient`), not the subject of
    a clause it sits in. None for a denied predicate ("X is not the only woman to ..."),
    where someone new was brought in by the head noun since ("a
    woman ... the woman"), or where another actor is named with that role ("the sheriff" ...
    "Sheriff Lombardo")."""
    if description.denied:
        return None
    at = description.name.start
    rules = context.rules
    gender = _gender(description, rules)
    before = [
        (n, c)
        for n, c in context.mentions[: bisect_left(context.mentions, at, key=_start)]
        if gender is None or context.genders.get(c, gender) == gender
    ]
    if description.possessor is not None:  # not the owner: "Abrams' campaign chair"
        a, b = description.possessor
        owners = {c for n, c in before if a <= n.start < b}
        before = [(n, c) for n, c in before if c not in owners]
    named_in = {  # "the ex-girlfriend accusing Keith Ellison": not Ellison
        c for n, c in context.mentions for a, b in description.clauses if a <= n.start < b
    }
    before = [(n, c) for n, c in before if c not in named_in]
    for a, b in description.partners:  # "Stein and the aide": not Stein
        joined = {c for n, c in before if n.overlaps(a, b)}
        before = [(n, c) for n, c in before if c not in joined]
    found = _antecedent(description, before, context)
    if found is None:
        return None
    last = max((n.start for n, c in before if c == found), default=-1)
    if any(last < p < at for p in context.introduced.get(description.head, ())):
        return None
    return found


def _gender(description: Description, rules: ActorRules) -> str | None:
    """The sex a description's words give: its head ("the woman"), else a word before it
    ("the female intern")."""
    found = rules.genders.get(description.head) or rules.genders.get(former(description.head))
    if found is not None:
        return found
    words = {rules.genders.get(w) for w in _words(description.name.text)} - {None}
    return words.pop() if len(words) == 1 else None


def _start(mention: tuple[Name, int]) -> int:
    return mention[0].start


def _antecedent(
    description: Description, before: list[tuple[Name, int]], context: Context
) -> int | None:
    """`antecedent` once the actors it may not refer to are left out of `before`."""
    rules, roles = context.rules, context.roles
    near = [(n, c) for n, c in before if n.start >= description.name.start - _REACH]
    role = rules.synonyms.get(description.head, frozenset({description.head}))
    typed = [  # not a relation's made-up name: "Trump's lawyer" is not "her lawyer"
        (n, c)
        for n, c in before
        if n.how not in (DESCRIPTION, RELATION) and n.type in _FITS[description.refers]
    ]
    named = [  # a name or role that holds the word: however far back
        c for n, c in typed if _holds(n, description.head) or not role.isdisjoint(roles.get(c, ()))
    ]
    modified = _modified(description, [c for _, c in typed], rules, roles)
    if modified is not None and (named or description.head in rules.generic):
        return modified
    if named:
        holding = set(named)
        close = [c for n, c in near if c in holding]
        return _salient(close) if close else named[-1]
    if description.possessor is not None:
        return None  # "his opponent": only a role the article gave someone says who
    remembered = context.heads.get(description.head)
    if remembered is not None and any(c == remembered for _, c in near):
        return remembered
    if description.head not in rules.generic:
        if not _refers_back(description) or any(not role.isdisjoint(r) for r in roles.values()):
            return None  # "the sheriff" where a Sheriff Lombardo is named later: no guess
        commanders = description.commanders  # "Jan Novak said the mogul ...": not Novak
        near = [(n, c) for n, c in near if not any(n.overlaps(a, b) for a, b in commanders)]
    for kind in _FITS[description.refers]:
        fitting = [c for n, c in near if n.type == kind and _may_be(n, description.head)]
        if fitting:
            return _salient(fitting)
    return None


def _may_be(name: Name, head: str) -> bool:
    """Whether a name may be what a description's head calls it: "the country" and "the
    nation" are a country the gazetteer knows, not a place within one ("Vermont")."""
    return head not in _NATIONS or name.country is not None


_NATIONS = frozenset({"country", "nation"})


def _refers_back(description: Description) -> bool:
    """Whether a description with a head of its own ("the mogul", "the defendants") refers
    to the most salient person or group near it: when it is no predicate ("X is the missing
    child" says something of X, it points at no one) and no phrase after it says which one
    ("the guest in the next room" may be someone new)."""
    return (
        description.refers in ("person", "group")
        and description.dep not in _PREDICATES
        and not description.restricted
    )


def _salient(actors: list[int]) -> int:
    """Of the actors mentioned near a description (in text order), the one mentioned most
    often, the latest of those tied: the one the passage is about, not the last name it
    happened to mention ("Obama and Clinton ... the New York businessman said")."""
    counts = Counter(actors)
    return max(reversed(actors), key=lambda c: counts[c])


def _modified(
    description: Description, actors: list[int], rules: ActorRules, roles: dict[int, set[str]]
) -> int | None:
    """The last actor whose roles hold a word before the head ("the GOP candidate" -> the one
    introduced as Republican, not the Democrat just mentioned), if one does."""
    words = _words(description.name.text) - {description.head}
    words |= {s for w in words for s in rules.synonyms.get(w, ())}
    fitting = [c for c in actors if not words.isdisjoint(roles.get(c, ()))]
    return fitting[-1] if fitting else None


def _holds(name: Name, head: str) -> bool:
    """Whether a name holds a description's head word: any of its words for a name ("the
    ministry" -> "Interior Ministry", "the president" -> "President Obama"), its own head
    for a group ("the campaign" is not "campaign staffers")."""
    if name.type == "group":
        words = name.text.casefold().split()
        return bool(words) and words[-1] == head
    return head in _words(name.text)


def _words(text: str) -> set[str]:
    return set(text.casefold().split())
