"""The attribution-cue lexicon (``data/cues.tsv``), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from geoevents.errors import DataFileError

CUE_CLASSES = ("speech", "belief", "evidence", "stance", "noun", "phrase")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue lemmas by class; membership tests are set look-ups."""

    verbs: dict[str, frozenset[str]]  # lemma -> classes (speech, belief, evidence, stance)
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # lower-cased token sequences ("according", "to")

    def verb_classes(self, lemma: str) -> frozenset[str]:
        return self.verbs.get(lemma.lower(), frozenset())

    def is_speech_verb(self, lemma: str) -> bool:
        return "speech" in self.verbs.get(lemma.lower(), ())

    def is_clause_verb(self, lemma: str) -> bool:
        """Verbs whose clausal complement is reported content."""
        return bool(self.verbs.get(lemma.lower(), frozenset()) & {"speech", "belief", "evidence"})

    def is_stance_verb(self, lemma: str) -> bool:
        """Verbs whose object (not only a clause) is the attributed content."""
        return "stance" in self.verbs.get(lemma.lower(), ())


def parse_cues(lines: list[str], where: str) -> CueLexicon:
    verbs: dict[str, set[str]] = {}
    nouns: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in CUE_CLASSES:
            raise DataFileError(f"{where}:{number}: expected 'cue<TAB>class' with class in "
                                f"{', '.join(CUE_CLASSES)}, got {line!r}")
        cue, cls = parts[0].lower(), parts[1]
        if cls == "noun":
            nouns.add(cue)
        elif cls == "phrase":
            phrases.append(tuple(cue.split()))
        else:
            verbs.setdefault(cue, set()).add(cls)
    if not verbs:
        raise DataFileError(f"{where}: no cue verbs found")
    return CueLexicon({k: frozenset(v) for k, v in verbs.items()}, frozenset(nouns), tuple(phrases))


@lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    path = resources.files("geoevents.quotes") / "data" / "cues.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(f"cannot read quote cue lexicon {path}: {err}") from None
    return parse_cues(text.splitlines(), str(path))
