"""Shared fixtures. Every report a test produces is validated against the shipped schema."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from unspin.article import Article, Span
from unspin.report.schema import validate

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "src" / "unspin" / "examples" / "valdoria-crackdown.txt"
OUTPUT = ROOT / "tests" / "output"

_to_dict = Article.to_dict


@pytest.fixture(autouse=True)
def every_report_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrap Article.to_dict so that each report made during a test is checked on the spot."""

    def checked(self: Article, *, tokens: bool = False) -> dict[str, Any]:
        report = _to_dict(self, tokens=tokens)
        validate(report)
        return report

    monkeypatch.setattr(Article, "to_dict", checked)


def plain(text: str) -> Article:
    """An article analysed without models (language and segment only), for hand annotation."""
    from unspin import Options, analyze

    return analyze(text, options=Options(stages=("language", "segment")))


def find(article: Article, phrase: str) -> tuple[int, int]:
    start = article.text.index(phrase)
    return start, start + len(phrase)


def annotate_example(article: Article) -> Article:
    """Hand-made findings on the example article, for report tests that need every group."""
    from unspin.article import Entity

    def span(phrase: str, label: str | None = None, **attrs: Any) -> Span:
        return Span(*find(article, phrase), label, attrs)

    for phrase, technique in [
        ("Shameful", "Loaded_Language"),
        ("a gang of fanatics and swindlers", "Name_Calling,Labeling"),
        ("can we really believe the ministry?", "Doubt"),
        (
            "And what about their own record of jailing journalists?",
            "Whataboutism,Straw_Men,Red_Herring",
        ),
        ("fanatics", "Loaded_Language"),
    ]:
        article.add("techniques", span(phrase, technique, confidence=0.9, source="hand/test"))
    varga = span("Ilse Varga", entity="e1")
    article.add(
        "quotes",
        span(
            '"We only want to be left alone," said Ilse Varga',
            "direct",
            speaker=varga,
            cue=span("said", lemma="say"),
            content=span("We only want to be left alone"),
            stance="assert",
            source_type="named_person",
            confidence=0.95,
        ),
    )
    article.add(
        "claims",
        span(
            "every one of the eleven was released within forty-eight hours",
            checkworthiness=0.8,
            quote=None,
        ),
    )
    article.add_entity(Entity("e1", "Ilse Varga", "person", [], [varga], []))
    article.add_entity(
        Entity(
            "e2",
            "Fellowship of the Open Hand",
            "organization",
            ["FOH", "Open Hand Movement", "Handfolk"],
            [span("Fellowship of the Open Hand")],
            [span("religious group")],
        )
    )
    article.add(
        "accusations",
        span(
            'accused the Fellowship of "plotting to destabilise the nation"',
            accuser=None,
            accused="e2",
            cue=span("accused"),
            evidence=[],
            denials=[span("The FOH denied the allegations", by="e2")],
            confidence=0.7,
        ),
    )
    return article


# headless Chromium for the browser tests (Debian's `chromium`; .ci/run installs it)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run should have installed it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()
