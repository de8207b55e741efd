"""The HTML report: one self-contained file that works offline and makes no requests.

All article text goes through Jinja's autoescaping; the finding data rides in a JSON script
block (escaped by `tojson`), and a Content-Security-Policy allows only the report's own
script and style, by hash, so nothing in an article can run even if it slipped through.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from unspin.article import Article
from unspin.report.graph import drawing
from unspin.report.highlights import (
    GROUP_STAGES,
    attributed,
    entity_names,
    findings,
    paragraphs,
    speaker_of,
    technique_css,
)
from unspin.report.labels import label_summary
from unspin.rules import techniques


@lru_cache(maxsize=4)
def templates(package: str = "unspin.report") -> Environment:
    """The Jinja templates of a package (its templates/ folder), always autoescaped."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _asset(name: str) -> str:
    return resources.files("unspin.report").joinpath("templates", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _style() -> str:
    colours = "\n".join(
        f".{technique_css(t.name)} {{ background: {t.colour}; }}" for t in techniques().values()
    )
    return _asset("report.css") + "\n" + colours + "\n"


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def report_csp() -> str:
    """The report's Content-Security-Policy: only its own inline script and style, by hash;
    no requests of any kind."""
    script, style = _asset("report.js"), _style()
    return (
        "default-src 'none'; img-src 'none'; connect-src 'none'; form-action 'none'; "
        f"base-uri 'none'; script-src '{_hash(script)}'; style-src '{_hash(style)}'"
    )


def render_html(article: Article, *, links: list[tuple[str, str]] | None = None) -> str:
    """The report page; `links` (label, address) are shown at its top (the web page's
    download links), none in a report file."""
    report = article.to_dict()
    found = findings(report)
    script, style = _asset("report.js"), _style()
    csp = report_csp()
    return (
        templates()
        .get_template("report.html.j2")
        .render(
            report=report,
            paragraphs=paragraphs(report, found),
            legend=_legend(report),
            analysed={group: stage in report["stages"] for group, stage in GROUP_STAGES.items()},
            entity_names=entity_names(report),
            graph=drawing(report),
            speaker_of=speaker_of,
            labelled=_labelled,
            attributed=attributed,
            data={"findings": [f.to_json() for f in _unique_findings(found)]},
            csp=csp,
            links=links or [],
            script=script,
            style=style,
        )
    )


def _labelled(entity: dict[str, Any]) -> Markup:
    """An actor's labels as the report lists them, each in italics, with its count."""
    return Markup(label_summary(entity, lambda text: f"<i>{escape(text)}</i>"))


def _legend(report: dict[str, Any]) -> list[dict[str, Any]]:
    counts = report["summary"]["techniques"]
    return [
        {
            "css": technique_css(t.name),
            "title": t.title,
            "definition": t.definition,
            "count": counts.get(t.name, 0),
        }
        for t in techniques().values()
    ]


def _unique_findings(found: list[Any]) -> list[Any]:
    return list({f.id: f for f in found}.values())
