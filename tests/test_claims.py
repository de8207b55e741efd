"""The claims stage and the CheckThat! reader and metric, with a hand-made scorer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import DATA, plain
from unspin import Options
from unspin.models import shipped
from unspin.models.claims import ClaimModel, load_tokenizer
from unspin.stages import claims as claims_stage
from unspin.training.checkthat import positive_f1, read_split


def fake_model() -> ClaimModel:
    """Scores a sentence high when it holds a digit: enough to test the plumbing."""
    tokenizer = load_tokenizer(shipped("ptc-minilm") / "tokenizer.json")
    digits = {i for token, i in tokenizer.get_vocab().items() if any(c.isdigit() for c in token)}

    def run(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return np.isin(ids, list(digits)).any(axis=1).astype(np.float32) * 0.9 + 0.05

    return ClaimModel(run, tokenizer, threshold=0.5)


def test_claims_are_sentences_above_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claims_stage, "claim_model_in", lambda folder: (fake_model(), "fake-1"))
    article = plain(
        "Unemployment rose by 4 percent in 2023. What a disgrace! Police held 11 people."
    )
    stage = claims_stage.ClaimsStage(options=Options())
    stage(article)
    claims = article.groups["claims"]
    assert [c.text_in(article.text) for c in claims] == [
        "Unemployment rose by 4 percent in 2023.",
        "Police held 11 people.",
    ]
    assert all(c.attrs["checkworthiness"] == pytest.approx(0.95) for c in claims)
    assert all(c.attrs["quote"] is None and c.attrs["source"] == "model/fake-1" for c in claims)
    article.to_dict()  # valid against the schema (checked by conftest)


def test_positive_class_f1() -> None:
    score = positive_f1([True, True, False, False], [True, False, True, False])
    assert (score.precision, score.recall, score.f1) == (0.5, 0.5, 0.5)
    with pytest.raises(ValueError, match="2 predictions for 3"):
        positive_f1([True, False], [True, False, True])


@pytest.mark.skipif(not (DATA / "checkthat").is_dir(), reason="needs ../shared/data/checkthat")
def test_checkthat_reader_unquotes_fields_and_counts_match_the_release() -> None:
    dev = read_split(DATA / "checkthat", "dev")
    assert len(dev) == 1032 and sum(s.worthy for s in dev) == 238
    assert dev[0].text == 'You know, I saw a movie - "Crocodile Dundee."'


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    from unspin import InputError

    with pytest.raises(InputError, match="not the CheckThat"):
        read_split(tmp_path, "dev")


CLAIMS_F1_FLOOR = 0.90  # measured 0.9274 with checkworthy-minilm-20261130 (int8)


@pytest.mark.skipif(not (DATA / "checkthat").is_dir(), reason="needs ../shared/data/checkthat")
def test_shipped_claims_model_holds_its_floor_on_dev() -> None:
    from unspin.stages.claims import MODEL, claim_model_in

    model, _ = claim_model_in(shipped(MODEL))
    dev = read_split(DATA / "checkthat", "dev")
    scores = model.scores([s.text for s in dev])
    f1 = positive_f1([bool(x >= model.threshold) for x in scores], [s.worthy for s in dev]).f1
    assert f1 >= CLAIMS_F1_FLOOR, f1
