"""Status of an event: occurred, planned, negated, hypothetical or reported."""

from __future__ import annotations

from spacy.tokens import Token

from geoevents.events.frames import CESSATION_VERBS, FINITE_TAGS, Frame

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
MODAL_AUX = {"could", "might", "may", "should", "must"}
CONDITION_MARKS = {"if", "unless", "whether"}
# Speech verbs whose content is said not to have happened (CAMEO 016 deny responsibility)
DENIAL_VERBS = frozenset({"deny"})
# Speech verbs of forecasting: what they report is foreseen, neither done nor stated as the
# actor's intent (issue 13, point 3: predictions are not events that occurred)
PREDICTION_VERBS = frozenset({"predict", "forecast", "speculate", "foresee", "project"})
# Verbs of expecting: another party's act they govern is foreseen ("analysts expect Chile to
# impose sanctions"); the subject's own ("expects to sign") and the passive ("is expected to
# sign", planned) are not
EXPECTING_VERBS = frozenset({"expect", "anticipate"})
# Aspectual verbs whose subject or complement is already under way ("the strike will
# continue over the weekend", "will keep fighting"): the act is happening, not planned
ONGOING_VERBS = frozenset({"continue", "persist", "keep"})
PLANNED_MODIFIERS = {"planned", "upcoming", "scheduled", "proposed", "forthcoming", "future",
                     "next", "expected", "possible", "prospective"}
PLANNING_VERBS = {"plan", "schedule", "set", "expect", "due", "slate", "arrange", "prepare"}
# Verbs of wish and aim: what they govern is intended, not done ("hopes to sign a deal");
# matched on the word too, as the English model lemmatises "hopes" to "hop"
HOPING_VERBS = frozenset({"hope", "hopes", "hoped", "hoping", "intend", "aim", "wish", "want"})
# verbs whose "cannot"/"could not" states a refusal, not an inability (CAMEO 12: reject,
# refuse to accept a proposal or a demand)
ACCEPTING = {"accept", "agree", "approve", "endorse", "support", "tolerate", "allow"}


# Words of intent whose negation refuses the act ("has no plans to", "does not intend to")
INTENT_WORDS = frozenset({"plan", "intention", "intent", "intend"})
# adjectives of readiness (the lexicon's "future" adjectives): negated, they refuse
WILLING_WORDS = frozenset({"willing", "ready", "prepared"})
# Nouns of possibility: an act named in their "of" phrase ("the risk of an attack", "fears of
# an invasion", "the prospect of talks") may or may not come, and has not happened (issue 13,
# point 3: modality is not occurrence); "threat" is left out, as threatening is an act itself
POSSIBILITY_NOUNS = frozenset({"risk", "danger", "fear", "possibility", "prospect", "likelihood",
                               "chance", "probability", "spectre", "specter"})


def _chain(frame: Frame) -> list[Token]:
    """The trigger, its clause verb and the non-speech verbs that govern it."""
    out = [frame.trigger]
    if frame.clause != frame.trigger:
        out.append(frame.clause)
    # governors run outer first ("said" > "has" > "plans" in "said it has no plans to lift"):
    # the speech verb left out is the reporter, not the innermost governor
    speech = frame.reporter if frame.reporter is not None else (
        frame.governors[-1] if frame.governors else None)
    out += [g for g in frame.governors if not (frame.reported and g == speech)]
    return out


def is_negated(frame: Frame) -> bool:
    for tok in _chain(frame):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "no"
                                                 for c in tok.children):
            return True
    if frame.reported and frame.reporter is not None \
            and frame.reporter.lemma_.lower() in DENIAL_VERBS \
            and not any(c.dep_ == "neg" for c in frame.reporter.children):
        return True  # "denied that its troops had crossed": said not to have happened
    return False


def is_conditional(frame: Frame) -> bool:
    for tok in {frame.trigger, frame.clause}:
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in EXPECTING_VERBS \
                and any(c.dep_ == "nsubj" for c in tok.children):
            return True  # "analysts expect Chile to impose sanctions": a forecast of another's act
    noun = frame.noun
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in POSSIBILITY_NOUNS:
        return True
    node = frame.clause
    for _ in range(4):  # "analysts predict that Chile will sanction Peru": a forecast, no act
        if node.dep_ not in ("ccomp", "xcomp") or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in PREDICTION_VERBS:
            return True
    for tok in _chain(frame):
        node: Token | None = tok
        for _ in range(4):  # the clause or one of its heads is introduced by "if"
            if node is None:
                break
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
                return True
            if node.dep_ != "advcl" and node.dep_ != "conj":
                break
            node = node.head
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if auxes & (MODAL_AUX | {"would"}) and auxes & {"have", "'ve"}:
            return True  # "may have violated", "could have been avoided": possible, not done
        if "to" in auxes and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
            return True  # "called for Peru to release him": a for-infinitive is wanted, not done
        if auxes & MODAL_AUX and not frame.reported:
            return True
        if "would" in auxes and not frame.reported:
            return True
        if tok.dep_ == "pcomp" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in (
                "close", "near"):
            return True  # "close to agreeing": not yet done
    return False


