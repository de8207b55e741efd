"""The Markdown report: a short summary to paste into notes. Every piece of article text or
metadata goes through `_md`, so nothing in an article becomes markup in the notes."""

from __future__ import annotations

import re
from typing import Any

from unspin.article import Article
from unspin.report.highlights import entity_names, speaker_of
from unspin.report.labels import label_summary
from unspin.rules import techniques

_EXCERPT = 120
_MARKUP = re.compile(r"([\\`*_\[\]<>#|])")


def render_markdown(article: Article) -> str:
    report = article.to_dict()
    lines = [f"# {_md(report['article']['title'] or article.meta.id)}", ""]
    lines += _about(report)
    lines += _techniques(report)
    quotes = _section("Quotes", [_quote(q) for q in report["quotes"]])
    lines += quotes[:2] + _sources(report) + quotes[2:] if quotes else []
    lines += _section("Actors", [_entity(e) for e in report["entities"]])
    names = entity_names(report)
    lines += _section("Accusations", [_accusation(a, names) for a in report["accusations"]])
    lines += _section("Check-worthy claims", [_claim(c) for c in _top_claims(report)])
    lines += _section("Warnings", [_md(w["message"]) for w in report["warnings"]])
    return "\n".join(lines).rstrip() + "\n"


def _md(text: str, limit: int | None = None) -> str:
    """One line of article text, shortened to `limit`, with Markdown and HTML made inert."""
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _MARKUP.sub(r"\\\1", flat.replace("&", "&amp;"))


def _about(report: dict[str, Any]) -> list[str]:
    head = report["article"]
    keys = ("outlet", "published", "url", "language")
    facts = [f"{key}: {_md(head[key])}" for key in keys if head[key]]
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
        f"*{known[t['technique']].title}*: “{_md(t['text'], _EXCERPT)}”"
        for t in report["techniques"][:10]
    ]
    return _section("Persuasion techniques", rows) + _section("Examples", examples)


def _quote(quote: dict[str, Any]) -> str:
    speaker = _md(speaker_of(quote)) if quote["speaker"] else "(no source)"
    said = _md(quote["content"]["text"], _EXCERPT)
    source = quote["source_type"].replace("_", " ")
    return f"**{speaker}** ({quote['kind']}, {quote['stance']}, {source}): “{said}”"


def _sources(report: dict[str, Any]) -> list[str]:
    sources = report["summary"].get("sources")
    if not sources:
        return []
    line = (
        f"{sources['named_person']} from named people, {sources['named_organization']} from "
        f"named organisations, {sources['anonymous']} anonymous, {sources['unattributed']} "
        "without a source"
    )
    if sources["attributed_share"] is not None:
        line += f"; {sources['attributed_share']:.0%} of check-worthy claims attributed"
    return [line, ""]


def _entity(entity: dict[str, Any]) -> str:
    aliases = ", ".join(_md(a) for a in entity["aliases"])
    labels = label_summary(entity, _md)
    also = f" — also: {aliases}" if aliases else ""
    labelled = f" — labelled: {labels}" if labels else ""
    count = len(entity["mentions"])
    mentions = f"{count} mention" + ("" if count == 1 else "s")
    return f"**{_md(entity['name'])}** ({entity['type']}, {mentions}){also}{labelled}"


def _accusation(accusation: dict[str, Any], names: dict[str, str]) -> str:
    who = _md(names.get(accusation["accuser"] or "", "unknown"))
    whom = _md(names.get(accusation["accused"] or "", "unknown"))
    denied = f" — denied ({len(accusation['denials'])})" if accusation["denials"] else ""
    return f"{who} → {whom}: “{_md(accusation['text'], _EXCERPT)}”{denied}"


def _top_claims(report: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(report["claims"], key=lambda c: -c["checkworthiness"])[:10]


def _claim(claim: dict[str, Any]) -> str:
    return f"{claim['checkworthiness']:.2f} “{_md(claim['text'], _EXCERPT)}”"
