"""Source and target of an event frame, from the dependency parse and the actor mentions.

Roles are read from the actors stage's mentions (``ctx.actors``): the mention that covers a
role's head word, else the nearest mention inside the role's phrase. Countries named as
places ("visit to Moscow", "arrived in <capital>") can be a target through the place's country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Token

from geoevents.events.frames import (
    PLAN_NOUNS,
    STATEMENT_NOUNS,
    SUBJECT_DEPS,
    Frame,
    contrasted_report,
    decider_of,
    misparsed_main_verb,
    second_act_of_speaker,
    verb_by_phrase,
)
from geoevents.events.lexicon import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS
from geoevents.model import Actor, Event, Place
from geoevents.stage import PlaceIndex, StageContext

# Verbs whose subject undergoes an act done by the "from" party ("faced criticism from").
RECEIVING_VERBS = frozenset({"face", "receive", "draw", "attract", "come", "meet", "suffer",
                             "endure", "incur", "encounter"})
# Prepositions whose object is the other party, most telling first.
# "in"/"at" name where it happened (the location), not a party.
TARGET_PREPS = ("with", "to", "against", "on", "from", "for", "toward", "towards", "into",
                "over")
# Demands, accusations, refusals, threats and sanctions (CAMEO 10-13, 16): with no party of
# their own, coordinated after an act of the same subject on another party, aimed at it
SHARED_TARGET_ROOTS = ("10", "11", "12", "13", "16")
# Sectors of those who report a fight without taking part in it (CAMEO actor codebook: media,
# civilians, health, education, human rights, business, labour, religion, refugees)
BYSTANDER_SECTORS = frozenset({"MED", "CVL", "HLH", "EDU", "HRI", "BUS", "LAB", "REL", "AGR",
                               "REF"})
# Deps that leave a role's phrase: their subtrees describe something else.
PHRASE_STOP_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc"}
VISIT_ROOTS = ("04", "036")
# Adjuncts of time and cause are not part of a party's phrase ("a ceasefire [before talks resume]").
ADJUNCT_PREPS = {"before", "after", "until", "since", "despite", "because", "following", "during",
                 "amid", "amidst"}
# A demonym on these nouns names a place, not a party ("on the <demonym> border").
GEOGRAPHIC_NOUNS = {"border", "frontier", "coast", "side", "region", "territory", "waters",
                    "soil", "capital", "province", "city", "town", "village", "shore"}


def _by_token(ctx: StageContext, mentions: list) -> dict:  # type: ignore[type-arg]
    """Token index -> the first mention (in list order) that overlaps the token."""
    index: dict[int, object] = {}
    for m in mentions:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            index.setdefault(i, m)
    return index


# Nouns naming a party's own act or stance: the "by" agent of their participle is their author
# ("the move announced by Peru"), the party that praising or criticising them is aimed at
# (CAMEO 051 praise or endorse, 111 criticize or denounce); of a party noun it is someone
# else ("rebels armed by Chile"). Agreements and aid are their makers' and givers' acts too
# ("the deal struck by Chile and Peru", "aid provided by the UN": CAMEO 057 sign a formal
# agreement, 07 provide aid), whom rejecting or praising them is aimed at; so are
# accusations, threats, requests and other statements ("rejected the accusations made by
# Peru": CAMEO.2.0 REJECT "* ACCUSATION" [016], DISMISS, DENY).
AUTHORED_NOUNS = frozenset({
    "deal", "agreement", "accord", "treaty", "pact", "aid", "assistance", "loan", "grant",
    "decision", "move", "step", "measure", "policy", "plan", "proposal", "action", "announcement",
    "statement", "remark", "comment", "law", "bill", "ban", "sanction", "tariff", "resolution",
    "initiative", "offer", "embargo", "restriction", "demand", "ultimatum", "reform", "program",
    "programme", "accusation", "allegation", "charge", "claim", "criticism", "threat",
    "warning", "request", "call", "appeal", "suggestion"})


def _in_phrase(tok: Token) -> bool:
    if tok.dep_ in PHRASE_STOP_DEPS:
        return False
    return not (tok.dep_ == "prep" and tok.lower_ in ADJUNCT_PREPS)


def _is_agent_phrase(tok: Token) -> bool:
    """The "by" phrase of a participle ("rebels armed by Chile"): another party,
    the one who did the arming, not the phrase's owner."""
    return tok.dep_ == "agent" or (tok.dep_ == "prep" and tok.lower_ == "by")


def _names_a_place(tok: Token) -> bool:
    return tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in GEOGRAPHIC_NOUNS


def _against(verb: Token) -> list[Token]:
    """Objects of "against" anywhere in the verb's clause (not in other clauses)."""
    out: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in PHRASE_STOP_DEPS]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "prep" and tok.lower_ == "against":
            out.extend(g for g in tok.children if g.dep_ == "pobj")
        stack.extend(c for c in tok.children if c.dep_ not in PHRASE_STOP_DEPS)
    return out


@dataclass
class Roles:
    source: Actor | None
    target: Actor | None
    source_token: Token | None = None
    joint: bool = False  # "X and Y agreed": target is the source's partner


NON_STATE = ("IGO", "NGO", "MNC")


