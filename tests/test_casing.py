"""Title Case lines written as sentences, judged by how the article writes each word."""

from __future__ import annotations

from conftest import plain
from unspin import nlp as nlp_loader
from unspin.options import Options
from unspin.rules.actors import actor_rules
from unspin.stages.casing import Casing, sentence_cased, title_docs
from unspin.stages.segment import SegmentStage

TEXT = (
    "Ana Silva to Sue Valdoria Over \u2018Gross Mismanagement\u2019 of Elections\n"
    "JAN NOVAK TELLS PRESS HE WILL RESIGN\n"
    "* Jan Novak Tomas Rell Heather Brix\n"
    "Ana Silva said on Friday that she would take the state of Valdoria to court over the "
    "gross mismanagement of the elections. Jan Novak said he would resign, and the press "
    "would be told."
)


def _lines(text: str) -> list[tuple[int, str]]:
    article = SegmentStage(options=Options())(plain(text))
    doc = article.cache["doc"]
    return sentence_cased(doc, Casing(doc, actor_rules().person_nouns))


def test_a_title_case_line_is_written_as_a_sentence_of_the_same_length() -> None:
    lines = dict(_lines(TEXT))
    assert lines[0] == "Ana Silva to sue Valdoria over \u2018gross mismanagement\u2019 of elections"
    second = TEXT.index("JAN")
    assert lines[second].startswith("JAN Novak tells press")
    for start, line in lines.items():
        assert len(line) == len(TEXT[start : start + len(line)])
        assert line.lower() == TEXT[start : start + len(line)].lower()


def test_a_line_of_names_alone_is_left_as_it_is() -> None:
    assert TEXT.index("* Jan") not in dict(_lines(TEXT))


def test_the_second_parse_keeps_the_article_offsets_and_is_made_once() -> None:
    article = SegmentStage(options=Options())(plain(TEXT))
    nlp = nlp_loader.load(None)
    titles = title_docs(article, nlp)
    assert titles is title_docs(article, nlp)
    first = titles.lines[0]
    assert (first.start, first.end) == (0, TEXT.index("\n"))
    sue = next(t for t in first.tokens() if t.lower_ == "sue")
    assert TEXT[sue.idx : sue.idx + 3] == "Sue" and sue.pos_ == "VERB"
    second = titles.at(TEXT.index("JAN"))
    assert second is not None and second.start == TEXT.index("JAN")
    tells = next(t for t in second.tokens() if t.lower_ == "tells")
    assert TEXT[tells.idx : tells.idx + 5] == "TELLS"


def test_a_title_line_deep_in_a_long_text_is_parsed_without_a_run_of_spaces() -> None:
    body = "Ana Silva said on Friday that she would resign, and the press would be told. " * 400
    text = body + "\nJan Novak to Sue Ana Silva Over the Vote\nNovak said so."
    article = SegmentStage(options=Options())(plain(text))
    nlp = nlp_loader.load(None)
    strings = len(nlp.vocab.strings)
    line = title_docs(article, nlp).at(text.index("Jan Novak to"))
    assert line is not None and line.doc.text.lower() == text[: line.end].lower()
    assert len(nlp.vocab.strings) - strings < 20  # no string of thousands of spaces kept
