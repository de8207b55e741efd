"""Training end to end on a few PTC articles: checkpoints, resume, export, ONNX == torch.
Needs the [train] extra and ../shared/data/ptc."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import DATA

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.skipif(not (DATA / "ptc").is_dir(), reason="needs ../shared/data/ptc")


def test_train_resume_and_export(tmp_path: Path) -> None:
    from unspin.models.techniques import load_tagger, onnx_runner
    from unspin.training.techniques import Net, TrainSettings, base_encoder, torch_runner, train

    out = tmp_path / "model"
    train(DATA, out, settings=TrainSettings(epochs=1, max_articles=3, batch_size=8))
    assert json.loads((out / "log.jsonl").read_text())["epoch"] == 1
    train(DATA, out, settings=TrainSettings(epochs=2, max_articles=3, batch_size=8))
    log = [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]
    assert [entry["epoch"] for entry in log] == [1, 2]  # resumed, not restarted

    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["labels"][0] == "Appeal_to_Authority" and len(manifest["labels"]) == 14
    assert len(manifest["data"]["train_sha256"]) == 64

    net = Net(base_encoder(), 14)
    net.load_state_dict(torch.load(out / "checkpoint.pt", weights_only=False)["model"])
    ids = np.array([[101, 2023, 2003, 1037, 3231, 102, 0, 0]] * 2, dtype=np.int64)
    mask = (ids != 0).astype(np.int64)
    expected, _ = torch_runner(net)(ids, mask)
    got, _ = onnx_runner(out / "model.onnx")(ids, mask)
    assert np.abs(expected - got)[mask == 1].max() < 1e-4

    found = load_tagger(out).tag(["The corrupt regime lied again and again, the minister said."])
    assert isinstance(found[0], list)


@pytest.mark.skipif(not (DATA / "checkthat").is_dir(), reason="needs ../shared/data/checkthat")
def test_train_claims_exports_a_scorer_that_matches_torch(tmp_path: Path) -> None:
    from unspin.models.claims import load_claim_model
    from unspin.training.claims import ClaimSettings, train_claims

    out = train_claims(
        DATA / "checkthat",
        tmp_path / "claims",
        settings=ClaimSettings(epochs=1, max_sentences=48, batch_size=16),
    )
    assert torch.load(out / "checkpoint.pt", weights_only=False)["epoch"] == 1
    manifest = json.loads((out / "manifest.json").read_text())
    assert 0 < manifest["threshold"] < 1 and "f1" in manifest["metrics"]["dev"]
    scores = load_claim_model(out).scores(["Crime rose 40 percent in 2023.", "Thank you all."])
    assert scores.shape == (2,) and ((scores >= 0) & (scores <= 1)).all()


@pytest.mark.skipif(not (DATA / "polnear").is_dir(), reason="needs ../shared/data/polnear")
def test_train_attribution_exports_a_tagger_that_matches_torch(tmp_path: Path) -> None:
    from unspin.models.attribution import TAGS, load_role_tagger
    from unspin.training.attribution import (
        AttributionSettings,
        RoleNet,
        torch_tagger,
        train_attribution,
    )
    from unspin.training.techniques import base_encoder

    out = tmp_path / "model"
    settings = AttributionSettings(epochs=1, max_articles=6, batch_size=8)
    train_attribution(DATA, out, settings=settings)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["tags"] == list(TAGS)
    assert set(manifest["decode"]["min_confidence"]) == {"Source", "Cue", "Content"}
    assert "Cue_exact_f1" in manifest["metrics"]["tune"]

    net = RoleNet(base_encoder())
    net.load_state_dict(torch.load(out / "checkpoint.pt", weights_only=False)["model"])
    ids = np.array([[101, 2023, 2003, 1037, 3231, 102, 0, 0]] * 2, dtype=np.int64)
    mask = (ids != 0).astype(np.int64)
    expected, _ = torch_tagger(net, load_role_tagger(out).tokenizer).runner(ids, mask)
    got, _ = load_role_tagger(out).runner(ids, mask)
    assert np.abs(expected - got)[mask == 1].max() < 1e-4
