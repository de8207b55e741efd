"""The labels an article pins on an actor, each a span of the article's own words:

    appositive     Ilse Varga, *a 63-year-old member* ...      / *a former member*, John Doe,
                   / *six defendants*: Donald Trump, John Kelly and Bill Shine
    copular        the FOH is *a sect*; CNN and Acosta are *plaintiffs*   (be, become, remain)
    premodifier    *Interior Minister* Tomas Rell, *Republican nominee* Donald Trump
    named-as       called its leaders *fanatics*, branded the group *extremist*, described as;
                   a role "as" gives: certified *as the victor*, served *as secretary of state*
    description    *the shadowy outfit* said (a description that refers to the actor)

A label is the head noun with the words before it ("63-year-old member", not the relative
clause after it), without determiners. Courtesy titles alone ("Mr.", "Sen.") are no label; nor
is an adjective alone before a name ("the embattled Lisa Page"; but "Republican Brian Kemp"), a
figure ("voters (67 percent)") or a description denied with "no" ("is no fan of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from unspin.nlp import doc_text, first_conjunct
from unspin.rules.actors import ActorRules
from unspin.stages.casing import Titles
from unspin.stages.entities.names import LINK
from unspin.stages.entities.posts import SIGNED

APPOSITIVE, COPULAR, PREMODIFIER, NAMED_AS, DESCRIBED = (
    "appositive",
    "copular",
    "premodifier",
    "named_as",
    "description",
)
_COPULAS = frozenset({"be", "become", "remain"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "miss", "messrs"})
_CONTRACTED = frozenset({"'s", "'re", "'m"})
_BREAKS = frozenset({"\u2014", "\u2013", "(", ")", ":", "|"})  # a dateline, a parenthesis
_NAMING = frozenset({"name", "call"})  # "a man named Jan Novak"
_NOT_LEADING = frozenset({"DET", "ADV", "NUM", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT"})
_OWNERS = frozenset({"det", "poss", "predet"})  # "Keith Ellison's former girlfriend"
_NOT_DESCRIBING = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_NOT_PHRASES = _NOT_DESCRIBING | {"PERSON", "GPE"}  # names and figures describe no one
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT"})
_AMOUNTS = frozenset({"a", "few", "many", "several", "some", "most", "more", "all"})
_QUANTIFIERS = frozenset({"many", "few", "other", "several", "some", "most", "more", "all", "both"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})  # "Abrams' campaign chair": not the owner
# a link, handle, hashtag or line break: page furniture the parser ran into a phrase
_MARKUP = re.compile(rf"{LINK.pattern}|[@#\n]")
_PLAIN_STATES = frozenset({"state", "country", "nation"})  # what any state is
_SKIP_LEFT = frozenset({"det", "poss", "case", "punct", "predet", "cc", "prep"})


@dataclass(frozen=True, slots=True)
class Label:
    start: int
    end: int
    kind: str


class LabelFinder:
    """`labels_of` for one parsed article, each mention worked out once (descriptions ask
    for a person's roles before the labels are gathered); a mention in a Title Case line is
    read in that line's parse as a sentence (`titles`: "Chris Christie calls Hillary Clinton
    'a disgrace'")."""

    def __init__(self, doc: Any, rules: ActorRules, titles: Titles | None = None) -> None:
        self.doc, self.rules, self.titles = doc, rules, titles
        self.found: dict[tuple[int, int], list[Label]] = {}

    def __call__(self, start: int, end: int) -> list[Label]:
        key = (start, end)
        if key not in self.found:
            doc = self.titles.doc_for(start, end, self.doc) if self.titles else self.doc
            self.found[key] = labels_of(doc, start, end, self.rules)
        return self.found[key]


def labels_of(doc: Any, start: int, end: int, rules: ActorRules) -> list[Label]:
    """The labels the article pins on the mention at [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    root = span.root
    if (
        root.dep_ in ("compound", "nmod", "amod")
        and not span.start <= root.head.i < span.end
        and not (span.end < len(doc) and doc[span.end].text == ",")
    ):
        return []  # the name modifies another noun ("the Trump campaign"): not about the actor
    signs = SIGNED.match(doc_text(doc), end) is not None  # "lying — Karen Monahan (@K) May 2,
    found = [  # 2018": the name signs a post; it is no appositive of the words before it
        *([] if signs else _appositives(root, rules)),
        *_comma_appositive(span, rules),
        *_copular(root),
        *_premodifiers(root, span, rules),
        *_named_as(root, rules),
        *_in_role(root, rules),
        *_after_parentheses(doc, span),
        *_government_of(root, rules),
        *_introduced(root),
        *_colon_list(span, rules),
        *_such_as(root, rules),
    ]
    text = doc_text(doc)
    return [
        label
        for label in found
        if (label.end <= start or label.start >= end)
        and not _MARKUP.search(text[label.start : label.end])
    ]


def _appositives(root: Any, rules: ActorRules) -> list[Label]:
    """ "Ilse Varga, a member," / "a member, Ilse Varga,"; not a name in a list the parser
    took for an appositive ("Las Vegas police, the FBI and the ATF"), nor a thing said beside
    a person's name ("you have Trump, the big debate of today")."""
    found = [
        _phrase(child, APPOSITIVE)
        for child in root.children
        if child.dep_ == "appos" and not _thing_beside_person(root, child, rules)
    ]
    if (
        root.dep_ == "appos"
        and root.head.pos_ in ("NOUN", "PROPN")
        and not root.head.ent_type_
        and not _listed(root)
        and not _thing_beside_person(root, root.head, rules)  # "The list: Tom Hanks"
        and not (root.head.tag_ == "NNS" and root.tag_ == "NNP")  # "The defendants, Jany
    ):  # Leveille, 35, ...": one of them
        found.append(_phrase(root.head, APPOSITIVE, _role_word(root.head, rules)))
    return [label for label in found if label is not None]


def _role_word(token: Any, rules: ActorRules) -> bool:
    """Whether a word spaCy may tag as a proper noun is a word for a person's role ("the
    imam Siraj Wahhaj")."""
    return token.text[:1].islower() and rules.person_noun(token.lemma_.lower())


def _thing_beside_person(name: Any, appositive: Any, rules: ActorRules) -> bool:
    """Whether an appositive to a person's name or a pronoun is a common noun that never speaks
    of a person ("the big debate", "she was in a stressful environment, emotional abuse"), so
    describes something else."""
    return bool(
        (name.ent_type_ == "PERSON" or name.pos_ == "PRON")
        and appositive.pos_ == "NOUN"
        and not rules.may_be_person(appositive.lemma_.lower())
    )


def _listed(token: Any) -> bool:
    """Whether a name goes on with "and" or "or": one item of a list."""
    return any(child.dep_ == "cc" for child in token.children)


def _comma_appositive(span: Any, rules: ActorRules) -> list[Label]:
    """ "Allegra Hardy, Abrams' campaign chair, said": a person noun phrase between commas right
    after a name, read from the words themselves where the parser hangs it elsewhere."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text != ",":
        return []
    words: list[Any] = []
    for token in doc[i + 1 : i + 10]:
        if token.text == "," or token.is_sent_end:
            break
        if token.pos_ in ("VERB", "AUX", "PRON") or token.text in ("(", ")", '"'):
            return []
        words.append(token)
    else:
        return []
    if not words or words[-1].pos_ != "NOUN" or not rules.person_noun(words[-1].lemma_.lower()):
        return []
    if words[-1].ent_type_ in _NAMED:
        return []  # "by Peter Hasson, Daily Caller, September 19": where he writes, a name
    if words[-1].dep_ == "conj" and words[-1].head not in words:
        return []  # "the United States government, U.S. service members, U.S. diplomats": a
        # list (but "Jan Novak, a lawyer and activist," is one appositive)
    cut = max((k + 1 for k, t in enumerate(words) if t.lower_ in _POSSESSIVE), default=0)
    left = [t for t in words[cut:] if not (t.dep_ == "det" or t.is_punct)]
    if not left:
        return []
    return [Label(left[0].idx, words[-1].idx + len(words[-1].text), APPOSITIVE)]


def _copular(root: Any) -> list[Label]:
    """ "the FOH is a sect"; for each of joined subjects ("Both CNN and Acosta are plaintiffs"),
    each of joined predicates ("was a campaign adviser and the first senator to ...")."""
    root = first_conjunct(root)
    verb = root.head
    if root.dep_ != "nsubj" or not _copula(verb) or _negated(verb):
        return []
    contracted = verb.lower_.replace("\u2019", "'") in _CONTRACTED  # "He's the guard": spaCy
    found = [  # may take the predicate for an object
        _phrase(noun, COPULAR)
        for child in verb.children
        if child.dep_ == "attr" or (contracted and child.dep_ == "dobj")
        for noun in _joined(child)
    ]
    return [label for label in found if label is not None]


def _joined(noun: Any) -> list[Any]:
    """A noun and the nouns joined to it with "and" ("an adviser and the first senator")."""
    return [noun, *(c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN")]


def _named_as(root: Any, rules: ActorRules) -> list[Label]:
    """ "called X a liar", "branded X (as) extremists", "X was described as a sect",
    "accused X of being a cocaine user"; for each of joined objects ("called X and Y liars")."""
    root = first_conjunct(root)
    verb = root.head
    if root.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in rules.naming:
        return []
    found: list[Label | None] = []
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp", "attr", "ccomp") and child.pos_ in ("NOUN", "ADJ"):
            found.append(_phrase(child, NAMED_AS))
    found += [_phrase(noun, NAMED_AS) for noun in _as_objects(verb)]
    found += [_phrase(noun, NAMED_AS) for noun in _of_being(verb)]
    return [label for label in found if label is not None]


def _of_being(verb: Any) -> list[Any]:
    """ "accused him of being a cocaine user": the predicate nouns after "of being"."""
    return [
        noun
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for being in prep.children
        if being.lemma_ == "be"
        for noun in being.children
        if noun.dep_ == "attr" and noun.pos_ == "NOUN"
    ]


def _in_role(root: Any, rules: ActorRules) -> list[Label]:
    """ "Kemp will be certified as the victor", "replace Nikki Haley as our ambassador", "she
    served as secretary of state": a role "as" gives the actor (a word for people only: "as
    a result" is none)."""
    verb = root.head
    owned = (  # "Clinton's tenure as secretary", "Mueller's appointment as an investigator"
        root.dep_ == "poss"
        and verb.pos_ == "NOUN"
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in verb.children)
    )  # (but "Trump's description of Clinton as a liar": the role is hers)
    if not owned and (
        root.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.lemma_.lower() in rules.naming
    ):
        return []
    if root.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return []  # "the senators confirmed Novak as secretary": the role is Novak's
    found = [
        _phrase(noun, NAMED_AS, role=True)
        for noun in _as_objects(verb)
        if (noun.pos_ == "NOUN" and rules.person_noun(noun.lemma_.lower()))
        or _role_word(noun, rules)  # "as secretary of state", tagged a proper noun
    ]
    return [label for label in found if label is not None]


