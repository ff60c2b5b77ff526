"""Measure a trained statement act model (issue 13, point 2): tried, and not shipped.

Question answered: which act (ACCUSE, REQUEST, REJECT, THREATEN, SUPPORT, AGREE, or NONE) does
a reported statement perform, per PLOVER's rule that speech is coded by what it does (issue 13,
points 2 and 4)?

Data (read-only; none of it ships):

* ``scripts/statement_acts.tsv`` -- this project's labels: for reported statements that the
  events stage left as CAMEO 010 in 2,100 Reuters-21578 articles (political ones, by headline
  and keyword; none of the blind-check articles nor of the project's own check sets), the act
  and its target, each labelled by reading the sentence against the PLOVER manual
  (``scripts/statement_acts_guide.md``). The file holds article ids and character offsets, no
  text: the sentences are read from ``../shared/corpora/reuters21578.jsonl``.
* features: hashed word unigrams and bigrams of the sentence (the relevance model's
  featuriser, ``geoevents.events.relevance.feature_strings``) and its VADER valence in bins.

Split: articles 80/20 by a seeded permutation; the fifth is held back untouched and measured
once. The threshold is chosen by 5-fold cross-validation inside the training articles: the
lowest probability at which the acts found are right (act and category) at least
``TARGET_PRECISION`` of the time. Deterministic (seeded split, L-BFGS from zeros), CPU only.

Result (docs/events.md, "The statement act model"): with some 280 labelled acts over six
categories the model finds almost none of them at a useful precision (F1 under 0.1 in
cross-validation at any threshold), and in the stage it changed no check; it does not ship.
The labels stay as a measuring set for statement rules.

    python scripts/train_statement_acts.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from geoevents.events.relevance import feature_strings  # noqa: E402
from geoevents.events.statements import valence  # noqa: E402

NONE = "NONE"
ACTS = ("ACCUSE", "AGREE", "REJECT", "REQUEST", "SUPPORT", "THREATEN")
_VALENCE_BINS = ((-0.6, "v<=-0.6"), (-0.3, "v<=-0.3"), (-0.05, "v<0"))
_POSITIVE_BINS = ((0.6, "v>=0.6"), (0.3, "v>=0.3"), (0.05, "v>0"))


def act_features(text: str) -> list[str]:
    """Feature strings of a statement's sentence: n-grams and valence bins."""
    feats = feature_strings(text)
    v = valence(text)
    feats += [name for cut, name in _VALENCE_BINS if v <= cut]
    feats += [name for cut, name in _POSITIVE_BINS if v >= cut]
    return feats


def act_feature_indices(text: str, n_bits: int) -> list[int]:
    mask = (1 << n_bits) - 1
    return sorted({zlib.crc32(f.encode("utf-8")) & mask for f in act_features(text)})


LABELS = REPO / "scripts" / "statement_acts.tsv"
SEED = 17
N_BITS = 16
L2 = 1.0
TARGET_PRECISION = 0.6
CLASSES = (NONE, *ACTS)


def blind_ids(shared: Path) -> set[str]:
    blind = shared / "gold" / "blind" / "events-reuters-blind.json"
    out = subprocess.run([sys.executable, str(shared / "eval" / "blind.py"), str(blind), "--docs"],
                         capture_output=True, text=True, check=True).stdout
    return {json.loads(line)["id"] for line in out.splitlines() if line.strip()}


def load_examples(shared: Path) -> list[tuple[str, str, str]]:
    """(article id, sentence, act) for every labelled statement."""
    rows = list(csv.DictReader((line for line in LABELS.open(encoding="utf-8")
                                if not line.startswith("#")), delimiter="\t"))
    wanted = {r["doc_id"] for r in rows}
    texts: dict[str, str] = {}
    with (shared / "corpora" / "reuters21578.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] in wanted:
                texts[doc["id"]] = doc["text"]
    blind = blind_ids(shared)
    out = []
    for r in rows:
        if r["doc_id"] in blind:
            raise SystemExit(f"{LABELS}: {r['doc_id']} is a blind-check article")
        if r["act"] not in CLASSES:
            raise SystemExit(f"{LABELS}: unknown act {r['act']!r}")
        text = texts[r["doc_id"]][int(r["start"]):int(r["end"])]
        out.append((r["doc_id"], " ".join(text.split()), r["act"]))
    return out


def design(texts: list[str]) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, t in enumerate(texts):
        idx = act_feature_indices(t, N_BITS)
        rows.extend([i] * len(idx))
        cols.extend(idx)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), 1 << N_BITS))