# Acts two parties do together (consult, agree, cooperate): coordinated subjects are partners
MUTUAL_ROOTS = ("03", "04", "05", "06")
# Acts that coordinated subjects do with each other ("X and Y met / agreed / fought"): CAMEO
# 03-06, 19 fighting and entries marked mutual ("traded accusations"); in others they act
# side by side ("X and Y rejected the tax")
JOINT_ROOTS = frozenset({"03", "04", "05", "06", "19"})
# CAMEO roots of coercion, assault, fighting and mass violence (17-20): acts done to someone
PATIENT_OF_ROOTS = frozenset({"17", "18", "19", "20"})
# CAMEO 05 acts that are directed at someone, never joint ("X and Y praised/backed Z")
DIRECTED_05 = ("051", "052", "053", "054", "055", "056")
# CAMEO 03 intents with a recipient (032 diplomatic support, 033 aid, 034 reform, 035 yield, 038
# accept mediation, 039 mediate): made to someone, never joint ("X and Y pledged support for
# Z", "offered to mediate"); 030 is joint only when its word is one of agreeing (lexicon flag
# `mutual`): "X and Y agreed" is done together, "X and Y are ready / offered / vowed" side by side
DIRECTED_03 = ("032", "033", "034", "035", "038", "039")


RECIPROCAL_WORDS = frozenset({"together", "jointly", "mutually"})


def unilateral_intent(frame: Frame) -> bool:
    """Whether the frame states one party's intent toward another (CAMEO 03, not agreeing):
    not when the phrase says the parties act together ("committed to working together",
    "offered each other help": reciprocal adverbs and pronouns)."""
    if frame.entry.has("mutual") or not (frame.code.startswith(DIRECTED_03) or frame.code == "030"):
        return False
    words = [t.lower_ for t in frame.trigger.subtree]
    return not (RECIPROCAL_WORDS.intersection(words) or any(
        a in ("each", "one") and b in ("other", "another") for a, b in pairwise(words)))


