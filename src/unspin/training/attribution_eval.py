"""Evaluating attribution on PolNeAR: precision, recall and F1 of Source, Cue and Content
spans, by exact and by overlap match, for the tagger's spans and for the statements the
attribution stage makes of them (a span with no statement to belong to is dropped there)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from unspin.models.attribution import Decode, RoleFound, RoleTagger, decode
from unspin.training.polnear import Document, Keyed, RoleSpan, role_scores
from unspin.training.ptc_metric import PRF

Scores = dict[str, dict[str, PRF]]


def evaluate(tagger: RoleTagger, documents: Sequence[Document]) -> Scores:
    """The tagger's own spans against the gold ones."""
    found = tagger.tag([d.text for d in documents])
    return role_scores(_keyed(documents, found), _gold(documents))


TARGETS = {
    "Source": "exact",
    "Cue": "exact",
    "Content": "overlap",
}  # the metric each role is judged by
SPLITS = (0.5, 0.7, 0.8, 0.9, 0.95, 1.01)
FLOORS = tuple(round(0.3 + 0.05 * i, 2) for i in range(13))


def tune_decode(tagger: RoleTagger, documents: Sequence[Document]) -> tuple[Decode, Scores]:
    """The decoding rule that scores best on `documents`: the split first (with no floors),
    then each role's confidence floor for that role's metric (roles are scored apart)."""
    windowed = tagger.encode([d.text for d in documents])
    gold = _gold(documents)

    def scores(rule: Decode) -> Scores:
        return role_scores(_keyed(documents, [decode(w, rule) for w in windowed]), gold)

    def total(s: Scores) -> float:
        return sum(s[role][match].f1 for role, match in TARGETS.items())

    open_floors = (0.0, 0.0, 0.0)
    split = max(SPLITS, key=lambda x: total(scores(Decode(x, open_floors))))
    by_floor = {f: scores(Decode(split, (f, f, f))) for f in FLOORS}
    chosen = tuple(
        max(FLOORS, key=lambda f: by_floor[f][role][match].f1) for role, match in TARGETS.items()
    )
    rule = Decode(split, (chosen[0], chosen[1], chosen[2]))
    return rule, scores(rule)


def evaluate_stage(documents: Sequence[Document], *, model: str | None = None) -> dict[str, Scores]:
    """{"tagger": scores, "statements": scores} through segment and attribution as `unspin
    analyze` runs them."""
    from unspin.article import Article
    from unspin.options import Options
    from unspin.pipeline import Pipeline
    from unspin.stages.attribution import AttributionStage

    options = Options(attribution_model=model)
    segment = Pipeline.build(["segment"], options=options)
    stage = AttributionStage(options=options)
    tagged: list[list[RoleFound]] = []
    kept: list[list[RoleFound]] = []
    for doc in documents:
        article = segment(Article(doc.text))
        found = stage.find(doc.text)
        statements, _ = stage.statements(article, found)
        tagged.append(found)
        kept.append([part for s in statements for part in s.parts])
    gold = _gold(documents)
    return {
        "tagger": role_scores(_keyed(documents, tagged), gold),
        "statements": role_scores(_keyed(documents, kept), gold),
    }


def _keyed(documents: Sequence[Document], found: Sequence[list[RoleFound]]) -> list[Keyed]:
    return [
        (doc.name, RoleSpan(f.role, f.start, f.end))
        for doc, spans in zip(documents, found, strict=True)
        for f in spans
    ]


def _gold(documents: Sequence[Document]) -> list[Keyed]:
    return [(d.name, s) for d in documents for s in d.spans]


def flat_scores(scores: Scores) -> dict[str, float]:
    """{"Source_exact_f1": ..., ...} rounded, for logs and manifests."""
    return {
        f"{role}_{match}_{part}": round(getattr(prf, part), 4)
        for role, by_match in scores.items()
        for match, prf in by_match.items()
        for part in ("precision", "recall", "f1")
    }


def format_scores(name: str, scores: Scores) -> str:
    lines = [f"{name:<11} {'':8} {'P':>7} {'R':>7} {'F1':>7}"]
    for role, by_match in scores.items():
        for match, prf in by_match.items():
            lines.append(
                f"  {role:<9} {match:<8} {prf.precision:7.4f} {prf.recall:7.4f} {prf.f1:7.4f}"
            )
    return "\n".join(lines)


def as_json(scores: dict[str, Scores]) -> dict[str, Any]:
    return {
        name: {
            role: {match: _prf(prf) for match, prf in by_match.items()}
            for role, by_match in by_role.items()
        }
        for name, by_role in scores.items()
    }


def _prf(prf: PRF) -> dict[str, float]:
    return {k: round(getattr(prf, k), 4) for k in ("precision", "recall", "f1")}