def _introduced(root: Any) -> list[Label]:
    """ "a woman by the name of Karen Monahan", "a man named Jan Novak": the noun a name is
    introduced with."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "name":
        by = head.head.head
        noun = by.head if by.lower_ == "by" and by.dep_ == "prep" else None
    elif root.dep_ == "oprd" and head.dep_ == "acl" and head.lemma_.lower() in _NAMING:
        noun = head.head
    else:
        return []
    label = _phrase(noun, APPOSITIVE) if noun is not None and noun.pos_ == "NOUN" else None
    return [label] if label is not None else []


def _colon_list(span: Any, rules: ActorRules) -> list[Label]:
    """ "there are six defendants: Donald Trump himself, press secretary Sarah Sanders and Bill
    Shine": a plural noun for people before a colon labels each name listed after it."""
    doc = span.doc
    sentence_start = span.sent.start
    for i in range(span.start - 1, max(sentence_start, span.start - 30) - 1, -1):
        token = doc[i]
        if token.pos_ in ("VERB", "AUX") or token.text in _BREAKS - {":"}:
            return []
        if token.text == ":":
            noun = doc[i - 1] if i > sentence_start else None
            if noun is None or noun.tag_ != "NNS" or not rules.person_noun(noun.lemma_.lower()):
                return []
            found = _phrase(noun, APPOSITIVE)
            return [found] if found is not None else []
    return []