def train_softmax(x: sparse.csr_matrix, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """L2-regularised softmax regression by L-BFGS (deterministic)."""
    k, dim = len(CLASSES), x.shape[1]
    onehot = np.eye(k)[y]
    xt = x.T.tocsr()

    def loss_grad(params: np.ndarray) -> tuple[float, np.ndarray]:
        w = params[:k * dim].reshape(k, dim)
        b = params[k * dim:]
        z = np.asarray(x @ w.T) + b
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -float((onehot * logp).sum()) + L2 * float((w * w).sum())
        g = np.exp(logp) - onehot  # (n, k)
        grad_w = np.asarray((xt @ g).T) + 2 * L2 * w
        return loss, np.concatenate([grad_w.ravel(), g.sum(axis=0)])

    res = optimize.minimize(loss_grad, np.zeros(k * dim + k), jac=True, method="L-BFGS-B",
                            options={"maxiter": 500})
    return res.x[:k * dim].reshape(k, dim).astype(np.float32), res.x[k * dim:].astype(np.float32)


def predict(w: np.ndarray, b: np.ndarray, x: sparse.csr_matrix) -> np.ndarray:
    z = np.asarray(x @ w.T) + b
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def decide(p: np.ndarray, threshold: float) -> np.ndarray:
    """Class index per row: the best act if it beats NONE and the threshold, else NONE (0)."""
    acts = p[:, 1:]
    best = acts.argmax(axis=1) + 1
    keep = (p[np.arange(len(p)), best] >= threshold) & (p[np.arange(len(p)), best] > p[:, 0])
    return np.where(keep, best, 0)


def act_scores(pred: np.ndarray, y: np.ndarray) -> dict:
    found = pred > 0
    gold = y > 0
    right = found & (pred == y)
    p = right.sum() / max(1, found.sum())
    r = right.sum() / max(1, gold.sum())
    return {"precision": round(float(p), 3), "recall": round(float(r), 3),
            "f1": round(float(2 * p * r / max(1e-9, p + r)), 3), "found": int(found.sum()),
            "gold_acts": int(gold.sum()), "right": int(right.sum())}


def choose_threshold(p: np.ndarray, y: np.ndarray) -> float:
    for t in np.arange(0.2, 0.95, 0.01):
        s = act_scores(decide(p, float(t)), y)
        if s["found"] >= 5 and s["precision"] >= TARGET_PRECISION:
            return round(float(t), 2)
    return 0.95


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    t0 = time.time()
    examples = load_examples(args.shared)
    docs = sorted({d for d, _, _ in examples})
    random.Random(SEED).shuffle(docs)
    held = set(docs[: len(docs) // 5])
    train = [e for e in examples if e[0] not in held]
    test = [e for e in examples if e[0] in held]
    index = {c: i for i, c in enumerate(CLASSES)}
    x_tr, y_tr = design([t for _, t, _ in train]), np.array([index[a] for _, _, a in train])
    x_te, y_te = design([t for _, t, _ in test]), np.array([index[a] for _, _, a in test])

    # threshold: 5-fold cross-validation inside the training articles (folds by article)
    train_docs = sorted({d for d, _, _ in train})
    random.Random(SEED + 1).shuffle(train_docs)
    fold_of = {d: i % 5 for i, d in enumerate(train_docs)}
    folds = np.array([fold_of[d] for d, _, _ in train])
    oof = np.zeros((len(train), len(CLASSES)))
    for f in range(5):
        w, b = train_softmax(x_tr[folds != f], y_tr[folds != f])
        oof[folds == f] = predict(w, b, x_tr[folds == f])
    threshold = choose_threshold(oof, y_tr)
    cv = act_scores(decide(oof, threshold), y_tr)

    w, b = train_softmax(x_tr, y_tr)
    held_scores = act_scores(decide(predict(w, b, x_te), threshold), y_te)
    per_class = {}
    pred_te = decide(predict(w, b, x_te), threshold)
    for i, c in enumerate(CLASSES[1:], start=1):
        tp = int(((pred_te == i) & (y_te == i)).sum())
        per_class[c] = {"gold": int((y_te == i).sum()), "found": int((pred_te == i).sum()), "right": tp}
    report = {
        "classes": list(CLASSES), "n_bits": N_BITS, "l2": L2, "seed": SEED,
        "threshold": threshold,
        "target_precision": TARGET_PRECISION,
        "examples": {"train": len(train), "held_out": len(test), "articles_train": len(train_docs),
                     "articles_held_out": len(held)},
        "labels_train": dict(Counter(a for _, _, a in train)),
        "labels_held_out": dict(Counter(a for _, _, a in test)),
        "cross_validated": cv, "held_out": held_scores, "held_out_per_act": per_class,
        "seconds": round(time.time() - t0, 1),
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
