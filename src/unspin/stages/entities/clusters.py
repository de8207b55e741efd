"""Names that stand for the same actor, grouped; then every other place the article uses one
of those names (spaCy's tagger misses most repeats of an acronym) becomes a mention too.

Two names are one actor when the article says so (an alias), when one is the acronym of the
other, when they name the same country (its name, code, capital or seat of government, or
demonym), when they are the same text, when a surname, first name or shorter form of a
person's or organisation's name follows the full name ("Rell" after "Tomas Rell", "the
Fellowship" after "the Fellowship of the Open Hand"), or when one organisation's name ends
the other's and no third has that ending ("the Post", "the Washington Post").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from unspin.nlp import doc_text
from unspin.rules.actors import ActorRules
from unspin.stages.entities.aliases import Link
from unspin.stages.entities.names import ALIAS, DEMONYM, HANDLE, METONYM, NAME, Name, inside
from unspin.stages.gender import pronoun_genders

_RANK = {"country": 0, "person": 1, "organization": 2, "group": 3, "place": 4}
_NOT_SCANNED = frozenset({METONYM, DEMONYM})
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NEXT_WORD = re.compile(r" ([A-Z][\w'\u2019-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z-]+)\.? $")
_TITLE_REACH = 20  # characters before a name looked at for the title right before it
FIRST = "\x00first:"  # marks a first name among the scanned forms until it is known unique


class Clusters:
    """Union-find over an article's names; indices are positions in `names`."""

    def __init__(self, names: list[Name]) -> None:
        self.names = sorted(names, key=lambda n: (n.start, -n.end))
        self.parent = list(range(len(self.names)))
        self.where = {id(n): i for i, n in enumerate(self.names)}
        self.sexes: dict[int, str] = {}  # full person names (indices) -> "f" / "m"

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[Name]]:
        """The clusters, each in text order, ordered by first mention."""
        found: dict[int, list[Name]] = defaultdict(list)
        for i, name in enumerate(self.names):
            found[self.find(i)].append(name)
        return sorted(found.values(), key=lambda g: g[0].start)

    def attach(self, name: Name, to: int) -> None:
        """Add a name to the cluster of name `to`."""
        self.parent[self.add(name)] = self.find(to)

    def add(self, name: Name) -> int:
        """Add a name as an actor of its own; its index."""
        self.where[id(name)] = len(self.names)
        self.names.append(name)
        self.parent.append(len(self.parent))
        return len(self.names) - 1

    def index(self, name: Name) -> int:
        return self.where[id(name)]


def cluster(names: list[Name], links: Iterable[Link], rules: ActorRules, doc: Any) -> Clusters:
    """Group names into actors by aliases, same text or country, and shorter forms."""
    clusters = Clusters(names)
    clusters.sexes = _sexes(doc, clusters.names, rules)
    for link in links:
        clusters.union(clusters.index(link.long), clusters.index(link.alias))
    by_key: dict[str, int] = {}
    shared = _shared_words(clusters.names, rules)
    for i, name in enumerate(clusters.names):
        if name.type == "person" and _shared_alone(name, shared, rules):
            continue  # "Smith" with Quentin Smith and Candace Smith: the nearest one decides
        key = _key(name, rules)
        if key in by_key:
            clusters.union(by_key[key], i)
        else:
            by_key[key] = i
    _link_people(clusters, rules, doc_text(doc))
    _link_short_names(clusters)
    _link_members(clusters)
    _link_outlets(clusters, rules)
    return clusters


def _key(name: Name, rules: ActorRules) -> str:
    if name.country is not None:
        return "country:" + name.country
    if name.type == "person":
        words = _person_words(name.text, rules)
        if len(words) >= 2:
            return f"person:{words[0]} {words[-1]}"
    text = _POSSESSIVE.sub("", name.text)  # "Clinton's campaign", "Clinton campaign"
    return "name:" + text.replace(".", "").casefold()