def _such_as(root: Any, rules: ActorRules) -> list[Label]:
    """ "early supporters of the bill, such as senator Bob Corker and Lindsey Graham",
    "critics, including Ana Silva": a plural noun for people labels each name it is shown by."""
    prep = first_conjunct(root).head
    if first_conjunct(root).dep_ != "pobj" or prep.dep_ != "prep":
        return []
    shown = prep.lower_ == "including" or (
        prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
    )
    noun = prep.head
    if not shown or noun.tag_ != "NNS" or not rules.person_noun(noun.lemma_.lower()):
        return []
    found = _phrase(noun, APPOSITIVE)
    return [found] if found is not None else []


def _as_objects(verb: Any) -> list[Any]:
    """What "as" brings after a verb: "described as *a sect*", "certified as *the victor*"."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.lower_ == "as"]
    return [p for prep in preps for p in prep.children if p.dep_ == "pobj"]  # "as secretary
    # of state and as a senator": each


def _government_of(root: Any, rules: ActorRules) -> list[Label]:
    """ "the government of Valdoria", "the regime in Damascus": the state's own description."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "in") or prep.head.pos_ != "NOUN":
        return []
    noun = prep.head
    if rules.descriptions.get(noun.lower_) != "country":
        return []
    found = _phrase(noun, DESCRIBED)
    if found is not None and found.start == noun.idx and noun.lower_ in _PLAIN_STATES:
        return []  # "the state of Georgia" names it; "the sanctuary state of California" pins
    return [found] if found is not None else []


