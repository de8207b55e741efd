"""Article <-> the `unspin/1` report dictionary.

Spans are written flat: `{"start", "end", "text", <label key>: label, **attrs}`; an attribute
that is itself a dict with integer `start` and `end` is read back as a Span. Every `text` read
back must equal the article text at its offsets, so a report that was edited or paired with
the wrong article is refused rather than silently misread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
from typing import Any

from unspin.article import (
    GROUPS,
    SCHEMA,
    Article,
    Entity,
    Meta,
    Notice,
    Span,
    source_counts,
    technique_counts,
)

_COMPUTED_SUMMARY_KEYS = ("counts", "techniques", "sources")
_META_FIELDS = tuple(f.name for f in fields(Meta))


def span_to_dict(
    span: Span, text: str, *, label_key: str | None = None, with_text: bool = True
) -> dict[str, Any]:
    out: dict[str, Any] = {"start": span.start, "end": span.end}
    if with_text:
        out["text"] = span.text_in(text)
    if label_key is not None:
        out[label_key] = span.label
    elif span.label is not None:
        out["label"] = span.label
    for key, value in span.attrs.items():
        out[key] = _value_to_json(value, text)
    return out


def _value_to_json(value: Any, text: str) -> Any:
    if isinstance(value, Span):
        return span_to_dict(value, text)
    if isinstance(value, list | tuple):
        return [_value_to_json(item, text) for item in value]
    return value


def span_from_dict(data: Mapping[str, Any], text: str, *, label_key: str | None = None) -> Span:
    start, end = data["start"], data["end"]
    span_text = data.get("text")
    if span_text is not None and text[start:end] != span_text:
        raise ValueError(f"span [{start}, {end}) says {span_text!r} but the text there differs")
    key_of_label = label_key or "label"
    attrs = {
        key: _value_from_json(value, text)
        for key, value in data.items()
        if key not in ("start", "end", "text", key_of_label)
    }
    label = data.get(key_of_label)
    span = Span(start, end, label, attrs)
    if end > len(text):
        raise ValueError(f"span [{start}, {end}) runs past the end of the text")
    return span


def _is_span_dict(value: Any) -> bool:
    return (
        isinstance(value, Mapping)
        and isinstance(value.get("start"), int)
        and isinstance(value.get("end"), int)
    )


def _value_from_json(value: Any, text: str) -> Any:
    if _is_span_dict(value):
        return span_from_dict(value, text)
    if isinstance(value, list):
        return [_value_from_json(item, text) for item in value]
    return value


def article_to_dict(article: Article, *, tokens: bool = False) -> dict[str, Any]:
    text = article.text
    meta = asdict(article.meta)
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "article": {"text": text, **meta},
    }
    for name, spec in GROUPS.items():
        if name == "tokens" and not tokens:
            continue
        out[name] = [
            span_to_dict(s, text, label_key=spec.label_key, with_text=spec.with_text)
            for s in article.groups[name]
        ]
    out["entities"] = [_entity_to_dict(e, text) for e in article.entities]
    out["summary"] = {
        **article.summary,
        "counts": {name: len(article.groups[name]) for name in GROUPS if name != "tokens"}
        | {"entities": len(article.entities)},
        "techniques": technique_counts(article),
    }
    if "attribution" in article.stages:
        out["summary"]["sources"] = source_counts(article)
    out["warnings"] = [asdict(w) for w in article.warnings]
    out["stages"] = list(article.stages)
    return out


def _entity_to_dict(entity: Entity, text: str) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mentions": [span_to_dict(s, text) for s in entity.mentions],
        "labels": [span_to_dict(s, text) for s in entity.labels],
    }


def article_from_dict(data: Mapping[str, Any]) -> Article:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    head = data["article"]
    text = head["text"]
    meta = Meta(**{key: head[key] for key in _META_FIELDS if key in head})
    article = Article(text, meta=meta)
    for name, spec in GROUPS.items():
        for item in data.get(name, []):
            article.add(name, span_from_dict(item, text, label_key=spec.label_key))
    for item in data.get("entities", []):
        article.add_entity(_entity_from_dict(item, text))
    summary = dict(data.get("summary", {}))
    for key in _COMPUTED_SUMMARY_KEYS:
        summary.pop(key, None)
    article.summary = summary
    article.warnings = [Notice(w["code"], w["message"]) for w in data.get("warnings", [])]
    article.stages = list(data.get("stages", []))
    return article


def _entity_from_dict(data: Mapping[str, Any], text: str) -> Entity:
    return Entity(
        id=data["id"],
        name=data["name"],
        type=data["type"],
        aliases=list(data.get("aliases", [])),
        mentions=[span_from_dict(m, text) for m in data.get("mentions", [])],
        labels=[span_from_dict(m, text) for m in data.get("labels", [])],
    )
