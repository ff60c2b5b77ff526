"""Event frames: which predicate in a clause states the event, and what governs it.

A frame is found top-down from a clause head. Speech verbs ("said") pass on their
complement as a reported event; transparent verbs ("decided to", "continued to") pass on
theirs; governing verbs ("agreed to withdraw", "refused to lift") keep their own code per
the PLOVER conventions; light verbs ("held talks", "staged a rally") take their object
noun's code; nouns ("the visit of X to Y") are events of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from geoevents.events.lexicon import PASSIVE_SUBJECT_DEPS, LexEntry, Lexicon, objects_of
from geoevents.events.ontology import event_type

SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj"}
# CAMEO quad classes of material acts (2 material cooperation, 4 material conflict)
MATERIAL_QUADS = frozenset({2, 4})
DEMAND_ROOT = "10"
# Reactions to another's act (CAMEO 05 praise or endorse, 11 disapprove, 12 reject): the
# act's author is whom they are aimed at, and a verb coded so by its block default alone
# ("regretted the German opposition", CAMEO.2.0 REGRET [110]) keeps its own act over another
# party's act its object names, as the lexicon's reaction verbs do
REACTION_ROOTS = frozenset({"05", "11", "12"})
# Appeals, intents and demands (CAMEO 02, 03, 10): the act they name is wished, not done
WISHED_ROOTS = ("02", "03", DEMAND_ROOT)
MEETING_ROOT = "04"  # CAMEO 04 consult: meetings, talks and visits take place like material acts
# CAMEO roots of force: assault, fight, mass violence
VIOLENT_ROOTS = ("18", "19", "20")
CLAUSE_DEPS = {"advcl", "relcl", "ccomp", "conj", "parataxis", "acl"}
COMPLEMENT_DEPS = ("xcomp", "ccomp")
DEMONSTRATIVES = {"this", "that", "these", "those"}
PRECONDITION_MARKS = {"before", "until", "unless", "if", "once", "whether"}
CONTRAST_MARKS = {"while", "whereas"}
# Finite verb forms (Penn tags): a sentence without one is a headline or a fragment
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# CAMEO.2.0's CANCEL block: verbs whose gerund complement is an act that ends ("stopped
# buying", "ceased providing aid"); the act is not going on, its ending may be one of its own
CESSATION_VERBS = frozenset({"abort", "cease", "desist", "discontinue", "end", "halt", "quit",
                             "stop", "suspend", "terminate"})
# Prepositions whose visit noun is a visit the clause's subject made
# Prepositions of an adjunct that names the meeting an act took place in
MEETING_ADJUNCT_PREPS = frozenset({"in", "during", "at"})
VISIT_ADJUNCT_PREPS = frozenset({"during", "on", "after", "following"})
# Verbs and nouns of answering another's act ("replying to a warning from X")
ANSWER_WORDS = frozenset({"reply", "respond", "react", "retort", "response", "reaction"})
# Verbs and nouns whose "for" phrase names a past act they answer (CAMEO.2.0 blocks
# RETALIATE, PUNISH, APOLOGIZE; "in retaliation (revenge, reprisal) for"): that act happened,
# whatever the mood of the answer ("would retaliate for the attacks on its posts")
REASON_WORDS = frozenset({"retaliate", "retaliation", "revenge", "reprisal", "reprisals",
                          "avenge", "punish", "punishment", "apologise", "apologize",
                          "apology"})
# Nouns of intent whose "to" clause is an act announced for the future ("plans to impose")
PLAN_NOUNS = {"plan", "intention", "intent", "readiness"}
# Nouns of deciding and acting: "X's decision (move) to expel Y" reports the act, as "X decided to
# expel Y" does (CAMEO codes the act a party decides on, not the deciding)
DECISION_NOUNS = {"decision", "move"}
# What is issued, sent or adopted and says something: its participle states the act
# ("a statement condemning", "a letter urging", "a resolution calling on")
STATEMENT_NOUNS = {"statement", "communique", "declaration", "letter", "message", "resolution",
                   "note", "memorandum", "law", "bill", "decree", "legislation", "ordinance"}
# Nouns of owning an act: claiming or taking "responsibility for" an attack (CAMEO.2.0
# CLAIM and ACCEPT "* RESPONSIBILITY" [015]) says whose the attack was
ANSWERABILITY_NOUNS = frozenset({"responsibility", "credit"})
# Nominal events are looked for along these relations below a clause head (not into clauses).
NOMINAL_PATH_DEPS = {"dobj", "obj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "pcomp",
                     "appos", "oprd", "dative", "conj", "agent", "npadvmod", "acomp"}


def statement_participle(verb: Token) -> Token | None:
    """The -ing participle of the verb's object when that object is a statement noun."""
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in STATEMENT_NOUNS:
            for c in obj.children:
                if c.dep_ == "acl" and c.tag_ == "VBG":
                    return c
    return None