def _after_parentheses(doc: Any, span: Any) -> list[Label]:
    """ "the Fellowship (FOH, ...), a religious group that ...": the parser often hangs such an
    appositive on an earlier noun; after a name and its parenthesis it is the name's."""
    i = span.end
    if i >= len(doc) or doc[i].text != "(":
        return []
    while i < len(doc) and doc[i].text != ")":
        i += 1
    if i + 2 >= len(doc) or doc[i + 1].text != ",":
        return []
    head = next((t for t in doc[i + 2 : i + 8] if t.dep_ == "appos"), None)
    found = _phrase(head, APPOSITIVE) if head is not None else None
    return [found] if found is not None else []


def _premodifiers(root: Any, span: Any, rules: ActorRules) -> list[Label]:
    """Words before a name that describe it: "Interior Minister Tomas Rell"."""
    doc = span.doc
    left = [
        t for t in root.subtree if t.i < span.start and t.dep_ not in _SKIP_LEFT and not t.is_punct
    ]
    if not left:
        return _hyphened(span, rules)
    first = min(t.i for t in left)
    stops = [t.i for t in doc[first : span.start] if t.text in _BREAKS or "\n" in t.text]
    first = max([first, *(i + 1 for i in stops)])  # "NEW YORK — ICE (ICE) Removal Operations"
    tokens = [t for t in doc[first : span.start] if not t.is_punct or t.text == "-"]
    after = max(
        (
            k + 1
            for k, t in enumerate(tokens)
            if t.ent_type_ in _NOT_DESCRIBING or t.pos_ == "CCONJ" or t.dep_ == "case"
        ),
        default=0,
    )
    tokens = tokens[after:]  # "Thursday afternoon Sheriff", "39-year-old": when, not who;
    # "Republican candidate Donald Trump and Democratic candidate Hillary Clinton": not hers;
    # "Jan Novak's son": whose, not what he is
    while tokens and (
        tokens[0].dep_ in _SKIP_LEFT
        or tokens[0].pos_ in _NOT_LEADING
        or not tokens[0].text.replace("-", "").isalpha()  # but "ex-boyfriend Rep. Keith Ellison"
    ):
        tokens.pop(0)
    while tokens and (not _word(tokens[-1]) or tokens[-1].lower_.rstrip(".") in _HONORIFICS):
        tokens.pop()  # "(D-", "TCSO's", "Twitter user Mr."; not "Gov." of "New Jersey Gov."
    if not tokens or all(t.lower_.rstrip(".") in rules.courtesy for t in tokens):
        return []
    if all(t.lower_ in _QUANTIFIERS for t in tokens):
        return []  # "many other Democrats"
    owned = any(t.dep_ == "poss" and t.i < tokens[0].i for t in root.subtree)
    title = {tokens[0].lower_.rstrip("."), tokens[0].lemma_.lower()} & rules.titles
    if len(tokens) == 1 and title and not owned:
        return []  # "President Obama", "Senators Rubio and Cruz": a title, not a description
    # (but "his deputy Rod Rosenstein": whose deputy he is describes him)
    if span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_:
        return []  # "anti-Latino": the name is part of a word
    last = tokens[-1]
    if not (
        last.pos_ in ("NOUN", "PROPN")
        or last.text[:1].isupper()
        or ((last.pos_ != "ADJ" or len(tokens) > 1) and rules.person_noun(last.lower_))
    ):  # "Mexican national Jose Garcia", but not "white Christians"
        return []  # "the embattled Lisa Page", "the now-imprisoned Chelsea Manning": no role
    return [Label(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), PREMODIFIER)]