def _shared_words(names: list[Name], rules: ActorRules) -> set[str]:
    """First names and surnames that two different full names of people share."""
    owners: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = _person_words(name.text, rules) if name.type == "person" else []
        if len(words) >= 2:
            for word in (words[0], words[-1]):
                owners[word].add(f"{words[0]} {words[-1]}")
    return {word for word, full in owners.items() if len(full) > 1}


def _shared_alone(name: Name, shared: set[str], rules: ActorRules) -> bool:
    words = _person_words(name.text, rules)
    return len(words) == 1 and words[0] in shared


def _person_words(text: str, rules: ActorRules) -> list[str]:
    words = [w for w in re.split(r"\s+", text.casefold()) if w.rstrip(".") not in rules.titles]
    return [w for w in words if len(w.rstrip(".")) > 1 or not w.endswith(".")]  # no initials


def _link_people(clusters: Clusters, rules: ActorRules, text: str) -> None:
    """A one-word person name joins the nearest full name (before it, else after) that ends
    or begins with that word: "Rell" -> "Tomas Rell", "Hillary" -> "Hillary Clinton"; after
    "Mr." or "Mrs." one of that sex where the article's pronouns tell ("Mrs. Clinton" after
    Bill Clinton was named). The full name may be one spaCy took for an organisation ("Keith
    Lamont Scott")."""
    people = [(i, _person_words(n.text, rules)) for i, n in enumerate(clusters.names)]
    full = [  # not a name given as an alias: "Muhammad" alone is not "aka Hakim Muhammad"
        (i, w)
        for i, w in people
        if len(w) >= 2
        and clusters.names[i].type in ("person", "organization")
        and clusters.names[i].country is None
        and clusters.names[i].how != ALIAS
        and w[-1] not in rules.owned  # "Clinton" is not "the Clinton campaign"
    ]
    for i, words in people:
        name = clusters.names[i]
        if len(words) != 1 or name.country is not None or name.type == "group":
            continue
        candidates = [
            j
            for j, w in full
            if words[0] in (w[0], w[-1])
            and (clusters.names[j].type == "person" or name.type == "person")
        ]
        candidates = _of_sex(candidates, _sex_before(text, name.start, rules), clusters)
        if candidates:
            before = [j for j in candidates if clusters.names[j].start < name.start]
            chosen = before[-1] if before else candidates[0]
            clusters.union(i, chosen)
            name.type = clusters.names[chosen].type = "person"  # spaCy often guesses a place


def _sexes(doc: Any, names: list[Name], rules: ActorRules) -> dict[int, str]:
    """The sex the article's pronouns give each full name of a person (index -> "f"/"m")."""
    people = [
        (n.start, i)
        for i, n in enumerate(names)
        if n.type == "person" and len(_person_words(n.text, rules)) >= 2
    ]
    starts = [sentence.start_char for sentence in doc.sents]
    return pronoun_genders(doc_text(doc), starts, people)


def _sex_before(text: str, start: int, rules: ActorRules) -> str | None:
    """The sex the title right before a name gives ("Mrs.", "Mr.", "Congresswoman": the
    gendered words of rules/actors.json), else None."""
    match = _WORD_BEFORE.search(text, max(0, start - _TITLE_REACH), start)
    return rules.genders.get(match.group(1).lower()) if match else None


def _of_sex(candidates: list[int], sex: str | None, clusters: Clusters) -> list[int]:
    """The candidates of that sex, if the article tells it of any of them."""
    if sex is None:
        return candidates
    fitting = [j for j in candidates if clusters.sexes.get(j) == sex]
    return fitting or candidates


def _link_short_names(clusters: Clusters) -> None:
    """An organisation's name that ends a longer organisation name of the article is that
    organisation, when only one actor has such a name: "the Post" and "the Washington Post",
    "Supreme Court" and "Pennsylvania Supreme Court", "the Senate" and "the US Senate"; so is a
    person's name of two words or more that ends a longer one ("Garcia Zarate", "Jose Ines
    Garcia Zarate")."""
    for kind, least in (("organization", 1), ("person", 2)):
        named = [
            (i, _words(n.text))
            for i, n in enumerate(clusters.names)
            if n.type == kind and n.country is None and n.how != ALIAS
        ]
        for i, short in named:
            if len(short) < least:
                continue
            longer = [
                j for j, words in named if len(words) > len(short) and words[-len(short) :] == short
            ]
            if longer and len({clusters.find(j) for j in longer}) == 1:
                clusters.union(i, longer[0])


