"""The entities stage: the actors of an article, each under all its names, with every mention
and the labels the article pins on it.

    spaCy entities, acronyms (names; not a dateline's place) -> aliases (parentheses, "also
    known as", acronyms)
    -> groups of people ("former members") -> clusters (same actor) -> scan (every repeat of
    a name) -> descriptions ("the group"; "his accuser"), or relations where they refer back
    to no one ("her son") -> pronouns ("she is a ...") -> a headline's roles ("Federal Judge
    Denies Bail") -> newcomers ("A federal judge denied bail") -> labels -> Entity

Everything comes from the article's own words, spaCy's parse, the countryinfo data and, for
whom a "she" refers to, the first names of `rules/first_names.json`; no list says which
actors are good or bad.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from unspin import nlp as nlp_loader
from unspin.article import Article, Entity, Span
from unspin.nlp import doc_text
from unspin.options import Options
from unspin.pipeline import Stage
from unspin.rules.actors import ActorRules, actor_rules, former
from unspin.stages.casing import Titles, title_docs
from unspin.stages.entities.aliases import Link, acronym_links, alias_links, handle_links
from unspin.stages.entities.clusters import Clusters, cluster, cluster_type, scan
from unspin.stages.entities.countries import Gazetteer, gazetteer
from unspin.stages.entities.datelines import dateline_places
from unspin.stages.entities.descriptions import (
    Context,
    antecedent,
    descriptions,
    introductions,
    possessors,
)
from unspin.stages.entities.groups import group_phrases, marked, refer_groups
from unspin.stages.entities.headline import headline_roles
from unspin.stages.entities.labels import DESCRIBED, LabelFinder
from unspin.stages.entities.names import (
    ACRONYM,
    ALIAS,
    DEMONYM,
    DESCRIPTION,
    GROUP,
    NER,
    PROPER,
    RELATION,
    Name,
    acronym_names,
    handle_names,
    inside,
    ner_names,
    owned_names,
    proper_names,
)
from unspin.stages.entities.newcomers import NEWCOMER, first_mentions, named_next, newcomers
from unspin.stages.entities.posts import Post, signed_posts
from unspin.stages.entities.pronouns import PRONOUN, pronoun_names
from unspin.stages.entities.relations import Relations
from unspin.stages.gender import pronoun_genders

SOURCE = "rules/entities"
_NOT_ALIASES = frozenset({DEMONYM, DESCRIPTION, GROUP, PRONOUN, RELATION, NEWCOMER})
_NOT_NAMES = frozenset({DESCRIPTION, PRONOUN})  # refer to an actor without naming it
_SALIENT = 3  # times a group is referred to that make each of its phrases a label
_DESCRIBING = frozenset({DESCRIPTION, PRONOUN, GROUP, RELATION, NEWCOMER})  # may be or hold
# a label


class EntitiesStage(Stage):
    name: ClassVar[str] = "entities"
    requires: ClassVar[frozenset[str]] = frozenset({"doc"})
    provides: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __init__(self, *, options: Options) -> None:
        self.rules: ActorRules = actor_rules()
        self.places: Gazetteer = gazetteer()
        self.spacy_model = options.spacy_model

    def __call__(self, article: Article) -> Article:
        doc = article.cache["doc"]
        titles = title_docs(article, nlp_loader.load(self.spacy_model))
        labels = LabelFinder(doc, self.rules, titles)
        clusters = self.clusters(doc, article.text, labels, titles, signed_posts(article))
        taken = [(n.start, n.end) for n in clusters.names if n.how not in _DESCRIBING]
        for number, names in enumerate(_actors(clusters), start=1):
            entity = self._entity(f"e{number}", names, labels)
            entity.labels = [
                label for label in entity.labels if not inside(label.start, label.end, taken)
            ]
            article.add_entity(entity)
        return article

    def clusters(
        self, doc: Any, text: str, labels: LabelFinder, titles: Titles, signed: list[Post]
    ) -> Clusters:
        """The article's names and descriptions, grouped by the actor they stand for
        (`signed`: the posts the article embeds)."""
        rules = self.rules
        casing = titles.casing
        names = self._named(doc, text, titles)
        names += acronym_names(doc, rules, self.places, names)
        names += proper_names(doc, rules, names, casing)
        names += owned_names(doc, rules, names)
        places = dateline_places(text)  # "SANTA FE, N.M. (AP) —": no actor, no alias
        names = [
            n for n in names if not _handle_part(n, text) and not inside(n.start, n.end, places)
        ]
        names += handle_names(doc)
        links = [
            link
            for link in alias_links(doc, text, names, rules)
            if not any(inside(n.start, n.end, places) for n in (link.long, link.alias))
        ]
        names, links = _with_aliases(names, links + handle_links(names, text), text)
        links += acronym_links(names, rules)
        chunks = list(doc.noun_chunks)  # read once: groups, descriptions, introductions
        groups = group_phrases(chunks, rules, names)
        counted = {(g.name.start, g.name.end) for g in groups}  # "five Islamists": the phrase
        names = [n for n in names if (n.start, n.end) not in counted]
        kept = {id(n) for n in names}
        links = [k for k in links if id(k.long) in kept and id(k.alias) in kept]
        clusters = cluster(names + [g.name for g in groups], links, rules, doc)
        scan(doc, clusters, rules, casing.lines)
        refer_groups(groups, clusters)
        _describe(chunks, clusters, rules, labels, signed)
        return clusters

    def _named(self, doc: Any, text: str, titles: Titles) -> list[Name]:
        """spaCy's named entities that can be actors; those of a Title Case line from its
        parse written as a sentence ("Stacey Abrams to sue Georgia", not "Sue Georgia"), in
        the article's own spelling."""
        casing = titles.casing
        names = [
            n
            for n in ner_names(doc, self.rules, self.places, casing)
            if titles.at(n.start, n.end) is None
        ]
        for line in titles.lines:
            for name in ner_names(line.doc, self.rules, self.places, casing):
                if line.start <= name.start and name.end <= line.end:
                    name.text = text[name.start : name.end]
                    names.append(name)
        return names

    def _entity(self, id_: str, names: list[Name], labels: LabelFinder) -> Entity:
        kind = cluster_type([n for n in names if n.how not in _NOT_NAMES])
        canonical = _canonical(names, kind)
        aliases: list[str] = []
        for name in names:
            seen = {canonical.casefold(), *(a.casefold() for a in aliases)}
            if name.how not in _NOT_ALIASES and name.text.casefold() not in seen:
                aliases.append(name.text)
        mentions = [Span(n.start, n.end, n.how) for n in names if n.how != PRONOUN]
        return Entity(id_, canonical, kind, aliases, mentions, _labels(names, labels))


