"""Accusations in the dependency parse, one shape per function:

    verbal     X accused Y of Z / blamed Y for Z / branded Y as Z / called Y a Z (Z negative)
    passive    Y was accused of Z (by X)
    blame-on   X blamed Z on Y
    claiming   X claimed (said, alleged) that Y plotted Z      (Z a wrong: accusations.json)
    allegedly  Y allegedly did Z                               (no accuser)
    nominal    X's allegations that Y did Z / accusations of Z against Y / a suit against Y over Z
    apology    X called on Y to apologize for Z / X demanded that Y apologize for Z

Each gives the cue token, the accuser and accused head words (a conjunction gives one frame per
pair) and the allegation's offsets. A negated cue ("did not accuse") gives nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from unspin.nlp import appositive_name, doc_text, first_conjunct
from unspin.rules.accusations import AccusationRules
from unspin.rules.actors import actor_rules
from unspin.stages.accusations.phrases import (
    RELATIVE,
    after,
    before,
    conjoined,
    controller_of,
    modifiers,
    negated,
    phrase,
    pobj,
    predicate,
    prep_object,
    subjects_of,
)

VERBAL, PASSIVE, CLAIMING, ALLEGEDLY, NOMINAL = (
    "verbal",
    "passive",
    "claiming",
    "allegedly",
    "nominal",
)
CONFIDENCE = {VERBAL: 0.9, PASSIVE: 0.85, NOMINAL: 0.75, CLAIMING: 0.6, ALLEGEDLY: 0.6}
_ALLEGED = frozenset({"alleged", "accused", "suspected", "purported"})  # "the accused killer"
_OFFERING = frozenset({"will", "would", "'ll", "shall"})  # "he would apologize": his own
_REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves"})


@dataclass(frozen=True, slots=True)
class Frame:
    cue: Any  # token
    accuser: Any | None  # head token of the accuser's phrase
    accused: Any  # head token of the accused's phrase
    allegation: tuple[int, int]
    shape: str


def frames(
    doc: Any, rules: AccusationRules, loaded: frozenset[int] = frozenset()
) -> Iterator[Frame]:
    """The accusation frames of a parsed article; `loaded` holds the indices of tokens the
    techniques stage found in loaded language or name calling ("a publicity stunt", "paper
    tiger"), which count as negative as VADER's lexicon does."""
    for token in doc:
        lemma = token.lemma_.lower()
        if negated(token):
            continue
        if token.pos_ == "VERB" and lemma in rules.verbs:
            yield from _verbal(token, rules.verbs[lemma], rules.claiming)
        if token.pos_ == "VERB" and lemma in rules.describing:
            for frame in _verbal(token, rules.describing[lemma]):
                if _negative(token.doc, frame.allegation, rules, loaded):
                    yield frame
        if token.pos_ in ("VERB", "AUX") and lemma in rules.claiming:
            yield from _claiming(token, rules, loaded)
        if token.pos_ == "NOUN" and lemma in rules.nouns:
            yield from _nominal(token, rules)
            if lemma == "charge":
                yield from _facing_charges(token, rules)
        if token.pos_ == "NOUN" and lemma in rules.saying_nouns:
            yield from (
                f for f in _nominal(token, rules) if _wrong_said(f, rules, loaded)
            )  # "a contention by prosecutors that children were trained to ..."
        if token.pos_ == "VERB" and lemma in rules.apologizing:
            yield from _apology_asked(token, rules)
        if token.lower_ == "allegedly" and token.head.pos_ == "VERB":
            yield from _allegedly(token)
        if token.lower_ in _ALLEGED and token.dep_ == "amod" and token.head.pos_ == "NOUN":
            yield from _alleged_act(token, rules)


def _verbal(
    verb: Any, preps: tuple[str, ...], saying: frozenset[str] = frozenset()
) -> Iterator[Frame]:
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"] or _described(verb)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    allegation = (
        prep_object(verb, preps)
        or next((p for o in objects if (p := prep_object(o, preps)) is not None), None)
        or predicate(verb)
        or _said_with(verb, saying)
    )
    if verb.lemma_.lower() == "blame" and _blamed_ons(verb):
        yield from _blamed_on(verb)
        return
    if allegation is None:
        return
    if passive:
        agents = [pobj(c) for c in verb.children if c.dep_ == "agent"]
        accusers = [a for agent in agents if agent is not None for a in conjoined(agent)]
        for accused in (a for p in passive for a in conjoined(_referent(p, verb))):
            for accuser in accusers or [None]:
                yield Frame(verb, accuser, accused, allegation, PASSIVE)
        return
    for accused in (a for c in verb.children if c.dep_ == "dobj" for a in conjoined(c)):
        if accused.lower_ in _REFLEXIVE or _thing_referred(accused, verb):
            continue  # "Cruz describes himself as ...": said of oneself
        for accuser in subjects_of(verb) or [None]:
            yield Frame(verb, accuser, accused, allegation, VERBAL)


