"""How the attribution tagger's word-piece probabilities become spans."""

from __future__ import annotations

import numpy as np

from unspin.models.attribution import TAGS, Decode, RoleFound, decode
from unspin.models.windows import Encoded, Windowed


def windowed(text: str, tags: list[dict[str, float]]) -> Windowed:
    """One piece per word of `text`, with the given tag probabilities (the rest on O)."""
    words = text.split(" ")
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    probs = np.zeros((len(words), len(TAGS)), dtype=np.float32)
    for row, given in enumerate(tags):
        for tag, p in given.items():
            probs[row, TAGS.index(tag)] = p
        probs[row, 0] = 1 - sum(given.values())
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    return Windowed(text, Encoded(list(range(len(words))), starts, ends), [], probs)


def test_a_run_of_one_role_is_one_span_even_when_each_piece_looks_like_a_beginning() -> None:
    w = windowed("Novak has said so", [{"B-Source": 0.9}, {"B-Cue": 0.6}, {"B-Cue": 0.7}, {}])
    found = decode(w, Decode(split=0.9, min_confidence=(0.5, 0.5, 0.5)))
    assert [(f.role, w.text[f.start : f.end]) for f in found] == [
        ("Source", "Novak"),
        ("Cue", "has said"),
    ]


def test_a_sure_beginning_starts_a_new_span() -> None:
    w = windowed("a b", [{"B-Content": 0.95}, {"B-Content": 0.95}])
    found = decode(w, Decode(split=0.9))
    assert len(found) == 2


def test_spans_under_their_roles_floor_are_dropped() -> None:
    w = windowed("Novak said", [{"B-Source": 0.6}, {"B-Cue": 0.9}])
    found = decode(w, Decode(split=0.9, min_confidence=(0.7, 0.5, 0.5)))
    assert found == [RoleFound("Cue", 6, 10, found[0].confidence)]
    assert abs(found[0].confidence - 0.9) < 1e-6


def test_an_empty_text_has_no_spans() -> None:
    w = Windowed("", Encoded([], [], []), [], np.zeros((0, len(TAGS)), dtype=np.float32))
    assert decode(w, Decode()) == []


def test_the_rule_round_trips_through_the_manifest() -> None:
    rule = Decode(split=0.8, min_confidence=(0.6, 0.55, 0.7))
    assert Decode.from_dict(rule.to_dict()) == rule