def is_conditional_consequence(frame: Frame) -> bool:
    """"Britain would ban Japanese firms if Tokyo ...": the act is the consequence of a
    condition on another party (a clause with "if"/"unless" depends on it), and the act
    itself is not inside a condition."""
    chain = _chain(frame)
    for tok in chain:
        node: Token | None = tok
        for _ in range(4):
            if node is None:
                break
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
                return False
            if node.dep_ not in ("advcl", "conj"):
                break
            node = node.head
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children)
               for tok in chain for c in tok.children)




def is_planned(frame: Frame) -> bool:
    if frame.planned:
        return True
    for tok in _chain(frame):
        if tok.lemma_.lower() in ONGOING_VERBS and tok.i != frame.trigger.i:
            return False  # "the strike will continue": under way now, whatever comes next
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        lowers = {a.lower_ for a in auxes}
        if lowers & FUTURE_AUX or ("would" in lowers and frame.reported):
            return True
        if lowers & {"could", "might", "may"} and frame.reported:
            return True  # "said it could impose sanctions": a stated option, coded as intent/threat
        if "going" in lowers or (any(a.lower_ == "to" for a in auxes) and tok.dep_ == "xcomp" \
                and tok.head.lemma_ == "go"):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and any(a.lower_ == "to" for a in auxes) \
                and not any(c.dep_ in ("acomp", "attr") for c in tok.head.children):
            return True  # "is to visit Lima next week": an arrangement, as "will"
        if tok.dep_ == "xcomp" and (tok.head.lemma_.lower() in PLANNING_VERBS | HOPING_VERBS
                                    or tok.head.lower_ in HOPING_VERBS) \
                and any(a.lower_ == "to" for a in auxes):
            return True  # "is due to fly", "is scheduled to meet", "hopes to sign"
        if any(a.lower_ == "to" for a in auxes) and tok.dep_ in ("ROOT", "acl") \
                and not any(t.tag_ in FINITE_TAGS for t in tok.sent):
            return True  # headline future: "Peru to send troops to border" (no finite verb)
    noun = frame.noun
    if noun is not None:
        if any(c.dep_ in ("amod", "compound") and c.lower_ in PLANNED_MODIFIERS
               for c in noun.children):
            return True
        holders = [noun, *(h for h in (noun.head.head,) if noun.dep_ == "pobj" and h.pos_ == "NOUN")]
        if any(t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in PLANNING_VERBS
               for h in holders for t in h.subtree):
            return True  # "talks, scheduled for Thursday", "two rounds of talks, set for May"
        head = noun.head
        if noun.dep_ in ("nsubjpass", "nsubj") and head.lemma_ in PLANNING_VERBS:
            return True
    return False


def is_ceased(frame: Frame) -> bool:
    """"Chile stopped buying Peruvian gas": the act is a gerund complement of a verb of
    ending."""
    trigger = frame.trigger
    return frame.noun is None and trigger.tag_ == "VBG" and trigger.dep_ in ("xcomp", "ccomp", "dobj") \
        and trigger.head.lemma_.lower() in CESSATION_VERBS


def event_status(frame: Frame) -> str:
    if frame.presupposed:
        # the act an answer names as its reason happened, whatever the answer's mood
        return "reported" if frame.reported else "occurred"
    if is_negated(frame):
        return "negated"
    if is_conditional(frame):
        return "hypothetical"
    if is_planned(frame):
        return "planned"
    if frame.reported:
        return "reported"
    return "occurred"


def is_refusal(frame: Frame) -> bool:
    """"Will not negotiate", "would not send": a negated act of will (future or volitional
    auxiliary, or "refuse"-like negation of intent) rather than a report that it did not
    happen."""
    for tok in _chain(frame):
        kids = list(tok.children)
        will = FUTURE_AUX | {"would"}
        if tok.lemma_.lower() in ACCEPTING:
            will = will | {"can", "ca", "could"}  # "cannot accept": a refusal (CAMEO 12)
            if tok.lemma_.lower() == "accept" and any(c.dep_ == "neg" for c in kids) \
                    and any(c.dep_ in ("dobj", "obj") for c in kids):
                return True  # "did not accept the offer": declined it (CAMEO 12, reject)
        if any(c.dep_ == "neg" for c in kids) and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in will for c in kids):
            return True
        if tok.lemma_.lower() in WILLING_WORDS and (
                any(c.dep_ == "neg" for c in kids)
                or (tok.dep_ == "acomp" and any(c.dep_ == "neg" for c in tok.head.children))):
            return True  # "is not willing (ready, prepared) to negotiate": declines to
        if tok.pos_ == "NOUN" and tok.dep_ == "attr" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in kids) and _existential_will(tok.head):
            return True  # "there will (can) be no talks": ruled out, a refusal (CAMEO 12)
        # "has no plans to", "does not intend to": a stated absence of intent declines the act
        if tok.lemma_.lower() in INTENT_WORDS and (
                any(c.dep_ == "neg" for c in kids)
                or any(c.dep_ == "det" and c.lower_ == "no" for c in kids)):
            return True
    return False


def _existential_will(verb: Token) -> bool:
    """"There will (can, could, would) be": an existential "be" under a modal of will or ability."""
    kids = list(verb.children)
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in kids) and any(
        c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would", "can", "ca", "could"} for c in kids)
