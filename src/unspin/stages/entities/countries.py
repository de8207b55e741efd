"""Countries, their capitals, seats of government and demonyms, from the countryinfo package
(plus the few short names and seats in actors.json), so that "Moscow dismissed the report" and
"Russian agents" can be linked to the actor Russia."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from unspin.rules.actors import actor_rules

_CODE = re.compile(r"^[A-Z]{2,3}$")
_COMPASS = frozenset(
    {
        "North",
        "South",
        "East",
        "West",
        "New",
        "United",
        "Central",
        "Northern",
        "Southern",
        "Western",
        "Eastern",
        "Great",
        "Equatorial",
        "Saint",
        "Sri",
        "El",
        "Cape",
        "Costa",
    }
)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[str, str]  # a country's name or other name -> its canonical name
    codes: dict[str, str]  # "US", "UK", "RUS" -> canonical name (trusted only on GPE spans)
    capitals: dict[str, str]  # capital or seat of government -> country (metonyms)
    demonyms: dict[str, str]  # "Russian" -> "Russia"

    def country(self, name: str, *, code_ok: bool = False) -> str | None:
        """The canonical country a name stands for, if it is one."""
        key = name.removeprefix("the ").strip()
        found = self.names.get(key) or self.names.get(key.replace(".", ""))
        if found is None and code_ok:
            found = self.codes.get(key.replace(".", ""))
        return found


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    from countryinfo import all_countries

    rules = actor_rules()
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    capitals: dict[str, str] = dict(rules.seats)
    demonyms: dict[str, str] = {}
    # most populous first: a demonym or code shared by a territory goes to the sovereign state
    for country in sorted(all_countries(), key=_population, reverse=True):
        name = country.name()
        names.setdefault(name, name)
        for other in country.alt_spellings() or []:
            if _CODE.match(other):
                codes.setdefault(other, name)
            elif other.isascii() and "," not in other:
                names.setdefault(other, name)
        for capital in _listed(country.capital()):
            capitals.setdefault(capital, name)
            capitals.setdefault(re.sub(r",?\s+D\.?C\.?$", "", capital), name)
        for demonym in _listed(country.demonym()):
            if demonym[:1].isupper():
                demonyms.setdefault(demonym, name)
                first = demonym.split()[0]
                if first != demonym and first == name.split()[0] and first not in _COMPASS:
                    demonyms.setdefault(first, name)  # "Saudi" (Arabian)
    for short, name in rules.country_names.items():
        names[short] = name
    return Gazetteer(names, codes, capitals, demonyms)


def _listed(value: object) -> list[str]:
    """A field of the country data that may be missing, a string or a list of strings."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    return []


def _population(country: Any) -> int:
    value = country.population()
    return value if isinstance(value, int) else 0
