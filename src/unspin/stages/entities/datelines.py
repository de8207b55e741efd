"""Datelines: "SANTA FE, N.M. (AP) —", "WASHINGTON (Reuters) -". The place a story was filed
from names no actor, and the agency in parentheses after it is no other name of that place."""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+)*"  # WASHINGTON, TAOS COUNTY
    r"(?P<state>(?:, [A-Z][\w.'\u2019]*(?: [\w.'\u2019]+){0,2}){0,2}))"  # , N.M.  , Sept. 26
    r"(?P<agency> \([^()\n]{1,40}\))?"  # (AP)
    r"[ \t]*[-\u2013\u2014]{1,2}[ \t]",
    re.MULTILINE,
)


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Where the place of each dateline is: line-initial capitals with a state or date after a
    comma, or an agency in parentheses, before a dash."""
    return [
        match.span("place")
        for match in _DATELINE.finditer(text)
        if match.group("state") or match.group("agency")  # not "NATO — the alliance ..."
    ]
