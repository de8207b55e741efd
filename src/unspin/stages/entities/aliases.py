"""Other names an article gives an actor, learnt from the article itself:

    the Fellowship of the Open Hand (FOH, also known as the Open Hand Movement or the Handfolk)
    the National Renewal Front, also known as the Renewal Movement,
    Acme Corp, formerly Acme Holdings, / known as / a.k.a. / better known as
    Federal Bureau of Investigation ... FBI            (an acronym of a long name elsewhere)

Each alias found is a Name at its own offsets, linked to the name it renames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from unspin.rules.actors import ActorRules
from unspin.stages.entities.names import ACRONYM_FORM, ALIAS, HANDLE, Name, proper_before

_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:or|and)\s+")
_DESIGNATION = re.compile(r"^[A-Z]-[A-Za-z. ]+$")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"


@dataclass(frozen=True, slots=True)
class Link:
    long: Name
    alias: Name


def alias_links(doc: Any, text: str, names: list[Name], rules: ActorRules) -> list[Link]:
    """Aliases introduced right after a name, in parentheses or after an alias cue."""
    cues = "|".join(re.escape(c) for c in rules.alias_cues if c != "or")
    after_comma = re.compile(rf",\s+(?:{cues})\s+")
    links: list[Link] = []
    for paren in re.finditer(r"\(([^()\n]{1,160})\)", text):
        long = _spelled_out(doc, text, paren, names, rules) or _long_form(
            doc, text, paren.start(), names, rules
        )
        if long is not None:
            links += _listed(text, paren.start(1), paren.end(1), long, rules)
    for cue in after_comma.finditer(text):
        long = _long_form(doc, text, cue.start(), names, rules)
        if long is not None:
            stop = re.search(r"[,;:.()\n]|\s(?:which|who|that|is|was|has|had)\s", text[cue.end() :])
            end = cue.end() + (stop.start() if stop else len(text) - cue.end())
            links += _listed(text, cue.end(), end, long, rules)
    return links


def _spelled_out(
    doc: Any, text: str, paren: re.Match[str], names: list[Name], rules: ActorRules
) -> Name | None:
    """For an acronym in parentheses, the capitalised words before it whose initials spell it,
    where spaCy's names cut it ("New Mexico Children Youth and Families Department (CYFD)",
    not spaCy's "New Mexico Children Youth" and "Families Department")."""
    acronym = paren.group(1).strip()
    if not ACRONYM_FORM.match(acronym):
        return None
    letters = acronym.replace(".", "").upper()
    end = _end_before(text, paren.start())
    known = next((n for n in names if n.end == end), None)
    if known is not None and letters in _initials(known.text, rules):
        return known
    found = proper_before(doc, end, rules)
    if found is None:
        return None
    words = list(re.finditer(r"\S+", text[found[0] : found[1]]))
    for word in words:
        start = found[0] + word.start()
        if letters in _initials(text[start:end], rules):
            cut = [n.start for n in names if n.start < start < n.end]  # "New Mexico Children
            start = min(cut, default=start)  # Youth" cut out of it by spaCy: the whole name
            return Name(start, end, text[start:end], "organization", ALIAS)
    return None


def _long_form(doc: Any, text: str, at: int, names: list[Name], rules: ActorRules) -> Name | None:
    """The name ending right before offset `at` (and before a parenthesis there, as in
    "Keith Ellison (D-MN), aka ..."): a known one, or a capitalised phrase."""
    end = _end_before(text, at)
    if end and text[end - 1] == ")" and (opening := text.rfind("(", 0, end)) > 0:
        end = _end_before(text, opening)
    for name in names:
        if name.end == end:
            return name
    found = proper_before(doc, end, rules)
    if found is None:
        return None
    start, stop = found
    inner = [n for n in names if start <= n.start and n.end <= stop]
    kind = inner[-1].type if inner and inner[-1].type != "place" else "organization"
    return Name(start, stop, text[start:stop], kind, ALIAS)


