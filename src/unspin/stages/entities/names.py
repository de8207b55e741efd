"""Where an article names an actor: spaCy's named entities, corrected where they fail on news
actors, and the acronyms spaCy misses.

A Name is one occurrence: its offsets (without a leading "the", a courtesy title or a
possessive), the actor type it suggests and how it was found. Capitals and seats of government
count only where they act ("Moscow dismissed ..."), not where they are places ("in Moscow");
demonyms ("Russian agents") are mentions of their country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from unspin.nlp import doc_text
from unspin.rules.actors import ActorRules
from unspin.stages.casing import Casing
from unspin.stages.entities.countries import Gazetteer

# how a name was found; also the label of the mention span in the report
NER, ACRONYM, ALIAS, METONYM, DEMONYM, NAME, DESCRIPTION, GROUP, HANDLE, RELATION = (
    "ner",
    "acronym",
    "alias",
    "metonym",
    "demonym",
    "name",
    "description",
    "group",
    "handle",
    "relation",  # whose someone is: "her son", "CNN's lawyers" (relations.py)
)
PROPER = frozenset({NER, ALIAS, NAME})  # a name of the actor's own (its first word may be a
# first name); the others are found from an acronym, a place, a description, ...
ACRONYM_FORM = re.compile(r"^[A-Z][A-Z&]{1,5}$|^(?:[A-Z]\.){2,4}$")
_ACTING = frozenset({"nsubj", "nsubjpass", "poss"})
_CLAN = re.compile(r"^[A-Z][a-z]?['\u2019][A-Z][a-z]+$")  # O'Gorman, D'Souza
_NAME_ENDS = frozenset({":", "\u2018", "\u201c", '"'})  # no name goes on past these
_TOWARD = frozenset({"against", "toward", "towards"})
LINK = re.compile(r"https?:|www\.|\w\.(?:com|co|org|net|ly)/")  # a web address, not "Amazon.com"
_PARTIES = frozenset({"D", "R", "I"})  # before "-MN", "-Tenn.": Democrat, Republican, independent
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"})
_TYPES = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place"}


@dataclass(slots=True)
class Name:
    start: int
    end: int
    text: str
    type: str  # person | organization | country | group | place
    how: str
    country: str | None = None  # the canonical country, for countries and their metonyms

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies within one of `spans`."""
    return any(a <= start and end <= b for a, b in spans)


def ner_names(doc: Any, rules: ActorRules, places: Gazetteer, casing: Casing) -> list[Name]:
    """The named entities of a parsed article that can be actors, typed and trimmed (in a
    Title Case headline, cut before the first common word: "Ellison Accuser Posts")."""
    found: list[Name] = []
    for ent in doc.ents:
        if "\n" in ent.text.strip() or LINK.search(ent.text):  # two lines run together
            continue  # ("Twitter\nCNN"), or a link taken for a name ("Release https://t.co/x")
        if all(t.pos_ == "PRON" or t.tag_ in ("WP", "WP$", "WDT") for t in ent):
            continue  # "Whom do you consider ...": a pronoun spaCy took for a person
        tokens = _trimmed(ent, rules)
        tokens = casing.name_part(*tokens) if tokens is not None else None
        tokens = _without_end_punctuation(*tokens) if tokens is not None else None
        if tokens is None or (len(ent) == 1 and ent[0].is_upper and _in_capitals(ent[0])):
            continue
        if _party_state(ent[0]) or (len(ent) > 2 and _party_state(ent[2])):
            continue
        if ent.label_ == "ORG" and len(ent) == 1 and _office_of(doc, ent.start, rules):
            continue
        if ent.label_ == "ORG" and len(ent) == 1 and _portfolio_before(doc, ent.end, rules):
            continue
        name = _typed(doc, tokens, ent.label_, places, rules)
        if name is not None:
            found.append(name)
    return found


def _office_of(doc: Any, start: int, rules: ActorRules) -> bool:
    """Whether the word at `start` names the field of a title ("Secretary of *State*",
    "Minister of *Defence*"): part of someone's title, not an organisation that acts (but
    "director of the Open Hand Movement" is one)."""
    return (
        start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in rules.portfolios
    )


def _portfolio_before(doc: Any, end: int, rules: ActorRules) -> bool:
    """Whether a name is the field of the title after it ("*Interior* Minister Tomas Rell",
    "*Treasury* Secretary"): part of someone's title, not an organisation that acts."""
    return end < len(doc) and doc[end].lower_ in rules.portfolios