def _labels(names: list[Name], labels: LabelFinder) -> list[Span]:
    """The labels of an actor's names, and its descriptions ("the shadowy outfit"); a group
    referred to more than once is described by each of its phrases that says which people
    ("the defendants", "both men"; `marked`), one referred to again and again by all of them
    ("reporters")."""
    found: dict[tuple[int, int], str] = {}
    referred = sum(1 for n in names if n.how in (DESCRIPTION, GROUP))
    for name in names:
        if name.how in (DESCRIPTION, RELATION, NEWCOMER) or (
            name.how == GROUP
            and referred >= 2
            and (referred >= _SALIENT or marked(labels.doc, name))
        ):
            found.setdefault((name.start, name.end), DESCRIBED)
        if name.how != DEMONYM:  # "the group, a shadowy outfit,": a description's too
            for label in labels(name.start, name.end):
                found.setdefault((label.start, label.end), label.kind)
    kept: list[Span] = []
    for (start, end), kind in sorted(found.items(), key=lambda f: (f[0][0], -f[0][1])):
        if not kept or kept[-1].end <= start:  # overlapping readings of one phrase: the longest
            kept.append(Span(start, end, kind, {"source": SOURCE}))
    return kept


def _with_aliases(names: list[Name], links: list[Link], text: str) -> tuple[list[Name], list[Link]]:
    """Add the names aliases introduce; where one covers names spaCy found (a long form it
    split or mistyped), it replaces them, and an alias spaCy also found is that same name.
    A link whose name lies inside a longer name is dropped. Of a person's two names, the one
    the article goes on to use ("Hakim Muhammad, aka Keith Ellison", then "Ellison") lends
    its surname; the other is the alias."""
    kept = list(names)
    fixed: list[Link] = []
    for link in links:
        long = _placed(kept, link.long)
        alias = _placed(kept, link.alias)
        if long is not None and alias is not None:
            if long.how == NER and _used_more(alias, long, text):
                long.how = ALIAS
            else:
                alias.how = ALIAS if alias.how == NER else alias.how  # "aka Hakim Muhammad"
            fixed.append(Link(long, alias))
    return kept, fixed