def _words(text: str) -> list[str]:
    words = text.replace("\u2019", "'").casefold().split()
    return words[1:] if words[:1] == ["the"] else words


def _link_members(clusters: Clusters) -> None:
    """ "Democrats" and "the Democratic Party", "Republicans" and "the Republican Party": a
    plural group named after a party is that party."""
    parties = [
        (i, n.text.split()[0].casefold())
        for i, n in enumerate(clusters.names)
        if n.type == "organization"
        and len(n.text.split()) == 2
        and n.text.endswith("Party")
        and n.text.split()[0].isalpha()
    ]
    for i, name in enumerate(clusters.names):
        if name.type != "group" or not name.text.endswith("s") or " " in name.text:
            continue
        stem = name.text[:-1].casefold()
        for j, first in parties:
            if first.startswith(stem):
                clusters.union(i, j)


def _link_outlets(clusters: Clusters, rules: ActorRules) -> None:
    """A news programme or desk named after its outlet is the outlet: "CBS News", "CBS
    Evening News" and "CBS"; "NBC News" and "NBC"."""
    by_stem: dict[str, int] = {}
    for i, name in enumerate(clusters.names):
        if name.type != "organization":
            continue
        stem = next(
            (name.text[: -len(m) - 1] for m in rules.media if name.text.endswith(" " + m)),
            name.text,
        )
        if stem in by_stem:
            clusters.union(by_stem[stem], i)
        else:
            by_stem[stem] = i


def cluster_type(names: list[Name]) -> str:
    """A country if any name is one; else the type most of its names were found as (spaCy
    may take one alias for a person), ties going to the more specific type. A handle says
    nothing of its owner's type ("@CBSEveningNews") where another name does."""
    if any(n.country is not None for n in names):
        return "country"
    votes = Counter(n.type for n in names if n.how != HANDLE) or Counter(n.type for n in names)
    return min(votes, key=lambda t: (-votes[t], _RANK.get(t, 9)))