@dataclass
class Frame:
    """One event predicate with what the roles and status are read from."""

    trigger: Token  # the word whose code is used (verb or noun)
    entry: LexEntry
    code: str
    clause: Token  # top verb of the clause that states the event (for subject and evidence)
    governors: list[Token] = field(default_factory=list)  # words above the trigger, outer first
    noun: Token | None = None  # the event noun, for nominal events ("held talks" -> talks)
    content: Token | None = None  # the complement that holds the target ("threatened to cut X")
    reported: bool = False
    reporter: Token | None = None  # the speech verb that reports the event ("said")
    planned: bool = False
    negated: bool = False
    failed: bool = False  # "failed to reach": a cooperative event that didn't happen
    via_light: bool = False  # the noun is a light verb's object: the verb's subject acts
    caused: bool = False  # the noun is what its clause verb causes, fears, avoids...: not the subject's act
    answered_by: Token | None = None  # the verb of a reply to this act ("replying to X's warning")
    presupposed: bool = False  # the act another answers ("retaliate for X's attacks"): it happened

    @property
    def is_nominal(self) -> bool:
        return self.noun is not None and self.noun == self.trigger


PRESENCE = LexEntry("verb", "be", (), "042", frozenset({"presence"}),
                    "an official's presence in a place abroad is a visit (CAMEO 042)")


def commented_clause(clause: Token) -> bool:
    """"Chile accused Peru of X, a charge Lima denied": the parser may make the first clause
    the complement of the later verb; a verb with an object of its own between them ("a
    charge") answers that clause, it does not report it."""
    head = clause.head
    return clause.dep_ == "ccomp" and clause.i < head.i and any(
        c.dep_ == "dobj" and clause.i < c.i < head.i for c in head.children)


def complement(token: Token) -> Token | None:
    """The clausal complement of a verb or adjective ("agreed [to withdraw]")."""
    for c in token.children:
        if c.dep_ in COMPLEMENT_DEPS and c.pos_ in ("VERB", "AUX", "ADJ") and not commented_clause(c):
            return c
    for c in token.children:  # a verb under a preposition: "resorted to [verb]ing", "accused of [verb]ing"
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pcomp" and g.pos_ == "VERB":
                    return g
    for c in token.children:  # "is willing to", "are ready to": adjectival complement
        if c.dep_ == "acomp":
            return c
    return None


def _misparsed_report_content(verb: Token) -> Token | None:
    """"Youths threw stones, officials said" parsed with "threw" as a relative clause of the
    speech verb's subject: that past-tense clause is what is reported."""
    for subj in verb.children:
        if subj.dep_ in SUBJECT_DEPS and subj.i < verb.i:
            for c in subj.children:
                if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBD", "VBN") and not has_subject(c):
                    return c
    return None


def is_anaphoric(noun: Token) -> bool:
    """"This meeting", "the same talks": a mention of an event already reported."""
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in noun.children) or any(
        c.dep_ == "amod" and c.lower_ == "same" for c in noun.children)


# How a noun may hang inside a subject's phrase ("the government of Chile and Peru")
_SUBJECT_PHRASE_DEPS = frozenset({"prep", "pobj", "conj", "compound", "appos", "amod", "poss"})


def misparsed_main_verb(sent: Span) -> Token | None:
    """"The Chilean army called upon Peru to ...": the parser may take the whole sentence for
    a noun phrase and hang its main verb on the subject as a modifier. A past-tense form
    (VBD) is finite and cannot head a reduced relative clause (those are participles, VBN), so
    a VBD modifying the root noun with no other finite verb around it is the main verb, the
    root noun its subject; so is a participle (VBN) with a direct object of its own, which
    makes it active ("The government of Chile condemned/VBN on Tuesday an action by Peru")."""
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    for tok in sent:
        if tok.i <= root.i:
            continue
        if tok.tag_ in FINITE_TAGS and tok.dep_ != "acl":
            return None
        if tok.dep_ == "acl" and (tok.tag_ == "VBD" or (
                tok.tag_ == "VBN" and any(o.dep_ == "dobj" for o in tok.children))):
            # the verb modifies the subject or a noun inside its phrase ("The government of
            # X and Y condemned/VBN ..."): it is the first verb after the subject's head
            node = tok.head
            while node != root and node.dep_ in _SUBJECT_PHRASE_DEPS:
                node = node.head
            return tok if node == root and not has_subject(tok) else None
    return None


def has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def named_agent(noun: Token, agentive: bool) -> Token | None:
    """The word of an event noun's phrase that names who acts: a possessive, a national
    modifier ("Iran's attack", "the Iranian attack"), a named one for nouns of acts ("the U.S.
    raid"), or the object of a "by" phrase (as the roles of event nouns read them)."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return c
        if c.ent_type_ in ("GPE", "NORP", "ORG") and (
                c.dep_ == "amod" or (c.dep_ == "compound" and agentive)):
            return c
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return verb_by_phrase(noun)


_PARTY_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def verb_by_phrase(noun: Token) -> Token | None:
    """"condemned the attack on its boats by the Peruvian navy": the parser often hangs the
    "by" phrase that follows an event noun's own phrase on the active verb whose object the
    noun is. An active verb has no agent, and a "by" phrase naming a party is no manner or
    measure ("by phone", "by 5%"): it names the noun's agent."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.i > noun.i:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") \
                    and any(t.ent_type_ in _PARTY_ENTITIES for t in obj.subtree):
                return obj
    return None