def _direct_partner(verb: Token, actor: Actor) -> bool:
    """Whether the actor is named by the verb's own "with" phrase ("met with Y")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for g in c.children:
                end = g.right_edge.idx + len(g.right_edge.text)
                if g.dep_ == "pobj" and g.left_edge.idx <= actor.start < end:
                    return True
    return False


# CAMEO state sectors: government, military, legislature, judiciary, police, intelligence
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def has_identity(actor: Actor | None) -> bool:
    """Whether a mention says who acts: a country, or an international organisation."""
    if actor is None:
        return False
    return bool(actor.country) or (actor.code or "")[:3] in NON_STATE or actor.sector in NON_STATE


def with_country(actor: Actor, country: str | None) -> Actor:
    """A mention with a role but no country ("the rebels", "police") placed in a country."""
    if has_identity(actor) or not country or not actor.sector:
        return actor  # a name the actors stage could not place ("Shultz") stays uncoded
    return Actor(actor.start, actor.end, actor.text, name=actor.name, country=country,
                 sector=actor.sector, code=f"{country}{actor.sector or ''}",
                 wikidata=actor.wikidata, kind=actor.kind)


def _combine(head: Actor, owner: Actor) -> Actor:
    """"<Country>'s [foreign minister]": the head's mention and role with its owner's country."""
    sector = head.sector or owner.sector
    code = f"{owner.country}{sector or ''}" if owner.country else head.code
    return Actor(head.start, head.end, head.text, name=head.name, country=owner.country,
                 sector=sector, code=code, wikidata=head.wikidata, kind=head.kind)


# the dash that closes a dateline: "HANOI, Vietnam (AP) —", "LONDON, Nov 26 (Reuters) -"
DATELINE_DASH = re.compile(r"[^\n]{0,60}?\s?[-–—]\s")


def _dateline_end(ctx: StageContext) -> int:
    """Where the article's dateline ends (0 when it has none): the place it names tells where
    the report was filed, so neither it nor the country beside it is a party of any event."""
    places = ctx.published("places", PlaceIndex)
    dateline = places.dateline if places is not None else None
    if dateline is None or dateline.end is None:
        return 0
    m = DATELINE_DASH.match(ctx.text, dateline.end)
    return m.end() if m else dateline.end


class RoleFinder:
    def __init__(self, ctx: StageContext) -> None:
        self.ctx = ctx
        # token index -> the first mention covering it, built once per document
        opening = _dateline_end(ctx)
        self._actor_by_token = _by_token(ctx, [a for a in ctx.actors if a.start >= opening])
        self._place_by_token = _by_token(ctx, [p for p in ctx.places if not p.metonymic])
        # the events coded so far in the sentence being coded (set by the events stage), for
        # a phrase that refers to the pair of an act reported earlier in the same sentence
        self.pending: list[Event] = []

    # ---------------------------------------------------------------- mentions
    def actor_on(self, token: Token) -> Actor | None:
        """The actor mention covering the token itself."""
        return self._actor_by_token.get(token.i)

    def place_on(self, token: Token) -> Place | None:
        return self._place_by_token.get(token.i)

    def phrase_actor(self, token: Token, exclude: Actor | None = None) -> Actor | None:
        """The actor a noun phrase names: its head's mention, else the nearest inside it.

        A head mention without a country ("the foreign minister") takes the country of a
        mention inside its phrase ("Taiwan's foreign minister" -> TWN + GOV).
        """
        direct = self.actor_on(token)
        if direct is not None and (direct is exclude or _same(direct, exclude)):
            direct = None
        if direct is not None and has_identity(direct):
            return direct
        best, best_rank = None, 10**9
        stack = [(c, 1) for c in token.children if (_in_phrase(c) or c.dep_ == "acl")
                 and not (c.tag_ in ("VBD", "VBN") and token.dep_ == "ROOT"
                          and misparsed_main_verb(c.sent) == c)]
        while stack:
            tok, d = stack.pop()
            a = self.actor_on(tok) if not _names_a_place(tok) else None
            if a is not None and not has_identity(a) and exclude is not None and any(
                    c.dep_ == "poss" and _same_entity(o, exclude)
                    for c in tok.children for o in (self.actor_on(c),) if o is not None):
                a = None  # "a call for its forces": the excluded party's own, not another
            if a is not None and not has_identity(a) and tok != token:
                a = self.phrase_actor(tok, exclude=exclude) or a
            if a is not None and a is not direct and not _same(a, exclude) \
                    and not _same(a, direct):
                rank = d * 10 + (0 if has_identity(a) else 50) + (30 if tok.dep_ == "acl" else 0)
                if exclude is not None and a.code and a.code == exclude.code:
                    rank += 100  # the source's own body ("UNIFIL" for the Security Council)
                if rank < best_rank:
                    best, best_rank = a, rank
            if d < 8:
                stack.extend((c, d + 1) for c in tok.children if _in_phrase(c)
                             and not (tok.dep_ == "acl" and _is_agent_phrase(c)
                                      and token.lemma_.lower() not in AUTHORED_NOUNS))
        if direct is None:
            return best
        if best is not None and best.country and best_rank < (20 if direct.kind == "person" else 50):
            # a role takes a country from its phrase ("the foreign minister of Taiwan"); a
            # named person only from its own modifiers ("Assange, an Australian"), not from
            # what follows ("X, a specialist on Iraq")
            return _combine(direct, best)
        return direct

    def head_actor(self, token: Token) -> Actor | None:
        """The actor a word itself names, with its modifiers' country ("the visit of X")."""
        direct = self.actor_on(token)
        if direct is not None and has_identity(direct):
            return direct
        for c in token.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                owner = self.actor_on(c)
                if owner is not None and owner.country:
                    return _combine(direct, owner) if direct is not None else owner
        return direct

    def place_actor(self, token: Token) -> Actor | None:
        """A place named as a destination, as an actor of its country."""
        place = self.place_on(token)
        if place is None or not place.country:
            return None
        return Actor(place.start, place.end, place.text, name=place.name, country=place.country,
                     code=place.country, kind="country")

    # ---------------------------------------------------------------- roles
    def subject_of(self, verb: Token) -> Token | None:
        """The subject, inherited up xcomp/conj/advcl chains when the verb has none."""
        if verb.dep_ == "acl" and verb.sent.root.pos_ in ("NOUN", "PROPN") \
                and misparsed_main_verb(verb.sent) == verb:
            return verb.sent.root  # the sentence's main verb that the parser hung on its subject
        tok: Token | None = verb
        came_from = ""
        for _ in range(6):
            if tok is None:
                return None
            if came_from == "conj" and tok.dep_ == "ccomp" and tok.lemma_ == "be" \
                    and second_act_of_speaker(verb):
                tok, came_from = tok.head, "ccomp"  # the act joined to a copular report
            for c in tok.children:
                if c.dep_ in SUBJECT_DEPS and c.dep_ not in PASSIVE_SUBJECT_DEPS:
                    if c.tag_ == "WP" and tok.dep_ == "relcl":
                        return tok.head  # "X, who met Y": the relative pronoun is X
                    return c
            for c in tok.children:
                if c.dep_ in PASSIVE_SUBJECT_DEPS:
                    if came_from == "conj" and tok.dep_ == "ccomp" and tok.head.pos_ == "VERB" \
                            and any(o.dep_ == "dobj" for o in verb.children):
                        # "X said its ships were harassed and accused Y": the parser hangs the
                        # second act of the speaker on the reported passive, whose subject
                        # suffered it; the act is the speaker's
                        tok, came_from = tok.head, "ccomp"
                        break
                    # "Japan is expected [to impose]", "X was asked [to leave]": the passive
                    # subject of a raising or control verb is its complement's subject
                    return c if tok != verb and came_from == "xcomp" else None
            if came_from == "ccomp":
                continue
            if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not any(
                    c.dep_ in ("aux", "auxpass") for c in tok.children):
                # "Asked about retaliation, she said": a reduced passive; the main clause's
                # subject is the one acted on, not the agent
                return None
            if tok.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp", "prep") and tok.head != tok:
                came_from = tok.dep_
                tok = tok.head
            elif tok.dep_ == "acl" and tok.head.lemma_.lower() in PLAN_NOUNS \
                    and tok.head.head != tok.head:
                came_from = "xcomp"  # "X announced plans to visit": X's own plan, as "X plans to"
                tok = tok.head.head
            elif tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in STATEMENT_NOUNS \
                    and tok.head.dep_ == "dobj":
                came_from = "acl"  # "X issued a statement condemning Y": the act is X's
                tok = tok.head.head
            elif tok.dep_ in ("acl", "relcl") and tok.head != tok:
                return decider_of(tok) or tok.head
            else:
                return None
        return None

    def agent_of(self, verb: Token) -> Token | None:
        """The "by" agent of a passive verb, shared by passives coordinated with it ("was
        kidnapped and killed by gunmen")."""
        for tok in (verb, *_coordinated_passives(verb)):
            for c in tok.children:
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return g
        return None

    def prep_objects(self, head: Token, preps: tuple[str, ...] = TARGET_PREPS) -> list[Token]:
        out = []
        for name in preps:
            for c in head.children:
                if c.dep_ in ("prep", "dative") and c.lower_ == name:
                    out.extend(g for g in c.children if g.dep_ == "pobj")
        return out

    def find(self, frame: Frame) -> Roles:
        roles = self._find(frame)
        if frame.entry.has("blame"):
            # "X said Y was responsible for the attack", "X holds Y responsible for": the one
            # blamed is the clause's subject, the blamer who states it (none when the writer does)
            stating = frame.reporter or (frame.governors[-1] if frame.governors else None)
            speaker = self.subject_of(stating) if stating is not None else None
            blamer = self.phrase_actor(speaker) if speaker is not None else None
            roles = Roles(blamer, roles.source if not _same(roles.source, blamer) else None,
                          speaker, False)
        if frame.answered_by is not None:
            # "Chile, responding to Peru's accusations, said", "replying to a warning from
            # Turkey": the one an answered act comes from is its author, and who replies to it
            # is whom it was aimed at, when its own phrase names no one else
            givers = self.prep_objects(frame.trigger, ("from",))
            giver = self.phrase_actor(givers[0]) if givers else None
            if giver is not None and (roles.source is None or _same(roles.target, giver)):
                roles = Roles(giver, None, givers[0], False)
            replier = self.subject_of(frame.answered_by)
            actor = self.phrase_actor(replier) if replier is not None else None
            if roles.target is None and actor is not None and not _same(actor, roles.source):
                roles.target = actor
        word = frame.trigger
        if roles.target is not None and roles.target.start <= word.idx < roles.target.end:
            # "kept up its opposition to the levy": the event noun is no party of its own
            # event, though "opposition" also names a political sector
            roles.target = None
        return roles

    def _find(self, frame: Frame) -> Roles:
        if frame.is_nominal and (frame.trigger != frame.clause or frame.trigger.pos_ == "NOUN"):
            # an event noun heading its own clause ("Opposition protests in Lima") has its
            # roles in its own phrase
            received = self._received(frame)
            if received is not None:
                return received
            roles = self._nominal_roles(frame)
            if frame.via_light:  # "the US speeded up the withdrawal of its forces"
                verb_roles = self._verbal_roles(frame, frame.clause)
                if has_identity(verb_roles.source):
                    if roles.target is None or _same_entity(roles.target, verb_roles.source):
                        roles.target = verb_roles.target
                    roles.source, roles.source_token = verb_roles.source, verb_roles.source_token
            if roles.source is None and not _topic_of_clause(frame) and not frame.caused:
                verb_roles = self._verbal_roles(frame, frame.clause)
                if verb_roles.source_token != frame.noun or _among(frame.noun, verb_roles.source):
                    # not when the noun is the clause's subject itself: the parties in its
                    # phrase are what it is aimed at or acts on ("protests against the
                    # government spread", "the release of the hostages gives hope"), unless
                    # they take part in it ("talks between X and Y resumed")
                    roles.source, roles.source_token = verb_roles.source, verb_roles.source_token
                roles.joint = verb_roles.joint
                if roles.target is None or _same(roles.target, roles.source):
                    roles.target = verb_roles.target
            if roles.target is None and frame.content is not None and frame.content != frame.noun:
                roles.target = self.clause_target(frame.content, roles.source)
            return roles
        return self._verbal_roles(frame, frame.trigger)

    def _verbal_roles(self, frame: Frame, verb: Token) -> Roles:
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
        source_tok = self.agent_of(verb) if passive else self.subject_of(verb)
        if passive and source_tok is None and (frame.entry.has("future") or frame.entry.kind == "adj"
                                               or verb != frame.trigger):
            # "<Country> is committed to ...": a state of the subject, not a passive action
            source_tok = next(c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS)
            passive = False
        elif not passive and _passive_head(verb) is not None:
            # "was kidnapped and killed by gunmen": the second passive shares the first's
            # subject (its target) and the agent either names
            passive = True
            source_tok = self.agent_of(verb)
        if source_tok is None and frame.clause != verb:
            source_tok = self.subject_of(frame.clause)
        for gov in frame.governors:
            if source_tok is not None:
                break
            if passive and gov == frame.reporter and self._own_side_suffered(verb, gov):
                break  # "ten of its soldiers were killed, the ministry said": not its own act
            if passive and gov == frame.reporter and self._bystander_reports(gov):
                break  # "26 people were killed, a rights group said": a witness, no party
            if passive and gov == frame.reporter and self._civilians_suffered(verb):
                break  # "the SDF said 15 civilians had been killed": a toll, not its own act
            source_tok = self.subject_of(gov)
        source = self.phrase_actor(source_tok) if source_tok is not None else None
        if not has_identity(source) and frame.reporter is not None and source_tok is not None:
            speaker = self.subject_of(frame.reporter)
            speaker_actor = self.phrase_actor(speaker) if speaker is not None else None
            if has_identity(speaker_actor) and speaker_actor is not None:
                if source_tok.pos_ == "PRON":
                    # "<Country> says it is willing ...": an unresolved pronoun is the speaker
                    source = speaker_actor
                elif source is not None and source.sector in STATE_SECTORS \
                        and speaker_actor.country and source_tok.tag_ == "NN" and any(
                            c.dep_ == "det" and c.lower_ == "the" for c in source_tok.children):
                    # "<Country>'s president said the government would ...": a state body a
                    # speaker names without a country is the speaker's own country's
                    source = with_country(source, speaker_actor.country)
        joint = False
        target = None
        if not has_identity(source) and (frame.code[:2] in JOINT_ROOTS or frame.entry.has("mutual")):
            pair = self._between(verb)
            if pair is not None:
                # "fighting erupted between X and Y": the verb's "between" phrase names the
                # parties of a joint act whose subject is no party (the event itself)
                return Roles(pair[0][1], pair[1][1], pair[0][0], True)
        if not has_identity(source) and source_tok is not None and _names_a_pair(source_tok):
            pair = self._last_pair(source_tok)
            if pair is not None:
                # "the two sides agreed", "both leaders said": the two parties of the act
                # between two reported just before (a joint event, as "X and Y agreed")
                return Roles(pair[0], pair[1], source_tok, True)
        # coordination: "X and Y agreed" -> a joint event, the partner as target;
        # also "Greek and Italian warships": coordinated modifiers of the subject
        if source_tok is not None and (frame.code[:2] in JOINT_ROOTS or frame.entry.has("mutual")) \
                and not frame.code.startswith(DIRECTED_05) and not unilateral_intent(frame) \
                and not (frame.code[:2] in PATIENT_OF_ROOTS and not frame.entry.has("mutual")
                         and frame.noun is None
                         and any(c.dep_ in ("dobj", "obj") for c in verb.children)):
            # ("Russian and Syrian warplanes pounded rebel areas": force used on an object is
            # done side by side, not to each other; "X and Y fought / clashed" is joint)
            partners = list(source_tok.conjuncts) + coordinated_modifiers(source_tok)
            # "leaders of X and Y met", "ministers from X and Y": the subject's parties, each
            # in the role the subject names (X's leaders and Y's)
            of_partners = [conj for p in source_tok.children if p.dep_ == "prep"
                           and p.lower_ in ("of", "from") for g in p.children if g.dep_ == "pobj"
                           for conj in g.conjuncts]
            partners += of_partners
            if not partners and source_tok.lower_ in ("they", "we") and frame.reporter is not None:
                # "X and Y said they had agreed": the pronoun is the speakers, the act joint
                speaker = self.subject_of(frame.reporter)
                if speaker is not None and speaker.conjuncts:
                    partners = [speaker, *speaker.conjuncts]
                elif speaker is not None:  # "Chilean and Peruvian ministers said they ..."
                    partners = coordinated_modifiers(speaker)
            for conj in partners:
                partner = self.phrase_actor(conj, exclude=source)
                if partner is not None and not _same(partner, source):
                    if conj in of_partners and partner.kind == "country" and partner.country \
                            and source is not None and source.sector and not partner.sector:
                        partner = replace(partner, sector=source.sector,
                                          code=f"{partner.country}{source.sector}")
                    target, joint = partner, True
                    break
        explicit = self._target(frame, verb, passive, source)
        if explicit is not None and not (joint and source is not None and source.country
                                         and explicit.country == source.country) \
                and not (joint and frame.code[:2] in MUTUAL_ROOTS
                         and not _direct_partner(verb, explicit)):
            # "X and Y signed an accord on X's debt", "X and Y plan to discuss relations with
            # Japan": in a joint act the partner is the target, not a party of its topic
            target, joint = explicit, False
        if target is None and frame.code[:2] in SHARED_TARGET_ROOTS and has_identity(source):
            target = self._first_conjunct_target(verb, source)
        return Roles(source, target, source_tok, joint)

    def _first_conjunct_target(self, verb: Token, source: Actor | None) -> Actor | None:
        """"Chile accused Peru of dumping and threatened to retaliate": a demand, accusation,
        refusal, threat or sanction coordinated with an act of the same subject on another
        party, naming no party of its own, is aimed at that party."""
        head = verb.head
        if head.lemma_ == "be" and second_act_of_speaker(verb):
            # "said the Peruvian move was illegal and demanded an apology": the speaker's act
            # after a description of a party's doing is aimed at that party
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            about = self.phrase_actor(subject) if subject is not None else None
            if about is None or not has_identity(about) or not about.country \
                    or (source is not None and about.country == source.country):
                return None
            return about
        if verb.dep_ != "conj" or head.pos_ != "VERB" or any(
                c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        toks = [c for c in head.children if c.dep_ in ("dobj", "dative")] + self.prep_objects(head)
        found = [a for a in (self._token_actor(tok, source) for tok in toks)
                 if a is not None and has_identity(a) and a.country
                 and not (source is not None and a.country == source.country)]
        return best_target(found, source)

    def _bystander_reports(self, reporter: Token) -> bool:
        """Whether the speaker is no party to a fight: the war communique's convention (a
        passive it reports is its own side's act) is for states and armed groups, not for
        international and non-governmental bodies, the media, doctors or other civilians."""
        speaker = self.subject_of(reporter)
        actor = self.phrase_actor(speaker) if speaker is not None else None
        if actor is None:
            return False
        return (actor.code or "").startswith(("NGO", "IGO")) or actor.sector in BYSTANDER_SECTORS

    def _civilians_suffered(self, verb: Token) -> bool:
        """Whether a passive's patients are civilians the text places nowhere ("15 civilians
        were killed"): the war communique's convention (a party reporting a passive did it)
        is for enemy forces and positions; a party reporting a civilian toll is not its author."""
        victim = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        actor = self.phrase_actor(victim) if victim is not None else None
        return actor is not None and not actor.country and actor.sector == "CVL"

    def _own_side_suffered(self, verb: Token, reporter: Token) -> bool:
        """Whether a passive reported by a party happened to that party's own side: a war
        communique's "enemy positions were shelled" reports its own act, "three soldiers
        were killed" from the side they serve reports what it suffered."""
        speaker = self.subject_of(reporter)
        speaker_actor = self.phrase_actor(speaker) if speaker is not None else None
        victim = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        victim_actor = self.phrase_actor(victim) if victim is not None else None
        if speaker_actor is None or victim_actor is None:
            return False
        if speaker_actor.country or victim_actor.country:
            return speaker_actor.country == victim_actor.country
        return bool(speaker_actor.sector) and speaker_actor.sector == victim_actor.sector

    def _last_pair(self, tok: Token, anywhere: bool = False) -> tuple[Actor, Actor] | None:
        """The source and target of the latest event between two parties of different
        countries in the sentence before (a subject that counts two refers to a pair just
        named, not to one anywhere in the article); ``anywhere``: in the article so far (the
        two sides an outsider's appeal is aimed at are the parties of the article's dispute)."""
        sent = tok.sent
        before = tok.doc[sent.start - 1].sent if sent.start > 0 else None
        start = before.start_char if before is not None else sent.start_char
        if anywhere:
            start = 0
        for event in reversed([*self.ctx.events, *self.pending]):
            if event.evidence is None or event.evidence.start < start:
                break
            s, t = event.source, event.target
            if has_identity(s) and has_identity(t) and s.country and t.country \
                    and s.country != t.country:
                return s, t
        return None

    def _target(self, frame: Frame, verb: Token, passive: bool, source: Actor | None) -> Actor | None:
        cands: list[Token] = []
        if passive:
            head = _passive_head(verb)
            cands += [c for c in (head or verb).children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        cands += [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        if not passive:  # "condemned the attack on its boats by Peru": whose act it is
            cands += [b for c in verb.children if c.dep_ == "dobj"
                      for b in (verb_by_phrase(c),) if b is not None]
        if not cands and not passive:
            # "killed or wounded 15,000 guards", "attacked and burned three villages": the
            # parser hangs an object shared by coordinated verbs on the last one only
            cands += [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                      and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
                      for o in c.children if o.dep_ in ("dobj", "obj")]
        # a preposition the predicate's own pattern names takes its argument ("rallied behind X")
        named = tuple(c.name for c in frame.entry.constraints
                      if c.key == "prep" and c.name and c.name not in TARGET_PREPS)
        if verb == frame.trigger and named:
            cands += self.prep_objects(verb, named)
        cands += self.prep_objects(verb)
        found = [a for a in (self._token_actor(tok, source) for tok in cands) if a is not None]
        for holder in (frame.noun, frame.content):
            if holder is None or holder == verb:
                continue
            actor = self._nominal_target(holder, source) if holder.pos_ in ("NOUN", "PROPN") \
                else self.clause_target(holder, source)
            if actor is not None:
                found.append(actor)
        if not found:  # "clashed during protests against Israeli policies"
            found = [a for a in (self._token_actor(tok, source) for tok in _against(verb))
                     if a is not None]
        if not found:
            # "opened the bridge [to allow deliveries to Afghanistan]": a purpose clause
            for c in verb.children:
                if c.dep_ in ("advcl", "xcomp") and not any(
                        m.dep_ == "mark" and m.lower_ in ("after", "before", "because", "as", "while",
                                                          "although", "since", "when")
                        for m in c.children):
                    actor = self.clause_target(c, source)
                    if actor is not None:
                        found.append(actor)
        return best_target(found, source)

    def _token_actor(self, tok: Token, source: Actor | None) -> Actor | None:
        place = self.place_actor(tok) if tok.dep_ == "pobj" else None
        direct = self.actor_on(tok)
        if place is not None and direct is not None and direct.country != place.country \
                and direct.kind not in ("country", "metonym", "organisation", "pronoun"):
            return place  # a toponym after a preposition names the place, as resolved
        own = False
        for c in tok.children:  # "its troops": the source's own, not a target
            if c.dep_ == "poss" and c.pos_ == "PRON":
                owner = self.actor_on(c)
                own = owner is None or source is None or _same_entity(owner, source) or bool(
                    owner.country and owner.country == source.country)
        actor = self.phrase_actor(tok, exclude=source)
        if not has_identity(actor) and _names_a_pair(tok):
            # "urged both sides to show restraint": the pair of the act just reported; one
            # event, aimed at the member that is not the source (as coordinated targets are)
            pair = self._last_pair(tok, anywhere=True)
            if pair is None:
                return None  # two parties the text does not name: not the source's compatriots
            member = next((p for p in pair if not _same(p, source)), None)
            if member is not None and tok.lemma_.lower() in STATE_PARTY_NOUNS \
                    and member.sector not in STATE_SECTORS and member.country:
                # "both countries" after "Peruvian fishermen protested at the Chilean
                # embassy": the states of the two parties, not the fishermen
                member = Actor(member.start, member.end, member.text, country=member.country,
                               code=member.country, kind="country")
            return member
        if tok.dep_ == "attr" and actor is not None and not has_identity(actor):
            # "refused to become a member of the body": a predicate noun says what the
            # subject is, not whom the act is aimed at; a party named inside it may be
            inner = [self.phrase_actor(c, exclude=source) for c in tok.children if _in_phrase(c)]
            actor = next((a for a in inner if a is not None and has_identity(a)), None)
        if (actor is None or not has_identity(actor)) and tok.dep_ == "pobj":
            actor = self.place_actor(tok) or actor
        if actor is None and tok.lemma_.lower() in GEOGRAPHIC_NOUNS:
            # "shelled Iraqi towns", "crossed into Afghan territory": a place of a country named
            # by its modifier; the act is aimed at that country (issue 13: an act on a place
            # whose party is not named is aimed at the place's country)
            actor = next((a for c in tok.children if _names_a_place(c)
                          for a in (self.actor_on(c),) if a is not None and a.country
                          and a.kind in ("country", "metonym")), None)
        if actor is not None and _same(actor, source):
            return None
        if own and actor is not None and source is not None and (
                not actor.country or actor.country == source.country):
            return None  # but "his Afghan counterpart" is another party
        return actor

    def clause_target(self, head: Token, source: Actor | None,
                      other_side: bool = True) -> Actor | None:
        """A target inside a complement clause ("threatened [to cut off power to X]")."""
        subj = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        toks = subj + [c for c in head.children if c.dep_ in OBJECT_DEPS] + self.prep_objects(head)
        found = [a for a in (self._token_actor(tok, source) for tok in toks) if a is not None]
        for c in head.children:
            if c.dep_ in ("xcomp", "ccomp", "advcl", "conj") and not contrasted_report(c) \
                    and not second_act_of_speaker(c):  # the speaker's next act is no content
                actor = self.clause_target(c, source)
                if actor is not None:
                    found.append(actor)
        if other_side and source is not None and source.country:
            # "warned that Chile would retaliate against Peru": the speaker's own side
            # acting in the clause is not whom the act is aimed at, another party is
            others = [a for a in found if a.country != source.country and has_identity(a)]
            if others:
                found = others
            elif source.sector in STATE_SECTORS or source.kind in ("country", "metonym"):
                # "Khan warned that Pakistan would respond": a state's official naming the
                # state itself names the side that acts, no target (never the source's own
                # country unless the text says so); its own rebels or opposition may be one
                found = [a for a in found if a.country != source.country
                         or a.kind not in ("country", "metonym")]
        return best_target(found, source)

    def _nominal_target(self, noun: Token, source: Actor | None) -> Actor | None:
        toks = self.prep_objects(noun, (*TARGET_PREPS, "of", "between"))
        found = [a for a in (self._token_actor(tok, source) for tok in toks) if a is not None]
        actor = self.phrase_actor(noun, exclude=source)
        if actor is not None and not _same(actor, source):
            found.append(actor)
        for c in noun.children:  # "a demand that Israel ease ...": the content's subject
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
                actor = self.clause_target(c, source)
                if actor is not None:
                    found.append(actor)
        return best_target(found, source)

    def _received(self, frame: Frame) -> Roles | None:
        """"X faced criticism from Y", "X came under pressure from Y": the act is Y's, and the
        subject of the receiving verb is its target."""
        noun = frame.trigger
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ in ("under", "with"):
            verb = verb.head  # "came under fire from", "met with criticism from"
        elif noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() == "come":
            return None  # "protests came from X": the noun is no object received
        if verb.lemma_.lower() not in RECEIVING_VERBS or verb.pos_ not in ("VERB", "AUX"):
            return None
        givers = self.prep_objects(noun, ("from",)) or self.prep_objects(verb, ("from",))
        receiver = self.subject_of(verb)
        if not givers or receiver is None:
            return None
        # a place named as the giver stands for its government ("drew protests from Lima")
        source = self.phrase_actor(givers[0]) or self.place_actor(givers[0])
        target = self.phrase_actor(receiver, exclude=source)
        if source is None:
            return None
        return Roles(source, target, givers[0], False)

    def _leader_of(self, noun: Token) -> Token | None:
        """"A Saudi-led coalition airstrike", "a US-led raid": the party that leads those who
        act is named as their doer (the leading party of a coalition is the one event data
        code for its acts); "US-backed" names a supporter, not the doer."""
        for c in noun.children:
            if c.dep_ not in ("amod", "compound"):
                continue
            for led in (c, *(g for g in c.children if g.dep_ == "amod")):
                if led.lower_ != "led":
                    continue
                for leader in led.children:
                    actor = self.actor_on(leader) if leader.dep_ in ("npadvmod", "compound",
                                                                     "nmod") else None
                    if actor is not None and actor.kind in ("country", "organisation", "metonym"):
                        return leader  # a named party, not "a government-led inquiry"
        return None

    def _between(self, noun: Token) -> tuple[tuple[Token, Actor], tuple[Token, Actor]] | None:
        """The first two distinct parties of a noun's "between"/"among" phrase."""
        preps = list(noun.children)
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
            # "clashes broke out between X and Y": the parser hangs a subject noun's phrase on
            # its verb of occurrence (the PP-attachment ambiguity); it still names the parties
            preps += [c for c in noun.head.children if c.i > noun.i]
        for c in preps:
            if c.dep_ != "prep" or c.lower_ not in ("between", "among"):
                continue
            parties: list[tuple[Token, Actor]] = []
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                # "the Peruvian military and Bolivian rebels", which the parser may read as
                # coordinated modifiers of one noun, as "Greek and Italian warships"
                mods = coordinated_modifiers(g)
                for tok in (*mods, g, *g.conjuncts):
                    actor = self.actor_on(tok) if tok in mods else self.phrase_actor(tok)
                    if has_identity(actor) and actor is not None \
                            and not any(_same(actor, a) or actor.code == a.code for _, a in parties):
                        parties.append((tok, actor))
            if len(parties) >= 2:
                return parties[0], parties[1]
        return None

    def _nominal_roles(self, frame: Frame) -> Roles:
        """Roles of an event noun: "Israel's invasion of Lebanon", "the visit of X to Y"."""
        noun = frame.trigger
        agentive = frame.entry.has("agentof")
        # the "of" phrase of a noun of coercion or force names whom it is done to ("the
        # bombing of the embassy", "the siege of Sarajevo"): an objective genitive, as the
        # verb's object; that of a noun of going, meeting or agreeing names who does it
        of_agent = agentive and frame.code[:2] not in PATIENT_OF_ROOTS
        source_tok: Token | None = None
        for c in noun.children:
            if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME"):
                source_tok = c  # not "Monday's attack": a date says when, not who
        # "sanctions by X", and "duties imposed by X": the agent of a participle that
        # carries out the noun's act is its doer
        carriers = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
        by = [g for h in carriers for c in h.children if c.dep_ in ("prep", "agent")
              and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
        hung = verb_by_phrase(noun)  # the noun's "by" phrase the parser hung on its verb
        if hung is not None and not by:
            by = [hung]
        of = self.prep_objects(noun, ("of",))
        if source_tok is None and by:
            source_tok = by[0]
        if source_tok is None and (frame.code[:2] in JOINT_ROOTS or frame.entry.has("mutual")):
            pair = self._between(noun)
            if pair is not None:
                # "clashes between X and Y", "talks among X and Y": the noun's own phrase
                # names the parties of a joint act, wherever the noun stands in its clause
                return Roles(pair[0][1], pair[1][1], pair[0][0], True)
        if source_tok is None and of_agent and of:
            source_tok = of[0]
        if source_tok is None:
            for c in noun.children:  # "<demonym> invasion", "<demonym> investment"
                if c.dep_ in ("amod", "compound", "nmod") and self.actor_on(c) is not None:
                    if c.dep_ == "amod" or agentive:
                        source_tok = c
                        break
        if source_tok is None:
            source_tok = self._leader_of(noun)
        source = self.head_actor(source_tok) if source_tok is not None else None
        if source is None and source_tok is not None and by and source_tok == by[0]:
            source = self.phrase_actor(source_tok)  # "protests by thousands of farmers"
        toks = self.prep_objects(noun, TARGET_PREPS) + ([] if of_agent else of)
        found = [a for a in (self._token_actor(tok, source) for tok in toks) if a is not None]
        for c in noun.children:  # "a demand that Israel ease ...": the content's subject
            if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                actor = self.clause_target(c, source)
                if actor is not None:
                    found.append(actor)
        target = best_target(found, source)
        if target is None and not agentive:
            for c in noun.children:  # "the <country> invasion": a compound country names the target
                if c.dep_ == "compound":
                    actor = self.actor_on(c) or self.place_actor(c)
                    if actor is not None and not _same(actor, source):
                        target = actor
        joint = False
        if source_tok is not None and target is None:
            for conj in source_tok.conjuncts:
                partner = self.phrase_actor(conj, exclude=source)
                if partner is not None and not _same(partner, source):
                    target, joint = partner, True
                    break
        return Roles(source, target, source_tok, joint)


# Prepositions that make an event noun what the clause reacts to, not what its subject does
# ("reacted angrily to the attack", "anger over the bombing"); not "after talks with X", where
# the subject took part
_TOPIC_PREPS = frozenset({"to", "over", "about", "against"})


def coordinated_modifiers(noun: Token) -> list[Token]:
    """Coordinated modifiers of a noun, each naming a party ("Greek and Italian warships",
    "the Peruvian military and Bolivian rebels" as the parser may read it)."""
    return [m for k in noun.children if k.dep_ in ("amod", "compound", "nmod") and k.conjuncts
            for m in (k, *k.conjuncts)]


def _among(noun: Token, actor: Actor | None) -> bool:
    """Whether the actor is named in the noun's "between"/"among" phrase: a party of it."""
    if actor is None:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among")
               and t.idx <= actor.start < t.idx + len(t.text)
               for c in noun.children for t in c.subtree)


def _topic_of_clause(frame: Frame) -> bool:
    """Whether an event noun is the topic of its clause (the object of a reaction's
    preposition) rather than an act of the clause's subject."""
    noun = frame.trigger
    return not frame.via_light and noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_PREPS \
        and noun.head.head.i == frame.clause.i


# Those of them that name states ("both countries"): a pair member of another sector stands
# for its country
STATE_PARTY_NOUNS = frozenset({"country", "nation", "state", "government", "capital",
                               "neighbour", "neighbor"})
# Nouns for the parties of an act between two ("the two sides", "both governments")
PARTY_NOUNS = frozenset({"side", "country", "nation", "state", "government", "leader",
                         "president", "minister", "delegation", "party", "neighbour",
                         "neighbor", "capital"})


def _names_a_pair(tok: Token) -> bool:
    """"The two sides", "both countries", "both": a plural phrase that counts two parties."""
    if tok.lower_ == "both" and tok.pos_ in ("PRON", "DET", "NOUN"):
        return True
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in PARTY_NOUNS:
        return False
    return any((c.dep_ == "nummod" and c.lower_ in ("two", "2"))
               or (c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both")
               # "the two countries' foreign ministers": the pair's officials are the pair
               or (c.dep_ == "poss" and _names_a_pair(c))
               for c in tok.children)


def best_target(found: list[Actor], source: Actor | None) -> Actor | None:
    """The nearest candidate that says who it is; else the nearest role with no country
    ("government forces", "the militias"), taken to be of the source's country as in domestic event coding."""
    src_country = source.country if source is not None else None
    found = [a for a in found if not _same_entity(a, source)]
    src_code = source.code if source is not None else None
    for actor in found:  # "the Council agreed to extend UNIFIL in Lebanon": not its own body
        if has_identity(actor) and (not src_code or actor.code != src_code):
            return actor
    for actor in found:
        if has_identity(actor):
            return actor
    if found and found[0].kind == "person":
        return found[0]  # a named person unknown to the dictionaries: whose, the event decides
    return with_country(found[0], src_country) if found else None


def _same_entity(a: Actor, b: Actor | None) -> bool:
    """Two mentions of one person or body ("Putin" ... "his")."""
    if b is None:
        return False
    if _same(a, b):
        return True
    return a.name is not None and a.name == b.name and a.code == b.code


def _same(a: Actor | None, b: Actor | None) -> bool:
    """Two mentions are the same mention (not merely the same country)."""
    if a is None or b is None:
        return False
    return a.start == b.start and a.end == b.end


def _passive_head(verb: Token) -> Token | None:
    """The passive verb a bare participle is coordinated with ("was kidnapped and killed"):
    the participle has no subject or auxiliary of its own."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    head = verb.head
    return head if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in head.children) else None


def _coordinated_passives(verb: Token) -> list[Token]:
    """The passives sharing one subject with the verb, itself excluded."""
    head = _passive_head(verb) or verb
    out = [head] if head != verb else []
    return out + [c for c in head.children if c != verb and _passive_head(c) == head]
