"""Evaluating a technique tagger on a PTC split with the official metrics, and writing
predictions in the task's TSV formats. Needs no torch: the shipped model runs on ONNX."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unspin.errors import InputError
from unspin.models.techniques import Decode, Encoding, Tagger
from unspin.training.ptc import Split, read_articles, read_labels
from unspin.training.ptc_metric import (
    PRF,
    labelled_span_f1,
    per_label_f1,
    si_score,
    tc_accuracy,
)

THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(15))
LOWS = (None, 0.05, 0.1, 0.15, 0.2, 0.25)
GAPS = (0, 1, 2, 4, 6, 8, 12)


@dataclass(frozen=True, slots=True)
class Scores:
    si: PRF
    tc_micro_f1: float
    labelled: PRF
    per_technique: dict[str, PRF]
    decode: Decode
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "decode": self.decode.to_dict(),
            "si": _prf(self.si),
            "tc_micro_f1": round(self.tc_micro_f1, 4),
            "labelled_span": _prf(self.labelled),
            "per_technique_tc_f1": {k: round(v.f1, 4) for k, v in self.per_technique.items()},
        }


def _prf(score: PRF) -> dict[str, float]:
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
    }


def encode_split(tagger: Tagger, split: Split) -> dict[str, Encoding]:
    ids = sorted(split.texts)
    return dict(zip(ids, tagger.encode([split.texts[i] for i in ids]), strict=True))


def classify_gold(
    tagger: Tagger, split: Split, encodings: dict[str, Encoding]
) -> list[tuple[str, int, int, str]]:
    predicted = []
    for ident, enc in encodings.items():
        gold = split.spans_of(ident)
        probs = tagger.classify(enc, [(g.start, g.end) for g in gold])
        predicted += [
            (ident, g.start, g.end, tagger.labels[int(p.argmax())])
            for g, p in zip(gold, probs, strict=True)
        ]
    return predicted


def si_f1(tagger: Tagger, split: Split, encodings: dict[str, Encoding], decode: Decode) -> float:
    gold = [(g.article, g.start, g.end) for g in split.spans]
    predicted = [
        (i, s, e) for i, enc in encodings.items() for s, e, _ in tagger.spans(enc, decode=decode)
    ]
    return si_score(predicted, gold).f1


def si_by_threshold(
    tagger: Tagger, split: Split, encodings: dict[str, Encoding]
) -> dict[float, float]:
    return {cut: si_f1(tagger, split, encodings, Decode(cut)) for cut in THRESHOLDS}


def tune_decode(tagger: Tagger, split: Split) -> tuple[Decode, float]:
    """The decoding rule with the best SI F1 on `split` (held-out train articles, not dev)."""
    encodings = encode_split(tagger, split)
    grid = [
        Decode(high, low, gap, cross)
        for high in THRESHOLDS
        for low in LOWS
        if low is None or low < high
        for gap in GAPS
        for cross in (True, False)
    ]
    scored = {rule: si_f1(tagger, split, encodings, rule) for rule in grid}
    best = max(scored, key=lambda rule: scored[rule])
    return best, scored[best]


def evaluate(tagger: Tagger, split: Split, *, decode: Decode | None = None) -> Scores:
    encodings = encode_split(tagger, split)
    rule = decode or tagger.decode
    gold_labelled = [(g.article, g.start, g.end, g.technique) for g in split.spans]
    tc, pairs = tc_accuracy(classify_gold(tagger, split, encodings), gold_labelled)
    predicted_si, tagged = [], []
    for ident, enc in encodings.items():
        spans = tagger.spans(enc, decode=rule)
        probs = tagger.classify(enc, [(s, e) for s, e, _ in spans])
        predicted_si += [(ident, s, e) for s, e, _ in spans]
        tagged += [
            (ident, s, e, tagger.labels[int(p.argmax())])
            for (s, e, _), p in zip(spans, probs, strict=True)
        ]
    return Scores(
        si=si_score(predicted_si, [(g.article, g.start, g.end) for g in split.spans]),
        tc_micro_f1=tc,
        labelled=labelled_span_f1(tagged, gold_labelled),
        per_technique=per_label_f1(pairs, tagger.labels),
        decode=rule,
        articles=len(split.texts),
    )


def predict_folder(tagger: Tagger, folder: Path, *, template: Path | None = None) -> list[str]:
    """TSV lines `article_id<TAB>technique<TAB>start<TAB>end`: tagged spans of every
    articleNNN.txt, or with a template, a technique for each of its spans (TC mode)."""
    texts = read_articles(folder)
    if template is None:
        lines = []
        for ident, found in zip(
            sorted(texts), tagger.tag([texts[i] for i in sorted(texts)]), strict=True
        ):
            lines += [f"{ident}\t{f.technique}\t{f.start}\t{f.end}" for f in found]
        return lines
    wanted = read_labels(template)
    missing = sorted({w.article for w in wanted} - set(texts))
    if missing:
        raise InputError(str(template), f"names articles not in {folder}: {', '.join(missing[:5])}")
    split = Split(
        "template",
        {k: v for k, v in texts.items() if any(w.article == k for w in wanted)},
        list(wanted),
    )
    labelled = classify_gold(tagger, split, encode_split(tagger, split))
    return [f"{a}\t{t}\t{s}\t{e}" for a, s, e, t in labelled]


def format_scores(scores: Scores, *, split: str) -> Sequence[str]:
    lines = [
        f"PTC {split}: {scores.articles} articles, span decoding {scores.decode.to_dict()}",
        f"SI  precision {scores.si.precision:.4f}  recall {scores.si.recall:.4f}  "
        f"F1 {scores.si.f1:.4f}",
        f"TC  micro-F1 {scores.tc_micro_f1:.4f} (gold spans given)",
        f"labelled spans  precision {scores.labelled.precision:.4f}  "
        f"recall {scores.labelled.recall:.4f}  F1 {scores.labelled.f1:.4f}",
        "per technique (TC F1):",
    ]
    lines += [f"  {name:<38} {prf.f1:.4f}" for name, prf in scores.per_technique.items()]
    return lines