def _listed(text: str, start: int, end: int, long: Name, rules: ActorRules) -> list[Link]:
    """The names listed in text[start:end] ("NRF, also known as the Renewal Movement or NaRF"),
    each a Link from `long`, with the cue words and a leading "the" left out."""
    links: list[Link] = []
    cursor = start
    for piece in _SPLIT.split(text[start:end]):
        at = text.find(piece, cursor, end) if piece else -1
        if at < 0:
            continue
        cursor = at + len(piece)
        a, b = _bare(text, at, at + len(piece), rules)
        if b > a and text[a].isupper() and _looks_like_name(text[a:b], long.text):
            links.append(Link(long, Name(a, b, text[a:b], long.type, ALIAS, long.country)))
    return links


def _bare(text: str, start: int, end: int, rules: ActorRules) -> tuple[int, int]:
    """Offsets of a listed name without cue words, "the" and quotation marks around it."""
    changed = True
    while changed and start < end:
        changed = False
        lowered = text[start:end].lower()
        for word in (*rules.alias_cues, "the"):
            if lowered.startswith(word + " "):
                start += len(word) + 1
                changed = True
                break
        while start < end and (text[start] in _QUOTES or text[start].isspace()):
            start, changed = start + 1, True
        while end > start and (text[end - 1] in _QUOTES or text[end - 1] in " .,"):
            end, changed = end - 1, True
    return start, end


def _looks_like_name(alias: str, long: str) -> bool:
    """Capitalised words only, not a year or a place in parentheses after a person."""
    words = alias.split()
    if not words or len(words) > 8 or alias == long or any(c.isdigit() for c in alias):
        return False
    if _DESIGNATION.match(alias):  # "D-MN", "R-Tenn.": party and state, not a name
        return False
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) >= len(words) / 2


def acronym_links(names: list[Name], rules: ActorRules) -> list[Link]:
    """An acronym whose letters are the initials of a long name in the same article."""
    longs = [n for n in names if n.type != "person" and len(n.text.split()) >= 2]
    links: list[Link] = []
    for name in names:
        if not ACRONYM_FORM.match(name.text) or name.country is not None:
            continue
        letters = name.text.replace(".", "").upper()
        for long in longs:
            if letters in _initials(long.text, rules):
                links.append(Link(long, name))
                break
    return links


def _initials(long: str, rules: ActorRules) -> set[str]:
    """ "Department of Justice" -> {"DJ", "DOJ"}: with and without the small words."""
    words = [w for w in re.split(r"[\s-]+", long) if w]
    content = "".join(w[0] for w in words if w.lower() not in rules.connectors).upper()
    every = "".join(w[0] for w in words).upper()
    return {content, every}


def handle_links(names: list[Name], text: str) -> list[Link]:
    """A handle that spells an actor's full name ("@KeithEllison", "@realDonaldTrump"), or
    that follows a name in parentheses, as an embedded post is signed ("— Shimon Prokupecz
    (@ShimonPro) March 22, 2019")."""
    spelled = {
        "".join(n.text.split()).casefold(): n
        for n in names
        if n.how != HANDLE and len(n.text.split()) >= 2
    }
    links: list[Link] = []
    for name in (n for n in names if n.how == HANDLE):
        handle = name.text.casefold()
        match = next((n for key, n in spelled.items() if key in handle), None)
        match = match or _signed(name, names, text)
        if match is not None:
            links.append(
                Link(
                    match, Name(name.start, name.end, name.text, match.type, HANDLE, match.country)
                )
            )
    return links


def _signed(handle: Name, names: list[Name], text: str) -> Name | None:
    """The name a handle follows in parentheses: "Zeke Miller (@ZekeJMiller)"."""
    opening = handle.start - 2
    if opening < 0 or text[opening : handle.start] != "(@":
        return None
    end = _end_before(text, opening)
    return next(
        (n for n in names if n.how != HANDLE and n.end == end and n.type != "place"),
        None,
    )


def _end_before(text: str, at: int) -> int:
    """The end of the text before offset `at`, without the spaces there."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at