def _names_its_agent(noun: Token, agentive: bool) -> bool:
    return named_agent(noun, agentive) is not None


def decider_of(verb: Token) -> Token | None:
    """The named party of "X's decision to <verb>", "the decision by X to <verb>": the
    infinitive's own subject, as in "X decided to <verb>"."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.pos_ != "VERB" or noun.lemma_.lower() not in DECISION_NOUNS \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return named_agent(noun, agentive=False)


def second_act_of_speaker(tok: Token) -> bool:
    """"X said its ships were harassed and accused Y", "X said Chile would not tolerate it and
    warned Y", "X said the decision was a provocation and demanded its withdrawal": the parser
    hangs the speaker's second act (active, with an object or a reported clause, no subject
    of its own) on the reported passive, modal or copular clause."""
    head = tok.head
    if not (tok.dep_ == "conj" and tok.pos_ == "VERB" and not has_subject(tok)
            and any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
            and head.dep_ == "ccomp" and head.head.pos_ == "VERB"):
        return False
    # "said Israel would not tolerate X and warned Hamas": a past tense cannot join a verb
    # under a modal, so it joins the speech verb
    modal = tok.tag_ == "VBD" and head.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    # "said the move was illegal and demanded ...": a copula describes its subject; an act
    # in the past tense joined to it is the speaker's, whose report it continues
    copular = tok.tag_ == "VBD" and head.lemma_ == "be" and head.pos_ == "AUX"
    return modal or copular or any(c.dep_ == "nsubjpass" for c in head.children)


def is_reason(noun: Token) -> bool:
    """Whether an event noun names the past act its head answers ("retaliate for the
    attacks", "in retaliation for the raids", "claimed responsibility for the bombing")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    word = noun.head.head.lemma_.lower()
    return word in REASON_WORDS or word in ANSWERABILITY_NOUNS


def _joined_act(verb: Token) -> Token | None:
    """The gerund of "join ... in <doing>" ("joined Peru in condemning the coup")."""
    if verb.lemma_.lower() != "join" or verb.pos_ != "VERB":
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


def contrasted_report(tok: Token) -> bool:
    """"X said the move changes nothing, while Y condemned it": a clause of contrast with its
    own subject sets a second report beside the first (the writer's juxtaposition), though
    the parser hangs it on the reported content."""
    return (tok.dep_ == "advcl" and has_subject(tok)
            and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in tok.children))


def content_tokens(clause: Token) -> list[Token]:
    """The tokens of a content clause, without the contrasted reports hung on it."""
    apart = {t.i for t in clause.subtree if t != clause and contrasted_report(t)
             for t in t.subtree}
    return [t for t in clause.subtree if t.i not in apart]