def _thing_referred(pronoun: Any, verb: Any) -> bool:
    """ "denied the allegations, calling them baseless lies": a pronoun object of a participle
    that points back at the thing the verb it hangs on acts on, not at an actor."""
    if pronoun.lower_ not in ("them", "it") or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return False
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < pronoun.i]
    actors = actor_rules()
    return any(
        o.pos_ == "NOUN"
        and not actors.may_be_person(o.lemma_.lower())
        and o.lemma_.lower() not in actors.descriptions
        for o in objects
    )


def _described(verb: Any) -> list[Any]:
    """ "Jan Novak, a banker accused of fraud": the noun a past participle describes (for an
    appositive, the name it describes) is what was done to."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ == "dobj" for c in verb.children):
        return []
    noun = verb.head
    return [appositive_name(noun)] if noun.pos_ in ("NOUN", "PROPN") else []


def _said_with(verb: Any, saying: frozenset[str]) -> tuple[int, int] | None:
    """ "criticized Boudreau, saying he ignored anti-Semitic language", "criticized Sessions,
    tweeting that ...": what the saying that goes with the cue says."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.lemma_.lower() not in saying:
            continue
        for clause in (c for c in child.children if c.dep_ == "ccomp"):
            words = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
            return min(t.idx for t in words), phrase(clause)[1]  # without "that"
    return None


def _blamed_on(verb: Any) -> Iterator[Frame]:
    """ "X blamed the deaths on Y": the object is the wrong, "on" brings the accused (or the
    actors whose policies, decisions... it names: "on the policies of Obama")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl" and all(o.lower_ in RELATIVE for o in objects):
        start, end = verb.head.left_edge.idx, before(verb.left_edge)  # "problems (that) he
        # blamed on": the noun the clause describes, up to the clause
    elif not objects:
        return
    else:
        wrong = objects[0]
        start, end = phrase(wrong)
        cut = [c.idx for c in wrong.children if c.dep_ == "prep" and c.lower_ == "on"]
        if cut:  # the parser hung "on Novak" on the object: the wrong ends before it
            end = len(doc_text(verb.doc)[: cut[0]].rstrip())
    for accused in (a for t in _blamed_ons(verb) for a in _owners(t)):
        for accuser in subjects_of(verb) or [None]:
            yield Frame(verb, accuser, accused, (start, max(end, start + 1)), VERBAL)


def _blamed_ons(verb: Any) -> list[Any]:
    """What "on" brings after "blame", on the verb or (as the parser often has it) on its
    object: "blamed the deaths on Novak"."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "on"]
    return [p for p in (pobj(prep) for prep in preps) if p is not None]


def _owners(target: Any) -> list[Any]:
    """A target and the actors it belongs to: "the policies of Obama and Clinton" -> the
    policies, Obama, Clinton; "Novak's decision" -> the decision, Novak (the stage keeps
    those that are actors)."""
    found = conjoined(target)
    for child in target.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
            owner = child if child.dep_ == "poss" else pobj(child)
            if owner is not None:
                found += conjoined(owner)
    return found


def _apology_asked(verb: Any, rules: AccusationRules) -> Iterator[Frame]:
    """ "X called on Y to apologize for Z", "X urged Y to apologise for Z", "X demanded that Y
    apologize for Z": X accuses Y of Z (not "Y apologized for Z": an apology made)."""
    asking = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or asking.lemma_.lower() not in rules.asking:
        return
    if verb.dep_ == "ccomp" and asking.lemma_.lower() not in rules.demanding:
        return  # "told reporters he would apologize": an apology offered, not asked for
    if negated(asking) or negated(verb) or any(c.lower_ in _OFFERING for c in verb.children):
        return
    allegation = prep_object(verb, ("for", "over"))
    if allegation is None:
        return
    if verb.dep_ == "xcomp":
        controller = controller_of(asking)
        asked = conjoined(controller) if controller is not None else []
    else:
        asked = [a for c in verb.children if c.dep_ == "nsubj" for a in conjoined(c)]
    for accused in asked:
        for accuser in subjects_of(asking) or [None]:
            yield Frame(verb, accuser, accused, allegation, VERBAL)