def _trimmed(ent: Any, rules: ActorRules) -> tuple[Any, Any] | None:
    """The first and last token of an entity without "the", titles and a final "'s"; a
    person's name spaCy cut short ("Ali Abdul-Karim" before "Judan") taken whole."""
    first, last = ent.start, ent.end - 1
    doc = ent.doc
    if ent.label_ == "PERSON" and len(ent) == 1:
        first = _name_start(doc, first, rules)
    if ent.label_ == "ORG" and first + 2 <= last and doc[first + 1].tag_ == "POS":
        first += 2  # "TCSO's Sheriff's Response Team": the owner is another actor
    if ent.label_ == "PERSON":  # "Ali Abdul-Karim" before an untagged "Judan"
        while last + 1 < len(doc) and _more_name(doc[last + 1], rules):
            last += 1
    while first <= last and (
        doc[first].lower_ == "the"
        or (doc[first].pos_ == "DET" and doc[first].tag_ == "DT")  # "Neither Patel and ..."
        or (ent.label_ == "PERSON" and _role_opening(doc, first, last, rules))
        or (
            doc[first].lower_.rstrip(".") in rules.titles
            and not _owns(doc, first, last)
            and rules.descriptions.get(doc[last].lower_) != "organization"  # "Justice Department"
        )
        or _asking(doc[first])
    ):
        first += 1  # "Sen. Bob Ray" without "Sen.", but "Sheriff's Response Team" whole
    while last >= first and (
        doc[last].text in ("'s", "\u2019s", "'", "\u2019") or doc[last].is_punct
    ):
        last -= 1
    if first > last or not doc[first].text[:1].isupper():
        return None
    return doc[first], doc[last]


def _without_end_punctuation(first: Any, last: Any) -> tuple[Any, Any] | None:
    """A name up to a colon or an opening quotation mark inside it ("Mueller News: 'Huge
    Victory" in a headline), without the punctuation it ends with."""
    doc = first.doc
    end = next((t.i - 1 for t in doc[first.i + 1 : last.i + 1] if t.text in _NAME_ENDS), last.i)
    while end >= first.i and doc[end].is_punct:
        end -= 1
    return (first, doc[end]) if end >= first.i else None


def _asking(token: Any) -> bool:
    """ "Will Brett Kavanaugh be confirmed?": the auxiliary that opens a question (a
    sentence, or a line: a poll box the parser runs into the text before it)."""
    if token.dep_ != "aux":
        return False
    doc = token.doc
    if token.is_sent_start and token.sent[-1].text == "?":
        return True
    if token.i == 0 or "\n" not in doc[token.i - 1].text_with_ws:
        return False
    text = doc_text(doc)
    end = text.find("\n", token.idx)
    return text[token.idx : end if end >= 0 else len(text)].rstrip().endswith("?")


def _role_opening(doc: Any, first: int, last: int, rules: ActorRules) -> bool:
    """ "Comedian Hari Kondabolu said": a common noun for a person opening a sentence before a
    name of two words or more (not "Hunter Biden's laptop", not "Tom Hill")."""
    words = [t for t in doc[first : last + 1] if t.tag_ != "POS" and t.is_alpha]
    return bool(
        doc[first].is_sent_start and len(words) >= 3 and rules.person_noun(doc[first].lower_)
    )


def _owns(doc: Any, first: int, last: int) -> bool:
    """Whether the word at `first` is followed by a possessive inside the name."""
    return first + 1 <= last and doc[first + 1].tag_ == "POS"


def _name_start(doc: Any, first: int, rules: ActorRules) -> int:
    while first > 0:
        token = doc[first - 1]
        joined = token.text == "-" and first > 1 and doc[first - 2].tag_ == "NNP"
        if not (joined or token.tag_ == "NNP") or token.ent_type_:
            break
        if token.lower_.rstrip(".") in rules.titles or token.lower_ in rules.descriptions:
            break
        first -= 1
        if token.is_sent_start:
            break
    return first


def _more_name(token: Any, rules: ActorRules) -> bool:
    if _CLAN.match(token.text) and not token.ent_type_:
        return True  # "O\u2019Gorman", "D'Souza", which the tagger often takes for a noun
    return bool(
        token.tag_ == "NNP"
        and not token.ent_type_
        and token.is_alpha
        and token.text[:1].isupper()
        and not token.is_upper
        and token.lower_ not in rules.titles
        and token.lower_ not in rules.descriptions
    )


