"""Build `rules/person_nouns.json`: the common nouns whose usual sense is a person.

The entities stage needs to know that "the congressman", "the victor", "his ex-wife" and
"five adults" speak of people. Rather than a hand list, the words come from WordNet's
lexicographer file `noun.person`: a noun counts when its most frequent sense (the first synset
WordNet's `index.noun` lists for it) lies in that file, so "star" (first sense: a celestial body)
is left out while "president" and "defendant" are in. Kinds of people spelt with a capital
("Democrat", "Muslim") are in, lower-cased; single people ("Lincoln": a synset that is an
*instance* of a class) and multi-word entries are out: a description's head is one word.

    unspin actors lexicon --wordnet /usr/share/wordnet     # Debian package wordnet-base

WordNet 3.0 is (c) Princeton University, under a licence that allows use, copying and
distribution with its copyright notice, which the written file carries.
"""

from __future__ import annotations

import json
from pathlib import Path

from unspin.errors import InputNotFoundError

PERSON_FILE = 18  # lexicographer file number of noun.person
NOTICE = (
    "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. "
    "Used under the WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use"
)


def person_nouns(wordnet: Path, *, any_sense: bool = False) -> list[str]:
    """The one-word common nouns whose first WordNet sense is in noun.person (with
    `any_sense`, one of whose senses is: "agent", "figure", "star"), sorted."""
    return _person_nouns(_read(wordnet), any_sense=any_sense)


WordNet = tuple[list[str], dict[str, int], dict[str, set[str]]]  # index lines, synset files
# and words by offset


def _read(wordnet: Path) -> WordNet:
    index, data = wordnet / "index.noun", wordnet / "data.noun"
    for path in (index, data):
        if not path.is_file():
            raise InputNotFoundError(str(path), "not found; --wordnet takes a WordNet 3.0 dict")
    files, kinds = _synsets(data)
    return _entries(index), files, kinds


def _person_nouns(wordnet: WordNet, *, any_sense: bool) -> list[str]:
    entries, files, kinds = wordnet
    found: set[str] = set()
    for line in entries:
        fields = line.split()
        lemma, senses = fields[0], int(fields[2])  # index.noun spells every lemma lower-case
        offsets = fields[-senses:]
        if "_" in lemma or not lemma.isascii() or not any(c.isalpha() for c in lemma):
            continue
        if any(
            files.get(offset) == PERSON_FILE and lemma in kinds.get(offset, ())
            for offset in (offsets if any_sense else offsets[:1])
        ):
            found.add(lemma)
    return sorted(found)


def write_lexicon(wordnet: Path, out: Path) -> int:
    read = _read(wordnet)
    nouns = _person_nouns(read, any_sense=False)
    body = {
        "about": (
            "One-word common nouns whose most frequent WordNet sense is a person "
            "(noun.person), written by `unspin actors lexicon`; used to tell which "
            "descriptions and plural noun phrases speak of people. `other_senses`: the nouns "
            'with a person among their other senses ("agent", "figure"), which may '
            "describe someone beside a name."
        ),
        "source": NOTICE,
        "nouns": nouns,
        "other_senses": sorted(set(_person_nouns(read, any_sense=True)) - set(nouns)),
    }
    out.write_text(json.dumps(body, indent=0) + "\n", encoding="utf-8")
    return len(nouns)


def _entries(path: Path) -> list[str]:
    """The lines of a WordNet file, without its licence header (lines starting with spaces)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return [line for line in text.splitlines() if line and not line.startswith(" ")]


def _synsets(path: Path) -> tuple[dict[str, int], dict[str, set[str]]]:
    """Each synset's lexicographer file, and its words lower-cased unless it is a single
    individual (an instance: "Lincoln"), by offset."""
    files: dict[str, int] = {}
    kinds: dict[str, set[str]] = {}
    for line in _entries(path):
        fields = line.split()
        offset, lexfile, count = fields[0], int(fields[1]), int(fields[3], 16)
        words = fields[4 : 4 + 2 * count : 2]
        pointers = fields[4 + 2 * count + 1 :: 4][: int(fields[4 + 2 * count])]
        files[offset] = lexfile
        kinds[offset] = set() if "@i" in pointers else {w.lower() for w in words}
    return files, kinds