def _claiming(verb: Any, rules: AccusationRules, loaded: frozenset[int]) -> Iterator[Frame]:
    alleging = verb.lemma_.lower() in rules.alleging  # "alleged that X ...": a wrong by itself
    yield from _said_to_have(verb, rules, loaded, alleging)
    if any(c.dep_ == "nsubjpass" and c.lower_ != "it" for c in verb.children):
        return  # "Morton was charged with ...": charged, not charging that a clause is so (but
        # "it was alleged that ..." claims the clause)
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        yield from _wrong_by(verb, clause, rules)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or negated(clause):
            continue
        if not (alleging or _wrong(clause, subjects, rules, loaded)):
            continue
        allegation = after(clause, subjects[-1])
        by = next((c for c in clause.children if c.dep_ == "agent"), None)
        agent = pobj(by) if by is not None else None
        if subjects[0].dep_ == "nsubjpass" and agent is not None:  # "assaulted by Ellison"
            allegation, subjects = (allegation[0], before(agent.head)), [agent]
        elif subjects[0].dep_ == "nsubjpass" and _bad(clause, rules, loaded):
            continue  # "said that she was assaulted": what was done to her (but "were paid
            # for their testimony" says they took the money)
        for accused in conjoined(subjects[0]):
            for accuser in subjects_of(verb) or [None]:
                yield Frame(verb, accuser, accused, allegation, CLAIMING)