def scan(
    doc: Any, clusters: Clusters, rules: ActorRules, headlines: list[tuple[int, int]]
) -> list[Name]:
    """Every other place the text uses a name (or a short form of an organisation's name) of
    one of the clusters: new Names, each already joined to its cluster in `clusters`. Not
    where the form begins or ends another name ("Will Brett Kavanaugh", "Latin America"),
    except in a Title Case headline (`headlines`), whose parse tells nothing of that."""
    text = doc_text(doc)
    owners = _owners(clusters, rules)
    if not owners:
        return []
    pattern = re.compile(
        r"(?<![\w.])("
        + "|".join(re.escape(s) for s in sorted(owners, key=len, reverse=True))
        + r")(?![\w])"
    )
    taken = [(n.start, n.end) for n in clusters.names]
    found: list[tuple[Name, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span(1)
        if any(a < end and start < b for a, b in taken):
            continue
        sex = _sex_before(text, start, rules)  # "Mrs. Clinton": of the Clintons, the woman
        owner = _nearest(_of_sex(owners[match.group(1)], sex, clusters), start, clusters)
        model = clusters.names[owner]
        if _begins_other_name(text, match.group(1), end, model.text):
            continue  # "Will" of "Will Smith" in "Will Brett Kavanaugh be confirmed?"
        if _ends_other_name(doc, start, end, rules) and not inside(start, end, headlines):
            continue  # "America" in "Latin America", "Trump" in "Ivanka Trump"
        found.append((Name(start, end, match.group(1), model.type, NAME, model.country), owner))
    return _joined(clusters, found)


def _ends_other_name(doc: Any, start: int, end: int, rules: ActorRules) -> bool:
    """Whether a name found again is the end of another name: the capitalised word before it
    is joined to it in the parse ("Latin America", "Ivanka Trump"), and is no title or role
    ("President Trump", "Deputy Chair Ellison")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if not (before.is_alpha and before.text[:1].isupper()):
        return False
    if before.lower_ in rules.titles or rules.person_noun(before.lower_):
        return False
    compound = before.dep_ == "compound" and span.start <= before.head.i < span.end
    one_entity = bool(before.ent_type_) and span[0].ent_iob_ == "I"
    return compound or one_entity


def _begins_other_name(text: str, form: str, end: int, full: str) -> bool:
    """Whether a first name found alone goes on into another name ("Will" then "Brett")."""
    after = _NEXT_WORD.match(text, end)
    return bool(full.startswith(form + " ") and after and not full.startswith(f"{form} {after[1]}"))


def _owners(clusters: Clusters, rules: ActorRules) -> dict[str, list[int]]:
    """Each scannable name -> the names (indices) whose clusters use it."""
    owners: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(clusters.names):
        if name.country is not None:  # "Chile" itself, where only "Chilean" was tagged
            owners[name.country].append(i)
        if name.how in _NOT_SCANNED or name.type in ("place", "group") or len(name.text) < 2:
            continue
        forms = {name.text, *_short_forms(name, rules)}
        for form in forms:
            owners[form].append(i)
    for form in [f for f in owners if f.startswith(FIRST)]:
        indices = owners.pop(form)
        if len({clusters.find(i) for i in indices}) == 1 and form[len(FIRST) :] not in owners:
            owners[form[len(FIRST) :]] = indices  # a first name no other person shares
    return owners


def _short_forms(name: Name, rules: ActorRules) -> list[str]:
    """The shorter forms a name is repeated in: a person's surname ("Kemp", "bin Laden"); an
    organisation's head with "the" ("the Fellowship" for "Fellowship of the Open Hand", "the
    Front" for "National Renewal Front")."""
    if name.type == "person":
        return _surname(name.text, rules) if name.how != ALIAS else []
    if name.type != "organization":
        return []
    words = name.text.split()
    if len(words) < 2:
        return []
    connector = next((k for k, w in enumerate(words) if w.lower() in rules.connectors), None)
    head = words[0] if connector == 1 else words[-1]
    return [f"the {head}"] if head[:1].isupper() and head.isalpha() else []


def _surname(text: str, rules: ActorRules) -> list[str]:
    """A person's surname ("bin Laden" with its particle) and first name (scanned only where
    no other person has it: `_owners`)."""
    words = [w for w in text.split() if w.lower().rstrip(".") not in rules.titles]
    if len(words) < 2 or not words[-1][:1].isupper():
        return []
    particle = len(words) >= 3 and words[-2][:1].islower()  # "bin Laden", "de Blasio"
    surname = " ".join(words[-2:]) if particle else words[-1]
    first = words[0] if words[0].isalpha() and len(words[0]) > 2 else None
    return [surname, *([FIRST + first] if first else [])]


def _nearest(candidates: list[int], at: int, clusters: Clusters) -> int:
    """Of the names using the same text, the one of the cluster mentioned last before `at`."""
    roots = {clusters.find(i) for i in candidates}
    if len(roots) == 1:
        return candidates[0]
    before = [i for i, n in enumerate(clusters.names) if n.start < at and clusters.find(i) in roots]
    return before[-1] if before else candidates[0]


def _joined(clusters: Clusters, found: list[tuple[Name, int]]) -> list[Name]:
    """Add scanned names to the clusters (a short form keeps "the" out of its offsets)."""
    added: list[Name] = []
    for name, owner in found:
        if name.text.startswith("the "):
            name = Name(name.start + 4, name.end, name.text[4:], name.type, NAME, name.country)
        clusters.attach(name, owner)
        added.append(name)
    return added
