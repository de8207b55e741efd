"""What the article says around an accusation: the evidence it mentions (a video, documents, a
police statement), counter-evidence ("released for lack of evidence"), and the denials that
answer it ("The FOH denied the allegations", "rejected that claim as absurd")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from unspin.rules.accusations import AccusationRules
from unspin.stages.accusations.phrases import subjects_of

EVIDENCE, COUNTER = "evidence", "counter-evidence"
_LOOK_AHEAD = 2  # sentences after the accusation's own that may hold its evidence


@dataclass(frozen=True, slots=True)
class Denial:
    cue: Any  # token
    denier: Any  # head token of the denier's phrase
    target: Any | None  # what is denied: an object noun or a clause head


def denials(doc: Any, rules: AccusationRules) -> Iterator[Denial]:
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in rules.denying:
            continue
        if _negated_up(token):
            continue
        objects = [c for c in token.children if c.dep_ == "dobj"]
        target = (objects or [c for c in token.children if c.dep_ == "ccomp"] or [None])[0]
        for denier in subjects_of(token):
            yield Denial(token, denier, target)


def _negated_up(verb: Any) -> bool:
    """ "did not deny", "are not enough to dismiss", "was not willing to deny": the verb, or the
    adjective it completes and that adjective's verb, is negated (but "did not hesitate to
    deny" denies)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ != "xcomp" or verb.head.pos_ != "ADJ":
        return False
    adjective = verb.head
    if any(c.dep_ == "neg" for c in adjective.children):
        return True
    return adjective.dep_ == "acomp" and any(c.dep_ == "neg" for c in adjective.head.children)


def answers(
    denial: Denial,
    accused_before: Sequence[tuple[int, str, str | None]],
    denier: str | None,
    rules: AccusationRules,
) -> int | None:
    """The accusation (index) a denial answers: the one its object names ("denied allegations
    that he ..."); else the latest one before it that accuses the denier; else, when it
    denies "the claims" or "that claim", the latest one before it.
    `accused_before`: (start, accused id, accuser id) of the accusations, in text order."""
    at = denial.cue.idx
    target = denial.target
    if target is not None:  # "denied allegations that he ...": the accusation it names
        start, end = target.left_edge.idx, target.right_edge.idx + len(target.right_edge.text)
        named = [i for i, a in enumerate(accused_before) if start <= a[0] < end]
        if named:
            return named[0]
    earlier = [(i, a) for i, a in enumerate(accused_before) if a[0] < at]
    for i, (_, accused, _) in reversed(earlier):
        if denier is not None and accused == denier:
            return i
    if target is not None and target.lemma_.lower() in rules.denial_targets and earlier:
        index, (_, _, accuser) = earlier[-1]
        return index if accuser != denier else None
    return None


def evidence(doc: Any, start: int, end: int, rules: AccusationRules) -> list[tuple[int, int, str]]:
    """Evidence and counter-evidence in the accusation's sentence and the next one (same
    paragraph): (start, end, kind)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    sentences = list(doc.sents)
    first = next(k for k, s in enumerate(sentences) if s.start <= span.start < s.end)
    window = sentences[first : first + 1 + _LOOK_AHEAD]
    found: list[tuple[int, int, str]] = []
    for sentence in window:
        text = sentence.text
        for match in rules.counter.finditer(text):
            found.append(
                (sentence.start_char + match.start(), sentence.start_char + match.end(), COUNTER)
            )
        for chunk in sentence.noun_chunks:
            if chunk.root.lower_ in rules.evidence and not _inside(found, chunk.start_char):
                found.append((_without_det(chunk), chunk.end_char, EVIDENCE))
    return found


def _inside(found: list[tuple[int, int, str]], at: int) -> bool:
    return any(a <= at < b for a, b, _ in found)


def _without_det(chunk: Any) -> int:
    """Where a noun chunk starts without its determiner or an opening quotation mark."""
    words = [t for t in chunk if not t.is_punct and t.dep_ not in ("det", "poss")]
    return int(words[0].idx if words else chunk.start_char)
