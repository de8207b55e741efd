"""Walks in the dependency parse that the accusation shapes share: a verb's subjects (or
whose they are: "the woman who accused ..."), the words joined to a head, what a preposition
brings, a head word's phrase and a clause after its subject, negation."""

from __future__ import annotations

from typing import Any

from unspin.nlp import doc_text

RELATIVE = frozenset({"who", "that", "which"})
NEGATIONS = frozenset({"nothing", "never", "nobody", "none"})
PREDICATES = frozenset({"oprd", "xcomp", "attr", "ccomp", "acomp"})


def before(token: Any) -> int:
    """The end of the text before `token`, without the space."""
    return len(doc_text(token.doc)[: token.idx].rstrip())


def subjects_of(verb: Any) -> list[Any]:
    """The verb's subjects; for "..., calling them liars" or "and blamed ..." those of the
    verb it hangs on; for "called on Dean to apologize for accusing him" whom it calls on;
    for "the woman who accused ..." or "the woman alleging ..." the noun the clause
    describes; for "is willing to say ...", "was quick to blame ..." who is."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    while not subjects and verb.head.i != verb.i:
        if verb.dep_ == "xcomp" and (controller := controller_of(verb.head)) is not None:
            return conjoined(controller)
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "apologize for accusing him": who apologizes accuses
        elif verb.dep_ in ("advcl", "conj", "xcomp", "acomp"):  # "was quick to blame": who is
            verb = verb.head
        else:
            break
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    relative = all(s.lower_ in RELATIVE for s in subjects)
    if verb.dep_ in ("relcl", "acl") and relative and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]
    return [s for subject in subjects for s in conjoined(subject)]


def controller_of(verb: Any) -> Any | None:
    """Who is to do what a verb asks for: its object ("urged Novak to resign") or whom it
    calls on ("called on Howard Dean to apologize")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
        called = pobj(child) if child.dep_ == "prep" and child.lower_ == "on" else None
        if called is not None and called.ent_type_ not in ("DATE", "TIME"):
            return called  # not "on Wednesday"
    return None


def conjoined(token: Any) -> list[Any]:
    """A head word and the words conjoined to it ("Abrams and civil rights groups")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found += conjoined(child)
    return found


def pobj(prep: Any) -> Any | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def prep_object(head: Any, preps: tuple[str, ...]) -> tuple[int, int] | None:
    """What the first of `preps` brings, unless it is a date ("indicted on Tuesday on ...")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps and not such_as(child):
            inner = pobj(child)
            if inner is not None and inner.ent_type_ not in ("DATE", "TIME"):
                return phrase(inner)
    return None


def such_as(prep: Any) -> bool:
    """ "information such as credit card numbers": examples, not what someone is called."""
    return bool(prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such")


def predicate(verb: Any) -> tuple[int, int] | None:
    """ "called them a gang of fanatics": the predicate after the object."""
    for child in verb.children:
        if child.dep_ in PREDICATES and child.pos_ in ("NOUN", "ADJ", "PROPN"):
            return phrase(child)
    return None


def phrase(token: Any) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    while right.i > left.i and right.is_punct:
        right = right.doc[right.i - 1]
    while left.i < right.i and left.is_punct:
        left = left.doc[left.i + 1]
    return left.idx, right.idx + len(right.text)


def after(head: Any, subject: Any) -> tuple[int, int]:
    """The clause of `head` from just after its subject to its end; from the head itself when
    the parser hung a long appositive on the subject ("Crutcher was under the influence of
    drugs — something a caller also told a dispatcher")."""
    doc = head.doc
    start = subject.right_edge.i + 1
    if subject.i < head.i < start:
        start = head.i
    end = head.right_edge.i
    while end > start and doc[end].is_punct:
        end -= 1
    start = min(start, end)
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def negated(token: Any) -> bool:
    """ "did not accuse", "had done nothing wrong", "never lied"."""
    return any(
        child.dep_ == "neg" or child.lower_ in NEGATIONS
        for child in token.children
        if child.dep_ in ("neg", "dobj", "advmod", "attr")
    )


def modifiers(noun: Any) -> tuple[int, int] | None:
    """ "domestic violence allegations": what the words before the noun say it is about."""
    words = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    if not words:
        return None
    first = min(t.left_edge.i for t in words)
    last = max(t.right_edge.i for t in words)
    doc = noun.doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)