def _said_to_have(
    verb: Any, rules: AccusationRules, loaded: frozenset[int], alleging: bool
) -> Iterator[Frame]:
    """ "He is alleged to have beaten her", "X is said to have lied": the passive subject is
    accused of what the infinitive says (a wrong, unless the verb alleges by itself)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    done = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if not subjects or done is None or negated(done):
        return
    if not (alleging or _wrong(done, [], rules, loaded)):
        return
    words = [t for t in done.subtree if not (t.i < done.i and t.dep_ == "aux")]
    allegation = (words[0].idx, phrase(done)[1])
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    accuser = pobj(agent) if agent is not None else None
    for accused in conjoined(_referent(subjects[0], verb)):
        yield Frame(verb, accuser, accused, allegation, PASSIVE)


def _referent(token: Any, verb: Any) -> Any:
    """The word a relative pronoun stands for ("an archbishop who was accused" -> the
    archbishop), and for an appositive the name it describes ("Jan Novak, an archbishop who
    ...")."""
    if token.lower_ in RELATIVE and verb.dep_ == "relcl" and verb.head.i != verb.i:
        token = appositive_name(first_conjunct(verb.head))  # "a figure and former
        # archbishop who ..."
    return token


def _wrong_by(verb: Any, clause: Any, rules: AccusationRules) -> Iterator[Frame]:
    """ "claimed that they had disrupted a plot by the Fellowship": a wrong done by someone."""
    for noun in clause.subtree:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in rules.wrongdoing:
            continue
        for agent in (pobj(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
            for accused in conjoined(agent) if agent is not None else []:
                for accuser in subjects_of(verb) or [None]:
                    yield Frame(verb, accuser, accused, phrase(noun), CLAIMING)


def _wrong(
    clause: Any, subjects: list[Any], rules: AccusationRules, loaded: frozenset[int]
) -> bool:
    """Whether a reported clause says its subject did wrong: its verb is a wrong ("plotted"),
    or a word near its verb is clearly negative ("is lying"; negative words deeper in do not
    count), or its verb reaches a noun that names a wrong through its objects and
    prepositions (`_wrongs_done`: "had a plan to prepare for violent attacks"); not when its
    verb reports a denial or opposes what is bad ("condemned the attack")."""
    if clause.lemma_.lower() in rules.wrongdoing:
        return True
    if clause.lemma_.lower() in rules.denying:
        return False  # "said that Kavanaugh has denied this allegation": a denial reported
    if clause.lemma_.lower() in rules.opposing:
        return False  # "said that Novak condemned the attack": against a wrong, not doing it
    said = {t.i for s in subjects for t in s.subtree}
    if _undergone(clause, rules) and not any(c.dep_ == "dobj" for c in clause.children):
        said.add(clause.i)  # "officer Joering died at the scene": undergone, not done
    said |= {c.i for c in clause.children if c.dep_ == "acomp" and _undergone(c, rules)}  # "we
    # were distressed"
    near = [clause, *clause.children, *(g for c in clause.children for g in c.children)]
    if any(
        t.i not in said and _bad(t, rules, loaded) and not (negated(t) or negated(t.head))
        for t in near
    ):  # "did not find them offensive": negated
        return True
    return any(t.i not in said for t in _wrongs_done(clause, rules))


_OBJECT_PATH = frozenset({"dobj", "attr", "prep", "pobj", "pcomp", "acl", "xcomp"})


def _wrongs_done(clause: Any, rules: AccusationRules, depth: int = 4) -> Iterator[Any]:
    """The nouns naming a wrong that a verb of doing or having (`doing` in accusations.json:
    "had a plan to prepare for violent attacks", "relied on suppression", "was behind the
    attack") reaches through its objects, prepositions and infinitives, not through a
    relative or joined clause; not what a verb of opposing or undergoing reaches
    ("condemned the attack", "survived the attack")."""
    if clause.lemma_.lower() not in rules.doing:
        return
    layer = [clause]
    for _ in range(depth):
        layer = [c for t in layer for c in t.children if c.dep_ in _OBJECT_PATH]
        yield from (
            t
            for t in layer
            if t.pos_ == "NOUN" and t.lemma_.lower() in rules.wrong_nouns and not negated(t)
        )


def _undergone(token: Any, rules: AccusationRules) -> bool:
    """A verb or participle of something undergone or felt: "died", "devastated"."""
    lemma = token.lemma_.lower()
    stems = {lemma, lemma.removesuffix("ed"), lemma.removesuffix("d")}
    return not stems.isdisjoint(rules.suffering)


def _negative(
    doc: Any, span: tuple[int, int], rules: AccusationRules, loaded: frozenset[int]
) -> bool:
    """Whether a word of the text at `span` is clearly negative, a wrong ("a disgrace") or
    someone who does wrong ("named Ellison as her abuser")."""
    words = doc.char_span(*span, alignment_mode="expand") or []
    return any(
        _bad(t, rules, loaded)
        or t.lemma_.lower() in rules.wrongdoing
        or t.lemma_.lower() in rules.wrongdoers
        for t in words
    )


def _bad(token: Any, rules: AccusationRules, loaded: frozenset[int]) -> bool:
    """A word of clearly negative valence, or one in loaded language or name calling."""
    return (
        token.i in loaded
        or token.lower_ in rules.negative
        or token.lemma_.lower() in rules.negative
    )


def _allegedly(adverb: Any) -> Iterator[Frame]:
    """ "X allegedly bribed ...", "Y was allegedly beaten by X": the doer (not the one a
    passive verb says it was done to)."""
    verb = adverb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    doer = pobj(agent) if agent is not None else None
    if subjects and subjects[0].dep_ == "nsubjpass":
        if doer is not None and verb.idx < before(agent):  # "was allegedly beaten by X":
            for accused in conjoined(doer):  # what was done, from the verb to "by"
                yield Frame(adverb, None, accused, (verb.idx, before(agent)), ALLEGEDLY)
        return
    if subjects:
        start, end = after(verb, subjects[-1])
        if start == adverb.idx:  # "X allegedly bribed ...": the allegation starts after it
            start = adverb.nbor().idx if adverb.i + 1 < len(adverb.doc) else start
        for accused in conjoined(subjects[0]):
            yield Frame(adverb, None, accused, (start, max(end, start + 1)), ALLEGEDLY)


def _alleged_act(adjective: Any, rules: AccusationRules) -> Iterator[Frame]:
    """ "an alleged attack by Kavanaugh", "Ellison's alleged abuse", "the suspect in the
    alleged murder of a physician": the doer of a wrong called alleged."""
    act = adjective.head
    start = adjective.nbor().idx  # the allegation starts after "alleged"
    if act.lemma_.lower() in rules.wrongdoers:  # "the alleged gunman (Stephen Paddock)"
        named = act.dep_ == "compound" and act.head.pos_ == "PROPN"
        end = act.idx + len(act.text)
        yield Frame(adjective, None, act.head if named else act, (start, end), ALLEGEDLY)
        return
    if act.lemma_.lower() not in rules.wrongdoing:
        return
    doers = [c for c in act.children if c.dep_ == "poss"]
    by = [c for c in act.children if c.dep_ == "prep" and c.lower_ == "by"]
    doers += [p for p in (pobj(c) for c in by) if p is not None]
    holder = act.head.head if act.dep_ == "pobj" and act.head.lower_ == "in" else None
    if not doers and holder is not None and holder.pos_ in ("NOUN", "PROPN"):
        doers = [holder]  # "the suspect in the alleged murder"
    end = min([c.idx for c in by] or [phrase(act)[1]])
    allegation = (start, len(doc_text(act.doc)[:end].rstrip()))
    for doer in (d for t in doers for d in conjoined(t)):
        yield Frame(adjective, None, doer, allegation, ALLEGEDLY)


def author(token: Any) -> Any | None:
    """Who made a document that accuses ("Saucier's lawsuit alleges", "a report by the FBI",
    "an article written by Ian Tuttle", "Paul released a video that accuses"): the word
    standing for its author, or None."""
    for child in token.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return pobj(child)
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                return pobj(agent)
    if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB":
        subjects = subjects_of(token.head)
        return subjects[0] if subjects else None
    return None


def _nominal(noun: Any, rules: AccusationRules) -> Iterator[Frame]:
    """ "allegations that Y did Z", "accusations of Z against Y", "X's charge that Y ..."."""
    accusers = [c for c in noun.children if c.dep_ == "poss"]
    accusers += [pobj(c) for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]  # "filed a suit against"
    against = [
        pobj(c) for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "against"
    ]
    for clause in (c for c in noun.children if c.dep_ == "relcl"):  # "allegations (that were)
        # brought against him by two women"
        against += [pobj(c) for c in clause.children if c.dep_ == "prep" and c.lower_ == "against"]
        accusers += [pobj(c) for c in clause.children if c.dep_ == "agent"]
    if (
        noun.dep_ == "dobj"
        and not any(a is not None for a in accusers)
        and noun.head.lemma_.lower() not in rules.denying
    ):
        accusers += subjects_of(noun.head)  # "X made accusations against Y" (but "X denied
        # allegations that ..." does not make them)
    over = prep_object(noun.head, ("over", "for")) if noun.dep_ == "dobj" else None
    of = prep_object(noun, ("of", "over")) or over or modifiers(noun)  # "filed a suit
    # against X over Y": the parser hangs "over Y" on the verb
    for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")):
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if marks and subjects:
            for accused in conjoined(subjects[0]):
                for accuser in [a for a in accusers if a is not None] or [None]:
                    yield Frame(noun, accuser, accused, after(clause, subjects[-1]), NOMINAL)
            return
    if of is not None:
        for target in (t for t in against if t is not None):
            for accused in conjoined(target):
                for accuser in [a for a in accusers if a is not None] or [None]:
                    yield Frame(noun, accuser, accused, of, NOMINAL)


def _wrong_said(frame: Frame, rules: AccusationRules, loaded: frozenset[int]) -> bool:
    """Whether the clause a saying noun introduces ("the claim that X ...") has X do wrong
    (and does not deny it); "claims of fraud against X" when what they are of is negative."""
    subject = first_conjunct(frame.accused)
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return _negative(frame.accused.doc, frame.allegation, rules, loaded)
    clause = subject.head
    return not negated(clause) and _wrong(clause, [subject], rules, loaded)


def _facing_charges(noun: Any, rules: AccusationRules) -> Iterator[Frame]:
    """ "arrested five residents on firearms charges", "Manafort faces financial-crime
    charges": whoever is held on or faces the charges is accused of what they are about
    (by no one the sentence names: the accuser is whoever brought them). Not after an
    accusing verb ("indicted X on charges"), whose own frame says it."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("on", "for"):
        verb = head.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() in rules.verbs:
            return
        accused = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    elif noun.dep_ == "dobj" and head.lemma_.lower() == "face":
        accused = subjects_of(head)
    else:
        return
    about = modifiers(noun) or prep_object(noun, ("of",))
    if about is None:
        return
    for target in accused:
        for one in conjoined(target):
            yield Frame(noun, None, one, about, NOMINAL)
