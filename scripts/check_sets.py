"""Write the project's own event check sets as documents and gold from ../shared's corpora.

The sets in ``scripts/check_sets/`` hold annotations only: article ids, sentence offsets and
PLOVER events (who did what to whom), written for geoevents by annotators who never ran the
software, from the PLOVER manual. No text is stored: this script takes it from
``../shared/corpora`` (Reuters-21578; the article-extraction-benchmark pages; the Guardian
RSS feed's items) and writes, per
part, ``docs.jsonl`` (input of ``geoevents extract``), ``gold.jsonl`` (for
``../shared/eval/score.py events``) and ``blind.json`` (for ``../shared/eval/blind.py``).

    python scripts/check_sets.py OUTDIR [--shared ../shared]

Which parts were read while tuning, and which were never, is in ``scripts/check_sets/README.md``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "scripts" / "check_sets"


def _reuters(shared: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    with (shared / "corpora" / "reuters21578.jsonl").open(encoding="utf-8") as lines:
        return {d["id"]: d for d in map(json.loads, lines)}


def _pages(shared: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return json.loads((shared / "corpora" / "html-aeb" / "ground-truth.json").read_text(encoding="utf-8"))


def _feed_items(shared: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    """Items of the Guardian RSS feed by link: headline, then the description's paragraphs
    (its "Related:" and "Continue reading..." links left out)."""
    import feedparser

    items = {}
    for entry in feedparser.parse(str(shared / "corpora" / "feeds" / "guardian.rss")).entries:
        paragraphs = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
                      for p in re.findall(r"<p>(.*?)</p>", entry.summary, flags=re.S)
                      if "Related:" not in p and "Continue reading" not in p]
        items[entry.link] = {"text": "\n\n".join([entry.title, *filter(None, paragraphs)]),
                             "url": entry.link}
    return items


def document(record: dict, reuters: dict, pages: dict,  # type: ignore[type-arg]
             feeds: dict | None = None) -> dict:  # type: ignore[type-arg]
    """The input document of one annotated record (its text taken from the corpus)."""
    if record["corpus"] == "feeds/guardian.rss":
        item = (feeds or {})[record["article"]]
        return {"id": record["id"], "text": item["text"], "title": None,
                "published": record.get("published"), "url": item["url"], "source": None}
    if record["corpus"] == "reuters21578":
        article = reuters[record["article"]]
        if record["span"] is None:
            return {"id": record["id"], "text": article["text"], "title": article.get("title"),
                    "published": article.get("published"), "url": None, "source": None}
        start, end = record["span"]  # offsets into the whitespace-collapsed text
        text = re.sub(r"\s+", " ", article["text"]).strip()[start:end]
        return {"id": record["id"], "text": text, "title": None, "published": None, "url": None,
                "source": None}
    page = pages[record["article"]]
    return {"id": record["id"], "text": page["articleBody"], "title": None,
            "published": record.get("published"), "url": page.get("url"), "source": None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    reuters, pages, feeds = _reuters(args.shared), _pages(args.shared), _feed_items(args.shared)
    parts: dict[str, list[tuple[dict, dict]]] = defaultdict(list)  # type: ignore[type-arg]
    for path in sorted(SETS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            doc = document(record, reuters, pages, feeds)
            parts[record["part"]].append((doc, doc | {"events": record["events"]}))
    for part, rows in sorted(parts.items()):
        folder = args.outdir / part
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d, _ in rows), encoding="utf-8")
        (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for _, g in rows), encoding="utf-8")
        blind = subprocess.run([sys.executable, str(args.shared / "eval" / "blind.py"), "--make",
                                str(folder / "gold.jsonl")], check=True, capture_output=True, text=True)
        (folder / "blind.json").write_text(blind.stdout, encoding="utf-8")
        print(f"{part}: {len(rows)} documents, "
              f"{sum(1 for _, g in rows for e in g['events'] if not e.get('optional'))} required events")


if __name__ == "__main__":
    main()
