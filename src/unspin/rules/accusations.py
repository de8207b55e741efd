"""The lexicon of the accusations stage (accusations.json), loaded once and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from unspin.errors import RulesError
from unspin.rules import cues, read_rules


@dataclass(frozen=True, slots=True)
class AccusationRules:
    verbs: dict[str, tuple[str, ...]]  # accusing verb -> prepositions that bring the allegation
    describing: dict[str, tuple[str, ...]]  # likewise, accusing only when what they call the
    # object is negative: "described Clinton as a disgrace"
    claiming: frozenset[str]  # verbs of saying that accuse when what is said is a wrong
    alleging: frozenset[str]  # of those, the ones that accuse whatever is said ("alleged")
    documents: frozenset[str]  # things that accuse for their author ("Saucier's lawsuit")
    wrongdoers: frozenset[str]  # "the alleged gunman": someone who did a wrong
    wrong_nouns: frozenset[str]  # "a plan to prepare for attacks": nouns that name a wrong
    doing: frozenset[str]  # "had", "carried out": verbs through which a clause does a wrong
    opposing: frozenset[str]  # "condemned the attack": verbs that say no wrong of their subject
    wrongdoing: frozenset[str]
    negative: frozenset[str]  # words of clearly negative valence (VADER's lexicon)
    suffering: frozenset[str]  # verbs whose subject undergoes, not does: "died"
    nouns: frozenset[str]  # "allegations that ...", "accusations against ..."
    saying_nouns: frozenset[str]  # "X's claim that Y ...": an accusation if Y did wrong
    denying: frozenset[str]  # denial verbs (cues.json, stance deny, one word)
    denial_targets: frozenset[str]
    evidence: frozenset[str]
    counter: re.Pattern[str]  # counter-evidence phrases
    loaded_techniques: frozenset[str]  # techniques whose spans count as negative words
    apologizing: frozenset[str]  # "apologize": asked for, an accusation of what it is for
    asking: frozenset[str]  # "called on X to apologize", "urged X to apologise"
    demanding: frozenset[str]  # "demanded that X apologize"


@lru_cache(maxsize=1)
def accusation_rules() -> AccusationRules:
    data = read_rules("accusations.json")
    try:
        verbs = _verbs(data["verbs"])
        describing = _verbs(data["describing"]["verbs"])
        counter = "|".join(re.escape(p) for p in sorted(data["counter_evidence"], key=len)[::-1])
        return AccusationRules(
            verbs=verbs,
            describing=describing,
            claiming=frozenset(data["claiming"]["verbs"]),
            alleging=frozenset(data["claiming"]["alleging"]),
            documents=frozenset(data["documents"]["words"]),
            wrongdoers=frozenset(data["wrongdoers"]["words"]),
            wrong_nouns=frozenset(data["wrong_nouns"]["words"]),
            doing=frozenset(data["doing"]["verbs"]),
            opposing=frozenset(data["opposing"]["verbs"]),
            wrongdoing=frozenset(data["wrongdoing"]),
            negative=negative_words(float(data["negative_valence"])),
            suffering=frozenset(data["suffering"]["verbs"]),
            nouns=frozenset(data["nouns"]["words"]),
            saying_nouns=frozenset(data["saying_nouns"]["words"]),
            denying=frozenset(w for w, s in cues().stance.items() if s == "deny" and " " not in w),
            denial_targets=frozenset(data["denial_targets"]),
            evidence=frozenset(data["evidence"]),
            counter=re.compile(rf"\b(?:{counter})\b", re.IGNORECASE),
            loaded_techniques=frozenset(data["loaded_techniques"]["names"]),
            apologizing=frozenset(data["apologies"]["verbs"]),
            asking=frozenset(data["apologies"]["asking"]),
            demanding=frozenset(data["apologies"]["demanding"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise RulesError(f"accusations.json: missing or malformed entry: {exc}") from exc


def _verbs(entries: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    verbs = {k: tuple(v) for k, v in entries.items() if k != "about"}
    if not all(isinstance(p, str) for preps in verbs.values() for p in preps):
        raise RulesError("accusations.json: verbs must map to lists of prepositions")
    return verbs


def negative_words(threshold: float) -> frozenset[str]:
    """The words of VADER's sentiment lexicon (the vaderSentiment package, MIT) whose mean
    valence is at or below `threshold`: "abuse" -3.2, "lying" -2.4, "unacceptable" -2.0."""
    try:
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    except (ModuleNotFoundError, OSError) as exc:
        raise RulesError(f"the VADER lexicon could not be read: {exc}") from exc
    words: set[str] = set()
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                if float(parts[1]) <= threshold:
                    words.add(parts[0].lower())
            except ValueError:
                continue
    return frozenset(words)