def _used_more(name: Name, other: Name, text: str) -> bool:
    """Whether a person's name's last word recurs in the text more often than the other's."""
    if name.type != "person" or other.type != "person":
        return False
    last, other_last = name.text.split()[-1], other.text.split()[-1]
    return _occurrences(last, text) > _occurrences(other_last, text)


def _occurrences(word: str, text: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", text))


def _handle_part(name: Name, text: str) -> bool:
    """A name spaCy found inside a handle ("Follow @KeithEllison" as a person)."""
    return "@" in name.text or (name.start > 0 and text[name.start - 1] == "@")


def _placed(names: list[Name], name: Name) -> Name | None:
    """`name` as one of `names`: the same-offset name if there is one; else added, in place
    of the names inside it."""
    for other in names:
        if (other.start, other.end) == (name.start, name.end):
            return other
    inside = [n for n in names if name.start <= n.start and n.end <= name.end]
    if any(
        n.end - n.start > name.end - name.start for n in names if n.overlaps(name.start, name.end)
    ):
        return None  # part of a longer name
    for other in inside:
        names.remove(other)
    names.append(name)
    return name


def _describe(
    chunks: list[Any],
    clusters: Clusters,
    rules: ActorRules,
    labels: LabelFinder,
    signed: list[Post],
) -> None:
    """Attach each definite description to the actor it refers to (descriptions before it
    count as mentions of their actor), then the pronouns labels are said of and the roles a
    headline names its actors by."""
    doc = labels.doc
    roles = _roles(doc, clusters, rules, labels)
    mentions = sorted(
        ((n, clusters.find(i)) for i, n in enumerate(clusters.names)), key=lambda m: m[0].start
    )
    people = _people(clusters)
    genders = _genders(doc, mentions, people, roles, rules)
    context = Context(rules, mentions, roles, genders, introductions(chunks))
    relations = Relations(
        doc,
        doc_text(doc),
        rules.relations,
        rules.kin,
        rules.genders,
        context.mentions,
        people,
        genders,
        signed,
    )
    for found in descriptions(chunks + possessors(doc), rules, clusters.names):
        if found.owner is not None:
            root: int | None = clusters.find(clusters.index(found.owner))
        else:  # "his accuser": the one who accuses him; else whom it refers back to
            root = relations.accuser(found)
            root = antecedent(found, context) if root is None else root
        if root is not None:
            clusters.attach(found.name, root)
            context.add(found, root)
            continue
        related = relations.name_for(found)
        if related is None:
            continue
        name, first = related
        if first is None:  # "her son": someone the article names by whose they are
            root = clusters.add(name)
            if name.type == "person":
                people.add(root)
                gender = rules.genders.get(former(found.head))
                if gender is not None:
                    genders[root] = gender
        else:
            root = clusters.find(clusters.index(first))
            clusters.attach(name, root)
        context.add(found, root, name)
    for pronoun, root in pronoun_names(doc, context.mentions, people, genders):
        clusters.attach(pronoun, root)
    lines = [(t.start, t.end) for t in labels.titles.lines] if labels.titles else []
    for role, root in headline_roles(doc, rules, clusters.names, mentions, roles, lines):
        clusters.attach(role, root)
    firsts = first_mentions(mentions)
    for name in newcomers(chunks, rules, clusters.names):  # last: no description's antecedent
        later = named_next(name, firsts, roles)
        if later is None:
            clusters.add(name)
        else:
            clusters.attach(name, later)


def _roles(
    doc: Any, clusters: Clusters, rules: ActorRules, labels: LabelFinder
) -> dict[int, set[str]]:
    """The words each actor's names were introduced with ("President", "minister", "judge"),
    lower-case, for descriptions that refer back by them."""
    roles: dict[int, set[str]] = {}
    for i, name in enumerate(clusters.names):
        if name.type != "person":
            continue
        titled = labels.titles is not None and labels.titles.at(name.start) is not None
        words = set(_titles_before(doc_text(doc), name.start, rules, titled))
        words |= {rules.title_words[w] for w in words if w in rules.title_words}
        for label in labels(name.start, name.end):
            words |= {w.lower() for w in doc_text(doc)[label.start : label.end].split()}
        roles.setdefault(clusters.find(i), set()).update(words)
    return roles


def _titles_before(text: str, at: int, rules: ActorRules, titled: bool = False) -> list[str]:
    """The up to three words right before a name, on its line, that read as its title:
    capitalised or titles ("Manhattan Supreme Court Justice", "Democratic Rep."), lower-case;
    in a Title Case line (`titled`), where every word is capitalised, titles only."""
    found: list[str] = []
    line = text[max(0, at - 40) : at].rsplit("\n", 1)[-1]
    for word in reversed(line.split()[-3:]):
        bare = word.strip(".,")
        capital = bool(bare) and bare[0].isupper() and not titled
        if not bare or not (capital or bare.lower().rstrip(".") in rules.titles):
            break
        found.append(bare.lower())
    return found


def _people(clusters: Clusters) -> set[int]:
    """The clusters (roots) that are people, by the names in them (spaCy may take one name of
    a person for an organisation: "Jany Leveille")."""
    names: dict[int, list[Name]] = {}
    for i, name in enumerate(clusters.names):
        if name.how not in _NOT_NAMES:
            names.setdefault(clusters.find(i), []).append(name)
    return {root for root, found in names.items() if cluster_type(found) == "person"}


def _genders(
    doc: Any,
    mentions: list[tuple[Name, int]],
    persons: set[int],
    roles: dict[int, set[str]],
    rules: ActorRules,
) -> dict[int, str]:
    """Each person's gender from the pronouns after their name and the gendered words they
    were introduced with ("Mrs.", "congresswoman")."""
    people = [(n.start, c) for n, c in mentions if c in persons and n.how != DESCRIPTION]
    words = [(c, rules.genders[w]) for c, ws in roles.items() for w in ws if w in rules.genders]
    starts = [sentence.start_char for sentence in doc.sents]
    names = [(c, n.text) for n, c in mentions if c in persons and n.how in PROPER]
    return pronoun_genders(doc_text(doc), starts, people, words, names)


def _actors(clusters: Clusters) -> list[list[Name]]:
    """The clusters that are actors: not places alone, not descriptions alone."""
    return [
        sorted(names, key=lambda n: n.start)
        for names in clusters.groups()
        if any(n.how not in _NOT_NAMES for n in names) and cluster_type(names) != "place"
    ]


def _canonical(names: list[Name], kind: str) -> str:
    """The fullest name: a country's own name, a person's or organisation's longest name
    other than an alias."""
    if kind == "country":
        known = [n.country for n in names if n.country is not None]
        if known:
            return known[0]
    if kind == "group":  # as written (but a sentence's capital): "top White House aides"
        return names[0].text
    proper = [n for n in names if n.how not in _NOT_ALIASES] or names
    spelled = [n for n in proper if n.how != ACRONYM] or proper
    if kind == "person":  # not "aka Hakim Muhammad"
        spelled = [n for n in spelled if n.how != ALIAS] or spelled
    return max(spelled, key=lambda n: (len(n.text.split()), len(n.text), -n.start)).text
