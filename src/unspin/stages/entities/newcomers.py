"""People an article brings in without a name: "A federal judge denied bail", "an FBI official
told the Daily News", "the caller was shot by a black police officer".

An indefinite singular noun phrase for a person ("a", "an", "one", "another") that is the
subject of a verb is someone of their own: an actor named by the phrase without its
determiner ("federal judge"), the phrase also its label. Each is a new person (two "a
reporter"s are two people). Not a predicate ("she is a Haitian national" describes someone
already there), nor someone spoken of in general (a clause with a modal, "a reporter should
ask", or one that says when or if, "if a reporter asks"), nor one the phrase goes on to name
or single out ("a woman by the name of Karen Monahan", "a pope who ..."), nor one in an
article's first sentence (a headline's "One protest organizer says ..." is named below).
Later descriptions do not refer back to them: an article that brings someone in so often
names them soon after ("One lawmaker is hinting ... Perry said"), and "the lawmaker" is then
the named one. The agent of a passive ("shot by a police officer") is left out too: the
"he" after it is more often the one acted on.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from unspin.nlp import doc_text, first_conjunct
from unspin.rules.actors import ActorRules
from unspin.stages.entities.names import Name

NEWCOMER = "newcomer"  # how a name was found: a person brought in by a description
_INDEFINITE = frozenset({"a", "an", "one", "another"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODALS = frozenset({"MD"})
_CONDITIONS = frozenset({"if", "unless"})
_TIMES = frozenset({"when", "whenever", "until", "before", "once"})  # in the present: any time
# (spaCy makes "when" an adverb as often as a marker)
_PRESENT = frozenset({"VBZ", "VBP"})
_NEXT = 600  # characters after a newcomer within which the article may name them
_WORDS = frozenset({"amod", "compound", "nmod", "npadvmod"})  # "federal", "FBI", "911"


def first_mentions(mentions: list[tuple[Name, int]]) -> list[tuple[int, int]]:
    """(start, actor) of each actor's first mention, in text order (`mentions` in text order)."""
    seen: set[int] = set()
    found: list[tuple[int, int]] = []
    for mention, actor in mentions:
        if actor not in seen:
            seen.add(actor)
            found.append((mention.start, actor))
    return found


def named_next(name: Name, firsts: list[tuple[int, int]], roles: dict[int, set[str]]) -> int | None:
    """The person a newcomer turns out to be: one first named soon after it (`firsts`, from
    `first_mentions`) with a role that holds its head ("A federal judge denied bail ...
    Magistrate Judge Kirtan Khalsa said")."""
    head = name.text.rsplit(maxsplit=1)[-1].lower()
    for start, actor in firsts[bisect_left(firsts, (name.end, -1)) :]:
        if start > name.end + _NEXT:
            break
        if head in roles.get(actor, ()):
            return actor
    return None


def newcomers(chunks: list[Any], rules: ActorRules, names: list[Name]) -> list[Name]:
    """The article's unnamed people brought in as acting, in text order."""
    found: list[Name] = []
    for chunk in chunks:
        root = chunk.root
        if root.tag_ != "NN" or chunk[0].lower_ not in _INDEFINITE:
            continue
        if not rules.person_noun(root.lemma_.lower()) or not _acts(root):
            continue
        if any(c.dep_ in ("relcl", "acl") for c in root.children) or root.sent.start == 0:
            continue  # "a pope who ...", a headline: whom the article may name next
        if any(n.overlaps(root.idx, root.idx + len(root.text)) for n in names) or _named(root):
            continue  # the head is (part of) a name, or the phrase brings one in
        words = [t for t in chunk if t.i > chunk.start and t.i < root.i and t.dep_ in _WORDS]
        start = words[0].idx if words else root.idx
        end = root.idx + len(root.text)
        found.append(Name(start, end, doc_text(chunk.doc)[start:end], "person", NEWCOMER))
    return found


def _named(root: Any) -> bool:
    """Whether the phrase goes on with the person's name: "a woman by the name of Karen
    Monahan", "a man named Jan Novak", "a lawyer, Ana Silva,"."""
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return True
        if child.dep_ == "acl" and child.lemma_.lower() in ("name", "call"):
            return True
        if child.dep_ == "prep" and any(
            g.lower_ == "name" for p in child.children for g in p.subtree
        ):
            return True
    return False


def _acts(root: Any) -> bool:
    """Whether a phrase is the subject of a verb in a clause that says something happened."""
    token = first_conjunct(root)
    if token.dep_ not in _SUBJECTS:
        return False
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for child in verb.children:
        if child.tag_ in _MODALS or (child.dep_ == "mark" and child.lower_ in _CONDITIONS):
            return False
        said_when = child.dep_ in ("mark", "advmod") and child.lower_ in _TIMES
        if said_when and verb.tag_ in _PRESENT:
            return False  # "when a reporter asks": any reporter; not "before an aide walked"
    return True
