from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from conftest import EXAMPLE, annotate_example, plain
from unspin import Article, ReportError, analyze
from unspin.report import file_stem, render
from unspin.report.highlights import findings, paragraphs
from unspin.report.labels import label_counts, label_summary
from unspin.report.schema import validate

HOSTILE = (
    "The ministry said <script>window.__pwned = true</script> nothing. "
    '<img src=x onerror="window.__pwned = true"> '
    '<a href="javascript:window.__pwned = true">click</a> "</script><script>alert(1)</script>'
)


@pytest.fixture(scope="module")
def example() -> Article:
    return analyze(EXAMPLE.read_bytes().decode())


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_the_example_report_is_valid_and_says_what_was_not_analysed(example: Article) -> None:
    validate(example.to_dict())
    html = render(example, "html")
    assert example.groups["techniques"], "the shipped model found no technique in the example"
    assert "Not analysed: the techniques stage did not run." not in html
    assert "Not analysed: the attribution stage did not run." not in html
    assert example.groups["quotes"], "the shipped model found no quote in the example"
    assert example.entities and example.groups["accusations"]
    assert "Not analysed" not in html
    assert '<svg id="graph"' in html
    assert "of check-worthy claims attributed" in html
    assert "Valdoria&#39;s Shameful Crackdown" in html


def test_article_text_is_escaped_and_only_the_reports_own_scripts_exist() -> None:
    article = annotate_example(plain(EXAMPLE.read_text() + "\n\n" + HOSTILE))
    html = render(article, "html")
    tags = tags_of(html)
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "findings"}, {}]
    assert not [t for t, _ in tags if t in ("img", "a", "iframe")]
    assert not any(k.startswith("on") for _, attrs in tags for k in attrs)
    assert "&lt;script&gt;window.__pwned" in html


def test_the_csp_allows_exactly_the_inline_script_and_style() -> None:
    html = render(annotate_example(plain(EXAMPLE.read_text())), "html")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = unescape(csp.group(1))
    script = re.findall(r"<script>(.*?)</script>", html, re.S)[0]
    style = re.findall(r"<style>(.*?)</style>", html, re.S)[0]
    for source in (script, style):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert "http://" not in html and "https://" not in html  # no external requests


def test_overlapping_findings_become_flat_segments_listing_each_cover() -> None:
    article = annotate_example(plain(EXAMPLE.read_text()))
    report = article.to_dict()
    found = findings(report)
    cut = paragraphs(report, found)
    assert ["".join(s.text for s in para) for para in cut] == [
        article.text[p.start : p.end] for p in article.groups["paragraphs"]
    ]
    covered = [s for para in cut for s in para if s.text == "fanatics"]
    assert covered and {"t1", "t4", "a0"} <= set(covered[0].ids) | {"a0"}
    assert "hl" in covered[0].css


def test_markdown_summary_lists_every_filled_group() -> None:
    article = annotate_example(plain(EXAMPLE.read_text() + "\n\n" + HOSTILE))
    md = render(article, "md")
    assert md.startswith("# valdoria") is False and md.startswith("# ")
    for heading in (
        "## Persuasion techniques",
        "## Quotes",
        "## Actors",
        "## Accusations",
        "## Check-worthy claims",
    ):
        assert heading in md
    assert "**Ilse Varga** (direct, assert, named person)" in md
    assert "Fellowship of the Open Hand** (organization, 1 mention) — also: FOH" in md
    assert "<script>" not in md


def test_unknown_format_and_safe_file_names() -> None:
    with pytest.raises(ReportError, match="unknown report format 'pdf'"):
        render(Article("x"), "pdf")
    assert file_stem("../../etc/passwd") == "etc_passwd"
    assert file_stem("...") == "article"
    assert file_stem("Harbour raid: day 2") == "Harbour_raid_day_2"


def test_an_actors_labels_are_listed_once_each_with_how_often_they_are_used() -> None:
    entity = {
        "labels": [{"text": t} for t in ("ambassador", "Bureau", "ambassador", "bureau", "x")]
    }
    assert label_counts(entity) == [("ambassador", 2), ("Bureau", 2), ("x", 1)]
    assert label_summary(entity) == "ambassador \u00d72; Bureau \u00d72; x"
