"""The lexicon of the entities stage (actors.json), loaded once and checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from unspin.errors import RulesError
from unspin.rules import read_rules

ACTOR_TYPES = ("person", "organization", "country", "group")


@dataclass(frozen=True, slots=True)
class ActorRules:
    titles: frozenset[str]  # words before a name that are not part of it, lower-case, no dot
    courtesy: frozenset[str]  # titles that say nothing of the actor ("Mr.", "Sen."): no label
    alias_cues: tuple[str, ...]  # longest first
    connectors: frozenset[str]  # small words inside a long name: "of", "the"
    descriptions: dict[str, str]  # head noun of a description -> the actor type it refers to
    generic: frozenset[str]  # heads that refer to the nearest fitting actor ("the group");
    # other heads ("the ministry") only to an actor whose name or labels hold the word
    people: frozenset[str]  # plural nouns for groups of people that act: "former members"
    person_nouns: frozenset[str]  # nouns whose usual sense is a person (WordNet noun.person)
    person_senses: frozenset[str]  # nouns with a person among their other senses ("agent")
    portfolios: frozenset[str]  # "Secretary (of State)": titles followed by the field they hold
    genders: dict[str, str]  # nouns and titles of one gender -> "f" / "m": "woman", "Mrs."
    synonyms: dict[str, frozenset[str]]  # role word -> words for the same role ("rep" ->
    # "congressman"): "the congressman" refers back to "Rep. Keith Ellison"
    not_actors: frozenset[str]  # all-capital words that are not the name of an actor
    title_words: dict[str, str]  # abbreviated titles -> the word a description uses ("gov")
    naming: frozenset[str]  # verbs that pin a label: "called X a liar", "branded X as"
    platforms: frozenset[str]  # online services that spaCy may take for people ("Twitter")
    media: tuple[str, ...]  # "X News", "X Evening News" are the outlet X: "CBS News" is CBS
    owned: frozenset[str]  # a person's organisation named after them: "the Clinton campaign"
    relations: frozenset[str]  # heads an actor is named by whose it is: "her son", "his campaign"
    kin: frozenset[str]  # relations of family, who may bear the owner's surname ("her son")
    seats: dict[str, str]  # seat of government -> country
    country_names: dict[str, str]  # short or older names the country data lacks -> country

    def person_noun(self, lemma: str) -> bool:
        """Whether a (lower-case) noun speaks of a person: "defendant", "campaign chair"'s
        "chair", "ex-wife"."""
        lemma = former(lemma)
        return lemma in self.person_nouns or self.descriptions.get(lemma) == "person"

    def may_be_person(self, lemma: str) -> bool:
        """Whether a noun has a person among any of its senses ("agent", "figure")."""
        return self.person_noun(lemma) or lemma in self.person_senses


def former(word: str) -> str:
    """A word without the "ex-" that says the role was once held ("ex-wife" -> "wife")."""
    return word[3:] if word.startswith("ex-") and len(word) > 3 else word


@lru_cache(maxsize=1)
def actor_rules() -> ActorRules:
    data = read_rules("actors.json")
    people = read_rules("person_nouns.json")
    try:
        descriptions: dict[str, str] = {}
        for kind, nouns in data["descriptions"].items():
            if kind not in ACTOR_TYPES:
                raise RulesError(f"actors.json: unknown actor type {kind!r}; known: {ACTOR_TYPES}")
            for noun in nouns:
                descriptions.setdefault(noun, kind)
        return ActorRules(
            titles=frozenset(t.rstrip(".") for t in [*data["titles"], *data["courtesy_titles"]]),
            courtesy=frozenset(t.rstrip(".") for t in data["courtesy_titles"]),
            alias_cues=tuple(sorted(data["alias_cues"], key=len, reverse=True)),
            connectors=frozenset(data["connectors"]),
            descriptions=descriptions,
            generic=frozenset(data["generic_descriptions"]),
            people=frozenset(data["people"]),
            person_nouns=frozenset(people["nouns"]),
            person_senses=frozenset(people["other_senses"]),
            portfolios=frozenset(data["portfolio_titles"]["words"]),
            genders={w: g for g, words in data["gendered_nouns"].items() for w in words},
            synonyms=_synonyms(data["role_synonyms"]),
            not_actors=frozenset(data["acronyms_not_actors"]),
            title_words=dict(data["title_words"]),
            naming=frozenset(data["naming_verbs"]),
            platforms=frozenset(data["platforms"]),
            media=tuple(sorted(data["media_suffixes"], key=len, reverse=True)),
            owned=frozenset(data["owned_organizations"]),
            relations=frozenset(data["relations"]),
            kin=frozenset(data["kin"]),
            seats=dict(data["seats_of_government"]),
            country_names=dict(data["country_names"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise RulesError(f"actors.json: missing or malformed entry: {exc}") from exc


def _synonyms(groups: list[list[str]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for group in groups:
        for word in group:
            found.setdefault(word, set()).update(group)
    return {word: frozenset(words) for word, words in found.items()}
