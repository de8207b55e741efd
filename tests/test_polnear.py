"""PolNeAR reading (brat standoff) and the Source/Cue/Content metrics on hand-made cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from unspin import InputError
from unspin.training.polnear import RoleSpan, read_ann, read_split, role_scores

TEXT = 'Police said the group plotted. "We only want peace," she said.'


def test_brat_lines_fragments_and_continuations(tmp_path: Path) -> None:
    ann = tmp_path / "a_4e07.ann"
    ann.write_text(
        "T1\tSource 0 6\tPolice\n"
        "T2\tCue 7 11\tsaid\n"
        "T3\tContent 12 29\tthe group plotted\n"
        "T4\tAttribution 7 11\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tContent 32 46;47 51\tWe only want\n"
        "peace\n"
    )
    assert read_ann(ann, TEXT) == [
        RoleSpan("Source", 0, 6),
        RoleSpan("Cue", 7, 11),
        RoleSpan("Content", 12, 29),
        RoleSpan("Content", 32, 46),
        RoleSpan("Content", 47, 51),
    ]


def test_a_span_outside_the_text_is_an_input_error(tmp_path: Path) -> None:
    ann = tmp_path / "a_4e07.ann"
    ann.write_text("T1\tSource 0 600\tPolice\n")
    with pytest.raises(InputError, match="line 1: span 0-600 is outside the text"):
        read_ann(ann, TEXT)


def test_exact_and_overlap_scores_per_role() -> None:
    gold = [
        ("d", RoleSpan("Source", 0, 6)),
        ("d", RoleSpan("Cue", 7, 11)),
        ("d", RoleSpan("Content", 12, 29)),
        ("e", RoleSpan("Content", 0, 10)),
    ]
    predicted = [
        ("d", RoleSpan("Source", 0, 6)),
        ("d", RoleSpan("Cue", 7, 12)),
        ("d", RoleSpan("Content", 16, 29)),
        ("d", RoleSpan("Content", 40, 50)),
        ("e", RoleSpan("Source", 0, 10)),
    ]
    scores = role_scores(predicted, gold)
    assert scores["Source"]["exact"].precision == 0.5 and scores["Source"]["exact"].recall == 1.0
    assert scores["Cue"]["exact"].f1 == 0.0 and scores["Cue"]["overlap"].f1 == 1.0
    content = scores["Content"]["overlap"]
    assert (content.precision, content.recall) == (0.5, 0.5)  # the doc "e" span is not found


@pytest.mark.skipif(not (DATA / "polnear").is_dir(), reason="needs ../shared/data/polnear")
def test_polnear_dev_is_read_whole_with_one_annotator_per_article() -> None:
    dev = read_split(DATA, "dev")
    assert len(dev) == 84
    first = dev[0]
    span = first.spans[0]
    assert first.text[span.start : span.end] == "The New York Post"