def _other_predicate(tok: Token) -> bool:
    """A verb coordinated with the clause's own ("did not want X and would send Y"): a
    predicate of its own, with its own negation and modality, not a phrase of the clause."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head.pos_ in ("VERB", "AUX")


def _content_of(clause: Token) -> set[int]:
    return {t.i for t in content_tokens(clause)}


class FrameFinder:
    """Finds the event frames of a sentence with one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def nominal(self, head: Token, deps: set[str] | None = None) -> Token | None:
        """The nearest event noun below head, not entering other clauses."""
        allowed = deps or NOMINAL_PATH_DEPS
        # objects before the subject: "a meeting ... reaffirmed [the opposition of X to Y]"
        # reports the object's event; the subject's is its setting
        # nor what the verb moves away from ("backed down from its threat", "withdrew from
        # the talks"): that act is left, not stated
        queue = sorted(((c, 1) for c in head.children if c.dep_ in allowed
                        and not _other_predicate(c) and not (c.dep_ == "prep" and c.lower_ == "from")),
                       key=lambda item: item[0].dep_ in ("nsubj", "nsubjpass"))
        while queue:
            tok, d = queue.pop(0)
            entry = self.lexicon.match(tok) if tok.pos_ in ("NOUN", "PROPN") else None
            if entry is not None and entry.cameo and entry.kind == "noun" \
                    and not is_anaphoric(tok):
                return tok
            if d < 4:
                # below a noun that states no event, only "of" leads on ("a round of talks");
                # "its implications for trade talks" mentions talks, it does not report them
                queue.extend((c, d + 1) for c in tok.children if c.dep_ in NOMINAL_PATH_DEPS
                             and not _other_predicate(c)
                             and not (tok.pos_ == "NOUN" and c.dep_ == "prep"
                                      and c.lower_ != "of"))
        return None

    def noun_frame(self, noun: Token, clause: Token, governors: list[Token]) -> Frame | None:
        entry = self.lexicon.match(noun)
        if entry is None or entry.cameo is None:
            return None
        return Frame(noun, entry, entry.cameo, clause, list(governors), noun=noun)

    def clause_frame(self, head: Token, consumed: set[int],
                     governors: list[Token] | None = None) -> Frame | None:
        """The event stated by the clause headed by ``head`` (a verb, adjective or noun).

        A verb coded only by the CAMEO verb dictionary's default (no pattern of its block
        matched) yields to what the hand lexicon finds in its clause (an event noun, a
        complement): such a default fills clauses that would otherwise state nothing.
        """
        governors = list(governors or [])
        consumed.add(head.i)
        if head.pos_ in ("NOUN", "PROPN"):
            return self.noun_frame(head, head, governors)
        joined = _joined_act(head)
        if joined is not None and joined.i not in consumed:
            # "X joined Y in condemning Z": the act joined in is X's (CAMEO.2.0 JOIN
            # "* (IN CONDEMNING)" [111], "* (IN CALLING)" [020]), aimed at its own object
            sub = self.clause_frame(joined, consumed, [*governors, head])
            if sub is not None and not sub.code.startswith("01"):
                return sub
        entry = self.lexicon.match(head)
        if entry is not None and entry.has("default") and entry.cameo \
                and not entry.cameo.startswith(DEMAND_ROOT):
            # a verb of demanding (CAMEO.2.0 DEMAND block [100]: press, push, campaign, clamour)
            # keeps its clause: what is demanded ("pushed for talks") has not happened
            frame = self._clause_frame(head, consumed, governors, None)
            # a reaction to another party's act named with its author is the verb's own act
            # ("regretted German opposition"); a verb carrying its object's act ("expressed
            # its support") yields to it
            reaction = frame is not None and entry.cameo[:2] in REACTION_ROOTS \
                and frame.noun is not None and frame.noun.head == head \
                and frame.noun.dep_ in ("dobj", "obj") \
                and named_agent(frame.noun, frame.entry.has("agentof")) is not None
            if frame is not None and not reaction:
                return frame
            stated = statement_participle(head)
            if stated is not None and stated.i not in consumed:
                # "passed a law banning X", "approved a bill imposing sanctions": a block
                # default (ALLOW [080] for adopting) says nothing of what an instrument does;
                # its participle states the act, the adopter's (CAMEO.2.0 "APPROVE * BAN" [172])
                frame = self.clause_frame(stated, consumed, [*governors, head])
                if frame is not None:
                    return frame
            comp = complement(head)
            if comp is not None:
                consumed.add(comp.i)
            return Frame(head, entry, entry.cameo, head, governors, content=comp)
        return self._clause_frame(head, consumed, governors, entry)

    def _clause_frame(self, head: Token, consumed: set[int], governors: list[Token],
                      entry: LexEntry | None) -> Frame | None:
        comp = complement(head)
        if entry is not None and entry.has("report"):
            if comp is None:
                comp = _misparsed_report_content(head)
            noun = self._object_event(head) if entry.has("light") else None
            if comp is not None and noun is not None and noun.i < comp.i \
                    and comp.i not in consumed:
                # "reiterated its demand today that X withdraw": the clause after an event noun
                # object is the noun's content (the parser may hang it on the verb)
                frame = self.noun_frame_from_light(noun, head, governors)
                if frame is not None:
                    frame.content = frame.content or comp
                    return frame
            if comp is not None and comp.i not in consumed:
                sub = self.clause_frame(comp, consumed, [*governors, head])
                if sub is not None:
                    sub.reported = True
                    sub.reporter = sub.reporter or head
                    return sub
            if entry.has("light"):
                obj = self._object_event(head)
                if obj is not None:
                    return self.noun_frame_from_light(obj, head, governors)
                intended = self._planned_act(head)
                if intended is not None and intended.i not in consumed:
                    # "announced plans to impose tariffs": the act announced, as planned
                    sub = self.clause_frame(intended, consumed, [*governors, head])
                    if sub is not None:
                        sub.planned = sub.reported = True
                        sub.reporter = sub.reporter or head
                        return sub
            if entry.cameo:
                return Frame(head, entry, entry.cameo, head, governors)
            return None
        if entry is not None and entry.has("light"):
            obj = self._object_event(head)
            if obj is not None:
                frame = self.noun_frame_from_light(obj, head, governors)
                if frame is not None:
                    if entry.has("govern") and entry.cameo:
                        frame.code, frame.entry, frame.trigger = entry.cameo, entry, head
                    return frame
        if entry is not None and (entry.has("transparent") or entry.has("future")
                                  or entry.has("negate") or entry.has("light")):
            sub = None
            if comp is not None and comp.i not in consumed:
                sub = self.clause_frame(comp, consumed, [*governors, head])
            if sub is None:
                noun = self._object_event(head)
                if noun is not None:
                    sub = self.noun_frame(noun, head, [*governors, head])
            if sub is None and entry.has("light"):
                stated = statement_participle(head)
                if stated is not None and stated.i not in consumed:
                    # "issued a statement condemning X": the statement's act is the issuer's
                    sub = self.clause_frame(stated, consumed, [*governors, head])
            if sub is not None:
                if entry.has("future"):
                    sub.planned = True
                if entry.has("negate"):
                    sub.failed = True
                if sub.clause == comp:
                    sub.clause = head
                return sub
            if entry.cameo:
                return Frame(head, entry, entry.cameo, head, governors, content=comp)
            if entry.has("light"):
                pattern = self.lexicon.dictionary_pattern(head)
                if pattern is not None and pattern.cameo:
                    # "carried out a raid": an object noun the hand lexicon lacks, coded by
                    # the CAMEO dictionary's pattern for this verb
                    return Frame(head, pattern, pattern.cameo, head, governors, content=comp)
            if not entry.has("light"):
                return None
            # a light verb whose object states no event ("talks between X and Y have made
            # progress"): an event noun elsewhere in the clause may, as with no predicate
        elif entry is not None and entry.cameo:
            if entry.cameo.startswith("13") and comp is not None and comp.i not in consumed \
                    and has_subject(comp):
                # "warned that France would reject the reforms": a warning whose content is
                # the speaker's own refusal states that refusal (CAMEO 12), the more specific
                sub = self.clause_frame(comp, set(consumed), [*governors, head])
                if sub is not None and sub.code.startswith("12") and not sub.failed:
                    sub.reported = True
                    sub.reporter = sub.reporter or head
                    return sub
            if comp is not None:
                consumed.add(comp.i)
            noun = None
            if entry.has("govern"):
                noun = self._object_event(head)
            return Frame(head, entry, entry.cameo, head, governors, content=comp or noun)
        if head.lemma_ == "have":
            intended = self._planned_act(head)
            if intended is not None and intended.i not in consumed:
                # "has plans to visit", "has no plans to start talks": the act intended; the
                # plan noun stays in the chain for its "no"
                plan = intended.head if intended.head.pos_ == "NOUN" else intended.head.head
                sub = self.clause_frame(intended, consumed, [*governors, head, plan])
                if sub is not None:
                    sub.planned = True
                    return sub
        # No predicate here: a complement, or an event noun in the clause, may state it.
        if comp is not None and comp.i not in consumed and (
                head.lemma_ in ("be", "have") or head.pos_ == "ADJ"  # "are accused of [verb]ing"
                or (head.lemma_.lower() in CESSATION_VERBS and comp.tag_ == "VBG")):
            sub = self.clause_frame(comp, consumed, [*governors, head])
            if sub is not None:
                return sub
        noun = self.nominal(head)
        # an event noun that is the object of a verb neither the lexicon nor the CAMEO
        # dictionary codes ("avoided sanctions", "feared an attack", "awaited talks"): the
        # verb does not say its subject performs the act, so the noun's own phrase names who does
        unknown_verb = entry is None and head.pos_ == "VERB" and noun is not None \
            and _below_object(noun, head) and self.lexicon.match(head) is None
        if noun is not None:
            frame = self.noun_frame(noun, head, [*governors, head])
            if frame is not None and comp is not None and comp.dep_ == "ccomp":
                frame.content = comp  # "reiterated its demand that Israel ease ..."
            if frame is not None and (self.lexicon.causes(head) or unknown_verb):
                # "the raid sparked protests": the protesters are others
                frame.caused = True
            return frame
        return None

    def noun_frame_from_light(self, noun: Token, verb: Token,
                              governors: list[Token]) -> Frame | None:
        frame = self.noun_frame(noun, verb, [*governors, verb])
        if frame is not None:
            frame.clause = verb
            frame.via_light = True
        return frame

    def _planned_act(self, verb: Token) -> Token | None:
        """The verb of "plans/intention to <act>" that is the verb's object."""
        for obj in objects_of(verb):
            if obj.lemma_.lower() in PLAN_NOUNS:
                for c in obj.children:
                    if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and any(
                            a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                        return c
                    if c.dep_ == "prep" and c.lower_ == "of":  # "no intention of negotiating"
                        act = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                        if act is not None:
                            return act
        return None

    def _object_event(self, verb: Token) -> Token | None:
        """An event noun that is the verb's object (or prepositional object, or passive subject).

        A measure noun passes on its "of" object: "began two weeks of naval exercises".
        """
        cands = objects_of(verb) + [g for c in verb.children if c.dep_ in ("prep", "agent")
                                    for g in c.children if g.dep_ == "pobj"]
        cands += [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if self.lexicon.match(verb) is not None and self.lexicon.match(verb).has("transparent"):
            cands += [c for c in verb.children if c.dep_ == "nsubj"]  # "riots are continuing"
        for c in cands:
            # "claimed responsibility for the attack": what one answers for is the act
            passes = ("of", "for") if c.lemma_.lower() in ANSWERABILITY_NOUNS else ("of",)
            for tok in [c] + [g for p in c.children if p.dep_ == "prep" and p.lower_ in passes
                              for g in p.children if g.dep_ == "pobj"]:
                entry = self.lexicon.match(tok)
                if entry is not None and entry.kind == "noun" and entry.cameo:
                    return tok
        return None

    def sentence_frames(self, sent: Span) -> list[Frame]:
        """Frames of every clause that reports an event of its own: the root clause's first.

        Content clauses (what was demanded, offered, refused) are part of their governing
        event; relative clauses count only when they report where/when something happened,
        and clauses of precondition ("before", "until", "unless") never do.
        """
        consumed: set[int] = set()
        frames: list[Frame] = []
        heads = [sent.root] + [t for t in sent if t != sent.root and self._own_clause(t)]
        if sent.root.pos_ in ("PROPN", "NOUN") and not any(t.tag_ in FINITE_TAGS for t in sent):
            # a headline's "X to do Y" with no finite verb: the parser may hang the verb on
            # its subject as a modifier; it is the headline's clause ("Peru to send troops")
            heads[0:0] = [c for c in sent.root.children if c.dep_ == "acl" and c.pos_ == "VERB"
                          and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        heads[0:0] = [c for c in (misparsed_main_verb(sent),) if c is not None]
        for head in heads:
            if head.i in consumed:
                continue
            frame = self.clause_frame(head, consumed)
            if frame is None:
                # "X referred to Russia as ..., commending Putin": a participle clause
                for c in head.children:
                    if c.dep_ in ("advcl", "conj", "xcomp") and c.pos_ == "VERB" \
                            and not has_subject(c) and c.i not in consumed:
                        frame = self.clause_frame(c, consumed)
                        if frame is not None:
                            break
            if frame is not None:
                frames.append(frame)
                if frame.content is not None and frame.content.i not in consumed \
                        and frame.content != frame.noun:
                    second = {t.i for c in frame.content.children if second_act_of_speaker(c)
                              for t in c.subtree}
                    consumed.update(i for i in _content_of(frame.content) if i not in second)
                for holder in (frame.content, frame.noun, frame.trigger):
                    if holder is not None:
                        for c in holder.children:
                            if c.dep_ in ("xcomp", "ccomp", "acl") and not commented_clause(c):
                                second = {t.i for k in c.children if second_act_of_speaker(k)
                                          for t in k.subtree}
                                consumed.update(i for i in _content_of(c) if i not in second)
        frames += self._adjunct_visits(sent, frames)
        frames += self._adjunct_meetings(sent, frames)
        frames += self._answered_acts(sent, frames)
        frames += self._presence_visits(sent, frames)
        frames += self._embedded_acts(frames)
        frames += self._counter_acts(frames)
        frames += self._reason_acts(sent, frames)
        return frames

    def _reason_acts(self, sent: Span, frames: list[Frame]) -> list[Frame]:
        """The act another answers ("will punish Chile for its attacks", "fired in
        retaliation for the Chilean raids") happened, whatever the mood of the answer; it is
        coded besides the answer (the verb's own code, when the noun had taken its clause),
        and, in an adjunct, only when its own phrase names who did it."""
        out = []
        taken = {f.trigger.i for f in frames} | {f.noun.i for f in frames if f.noun is not None}
        for frame in frames:
            noun = frame.noun
            if noun is None or not is_reason(noun):
                continue
            frame.presupposed = True
            verb = noun.head.head
            if frame.trigger != noun or verb.i in taken or verb.pos_ != "VERB":
                continue
            entry = self.lexicon.match(verb)
            if entry is None or not entry.cameo:
                continue
            taken.add(verb.i)
            out.append(_verb_frame_as(verb, entry, frame))
        for tok in sent:
            if tok.i in taken or tok.pos_ != "NOUN" or not is_reason(tok) or is_anaphoric(tok):
                continue
            entry = self.lexicon.match(tok)
            if entry is None or entry.kind != "noun" or not entry.cameo \
                    or named_agent(tok, entry.has("agentof")) is None:
                continue
            clause = tok.head.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
                clause = clause.head
            frame = Frame(tok, entry, entry.cameo, clause, [], noun=tok)
            frame.presupposed = True
            taken.add(tok.i)
            out.append(frame)
        return out

    def _counter_acts(self, frames: list[Frame]) -> list[Frame]:
        """"Chilean forces repulsed [a Peruvian offensive]": force used against another's
        attack is an act of its own (CAMEO 19), aimed at the attacker, besides the attack.
        The noun's frame takes the clause when the verb has only its dictionary block's
        default; here the verb is coded too."""
        out = []
        taken = {f.trigger.i for f in frames}
        for frame in frames:
            noun = frame.noun
            if noun is None or frame.trigger != noun or noun.dep_ not in ("dobj", "obj") \
                    or not frame.code.startswith(VIOLENT_ROOTS) \
                    or not _names_its_agent(noun, frame.entry.has("agentof")):
                continue
            verb = noun.head
            if verb.i in taken or verb.pos_ != "VERB":
                continue
            entry = self.lexicon.match(verb)
            if entry is None or not entry.cameo or not entry.has("default") \
                    or not entry.cameo.startswith(VIOLENT_ROOTS):
                continue
            taken.add(verb.i)
            # "are ready to repel any attack": the counter-act is as planned, failed or
            # reported as the clause the attack noun stands in
            out.append(_verb_frame_as(verb, entry, frame))
        return out

    def _embedded_acts(self, frames: list[Frame]) -> list[Frame]:
        """"X condemned [the Iranian attack on a Kuwaiti tanker]": a material act named, with
        its own agent, as the object of another act is reported too (issue 13, point 4: an
        act reported inside a statement is coded as well). Only an event noun that names its
        agent ("Iran's", "Iranian", "by Iran") qualifies: without one the clause's subject
        would be taken for it. Verbal acts (a proposal rejected, an appeal welcomed) are what
        the governing act answers, not events of their own; a meeting or a visit (CAMEO 04:
        "issues raised during X's talks with Y") is something that took place, and is one."""
        out = []
        taken = {f.trigger.i for f in frames} | {f.noun.i for f in frames if f.noun is not None}
        for frame in frames:
            verb = frame.trigger
            if verb.pos_ != "VERB" or frame.code.startswith(WISHED_ROOTS):
                continue  # "requested Chilean assistance": an act asked for has not happened
            for obj in objects_of(verb) + [g for c in verb.children if c.dep_ == "prep"
                                           for g in c.children if g.dep_ == "pobj"]:
                if obj.i in taken or obj.pos_ != "NOUN" or is_anaphoric(obj):
                    continue
                entry = self.lexicon.match(obj)
                if entry is None or not _names_its_agent(obj, entry.has("agentof")):
                    continue
                if entry.kind != "noun" or not entry.cameo or entry.cameo[:2] == frame.code[:2] \
                        or not (event_type(entry.cameo).quad_class in MATERIAL_QUADS
                                or entry.cameo.startswith(MEETING_ROOT)):
                    continue
                taken.add(obj.i)
                out.append(Frame(obj, entry, entry.cameo, verb, [], noun=obj))
        return out

    def _presence_visits(self, sent: Span, frames: list[Frame]) -> list[Frame]:
        """"X is in Damascus", "X will be in Tokyo next week": an official's stated presence
        in a place abroad is a visit there (CAMEO 042); the stage keeps it only for officials
        in another country than their own."""
        out = []
        clauses = {f.clause.i for f in frames} | {f.trigger.i for f in frames}
        for tok in sent:
            if tok.lemma_ != "be" or tok.i in clauses or tok.pos_ not in ("AUX", "VERB"):
                continue
            if not (tok.dep_ == "ROOT" or tok.dep_ == "ccomp" or self._own_clause(tok)):
                continue
            if not any(c.dep_ == "nsubj" for c in tok.children) \
                    or any(c.dep_ == "neg" for c in tok.children):
                continue
            if not any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")
                       for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                       for g in c.children):
                continue
            frame = Frame(tok, PRESENCE, "042", tok, [])
            reporter = self.lexicon.match(tok.head) if tok.dep_ == "ccomp" else None
            if reporter is not None and reporter.has("report"):
                frame.reported, frame.reporter = True, tok.head
            out.append(frame)
        return out

    def _adjunct_nouns(self, sent: Span, frames: list[Frame], preps: frozenset[str],
                       beside_subject: bool) -> Iterator[tuple[Token, Token, LexEntry]]:
        """Event nouns (not taken by a frame, not referring back) that are the object of an
        adjunct preposition of a clause: (noun, clause verb, lexicon entry)."""
        taken = {f.trigger.i for f in frames} | {f.noun.i for f in frames if f.noun is not None}
        for tok in sent:
            # an event noun taken as another act's object only for want of one is still one
            if tok.dep_ != "pobj" or tok.i in taken:
                continue
            prep = tok.head
            clause = prep.head
            if beside_subject and clause.dep_ in SUBJECT_DEPS and clause.head.pos_ in ("VERB", "AUX"):
                clause = clause.head  # "X, on a visit to Y, said": set off beside the subject
            if prep.lower_ not in preps or clause.pos_ not in ("VERB", "AUX"):
                continue
            entry = self.lexicon.match(tok)
            if entry is not None and entry.kind == "noun" and entry.cameo and not is_anaphoric(tok):
                yield tok, clause, entry

    def _adjunct_visits(self, sent: Span, frames: list[Frame]) -> list[Frame]:
        """"During a visit to Tokyo, X warned ...", "X, on a visit to Japan, said": the visit
        named in an adjunct of the clause is its subject's (CAMEO 042)."""
        out = []
        for tok, clause, entry in self._adjunct_nouns(sent, frames, VISIT_ADJUNCT_PREPS, True):
            if entry.cameo != "042" or not any(c.dep_ == "prep" and c.lower_ == "to"
                                               for c in tok.children):
                continue  # the place visited is named ("a visit to Tokyo")
            frame = self.noun_frame(tok, clause, [])
            if frame is not None:
                out.append(frame)
        return out

    def _adjunct_meetings(self, sent: Span, frames: list[Frame]) -> list[Frame]:
        """"In separate talks with X, Y urged ...", "At a meeting in Lima, X asked ...": the
        meeting named in an adjunct of another act took place too (CAMEO 04), between the
        clause's subject and the party the meeting names (else the act's own target). A
        meeting named as known ("their talks", "this meeting") is the one already reported."""
        out = []
        for tok, clause, entry in self._adjunct_nouns(sent, frames, MEETING_ADJUNCT_PREPS, False):
            if entry.cameo[:2] != "04" or entry.cameo == "042" \
                    or any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children):
                continue
            frame = self.noun_frame(tok, clause, [])
            if frame is not None:
                out.append(frame)
        return out

    def _answered_acts(self, sent: Span, frames: list[Frame]) -> list[Frame]:
        """"Greece, replying to a warning from Turkey, said ...": the act a reply answers,
        named with its own party, was made (CAMEO codes the warning as well as the reply)."""
        out = []
        taken = {f.trigger.i for f in frames} | {f.noun.i for f in frames if f.noun is not None}
        for tok in sent:
            if tok.dep_ != "pobj" or tok.i in taken or tok.head.lower_ != "to" \
                    or tok.head.head.lemma_.lower() not in ANSWER_WORDS or is_anaphoric(tok):
                continue
            entry = self.lexicon.match(tok) if tok.pos_ == "NOUN" else None
            if entry is None or entry.kind != "noun" or not entry.cameo \
                    or not (named_agent(tok, agentive=True) is not None or any(
                        c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)):
                continue  # only an act whose author the phrase names
            frame = self.noun_frame(tok, tok.head.head, [])
            if frame is not None:
                frame.answered_by = tok.head.head
                out.append(frame)
        return out

    def _own_clause(self, tok: Token) -> bool:
        if second_act_of_speaker(tok) or commented_clause(tok):
            return True
        if decider_of(tok) is not None:
            return True  # "Chile's decision to expel two diplomats angered Peru"
        if tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB" \
                and not has_subject(tok) and has_subject(tok.head) and tok.head.dep_ == "ROOT":
            # "Japan rejected the demand and accused Britain": a second act of one subject
            return True
        if tok.dep_ == "conj" and tok.tag_ == "VBD" and not has_subject(tok) \
                and tok.head.dep_ == "xcomp" and tok.head.tag_ == "VB" \
                and tok.head.head.dep_ == "ROOT" and has_subject(tok.head.head):
            # "Beijing vowed to retaliate and accused Washington": a past form joined to an
            # infinitive is not part of it (that would be "and accuse"): the parser hangs the
            # subject's second act on the infinitive
            return True
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not has_subject(tok):
            # "expelled the envoy, accusing X of ...": an accusation made in the same breath
            # is an act of its own (CAMEO 112 accuse), by the clause's subject
            entry = self.lexicon.match(tok)
            return entry is not None and (entry.cameo or "").startswith("112")
        if tok.dep_ not in CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX") or not has_subject(tok):
            return False
        marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod")}
        if tok.dep_ == "relcl":
            # "where/when", and their prepositional forms: "the meeting, in which he demanded
            # access", "talks, during which ..."; and a person's visit or meeting stated in a
            # "who" clause ("X, who met Y on Monday, said")
            if any(c.dep_ in SUBJECT_DEPS and c.lower_ == "who" for c in tok.children):
                entry = self.lexicon.match(tok)
                if entry is not None and (entry.cameo or "").startswith("04"):
                    return True
                noun = self._object_event(tok) if entry is not None and entry.has("light") else None
                if noun is not None and (self.lexicon.match(noun).cameo or "").startswith("04"):
                    return True  # "X, who also had talks with Y, said"
            return bool(marks & {"where", "when"}) or any(
                c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in ("which", "whom")
                                         for g in c.children) for c in tok.children)
        if marks & PRECONDITION_MARKS:
            return False
        if tok.dep_ in ("ccomp", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return False  # "the demand that Israel ease ...": content, not an event
        return not any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children) \
            or tok.dep_ == "conj"


def _verb_frame_as(verb: Token, entry: LexEntry, noun_frame: Frame) -> Frame:
    """The verb's own frame beside the event noun that took its clause, as planned, failed or
    reported as that clause."""
    frame = Frame(verb, entry, entry.cameo or "", verb, list(noun_frame.governors))
    frame.planned, frame.failed = noun_frame.planned, noun_frame.failed
    frame.reported, frame.reporter = noun_frame.reported, noun_frame.reporter
    return frame


def _below_object(noun: Token, head: Token) -> bool:
    """Whether the noun is the verb's direct object or inside its phrase."""
    tok = noun
    while tok.head != tok and tok.head != head:
        tok = tok.head
    return tok.head == head and tok.dep_ in ("dobj", "obj")
