"""The shipped sentence relevance model (issue 13, points 2 and 6)."""

from __future__ import annotations

import json
import math
import time
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from geoevents.errors import DataFileError
from geoevents.events.relevance import RelevanceModel, load_relevance_model, read_relevance_model, tokens

POLITICAL = [
    "Rebel fighters ambushed a government convoy near the northern border, killing seven soldiers.",
    "The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss the refugee crisis.",
    "Brazil imposed an anti-dumping tariff on steel from South Korea, the trade ministry said.",
    "Police detained forty opposition activists who marched on the presidential palace.",
    "The European Union agreed to extend its sanctions against Belarus for another year.",
]
NOT_POLITICAL = [
    "Quarterly net profit at the insurer rose 14 percent to 820 million dollars on higher premiums.",
    "Shares of the chipmaker fell 5 percent in early trading after it lowered its sales outlook.",
    "The striker's late header gave the visitors a 1-0 win in the league match on Saturday.",
    "The actor's new film took 40 million dollars at the box office in its first weekend.",
    "Soybean futures closed higher on the Chicago Board of Trade amid buying by commercial funds.",
]


@pytest.fixture(scope="module")
def model() -> RelevanceModel:
    return load_relevance_model()


def test_loads_from_package_data(model: RelevanceModel) -> None:
    folder = resources.files("geoevents.events").joinpath("data", "relevance")
    meta = json.loads(folder.joinpath("meta.json").read_text(encoding="utf-8"))
    assert model.n_bits == meta["n_bits"]
    assert model.weights.shape == (1 << meta["n_bits"],)
    assert 0.0 < model.threshold < 1.0
    assert load_relevance_model() is model  # cached
    # the model states what it was measured on
    figures = meta["figures"]
    assert figures["gsr_dev_vs_hand_negatives"]["gsr_recall_at_threshold"] >= 0.95


def test_probabilities_are_in_unit_interval(model: RelevanceModel) -> None:
    texts = [*POLITICAL, *NOT_POLITICAL, "", "   ", "!!!", "x" * 5000]
    probs = model.probabilities(texts)
    assert len(probs) == len(texts)
    for text, p in zip(texts, probs, strict=True):
        assert 0.0 <= p <= 1.0 and not math.isnan(p)
        assert p == pytest.approx(model.probability(text))


def test_political_sentences_outscore_financial_ones(model: RelevanceModel) -> None:
    pol = model.probabilities(POLITICAL)
    other = model.probabilities(NOT_POLITICAL)
    assert min(pol) > max(other), (pol, other)
    assert all(model.relevant(t) for t in POLITICAL)
    assert not any(model.relevant(t) for t in NOT_POLITICAL[:2])


def test_government_trade_measure_outscores_market_report(model: RelevanceModel) -> None:
    measure = "Washington raised import quotas on Mexican sugar after weeks of trade talks."
    market = "Raw sugar prices rose on the New York exchange as dealers covered short positions."
    assert model.probability(measure) > model.probability(market) + 0.3


def test_non_text_input_is_a_one_line_type_error(model: RelevanceModel) -> None:
    with pytest.raises(TypeError, match="expected a sentence as a string, got NoneType"):
        model.probability(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got int"):
        model.probabilities(["Troops crossed the border.", 42])  # type: ignore[list-item]


def test_wire_shorthand_and_modern_style_tokenise_alike() -> None:
    assert tokens("5 pct") == tokens("5%") == ["<num>", "percent"]
    assert tokens("20 mln dlrs") == tokens("20 million dollars") == ["<num>", "million", "dollars"]
    assert tokens("U.S. Govt") == ["u", "s", "government"]


def test_fast_enough_for_the_pipeline(model: RelevanceModel) -> None:
    sentences = (POLITICAL + NOT_POLITICAL) * 100
    start = time.perf_counter()
    model.probabilities(sentences)
    per_sentence = (time.perf_counter() - start) / len(sentences)
    assert per_sentence < 0.001  # issue 13: at most ~1-2 ms a sentence


def test_missing_or_broken_model_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="relevance model missing"):
        read_relevance_model(tmp_path)
    (tmp_path / "meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match="not a JSON model description"):
        read_relevance_model(tmp_path)
    shipped = resources.files("geoevents.events").joinpath("data", "relevance")
    meta = json.loads(shipped.joinpath("meta.json").read_text(encoding="utf-8"))
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(DataFileError, match="weights missing"):
        read_relevance_model(tmp_path)
    np.save(tmp_path / "weights.npy", np.zeros(16, dtype=np.float32))
    with pytest.raises(DataFileError, match="expected"):
        read_relevance_model(tmp_path)
    meta["feature_version"] = -1
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(DataFileError, match="retrain"):
        read_relevance_model(tmp_path)


def test_copied_model_folder_scores_like_the_shipped_one(tmp_path: Path, model: RelevanceModel) -> None:
    shipped = resources.files("geoevents.events").joinpath("data", "relevance")
    for name in ("meta.json", "weights.npy"):
        (tmp_path / name).write_bytes(shipped.joinpath(name).read_bytes())
    copy = read_relevance_model(tmp_path)
    assert copy.probabilities(POLITICAL) == model.probabilities(POLITICAL)
