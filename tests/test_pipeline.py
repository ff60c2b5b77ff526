import json
import subprocess
import sys

import pytest

from geoevents.config import load_config
from geoevents.errors import ConfigError, ModelNotFound
from geoevents.nlp import load_model
from geoevents.pipeline import Pipeline

from .conftest import SEED, make_doc


def test_pipeline_extracts_seed_with_offsets_into_text(seed_document, seed_extraction):
    text = seed_document.text
    assert seed_extraction.id == seed_document.id
    assert seed_extraction.actors, "the seed names several actors"
    for mention in [*seed_extraction.actors, *seed_extraction.timexes, *seed_extraction.places]:
        assert text[mention.start:mention.end] == mention.text


def test_pipeline_skips_foreign_language_documents(pipeline):
    doc = make_doc("Die Bundesregierung hat am Mittwoch beschlossen, die Hilfen für die Ukraine "
                   "deutlich zu erhöhen, teilte ein Sprecher in Berlin mit.")
    ex = pipeline.extract_one(doc)
    assert ex.skipped and "de" in ex.skipped
    assert ex.events == [] and ex.actors == []


def test_pipeline_skips_oversized_documents():
    cfg = load_config(env={}).replace(max_document_bytes=100)
    ex = Pipeline(cfg).extract_one(make_doc("Russia " * 50))
    assert ex.skipped and "too large" in ex.skipped


def test_pipeline_version_changes_with_stages():
    a = Pipeline(load_config(env={}))
    stages = dict(a.config.stages)
    del stages["quotes"]
    b = Pipeline(a.config.replace(stages=stages))
    assert a.version != b.version


def test_pipeline_unknown_stage_is_a_config_error():
    cfg = load_config(env={})
    with pytest.raises(ConfigError, match="unknown stage"):
        Pipeline(cfg.replace(stages={**cfg.stages, "events": "geoevents.nope.v9"}))


def test_nlp_missing_model_names_the_model():
    with pytest.raises(ModelNotFound, match="no_such_model_xx"):
        load_model("no_such_model_xx")


def test_config_env_overrides_defaults(tmp_path):
    user = tmp_path / "g.toml"
    user.write_text('batch_size = 7\n')
    cfg = load_config(user, env={"GEOEVENTS_DB": str(tmp_path / "x.duckdb")})
    assert cfg.batch_size == 7 and cfg.db.endswith("x.duckdb") and cfg.model


def test_config_unknown_key_is_rejected(tmp_path):
    user = tmp_path / "g.toml"
    user.write_text('batch_sise = 7\n')
    with pytest.raises(ConfigError, match="batch_sise"):
        load_config(user, env={})


def test_cli_extract_writes_one_record_per_document(tmp_path):
    out = tmp_path / "out.jsonl"
    r = subprocess.run([sys.executable, "-m", "geoevents", "extract", str(SEED), "-o", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 1
    assert set(records[0]) >= {"id", "events", "actors", "timexes", "quotes", "places"}


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("", "no records"),
    ("{not json\n", "malformed"),
])
def test_cli_extract_bad_input_is_one_line(tmp_path, content, message):
    path = tmp_path / "in.jsonl"
    if content is not None:
        path.write_text(content)
    r = subprocess.run([sys.executable, "-m", "geoevents", "extract", str(path), "--strict"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode != 0
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


class _FailingQuotes:
    name = "failing-quotes"
    requires = ("actors",)
    assigns = "quotes"

    def __call__(self, ctx):
        ctx.quotes.append("half-written")
        raise RuntimeError("boom")


def test_pipeline_stage_failure_is_contained_and_logged(caplog, monkeypatch):
    from geoevents.registry import register_stage

    monkeypatch.delenv("GEOEVENTS_DEBUG", raising=False)
    register_stage("tests.failing-quotes.v1", _FailingQuotes, assigns="quotes", requires=("actors",))
    cfg = load_config(env={})
    pipe = Pipeline(cfg.replace(stages={**cfg.stages, "quotes": "tests.failing-quotes.v1"}))
    with caplog.at_level("WARNING"):
        ex = pipe.extract_one(make_doc("Russia and China signed an agreement in Beijing on Monday."))
    assert ex.quotes == []
    assert ex.actors and ex.events, "the other stages still ran"
    assert any("failing-quotes failed" in r.getMessage() and "boom" in r.getMessage()
               for r in caplog.records)



def test_nlp_sentences_end_at_line_breaks():
    # the statistical parser alone runs a headline into the paragraph under it
    text = ("The Latest: Minister urges calm at the border\n\n"
            "ALMATY (AP) — The Latest on the border talks (all times local):\n\n"
            "The foreign minister said the crossing would reopen on Monday.")
    doc = load_model()(text)
    for sent in doc.sents:
        assert "\n" not in sent.text.strip(), sent.text
    said = next(t for t in doc if t.text == "said")
    assert said.sent.text.startswith("The foreign minister")


def test_nlp_line_break_inside_a_sentence_is_no_boundary():
    # a wire story's short first line ends mid-sentence; an indented line starts a paragraph
    text = ("Champion Products Inc said its\nboard of directors approved a two-for-one stock "
            "split of its common shares.\n    The company also raised its dividend.")
    doc = load_model()(text)
    board = next(t for t in doc if t.text == "board")
    company = next(t for t in doc if t.text == "company")
    assert board.sent.start_char == 0
    assert company.sent.text.startswith("The company")