def _typed(
    doc: Any, tokens: tuple[Any, Any], label: str, places: Gazetteer, rules: ActorRules
) -> Name | None:
    first, last = tokens
    start, end = first.idx, last.idx + len(last.text)
    text = doc_text(doc)[start:end]
    country = places.country(text, code_ok=label == "GPE")
    if country is not None and label in ("GPE", "ORG", "NORP", "PERSON"):
        return Name(start, end, text, "country", NER, country)
    if label == "NORP" and text in places.demonyms:
        return Name(start, end, text, "country", DEMONYM, places.demonyms[text])
    seat = places.capitals.get(text)
    if seat is not None and label in ("GPE", "FAC", "ORG", "PERSON", "NORP"):
        acts = _acts(last, as_object=text in rules.seats)
        return Name(start, end, text, "country", METONYM, seat) if acts else None
    kind = _TYPES.get(label)
    if kind is None:
        return None
    if ACRONYM_FORM.match(text) and kind == "place":  # "NRF" tagged as a place: an organisation
        kind = "organization"
    if kind == "place":  # a state the country data does not know: an actor where it acts
        if not (_acts(last) or _governed(last, rules)):
            return None
        kind = "country"
    if kind == "group" and not text.endswith("s"):  # "Republican" as an adjective
        return None
    if kind == "person" and (text in rules.platforms or _titled_work(doc, first, last, rules)):
        kind = "organization"  # "The Laura Ingraham Show", not "Margaret Court"
    return Name(start, end, text, kind, NER)


def _titled_work(doc: Any, first: Any, last: Any, rules: ActorRules) -> bool:
    """Whether a name tagged as a person is a titled outlet or body: after a capitalised
    "The", its last word names an organisation ("The Laura Ingraham Show")."""
    return bool(
        first.i > 0
        and doc[first.i - 1].text == "The"
        and first.i < last.i
        and rules.descriptions.get(last.lower_) == "organization"
    )


def _head(token: Any) -> Any:
    """The head word of the name a word is part of."""
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    return head


def _acts(token: Any, *, as_object: bool = False) -> bool:
    """Whether a name is doing or saying something (subject, possessor or agent) or is
    what is done or felt against or toward ("sanctions against Moscow"); with
    `as_object` also what is done to it: a seat of government is its state as an object ("a
    judge criticized the White House"), a capital there a place ("visited Moscow")."""
    head = _head(token)
    if head.dep_ in _ACTING or (as_object and head.dep_ == "dobj"):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in _TOWARD:
        return True  # "sanctions against Moscow", "a tough attitude toward Beijing"
    return bool(head.dep_ == "pobj" and head.head.dep_ == "agent")


