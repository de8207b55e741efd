"""Scoring the entities and accusations stages against hand-written annotations.

- aliases: pairwise precision/recall/F1 over the names the annotators listed: a pair of names
  is one actor in the gold and in the report (names outside the gold's list are not scored);
- labels: a label of the report matches a gold label of the same actor that it overlaps;
- accusations: an edge matches when the accuser (or its absence) and the accused are the same
  actors and the allegation spans overlap;
- denials: the denier is the same actor and the cue spans overlap.

An entity of the report is a gold actor when they share a name, or, for an actor the gold
names only by descriptions, when one of the entity's mentions overlaps one of them.
Counts are pooled over all articles (micro average); each match is one-to-one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from unspin.training.actors_gold import GoldActor, GoldArticle, normal
from unspin.training.ptc_metric import PRF

METRICS = ("aliases", "labels", "accusations", "denials")


@dataclass(slots=True)
class Count:
    """Matched and total items on each side."""

    found_right: int = 0
    found: int = 0
    gold_right: int = 0
    gold: int = 0

    def add(self, other: Count) -> None:
        self.found_right += other.found_right
        self.found += other.found
        self.gold_right += other.gold_right
        self.gold += other.gold

    def prf(self) -> PRF:
        return PRF.counted(self.found_right, self.found, self.gold_right, self.gold)


def score(pairs: Iterable[tuple[GoldArticle, dict[str, Any]]]) -> dict[str, Count]:
    """Pooled counts for each metric over (gold, report) pairs."""
    totals = {name: Count() for name in METRICS}
    for gold, report in pairs:
        for name, count in score_one(gold, report).items():
            totals[name].add(count)
    return totals


def score_one(gold: GoldArticle, report: dict[str, Any]) -> dict[str, Count]:
    same = _actor_matcher(gold, report["entities"])
    return {
        "aliases": _aliases(gold, report["entities"]),
        "labels": _labels(gold, report["entities"], same),
        "accusations": _accusations(gold, report["accusations"], same),
        "denials": _denials(gold, report["accusations"], same),
    }


def _names(entity: dict[str, Any]) -> set[str]:
    return {normal(n) for n in [entity["name"], *entity["aliases"]]}


def _pairs(groups: Iterable[set[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for names in groups for p in combinations(sorted(names), 2)}


def _aliases(gold: GoldArticle, entities: list[dict[str, Any]]) -> Count:
    vocabulary = {n for actor in gold.actors.values() for n in actor.names}
    gold_pairs = _pairs(set(a.names) for a in gold.actors.values())
    found_pairs = _pairs(_names(e) & vocabulary for e in entities)
    right = len(gold_pairs & found_pairs)
    return Count(right, len(found_pairs), right, len(gold_pairs))


Same = Callable[[str | None, str | None], bool]  # (gold actor id, entity id) -> same actor?


def _actor_matcher(gold: GoldArticle, entities: list[dict[str, Any]]) -> Same:
    by_id = {e["id"]: e for e in entities}

    def same(actor_id: str | None, entity_id: str | None) -> bool:
        if actor_id is None or entity_id is None:
            return actor_id is None and entity_id is None
        actor, entity = gold.actors.get(actor_id), by_id.get(entity_id)
        return actor is not None and entity is not None and _is(actor, entity)

    return same


def _is(actor: GoldActor, entity: dict[str, Any]) -> bool:
    """An entity is a gold actor if they share a name; a group of people, whose "name" is a
    phrase ("five former residents") rather than a proper name, also if one of the entity's
    mentions is one of the phrases the annotation gives for it."""
    if actor.names & _names(entity):
        return True
    if actor.names and actor.type != "group":
        return False
    return any(
        _overlap((m["start"], m["end"]), span) for m in entity["mentions"] for span in actor.labels
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matched(found: Sequence[Any], gold: Sequence[Any], fits: Callable[[Any, Any], bool]) -> Count:
    """One-to-one greedy matching in order: each gold item matches at most one found item."""
    used: set[int] = set()
    right = 0
    for item in found:
        for k, expected in enumerate(gold):
            if k not in used and fits(item, expected):
                used.add(k)
                right += 1
                break
    return Count(right, len(found), right, len(gold))


def _labels(gold: GoldArticle, entities: list[dict[str, Any]], same: Same) -> Count:
    found = [(e["id"], (lab["start"], lab["end"])) for e in entities for lab in e["labels"]]
    expected = [(a.id, span) for a in gold.actors.values() for span in a.labels]
    return _matched(found, expected, lambda f, g: _overlap(f[1], g[1]) and same(g[0], f[0]))


def _accusations(gold: GoldArticle, accusations: list[dict[str, Any]], same: Same) -> Count:
    def fits(found: dict[str, Any], expected: Any) -> bool:
        allegation = found.get("allegation")
        return (
            allegation is not None
            and _overlap((allegation["start"], allegation["end"]), expected.allegation)
            and same(expected.accused, found["accused"])
            and same(expected.accuser, found["accuser"])
        )

    return _matched(accusations, gold.accusations, fits)


def _denials(gold: GoldArticle, accusations: list[dict[str, Any]], same: Same) -> Count:
    found = {(d["start"], d["end"], d["by"]) for a in accusations for d in a["denials"]}
    return _matched(
        sorted(found, key=lambda d: (d[0], d[1])),
        gold.denials,
        lambda f, g: _overlap((f[0], f[1]), g.cue) and same(g.denier, f[2]),
    )


def reading_report(reading: GoldArticle) -> dict[str, Any]:
    """A second annotator's reading of an article, in the shape of a report, to score it
    against the annotations as unspin is scored (how far two readers agree): each actor an
    entity whose mentions are its labels (its names match by themselves)."""
    entities = []
    for actor in reading.actors.values():
        names = sorted(actor.names)
        mentions = [{"start": a, "end": b} for a, b in actor.labels]
        entities.append(
            {
                "id": actor.id,
                "name": names[0] if names else "",
                "aliases": names[1:],
                "type": actor.type,
                "mentions": mentions,
                "labels": [{"start": a, "end": b} for a, b in actor.labels],
            }
        )
    accusations: list[dict[str, Any]] = [
        {
            "accuser": item.accuser,
            "accused": item.accused,
            "allegation": {"start": item.allegation[0], "end": item.allegation[1]},
            "denials": [],
        }
        for item in reading.accusations
    ]
    for denial in reading.denials:
        if denial.accusation is not None and 0 <= denial.accusation < len(accusations):
            accusations[denial.accusation]["denials"].append(
                {"start": denial.cue[0], "end": denial.cue[1], "by": denial.denier}
            )
    return {"entities": entities, "accusations": accusations}


def format_scores(totals: dict[str, Count], articles: int, metrics: Sequence[str] = METRICS) -> str:
    lines = [f"{articles} annotated articles"]
    for name in metrics:
        count, prf = totals[name], totals[name].prf()
        if count.gold == 0:  # a set that does not annotate this (actors-train: no labels)
            lines.append(f"  {name:<12} not annotated   (found {count.found})")
            continue
        lines.append(
            f"  {name:<12} P {prf.precision:.4f}  R {prf.recall:.4f}  F1 {prf.f1:.4f}"
            f"   (found {count.found}, gold {count.gold})"
        )
    return "\n".join(lines)


def as_json(totals: dict[str, Count]) -> dict[str, dict[str, float]]:
    return {
        name: {
            "precision": round(prf.precision, 4),
            "recall": round(prf.recall, 4),
            "f1": round(prf.f1, 4),
        }
        for name, prf in ((n, totals[n].prf()) for n in METRICS)
    }
