from __future__ import annotations

import pytest

from unspin import Article, Options, analyze
from unspin.nlp import load
from unspin.stages import segment as segment_module
from unspin.stages.paragraphs import chunks, paragraph_breaks, paragraph_spans


def texts(article: Article, group: str) -> list[str]:
    return [s.text_in(article.text) for s in article.groups[group]]


def test_paragraphs_split_at_blank_lines_when_there_are_any() -> None:
    text = "  First para\nwrapped line.\n\n \n Second para.  \n\nThird."
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "First para\nwrapped line.",
        "Second para.",
        "Third.",
    ]


def test_without_blank_lines_each_line_is_a_paragraph() -> None:
    lines = "Title\nFirst paragraph.\nSecond."
    assert [lines[s:e] for s, e in paragraph_spans(lines)] == [
        "Title",
        "First paragraph.",
        "Second.",
    ]
    assert len(paragraph_spans("Title\nFirst paragraph.\n\t\nSecond.")) == 2


def test_sentences_never_cross_a_paragraph_and_keep_closing_quotes() -> None:
    text = (
        'Police said "they came at dawn."\n\n'
        '"We only want peace," she said. "They came with dogs."\n\n'
        "Headline without a full stop\n\nThe group denied it"
    )
    article = analyze(text)
    assert texts(article, "sentences") == [
        'Police said "they came at dawn."',
        '"We only want peace," she said.',
        '"They came with dogs."',
        "Headline without a full stop",
        "The group denied it",
    ]
    for sentence in article.groups["sentences"]:
        assert any(
            p.start <= sentence.start and sentence.end <= p.end
            for p in article.groups["paragraphs"]
        )


def test_a_line_after_an_embedded_posts_signature_starts_a_sentence() -> None:
    text = (
        "Jan Novak wrote about it.\n\n"
        "This is a record of the call. pic.twitter.com/x1 — Ana Silva (@asilva) "
        "August 13, 2018\nNovak is not the only one to speak.\n\nThe end."
    )
    sentences = texts(analyze(text), "sentences")
    assert "Novak is not the only one to speak." in sentences


def test_a_lower_case_word_after_a_word_of_its_line_goes_on_with_its_sentence() -> None:
    doc = load().make_doc("KRN sues Novak.\n\nit went on. Then\nthey left.")
    paragraph_breaks(doc)
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["sues"] is False  # never "KRN" | "sues Novak." as the parser may have it
    assert starts["it"] is True  # a paragraph starts, whatever its case
    assert starts["they"] is None  # after a line break the parser decides


def test_tokens_have_offsets_lemmas_and_tags_and_no_whitespace() -> None:
    article = analyze("Moscow dismissed the claims.\n\nIt denied them.")
    tokens = article.groups["tokens"]
    assert texts(article, "tokens")[:3] == ["Moscow", "dismissed", "the"]
    assert tokens[1].attrs["lemma"] == "dismiss" and tokens[1].attrs["pos"] == "VERB"
    assert all(t.text_in(article.text).strip() for t in tokens)
    assert article.cache["doc"].text == article.text


def test_long_texts_are_parsed_in_pieces_with_the_same_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paragraph = "The council met on Monday. It voted against the plan, officials said."
    text = "\n\n".join(f"{paragraph} Item {i}." for i in range(40))
    whole = analyze(text, options=Options(batch_size=3))
    monkeypatch.setattr(segment_module, "CHUNK_CHARS", 500)
    pieces = chunks(text, 500)
    assert "".join(pieces) == text and len(pieces) > 5
    assert all(len(p) <= 500 for p in pieces)
    chunked = analyze(text, options=Options(batch_size=4))
    assert chunked.groups["sentences"] == whole.groups["sentences"]
    assert chunked.groups["paragraphs"] == whole.groups["paragraphs"]
    assert len(chunked.groups["tokens"]) == len(whole.groups["tokens"])


def test_chunks_cut_inside_a_giant_paragraph_at_whitespace() -> None:
    text = "word " * 300
    pieces = chunks(text, 100)
    assert "".join(pieces) == text
    assert all(p.endswith(" ") for p in pieces[:-1])


def test_a_non_english_article_is_analysed_with_a_warning() -> None:
    article = analyze(
        "Die Regierung hat am Dienstag beschlossen, das Gesetz zu ändern. "
        "Die Opposition kritisierte den Plan scharf und sprach von einem Skandal."
    )
    assert article.meta.language == "de"
    assert [w.code for w in article.warnings] == ["language"]
    assert len(article.groups["sentences"]) == 2


def test_short_text_has_undetermined_language_and_no_warning() -> None:
    article = analyze("Yes.")
    assert article.meta.language == "und" and not article.warnings
