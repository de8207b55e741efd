from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unspin import Article, Entity, ReportError, Span
from unspin.serialize import article_from_dict


def test_span_refuses_empty_or_negative_offsets() -> None:
    with pytest.raises(ValueError, match="empty or negative"):
        Span(3, 3)
    with pytest.raises(ValueError, match="empty or negative"):
        Span(-1, 2)


def test_add_refuses_a_span_past_the_end_of_the_text() -> None:
    article = Article("short")
    with pytest.raises(ValueError, match="runs past the end"):
        article.add("claims", Span(0, 9, None, {"checkworthiness": 0.5, "quote": None}))


def test_add_checks_nested_spans_too() -> None:
    article = Article("short")
    with pytest.raises(ValueError, match="runs past the end"):
        article.add("accusations", Span(0, 5, None, {"cue": Span(2, 50)}))


def test_labels_of_groups_without_a_label_key_and_of_nested_spans_survive() -> None:
    article = Article("Police said the group plotted.")
    article.add(
        "claims",
        Span(
            0,
            6,
            "fact",
            {"checkworthiness": 0.5, "quote": None, "cue": Span(7, 11, "verb", {"lemma": "say"})},
        ),
    )
    again = Article.from_dict(article.to_dict())
    assert again.groups["claims"] == article.groups["claims"]


def test_bool_offsets_are_refused() -> None:
    with pytest.raises(ValueError, match="integers"):
        Span(False, True)


def test_text_cannot_be_reassigned() -> None:
    article = Article("fixed")
    with pytest.raises(AttributeError):
        article.text = "changed"  # type: ignore[misc]


def test_from_dict_refuses_a_span_whose_text_differs() -> None:
    article = Article("The minister lied.")
    article.add("techniques", Span(4, 12, "Loaded_Language", {"confidence": 0.5, "source": "t"}))
    report = article.to_dict()
    report["techniques"][0]["text"] = "president"
    with pytest.raises(ReportError, match="says 'president'"):
        Article.from_dict(report)


def test_from_dict_refuses_another_schema() -> None:
    with pytest.raises(ReportError, match="schema"):
        Article.from_dict({"schema": "other/2", "article": {"text": "x"}})


TECHNIQUES = ["Loaded_Language", "Doubt", "Slogans", "Name_Calling,Labeling"]


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(st.characters(exclude_categories=()), min_size=1, max_size=300))
    article = Article(text)
    n = len(text)

    def span(label: str | None = None, **attrs: object) -> Span:
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        return Span(start, end, label, attrs)

    for _ in range(draw(st.integers(0, 5))):
        article.add(
            "techniques",
            span(
                draw(st.sampled_from(TECHNIQUES)), confidence=draw(st.floats(0, 1)), source="prop"
            ),
        )
    for _ in range(draw(st.integers(0, 3))):
        article.add(
            "quotes",
            span(
                draw(st.sampled_from(["direct", "indirect", "mixed"])),
                speaker=draw(st.one_of(st.none(), st.just(span(entity=None)))),
                cue=span(lemma="say"),
                content=span(),
                stance="assert",
                source_type="anonymous",
                confidence=0.5,
            ),
        )
    for i in range(draw(st.integers(0, 2))):
        article.add_entity(Entity(f"e{i}", "Name", "organization", ["N"], [span()], [span()]))
    for _ in range(draw(st.integers(0, 3))):
        article.add("sentences", span())
    return article


@settings(max_examples=150, deadline=None)
@given(articles())
def test_every_span_indexes_the_text_and_json_round_trip_is_lossless(article: Article) -> None:
    report = article.to_dict()
    for item in article.all_spans():
        assert 0 <= item.start < item.end <= len(article.text)
    assert all(t["text"] == article.text[t["start"] : t["end"]] for t in report["techniques"])
    again = Article.from_dict(json.loads(json.dumps(report)))
    assert again.text == article.text
    assert again.to_dict() == report
    assert list(again.all_spans()) == list(article.all_spans())


def test_round_trip_keeps_metadata_warnings_and_tokens() -> None:
    article = Article("Hello there.")
    article.meta.title = "Greeting"
    article.meta.source = {"path": "x.txt", "encoding": "utf-8"}
    article.add("tokens", Span(0, 5, None, {"lemma": "hello", "pos": "INTJ", "tag": "UH"}))
    article.warn("language", "maybe not English")
    article.stages.append("segment")
    report = article.to_dict(tokens=True)
    again = article_from_dict(report)
    assert again.to_dict(tokens=True) == report
    assert again.meta == article.meta
