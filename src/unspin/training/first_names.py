"""Build `rules/first_names.json`: first names that one sex all but always bears.

The entities and accusations stages pick the person a "she" or "his" refers to by the gender
each person is known to have; an article that names someone once and never uses a pronoun
for them gives none. A first name then gives a weak vote (`stages/gender.py`). The names come
from the nomquamgender data (Van Buskirk et al., MIT licence): for each name, how many people
its national sources count under it and the share of women among them. A name is kept when
the data counts it often (`COMMON`) and the share is near one or near zero (`CLEAR`); names
are folded to ASCII lower case, as the data keys are.

    pip install nomquamgender       # only to build the file, not to run unspin
    unspin actors first-names --names "$(python -c 'import importlib.util as u, pathlib as p;
        print(p.Path(u.find_spec("nomquamgender").origin).with_name("name_data.json"))')"
"""

from __future__ import annotations

import json
from pathlib import Path

from unspin.errors import InputError, InputNotFoundError

CLEAR = 0.9  # the share of one sex among the people so named that makes a name say it
COMMON = 500  # people the data must count under a name
NOTICE = (
    "nomquamgender name data, Copyright (c) 2022 Ian Van Buskirk, MIT licence: "
    "https://github.com/ianvanbuskirk/nomquamgender"
)


def first_names(data: Path) -> dict[str, list[str]]:
    """The names of nomquamgender's `name_data.json` that say a sex: {"f": [...], "m": [...]},
    each sorted."""
    if not data.is_file():
        raise InputNotFoundError(str(data), "not found; --names takes nomquamgender's data file")
    try:
        table = json.loads(data.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(data), f"not a JSON name table: {exc}") from exc
    found: dict[str, list[str]] = {"f": [], "m": []}
    for name, row in table.items():
        if not (isinstance(row, list) and len(row) >= 3 and name.isascii() and name.isalpha()):
            continue
        count, female = row[1], row[2]
        if not isinstance(count, int) or not isinstance(female, int | float) or count < COMMON:
            continue
        if female >= CLEAR:
            found["f"].append(name)
        elif female <= 1 - CLEAR:
            found["m"].append(name)
    return {sex: sorted(names) for sex, names in found.items()}


def write_first_names(data: Path, out: Path) -> int:
    """Write the rules file; the number of names written."""
    names = first_names(data)
    document = {
        "about": (
            "First names that one sex all but always bears (share of women at least "
            f"{CLEAR} or at most {1 - CLEAR:.1f}, {COMMON} people or more), ASCII lower case, "
            "written by `unspin actors first-names`; a weak vote for whom 'he' or 'she' "
            "refers to."
        ),
        "source": NOTICE,
        **names,
    }
    out.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return sum(len(v) for v in names.values())