def _hyphened(span: Any, rules: ActorRules) -> list[Label]:
    """ "told co-host Joe Scarborough": a hyphened role right before a name, which spaCy splits
    into three words it does not hang on the name."""
    doc, i = span.doc, span.start
    if i < 3:
        return []
    a, dash, b = doc[i - 3], doc[i - 2], doc[i - 1]
    joined = dash.text == "-" and not a.whitespace_ and not dash.whitespace_ and b.whitespace_
    if not (joined and a.is_alpha and b.is_lower and rules.person_noun(b.lemma_.lower())):
        return []
    return [Label(a.idx, b.idx + len(b.text), PREMODIFIER)]


def _phrase(token: Any, kind: str, role: bool = False) -> Label | None:
    """The head noun `token` with the words of its phrase before it, without determiners. A
    proper noun is no label ("Daily Caller, September 19"): it names, it does not describe;
    unless it is a `role` word spaCy took for one ("the imam")."""
    if token.lower_ == "one":
        return _one_of(token, kind)
    if not (token.pos_ in ("NOUN", "ADJ") or role) or token.ent_type_ in _NOT_PHRASES:
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return None  # "Greenwald is no fan of ...": denied, not pinned
    owned = {t.i for c in token.children if c.dep_ in _OWNERS for t in c.subtree}
    left = [t for t in token.subtree if t.i <= token.i and t.i not in owned]
    while left and (
        left[0].dep_ in _SKIP_LEFT
        or left[0].is_punct
        or (left[0].dep_ in ("quantmod", "nummod") and left[0].lower_ in _AMOUNTS)
    ):
        left.pop(0)  # "a few early supporters": how many is no description
    if not left:
        return None
    return Label(left[0].idx, token.idx + len(token.text), kind)


def _one_of(token: Any, kind: str) -> Label | None:
    """ "one of Pope Francis's closest advisers", "one of the countries rocked by ...": the
    set the actor is said to belong to, from "one" to its plural noun."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            nouns = [c for c in prep.children if c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS")]
            if nouns:
                return Label(token.idx, nouns[0].idx + len(nouns[0].text), kind)
    return None


def _copula(verb: Any) -> bool:
    """be, become, remain; also a contracted "is", "are" written with a curly apostrophe
    (which spaCy lemmatises to the apostrophe)."""
    return bool(verb.lemma_ in _COPULAS or verb.lower_.replace("\u2019", "'") in _CONTRACTED)


def _word(token: Any) -> bool:
    """A word, or an abbreviation with its dot ("Gov.", "Sen.")."""
    return bool(token.is_alpha or (token.text.endswith(".") and token.text[:-1].isalpha()))


def _negated(verb: Any) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)
