"""Tense and modality of the verb that governs a temporal expression.

The governing verb is the first verb met walking up the dependency tree from the
expression's head token. Its direction:

- ``"future"`` when it is modal future (will, shall, 'll, going to), a planning
  verb or adjective (planned, scheduled, expected, due, set to, to hold...), an
  infinitive under such a word, or a present progressive ("is visiting on Friday");
- ``"past"`` when its tense is past (VBD, or a perfect / past passive: "has
  signed", "was signed");
- ``None`` otherwise (present simple, or no verb): callers take the nearest date.
"""

from __future__ import annotations

from spacy.tokens import Token

from geoevents.time.calendar import Direction

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
# Modals of possibility and obligation look ahead from the time of speaking ("talks
# could resume in June", "must be ratified by June"); with a perfect they look back.
_MODAL_AUX = {"could", "may", "might", "must", "should", "can", "ca", "ought"}
# Words whose own time expression is a planned time ("planned for Thursday").
_PLANNED_FOR = {"plan", "schedule", "expect", "due", "set", "slate", "poised", "upcoming",
                "forthcoming", "await", "scheduled", "planned", "expected"}
# Words whose infinitive complement happens after them ("agreed to meet on Friday").
_INTENT = _PLANNED_FOR | {"intend", "aim", "hope", "prepare", "propose", "arrange", "agree",
                          "decide", "promise", "pledge", "vow", "want", "seek", "invite",
                          "likely", "going", "ready", "try", "threaten", "offer", "vote"}
_VERBAL = {"VERB", "AUX"}
_SCHEDULE_PREP = {"in", "on", "at", "by", "until", "till"}


def governing_verb(token: Token) -> Token | None:
    """The first verb at or above ``token`` in its sentence, or None."""
    current = token
    for _ in range(30):
        if current.pos_ in _VERBAL and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def direction_of(token: Token) -> Direction:
    """The time direction of the clause a temporal expression's head token is in."""
    verb = governing_verb(token)
    if verb is None:
        return None
    # "since June": the last one, whatever the verb.
    path, current = [], token
    while current.i != verb.i and current.head.i != current.i and len(path) < 30:
        current = current.head
        path.append(current)
    if any(t.lower_ == "since" for t in path):
        return "past"
    if path and path[0].lower_ == "for" and path[0].dep_ == "prep" and token.dep_ == "pobj":
        # "called a meeting for Friday", "elections for March": a time a thing is arranged
        # for is a coming one (durations, "for two weeks", carry no date to resolve)
        return "future"
    direction = verb_direction(verb)
    if direction is None and verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "be" \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
            and _modifies(token, path, verb):
        # Present simple dated by its own modifier is a timetable ("the treaty takes
        # effect in June", "voters go to the polls on Sunday"): the coming one.
        return "future"
    return direction


def _modifies(token: Token, path: list[Token], verb: Token) -> bool:
    """Whether the expression is the verb's own time adjunct (bare or after in/on/at/by)."""
    if token.head.i == verb.i:
        return token.dep_ in ("npadvmod", "tmod", "advmod")
    return len(path) == 2 and path[0].dep_ == "prep" and path[0].lower_ in _SCHEDULE_PREP


def _sets_an_object(verb: Token) -> bool:
    """"Set" with a direct object fixes something ("the cartel set a quota", "set new tariffs"): an
    act of its own tense. Only "is set to" and "was set for" schedule what comes."""
    return verb.lemma_.lower() == "set" and any(c.dep_ in ("dobj", "obj") for c in verb.children)


def verb_direction(verb: Token) -> Direction:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in aux}
    if aux_words & _FUTURE_AUX:
        return "future"
    if aux_words & _MODAL_AUX:
        return "past" if "have" in aux_words else "future"
    if (verb.lemma_.lower() in _PLANNED_FOR or verb.lower_ in _PLANNED_FOR) \
            and not _sets_an_object(verb):
        # "is planned for Thursday" / "was scheduled for Monday": both look ahead
        # from the time they were said; report the coming one.
        return "future"
    # "going to meet", "to hold talks" under a planning word.
    if verb.tag_ == "VB":
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            governor = verb.head if verb.head.i != verb.i else None
            while governor is not None and governor.pos_ not in _VERBAL | {"ADJ"}:
                governor = governor.head if governor.head.i != governor.i else None
            if governor is not None:
                if governor.lower_ in _INTENT or governor.lemma_.lower() in _INTENT:
                    return "future"
                if governor.lemma_ == "be" and governor.tag_ in ("VBZ", "VBP"):
                    return "future"  # "is to visit on Monday": an arrangement
                return verb_direction(governor) if governor.i != verb.i else None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return "future"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"
    if verb.tag_ == "VBN" and not aux and verb.dep_ == "ROOT" \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # a participle heads a sentence only with an auxiliary; one with its own subject
        # and none is the simple past the tagger took for it ("fishermen protested on
        # Wednesday": regular verbs share the form) or a headline's passive ("three killed
        # Wednesday"), past either way (a small clause, "held the markets closed until
        # Friday", is no sentence's head)
        return "past"
    if verb.dep_ == "conj" and not aux and verb.head.pos_ in _VERBAL:
        # A conjunct without auxiliaries shares its head's ("were killed and dozens
        # wounded Sunday"): coordination ellipsis.
        return verb_direction(verb.head)

    if verb.tag_ == "VBD":
        return "past"
    return None
