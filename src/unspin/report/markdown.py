"""The Markdown report: a short summary to paste into notes."""

from __future__ import annotations

from typing import Any

from unspin.article import Article
from unspin.rules import techniques

_EXCERPT = 120


def render_markdown(article: Article) -> str:
    report = article.to_dict()
    lines = [f"# {report['article']['title'] or article.meta.id}", ""]
    lines += _about(report)
    lines += _techniques(report)
    lines += _section("Quotes", [_quote(q) for q in report["quotes"]])
    lines += _section("Actors", [_entity(e) for e in report["entities"]])
    lines += _section("Accusations", [_accusation(a, report) for a in report["accusations"]])
    lines += _section("Check-worthy claims", [_claim(c) for c in _top_claims(report)])
    lines += _section("Warnings", [w["message"] for w in report["warnings"]])
    return "\n".join(lines).rstrip() + "\n"


def _about(report: dict[str, Any]) -> list[str]:
    head = report["article"]
    facts = [
        f"{key}: {head[key]}" for key in ("outlet", "published", "url", "language") if head[key]
    ]
    counts = report["summary"]["counts"]
    facts.append(f"{counts['paragraphs']} paragraphs, {counts['sentences']} sentences")
    return [f"- {fact}" for fact in facts] + [""]


def _section(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"## {title}", "", *[f"- {item}" for item in items], ""]


def _techniques(report: dict[str, Any]) -> list[str]:
    counts = report["summary"]["techniques"]
    known = techniques()
    rows = [
        f"{known[name].title}: {count}"
        for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    examples = [
        f"*{known[t['technique']].title}*: “{_excerpt(t['text'])}”"
        for t in report["techniques"][:10]
    ]
    return _section("Persuasion techniques", rows) + _section("Examples", examples)


def _quote(quote: dict[str, Any]) -> str:
    speaker = quote["speaker"]["text"] if quote["speaker"] else "(no source)"
    said = _excerpt(quote["content"]["text"])
    return f"**{speaker}** ({quote['kind']}, {quote['stance']}): “{said}”"


def _entity(entity: dict[str, Any]) -> str:
    aliases = f" — also: {', '.join(entity['aliases'])}" if entity["aliases"] else ""
    labels = (
        f" — labelled: {'; '.join(lab['text'] for lab in entity['labels'])}"
        if entity["labels"]
        else ""
    )
    mentions = len(entity["mentions"])
    return f"**{entity['name']}** ({entity['type']}, {mentions} mentions){aliases}{labels}"


def _accusation(accusation: dict[str, Any], report: dict[str, Any]) -> str:
    names = {e["id"]: e["name"] for e in report["entities"]}
    who = names.get(accusation["accuser"] or "", "unknown")
    whom = names.get(accusation["accused"] or "", "unknown")
    denied = f" — denied ({len(accusation['denials'])})" if accusation["denials"] else ""
    return f"{who} → {whom}: “{_excerpt(accusation['text'])}”{denied}"


def _top_claims(report: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(report["claims"], key=lambda c: -c["checkworthiness"])[:10]


def _claim(claim: dict[str, Any]) -> str:
    return f"{claim['checkworthiness']:.2f} “{_excerpt(claim['text'])}”"


def _excerpt(text: str) -> str:
    flat = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"
