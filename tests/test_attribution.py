"""The attribution stage's rules on scripted role spans: how statements are grouped, their
kind, speaker resolution, source type and stance. (The tagger's own quality is measured on
PolNeAR in test_attribution_gate.py.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from conftest import plain
from unspin.models.attribution import RoleFound
from unspin.options import Options
from unspin.stages.attribution import AttributionStage


class Scripted:
    """A tagger that finds the given phrases: (role, phrase) or (role, phrase, nth)."""

    def __init__(self, *marks: tuple[Any, ...]) -> None:
        self.marks = marks

    def tag(self, texts: Sequence[str]) -> list[list[RoleFound]]:
        return [[self._find(text, *mark) for mark in self.marks] for text in texts]

    @staticmethod
    def _find(text: str, role: str, phrase: str, nth: int = 0) -> RoleFound:
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        return RoleFound(role, start, start + len(phrase), 0.9)


def quotes(text: str, *marks: tuple[Any, ...]) -> list[dict[str, Any]]:
    stage = AttributionStage(options=Options(), tagger=Scripted(*marks))
    article = plain(text)
    article = stage(article)
    article.stages.append("attribution")
    report: list[dict[str, Any]] = article.to_dict()["quotes"]
    return report


def test_a_direct_quote_with_curly_marks_and_the_speaker_after() -> None:
    text = "\u201cWe only want to be left alone,\u201d the woman says."
    (q,) = quotes(
        text,
        ("Content", "\u201cWe only want to be left alone,\u201d"),
        ("Source", "the woman"),
        ("Cue", "says"),
    )
    assert q["kind"] == "direct"
    assert q["speaker"]["text"] == "the woman"
    says = text.index("says")
    assert q["cue"] == {"start": says, "end": says + 4, "text": "says", "lemma": "say"}
    assert q["stance"] == "assert"
    assert q["source_type"] == "anonymous"
    assert q["text"] == text[:-1]


def test_indirect_speech_from_an_institution_is_a_named_organisation() -> None:
    text = "Regional police claimed that they had disrupted a plot."
    (q,) = quotes(
        text,
        ("Source", "Regional police"),
        ("Cue", "claimed"),
        ("Content", "they had disrupted a plot"),
    )
    assert q["kind"] == "indirect"
    assert q["source_type"] == "named_organization"
    assert q["speaker"]["name"] == "Regional police"
    assert q["stance"] == "assert"


def test_a_partial_quote_inside_indirect_speech_is_mixed() -> None:
    text = 'Jan Novak said the plan was "dead on arrival" and would be dropped.'
    (q,) = quotes(
        text,
        ("Source", "Jan Novak"),
        ("Cue", "said"),
        ("Content", 'the plan was "dead on arrival" and would be dropped'),
    )
    assert q["kind"] == "mixed"
    assert q["source_type"] == "named_person"


def test_a_quote_split_by_its_cue_is_one_direct_statement() -> None:
    text = 'Maria Lind arrived. "The plan," she said, "is dead."'
    (q,) = quotes(
        text,
        ("Content", '"The plan,"'),
        ("Source", "she"),
        ("Cue", "said"),
        ("Content", '"is dead."'),
    )
    assert q["kind"] == "direct"
    assert q["content"]["text"] == '"The plan," she said, "is dead."'
    assert q["speaker"]["name"] == "Maria Lind"


NOVAK = (
    "Interior Minister Jan Novak visited Marenport on Monday. "
    "The city was quiet. Shops stayed closed. Few people were out. "
)


@pytest.mark.parametrize("speaker", ["He", "The minister", "Novak"])
def test_a_pronoun_title_or_surname_three_sentences_on_resolves_to_the_full_name(
    speaker: str,
) -> None:
    text = NOVAK + f"{speaker} said the raids would continue."
    (q,) = quotes(
        text,
        ("Source", speaker, 1 if speaker == "Novak" else 0),
        ("Cue", "said"),
        ("Content", "the raids would continue"),
    )
    assert q["speaker"]["text"] == speaker
    assert q["speaker"]["name"] == "Jan Novak"
    assert q["source_type"] == "named_person"


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = (
        "Mr. Jan Novak met Ms. Eva Berg on Monday. The talks went on for hours. "
        "He said nothing had been agreed."
    )
    (q,) = quotes(text, ("Source", "He"), ("Cue", "said"), ("Content", "nothing had been agreed"))
    assert q["speaker"]["name"] == "Jan Novak"


def test_we_inside_a_quote_is_the_quoted_speaker() -> None:
    text = '"We heard that they said we were criminals," Eva Berg said.'
    found = quotes(
        text,
        ("Content", '"We heard that they said we were criminals,"'),
        ("Source", "Eva Berg"),
        ("Cue", "said", 1),
        ("Source", "We"),
        ("Cue", "heard"),
    )
    outer = next(q for q in found if q["speaker"]["text"] == "Eva Berg")
    assert outer["kind"] == "direct"
    assert outer["speaker"]["name"] == "Eva Berg"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Officials", "anonymous"),
        ("A source", "anonymous"),
        ("Experts", "anonymous"),
        ("The ministry", "named_organization"),
        ("The Interior Ministry", "named_organization"),
    ],
)
def test_source_types_of_unnamed_and_institutional_sources(source: str, expected: str) -> None:
    text = f"{source} said the raids would continue."
    (q,) = quotes(
        text, ("Source", source), ("Cue", "said"), ("Content", "the raids would continue")
    )
    assert q["source_type"] == expected


def test_an_anonymity_clause_makes_a_named_body_anonymous() -> None:
    text = "A ministry official, speaking on condition of anonymity, said the raids would go on."
    (q,) = quotes(
        text,
        ("Source", "A ministry official"),
        ("Cue", "said"),
        ("Content", "the raids would go on"),
    )
    assert q["source_type"] == "anonymous"


def test_a_cue_without_a_source_is_unattributed() -> None:
    text = "It was reported that the raids would continue."
    (q,) = quotes(text, ("Cue", "was reported"), ("Content", "the raids would continue"))
    assert q["source_type"] == "unattributed"
    assert q["speaker"] is None


@pytest.mark.parametrize(
    ("cue", "content", "stance"),
    [
        ("denied", "that it had planned any attack", "deny"),
        ("dismissed", "the claims as a fabrication", "deny"),
        ("rejected", "the accusations", "deny"),
        ("called", "the claims baseless", "deny"),
        ("accused", "the police of lying", "accuse"),
        ("blamed", "the police for the violence", "accuse"),
        ("did not say", "that the police lied", "other"),
        ("hoped", "that the raids would stop", "other"),
        ("said", "that the raids were legal", "assert"),
    ],
)
def test_stance_comes_from_the_cue_lexicon(cue: str, content: str, stance: str) -> None:
    text = f"The group {cue} {content}."
    (q,) = quotes(text, ("Source", "The group"), ("Cue", cue), ("Content", content))
    assert q["stance"] == stance


def test_a_quote_running_over_paragraphs_continues_with_the_same_speaker() -> None:
    text = (
        "\u201cWe were never a danger to anyone,\u201d said Eva Berg, a former member.\n\n"
        "\u201cThey took our homes and our children and called it justice.\u201d"
    )
    found = quotes(
        text,
        ("Content", "\u201cWe were never a danger to anyone,\u201d"),
        ("Cue", "said"),
        ("Source", "Eva Berg"),
        ("Content", "\u201cThey took our homes and our children and called it justice.\u201d"),
    )
    assert len(found) == 2
    assert found[1]["continues"] is True
    assert found[1]["speaker"]["name"] == "Eva Berg"
    assert found[1]["kind"] == "direct"


def test_an_unbalanced_quote_degrades_to_what_can_be_found() -> None:
    text = 'Eva Berg said: "We will never leave our homes.\n\nThe police did not comment.'
    (q,) = quotes(
        text,
        ("Source", "Eva Berg"),
        ("Cue", "said"),
        ("Content", '"We will never leave our homes.'),
    )
    assert q["kind"] == "direct"


def test_lone_contents_and_cues_make_no_statement() -> None:
    text = "The weather was fine.\n\nEveryone said so."
    assert quotes(text, ("Content", "The weather was fine"), ("Cue", "said")) == []


def test_a_claim_in_a_quote_links_to_it_and_sources_are_summarised() -> None:
    from unspin import Options, analyze

    text = "Police said that eleven members of the group were arrested on Tuesday in Marenport."
    article = analyze(text, options=Options(stages=("language", "segment")))
    stage = AttributionStage(
        options=Options(),
        tagger=Scripted(
            ("Source", "Police"),
            ("Cue", "said"),
            ("Content", "eleven members of the group were arrested on Tuesday in Marenport"),
        ),
    )
    article = stage(article)
    article.stages.append("attribution")
    from unspin.stages.claims import ClaimsStage

    article = ClaimsStage(options=Options())(article)
    report = article.to_dict()
    assert report["claims"][0]["quote"] == 0
    sources = report["summary"]["sources"]
    assert sources["named_organization"] == 1
    assert sources["statements"] == 1
    assert sources["attributed_share"] == 1.0


def test_anonymity_words_in_the_content_do_not_make_the_speaker_anonymous() -> None:
    text = "Jan Novak said anonymous threats had been made against unnamed officials."
    (q,) = quotes(
        text,
        ("Source", "Jan Novak"),
        ("Cue", "said"),
        ("Content", "anonymous threats had been made against unnamed officials"),
    )
    assert q["source_type"] == "named_person"


@pytest.mark.parametrize(
    ("sentence", "cue", "content", "stance"),
    [
        (
            "The minister accused the opposition of spreading false claims.",
            "accused",
            "the opposition of spreading false claims",
            "accuse",
        ),
        (
            "Novak confirmed the allegations were not fabricated.",
            "confirmed",
            "the allegations were not fabricated",
            "assert",
        ),
        ("The group said the allegations were lies.", "said", "the allegations were lies", "deny"),
        (
            "The group said the history of the region was complicated and false.",
            "said",
            "the history of the region was complicated and false",
            "assert",
        ),
        (
            "The group held the police responsible for the deaths.",
            "held",
            "the police responsible for the deaths",
            "accuse",
        ),
        ("The group called for calm after the raids.", "called", "calm after the raids", "other"),
        (
            "According to the police, the raids were legal.",
            "According to",
            "the raids were legal",
            "assert",
        ),
    ],
)
def test_stance_in_context(sentence: str, cue: str, content: str, stance: str) -> None:
    (q,) = quotes(sentence, ("Cue", cue), ("Content", content))
    assert q["stance"] == stance


def test_a_quote_over_three_paragraphs_keeps_its_speaker_to_the_end() -> None:
    text = (
        "\u201cWe were never a danger to anyone,\u201d said Eva Berg, a former member.\n \n"
        "\u201cThey took our homes and our children and called it justice.\n\n"
        "\u201cNobody has ever said sorry to any of us for what happened.\u201d\n\n"
        "\u201cThe next quotation stands alone without anyone saying it.\u201d"
    )
    found = quotes(
        text,
        ("Content", "\u201cWe were never a danger to anyone,\u201d"),
        ("Cue", "said"),
        ("Source", "Eva Berg"),
        ("Content", "\u201cThey took our homes and our children and called it justice."),
        ("Content", "\u201cNobody has ever said sorry to any of us for what happened.\u201d"),
    )
    assert [q.get("continues", False) for q in found] == [False, True, True]
    assert {q["speaker"]["name"] for q in found} == {"Eva Berg"}


def test_a_lone_quotation_after_indirect_speech_is_not_the_speakers() -> None:
    text = (
        "Eva Berg said the march would go ahead.\n\n"
        "\u201cHands off our homes and our children now\u201d, the banners read."
    )
    found = quotes(
        text,
        ("Source", "Eva Berg"),
        ("Cue", "said"),
        ("Content", "the march would go ahead"),
        ("Content", "\u201cHands off our homes and our children now\u201d"),
    )
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "source", "name", "source_type"),
    [
        (
            NOVAK + "Novak's spokesman said the raids would continue.",
            "Novak's spokesman",
            "Novak's spokesman",
            "named_organization",
        ),
        (
            "Residents of Marenport gathered on Monday. They said the raids would continue.",
            "They",
            None,
            "anonymous",
        ),
        (
            "The Interior Ministry issued a statement on Monday. It said the raids would continue.",
            "It",
            "Interior Ministry",
            "named_organization",
        ),
        (
            "Jan Novak, who said the raids would continue, left early.",
            "who",
            "Jan Novak",
            "named_person",
        ),
    ],
)
def test_speakers_in_context(text: str, source: str, name: str | None, source_type: str) -> None:
    (q,) = quotes(
        text, ("Source", source), ("Cue", "said"), ("Content", "the raids would continue")
    )
    assert (q["speaker"]["name"], q["source_type"]) == (name, source_type)


def test_a_participle_cue_takes_the_speaker_of_the_verb_it_hangs_on() -> None:
    text = 'The FOH denied the allegations, calling them "baseless lies."'
    found = quotes(
        text,
        ("Source", "The FOH"),
        ("Cue", "denied"),
        ("Content", "the allegations"),
        ("Cue", "calling"),
        ("Content", 'them "baseless lies."'),
    )
    assert [q["speaker"]["text"] for q in found] == ["The FOH", "The FOH"]
    assert [q["stance"] for q in found] == ["deny", "deny"]