def _governed(token: Any, rules: ActorRules) -> bool:
    """ "the government of Valdoria": the place stands for its state."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and rules.descriptions.get(head.head.lower_) == "country"
    )


def acronym_names(doc: Any, rules: ActorRules, places: Gazetteer, known: list[Name]) -> list[Name]:
    """All-capital words that name an organisation (or a country: "US", "UK") where spaCy
    has no entity, outside headlines written in capitals."""
    found: list[Name] = []
    terms = {t.text for t in doc if ACRONYM_FORM.match(t.text) and _defines_term(t)}
    for token in doc:
        text = token.text
        if not ACRONYM_FORM.match(text) or text.replace(".", "") in rules.not_actors:
            continue
        if (
            text in terms
            or _in_capitals(token)
            or any(n.overlaps(token.idx, token.idx + len(text)) for n in known)
        ):
            continue
        if _party_state(token):
            continue
        start, end = token.idx, token.idx + len(text)
        country = places.country(text, code_ok=True)
        if country is not None:
            found.append(Name(start, end, text, "country", ACRONYM, country))
        else:
            found.append(Name(start, end, text, "organization", ACRONYM))
    return found


def _defines_term(token: Any) -> bool:
    """ "less ultraviolet radiation (UV)", "gross domestic product (GDP)": an acronym given in
    parentheses for as many lower-case words, the first with its first letter, a term rather
    than a name (not "the federal immigration agency (ICE)")."""
    doc, i = token.doc, token.i
    letters = token.text.replace(".", "")
    if i < 2 or doc[i - 1].text != "(" or i - 1 < len(letters):
        return False
    words = doc[i - 1 - len(letters) : i - 1]  # as many words as the acronym has letters
    return all(w.is_alpha and w.is_lower for w in words) and words[0].lower_[0] == token.lower_[0]


def _party_state(token: Any) -> bool:
    """ "Keith Ellison (D-MN)", "Bob Corker, R-Tenn.": a lawmaker's party and home state, not
    a country ("MN" is also Mongolia's code) or an organisation."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text in _PARTIES


def _in_capitals(token: Any) -> bool:
    """Whether a token sits among other all-capital words (a headline in capitals)."""
    doc = token.doc
    near = doc[max(token.i - 2, 0) : token.i + 3]
    return sum(1 for t in near if t.is_alpha and t.is_upper and len(t) > 1) >= 3


def proper_names(doc: Any, rules: ActorRules, known: list[Name], casing: Casing) -> list[Name]:
    """Names spaCy's tagger missed where they take part in a clause ("Ana Silva called Jan
    Novak a liar"): two to four capitalised proper nouns as a subject, object or possessor;
    an organisation when the last word says so ("... Movement"), else a person."""
    found: list[Name] = []
    for token in doc:
        if token.tag_ != "NNP" or token.dep_ not in _ARGUMENTS or token.ent_type_:
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.tag_ == "NNP"] + [token]
        if not 2 <= len(words) <= 4 or words[-1].i - words[0].i != len(words) - 1:
            continue
        if not all(w.is_alpha and w.text[:1].isupper() and not w.is_upper for w in words):
            continue
        if any(w.lower_ in rules.titles or casing.common(w) for w in words):
            continue
        start, end = words[0].idx, token.idx + len(token.text)
        if any(n.overlaps(start, end) for n in known):
            continue
        organisation = rules.descriptions.get(token.lower_) == "organization"
        if not organisation and len(words) >= 3 and rules.person_noun(token.lemma_.lower()):
            continue  # "Eighth Judicial District Attorney": a role, not a name (but "Tim Cook")
        kind = "organization" if organisation else "person"
        found.append(Name(start, end, doc_text(doc)[start:end], kind, NER))
    return found


def owned_names(doc: Any, rules: ActorRules, known: list[Name]) -> list[Name]:
    """Organisations named after a person: "the Clinton campaign", "Rubio's campaign",
    "Mueller's team" (an actor of their own; the person stays another)."""
    people = [n for n in known if n.type == "person"]
    found: list[Name] = []
    for token in doc:
        if token.lemma_.lower() not in rules.owned or token.pos_ != "NOUN":
            continue
        owners = [c for c in token.children if c.dep_ in ("compound", "poss") and c.i < token.i]
        if not owners:
            continue
        owner = owners[-1]
        start = owner.left_edge.idx
        if not any(p.start <= owner.idx < p.end for p in people):
            continue  # "the presidential campaign", "his team"
        end = token.idx + len(token.text)
        found.append(Name(start, end, doc_text(doc)[start:end], "organization", NER))
    return found


def handle_names(doc: Any) -> list[Name]:
    """Social media handles ("@KeithEllison"): names of their own, joined to the actor whose
    name they spell when there is one (aliases.handle_links)."""
    found: list[Name] = []
    for token in doc:
        if (
            len(token.text) > 2
            and token.text.startswith("@")
            and token.text[1:].replace("_", "").isalnum()
        ):
            start, end = token.idx + 1, token.idx + len(token.text)
            found.append(Name(start, end, token.text[1:], "person", HANDLE))
    return found


def proper_before(doc: Any, char: int, rules: ActorRules) -> tuple[int, int] | None:
    """The capitalised name that ends right before offset `char` ("the Fellowship of the Open
    Hand" before "(FOH)"), as character offsets without a leading "the"; None if none."""
    span = doc.char_span(0, char, alignment_mode="contract")
    if span is None or not len(span):
        return None
    i = span.end - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    tokens: list[Any] = []
    while i >= 0 and (
        doc[i].text[:1].isupper()
        or (doc[i].lower_ in rules.connectors and tokens)
        or (doc[i].text in ("'s", "\u2019s") and tokens and i > 0 and doc[i - 1].text[:1].isupper())
    ):
        tokens.insert(0, doc[i])  # "Sheriff's Response Team": a possessive inside a name
        i -= 1
    while tokens and tokens[0].lower_ in rules.connectors:  # "The", "of"
        tokens.pop(0)
    while len(tokens) > 2 and tokens[1].text in ("'s", "\u2019s"):  # "TCSO's Sheriff's ..."
        tokens = tokens[2:]
    if not tokens or not any(t.text[:1].isupper() for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
