"""The project's own event check sets (scripts/check_sets/): annotations only, resolvable
against ../shared's corpora, and none of the blind check's articles."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "scripts" / "check_sets"
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _records() -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for path in sorted(SETS.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_sets", ROOT / "scripts" / "check_sets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_check_sets_store_no_text_and_valid_events() -> None:
    records = _records()
    assert len(records) > 300
    assert len({r["id"] for r in records}) == len(records)
    # sentences were chosen for their events; a few with none measure false positives
    sentences = [r for r in records if r["span"] is not None]
    assert sum(1 for r in sentences if not r["events"]) < 0.1 * len(sentences)
    for r in records:
        assert "text" not in r and all("note" not in e for e in r["events"])
        for e in r["events"]:
            assert set(e["plover"]) <= PLOVER, r["id"]
            assert all(len(code) == 3 and code.isupper() for code in e["source"] + e["target"]), r["id"]


def test_check_sets_resolve_in_the_corpora_and_avoid_the_blind_check(shared_dir: Path) -> None:
    blind = subprocess.run([sys.executable, str(shared_dir / "eval" / "blind.py"),
                            str(shared_dir / "gold" / "blind" / "events-reuters-blind.json"), "--docs"],
                           check=True, capture_output=True, text=True).stdout
    blind_ids = {json.loads(line)["id"] for line in blind.splitlines()}
    script = _script()
    reuters, pages = script._reuters(shared_dir), script._pages(shared_dir)
    feeds = script._feed_items(shared_dir)
    for r in _records():
        assert r["article"] not in blind_ids, r["id"]
        doc = script.document(r, reuters, pages, feeds)
        assert len(doc["text"]) > 40, r["id"]
        if r["span"] is not None:  # a sentence: starts a word, ends a sentence
            assert doc["text"][0].isalnum() or doc["text"][0] in "\"'(<", r["id"]  # <Company Inc>
            assert doc["text"].rstrip("\"')").endswith((".", "!", "?")), (r["id"], doc["text"][-20:])


@pytest.mark.slow
def test_check_sets_script_writes_every_part(shared_dir: Path, tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "check_sets.py"), str(tmp_path),
                    "--shared", str(shared_dir)], check=True, capture_output=True)
    parts = {p.name for p in tmp_path.iterdir()}
    assert parts == {"s1", "s2", "s3", "s4", "w", "a1", "a2", "g"}
    for part in parts:
        gold = (tmp_path / part / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        blind = json.loads((tmp_path / part / "blind.json").read_text(encoding="utf-8"))
        assert len(blind["documents"]) == len(gold) > 0
