"""Events stage: who did what to whom, when and where, with the clause that says so.

For each sentence the frame finder picks the predicates that state events (one per clause
that has its own subject), the role finder reads source and target from the dependency
parse and the actor mentions, and this module adds the PLOVER conventions (planned
cooperation is AGREE, planned force is THREATEN, "failed to reach" is REJECT), status,
date, place and evidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from geoevents.events.conventions import domestic_target, resident, unidentified_attacker
from geoevents.events.evidence import evidence_span
from geoevents.events.frames import (
    DEMONSTRATIVES,
    REACTION_ROOTS,
    Frame,
    FrameFinder,
    complement,
    has_subject,
    named_agent,
)
from geoevents.events.lexicon import Lexicon, load_lexicon
from geoevents.events.ontology import cessation_code, event_type, planned_code
from geoevents.events.relevance import RelevanceModel, load_relevance_model
from geoevents.events.roles import (
    GEOGRAPHIC_NOUNS,
    JOINT_ROOTS,
    PATIENT_OF_ROOTS,
    SHARED_TARGET_ROOTS,
    STATE_SECTORS,
    VISIT_ROOTS,
    RoleFinder,
    Roles,
    coordinated_modifiers,
    has_identity,
    unilateral_intent,
    with_country,
)
from geoevents.events.statements import content_text, statement_act
from geoevents.events.status import event_status, is_ceased, is_conditional_consequence, is_refusal
from geoevents.model import Actor, Event, Place, Span
from geoevents.nlp import in_noun_clause
from geoevents.stage import ActorCoder, PlaceIndex, QuoteSpans, StageContext, TimeIndex

log = logging.getLogger(__name__)


def _helper_failed(ctx: StageContext, stage: str, err: Exception) -> None:
    """Another stage's published helper raised: the event is kept without it, and said so."""
    log.warning("%s: the %s stage's helper failed in the events stage (%s: %s); "
                "the event is coded without it", ctx.document.id, stage, type(err).__name__, err)

YEAR_MODIFIER = re.compile(r"^((?:1[89]|20)\d\d)(?:[-/–]\d{2,4})?$")
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
# Event nouns that refer back to an earlier meeting ("during the meeting").
ANAPHORIC_DETS = {"the", "this", "that", "these", "those", "their", "its", "his", "her"}
OBLIGATION_AUX = {"must", "should"}
# Categories whose uncoded target is the authorities where the event happens.
DOMESTIC_CATEGORIES = {"PROTEST", "COERCE", "ASSAULT"}
# Categories whose unnamed target stays unnamed (the others default to the authorities).
INTERNATIONAL_CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", None}
COOPERATIVE_CATEGORIES = INTERNATIONAL_CATEGORIES - {None}
# Dependents of a verb that hold its own object ("source verb target").
VERB_OBJECT_DEPS = {"dobj", "obj", "dative", "prep", "agent", "nsubjpass", "nsubj:pass", "attr",
                    "oprd"}
# Prepositions that say where something happened
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "across", "off", "on"})
# Relevance is judged per article: a lone sentence gives the model too few words to go on.
MIN_ARTICLE_SENTENCES = 3
# Categories of acts only authorities perform: their agentless passive is the authorities'.
AUTHORITY_CATEGORIES = {"COERCE", "SANCTION"}
# Verbs that move what they send (the lexicon codes them 154 with military objects)
FORCE_SENDING_VERBS = frozenset({"send", "dispatch"})
DEPLOY = "154"  # CAMEO 154 mobilize or increase armed forces
# CAMEO 160 reduce relations, not specified below: a stance (the dictionary's UNDERMINE block:
# "undermined", "sabotaged"), not a measure of the authorities like 161-166 (break relations,
# cut aid, ban, halt talks, expel)
REDUCE_RELATIONS = "160"
# CAMEO 075 grant asylum: a protection only a state's authorities give
AUTHORITY_CODES = {"075"}
# CAMEO 116 find guilty: PLOVER SANCTION 'convict', a court's act on those it tries, mostly
# its own country's people (unlike sanctions between parties)
CONVICT = "116"
# PLOVER manual, MOBILIZE: "a group may mobilize with no specific entity stated" (a show of
# force needs no recipient, unlike a demand or a threat, which event data code as dyads)
UNDIRECTED_CATEGORIES = {"MOBILIZE"}
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
# Appeals, demands, threats and reduced relations (CAMEO 02, 10, 13, 16) answer another
# party's act too ("demanded an explanation after ...", "recalled its envoy after ...")
ANSWERING_ROOTS = frozenset({"02", "10", "13", "16"})
# CAMEO.2.0 verb blocks of killing (its KILL block: behead, murder, slay, shoot dead)
KILLING_BLOCKS = frozenset({"KILL"})
# CAMEO 176 attack cybernetically (PLOVER COERCE 'cyber'): an attack on another party, like force
CYBER_ATTACK = "176"
# Nouns of answering: "in response / retaliation / protest to X's act"
ANSWER_NOUNS = frozenset({"response", "reply", "retaliation", "reprisal", "protest", "reaction"})
# A border lies between two countries: "troops on the Syrian border" may stand on either side
SHARED_EDGES = frozenset({"border", "frontier"})
# A state's missions abroad (Phoenix agents "embassy", "consulate": the government, GOV): the
# state whose mission it is stands for it; the country named before the noun is not where
MISSION_NOUNS = frozenset({"embassy", "consulate", "legation"})
# Prepositions of where a protest is held ("outside", "at", "in front of" the embassy)
PROTEST_SITE_PREPS = frozenset({"outside", "at", "near", "before", "to", "in"})
# Prepositions of a clause's area named by a country's adjective ("off the Iranian coast")
AREA_PREPS = frozenset({"in", "at", "off", "on", "along", "near", "inside"})
# Articles of a noun that refers back to something the text has named
DEFINITE_DETS = frozenset(DEMONSTRATIVES | {"the"})
# Verbs of attack that politicians use of each other (CAMEO.2.0's ATTACK and ASSAIL blocks)
VERBAL_ATTACK_VERBS = frozenset({"attack", "assail"})
# CAMEO 042 make a visit, 043 host a visit
VISIT_CODES = frozenset({"042", "043"})
# CAMEO sectors that use force, and the civil ones whose attacks on each other are words
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY", "IMG", "CRM", "INS", "SEP"})
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "PTY", "OPP", "ELI"})
# targets a politician's attack on is force, not words (police and intelligence agencies are
# institutions a politician attacks in words)
FIGHTING_SECTORS = ARMED_SECTORS - {"COP", "SPY"}
# military exercises (lexicon nouns coded CAMEO 062 when joint)
EXERCISE_NOUNS = frozenset({"exercise", "drill", "game", "manoeuvre", "maneuver", "wargame"})


class EventsStage:
    name = "events"
    requires = ("actors", "timexes", "places")
    assigns = "events"

    def __init__(self, lexicon: Lexicon, statements: bool = True,
                 context_actors: bool = True, statement_acts: bool = True,
                 relevance: RelevanceModel | None = None) -> None:
        self.lexicon = lexicon
        self.finder = FrameFinder(lexicon)
        self.statements = statements
        self.context_actors = context_actors
        self.statement_acts = statement_acts
        self.relevance = relevance

    def __call__(self, ctx: StageContext) -> None:
        first = len(ctx.events)
        self._code(ctx)
        _date_by_publication(ctx, ctx.events[first:])

    def _code(self, ctx: StageContext) -> None:
        first = len(ctx.events)
        roles = RoleFinder(ctx)
        self.lexicon.join_hyphenated(ctx.doc)
        sents = list(ctx.doc.sents)
        if self.relevance is not None and len(sents) >= MIN_ARTICLE_SENTENCES \
                and not self._relevant(sents):
            return  # an article about markets, company results, sports or culture
        for sent in sents:
            emitted: list[Event] = []
            roles.pending = emitted
            for n, frame in enumerate(self.finder.sentence_frames(sent)):
                judged = self._evaluation_of_act(ctx, roles, frame, sent)
                if judged is not None and not self._merge(judged, emitted):
                    emitted.append(judged)
                found = self._event(ctx, roles, frame, sent)
                if found is None:
                    continue
                event, event_roles = found
                if _re_mention(roles, frame, event, [*ctx.events, *emitted]):
                    continue
                if not has_identity(event.source) and (n > 0 or event.plover):
                    # PLOVER and PETRARCH code acts of known actors only; a secondary clause
                    # needs an actor of its own even for a statement
                    continue
                members = _named_members(roles, event, ctx.doc)
                for one in members or [event, *_coordinated(roles, event, event_roles)]:
                    if not self._merge(one, emitted):
                        emitted.append(one)
            if any(e.plover for e in emitted):  # statements only when nothing else is stated
                emitted = [e for e in emitted if e.plover]
            ctx.events.extend(emitted)
        if sents and _is_headline(sents[0]):
            _drop_restated_headline(ctx.events, first, sents[0].end_char)

    def _evaluation_of_act(self, ctx: StageContext, finder: RoleFinder, frame: Frame,
                           sent: SpacySpan) -> Event | None:
        """"Chile said the Peruvian sanctions were illegal": the reported clause judges an act
        (its subject is the act's noun, its predicate an evaluation), so the statement is the
        speaker's act toward the act's author (PLOVER ACCUSE or SUPPORT by the content's
        tone), whether or not the act itself is coded."""
        noun, reporter = frame.noun, frame.reporter
        if noun is None or reporter is None or not self.statement_acts \
                or noun.dep_ not in ("nsubj", "nsubjpass") or not _evaluative_clause(noun.head):
            return None
        entry = self.lexicon.match(reporter)
        if entry is None or not entry.has("report") or not entry.cameo.startswith("01"):
            return None
        found = self._event(ctx, finder, Frame(reporter, entry, entry.cameo, reporter), sent)
        if found is None or not found[0].plover:
            return None
        return found[0]

    def _relevant(self, sents: list[SpacySpan]) -> bool:
        """Whether an article reports political events at all: the mean relevance of its
        three most political sentences reaches the model's threshold (the one chosen when it
        was measured, ``data/relevance/MODEL.md``). Judged per article, not per sentence: in
        an article that is about politics, a sentence the model doubts still gets coded."""
        assert self.relevance is not None
        top = sorted(self.relevance.probabilities([s.text for s in sents]), reverse=True)[:3]
        return sum(top) / len(top) >= self.relevance.threshold

    # ------------------------------------------------------------------ one event
    def _event(self, ctx: StageContext, finder: RoleFinder, frame: Frame,
               sent: SpacySpan) -> tuple[Event, Roles] | None:
        status = event_status(frame)
        if status == "occurred" and _inside_quote(ctx, frame.trigger.idx):
            status = "reported"  # said by someone the quotes stage found
        code = frame.code
        evidence = evidence_span(ctx, frame, sent)
        date = self._date(ctx, frame, evidence)
        if date and status in ("occurred", "reported") and _after_publication(ctx, date, evidence):
            status = "planned"
        if status != "negated" and is_ceased(frame):
            # "stopped approving contracts", "ceased shelling": the act is ended, not done;
            # ending it is coded as CAMEO.2.0's CANCEL block codes it, else it is no act
            ended = cessation_code(code)
            if ended is None:
                status = "negated"
            else:
                code = ended
        if frame.failed:
            if code[:2] in COOPERATIVE_ROOTS:  # PLOVER: "failed to reach an agreement" is REJECT
                code = "127" if code.startswith(("057", "037", "03")) else "120"
            else:
                status = "negated"
        refused = not frame.failed and status == "negated" and code[:2] in COOPERATIVE_ROOTS \
            and is_refusal(frame)
        if refused:
            # "will not negotiate", "won't send troops": CAMEO 12 counts a refusal to act as a
            # rejection (125: refuse to meet, discuss or negotiate; 120 otherwise)
            code = "125" if code[:2] == "04" or code.startswith("036") else "120"
            status = "reported" if frame.reported else "occurred"
        if status == "hypothetical" and frame.reported and is_conditional_consequence(frame) \
                and planned_code(code).startswith("13"):
            # "said Britain would ban Japanese firms if ...": a coercive act stated as the
            # consequence of a condition is a threat (CAMEO 13: threats are conditional)
            status = "planned"
        conditional_threat = status == "planned" and is_conditional_consequence(frame) \
            and planned_code(code).startswith("13")
        action_code = code
        if status == "planned":
            code = planned_code(code)
            if date is None:
                date = _future_date(ctx, sent, frame.trigger.idx)
        if code[:2] in ("01", "02") and not self.statements:
            return None
        roles = finder.find(frame)
        if roles.target is not None and roles.source is not None and roles.target.sector \
                and roles.target.country == roles.source.country and _countryless(ctx, roles.target) \
                and ctx.text[max(0, roles.target.start - 4):roles.target.start].lower() == "the " \
                and not roles.source.start <= roles.target.start < roles.source.end:
            # a group named without a country takes the source's by the domestic convention,
            # unless the article has already placed the group of that name elsewhere
            named = _country_named_before(ctx.events, roles.target)
            if named is not None and named != roles.target.country:
                roles.target = dataclasses.replace(roles.target, country=named,
                                                   code=f"{named}{roles.target.sector}")
        if frame.is_nominal and not frame.via_light and frame.trigger.dep_ == "pobj" \
                and event_type(code).plover == "ASSAULT" and not frame.entry.has("mutual") \
                and roles.source_token is not None and roles.source_token not in frame.trigger.subtree:
            # "traders fled amid kidnappings", "protested over the killing of its citizens": an
            # attack named in an adjunct is not the clause subject's act; only its own
            # phrase ("by X", "X's", "Peruvian") names who made it (a clash or a skirmish
            # is fought by those the clause names: "were injured in clashes with police")
            roles = Roles(None, roles.target, None)
        if code.startswith("043") and frame.noun is None:
            hosting = self._hosting_reading(finder, frame, code)
            if hosting is None:
                return None
            code = hosting
        if frame.entry.has("reverse"):
            # "X faced criticism from Y", "X received a loan from Y": the dictionary codes the
            # other party's act on the subject (PETRARCH2's reversed code, "[:111]")
            roles = Roles(roles.target, roles.source, _root_of(ctx, roles.target))
        if action_code[:2] == "07" and frame.trigger.lemma_.lower() in FORCE_SENDING_VERBS \
                and roles.target is not None and _own_forces(roles.target, roles.source):
            # "sent an aircraft carrier and bombers to the Gulf": what the lexicon's send and
            # dispatch lines with military objects code 154 (mobilize), for any object the
            # actors stage codes as the source's own armed force (Phoenix agents), not aid
            action_code, roles.target = DEPLOY, None
            code = planned_code(DEPLOY) if status == "planned" else DEPLOY
        if code != action_code and event_type(action_code).plover in UNDIRECTED_CATEGORIES \
                and (roles.target is None or _own_forces(roles.target, roles.source)):
            # a planned deployment aimed at no one named threatens no one: PLOVER MOBILIZE
            # needs no recipient, so it stays a mobilization, planned ("plans to send troops":
            # the troops are the source's own, moved, not threatened)
            code = action_code
            roles.target = None
        if refused and frame.is_nominal and frame.governors:
            # "will not accept the Peruvian offer": the refusal is the refuser's, aimed at the
            # offer's author, not the offer's own act
            subject = finder.subject_of(frame.governors[-1])
            refuser = finder.phrase_actor(subject) if subject is not None else None
            if has_identity(refuser) and not _same_party(refuser, roles.source):
                roles = Roles(refuser, roles.source, subject)
        if conditional_threat and roles.target is None:
            # "would retaliate if Congress passed the bill": threatened is the party the
            # condition is on
            party = _condition_party(finder, frame)
            if party is not None and not _same_party(party, roles.source):
                roles.target = party
        demanded = False  # the speaker's demand, whatever codes the obliged act
        if frame.reported and frame.reporter is not None and _obligation(frame):
            # "X said that Y must reach an agreement": X demands it of Y
            speaker = finder.subject_of(frame.reporter)
            speaker_actor = finder.phrase_actor(speaker) if speaker is not None else None
            if speaker_actor is not None and not _same_party(speaker_actor, roles.source):
                roles = Roles(speaker_actor, roles.source, speaker)
                code, status = "100", "occurred"
                demanded = True
        if frame.reported and frame.reporter is not None and _breach(frame, status):
            # "X said Y had violated the accord / was not honouring the pact": X accuses Y
            # (CAMEO 112; PLOVER ACCUSE), whatever Y did or did not do
            speaker = finder.subject_of(frame.reporter)
            speaker_actor = finder.phrase_actor(speaker) if speaker is not None else None
            if has_identity(speaker_actor) and has_identity(roles.source) \
                    and not _same_party(speaker_actor, roles.source):
                roles = Roles(speaker_actor, roles.source, speaker)
                code, status = "112", "occurred"
        if frame.entry.has("exposure") and status != "negated":
            # "Peru would face sanctions unless ..., Chilean officials said": a threat by the
            # one stating it to the one exposed; no one stating it, no threat
            exposed = _exposure_roles(finder, frame)
            if exposed is None:
                return None
            roles, status = exposed, "occurred"
        if code.startswith("01") and frame.entry.has("report") and self.statement_acts:
            code, roles = self._statement_act(ctx, finder, frame, sent, code, roles)
        if code == "140" and _is_state(roles.source):
            # PLOVER manual, PROTEST: "Diplomatic protests ... are coded as ACCUSE
            # 'disapprove'"; PROTEST presumes physical activity (CAMEO 114 complain officially)
            code = "114"
        if roles.target is None and code[:2] in REACTION_ROOTS and frame.noun is None:
            # "Nato condemned the attack", "Peru rejected the accusations": the act reacted to
            # is the article's earlier one, and its author is whom the reaction is aimed at
            roles.target = self._anaphoric_author(ctx, finder, frame.trigger, roles.source)
        act = self._criticised_act(frame.trigger) if code[:2] == "11" and frame.noun is None \
            else None
        if act is not None and (roles.target is None
                                or act.left_edge.idx <= roles.target.start <= act.right_edge.idx):
            # "condemned the attack on the Chilean embassy", "the killing of two Peruvian
            # journalists": criticism of an act of force or coercion (CAMEO 17-20) is
            # aimed at its author, never at those it was done to; an author the phrase
            # does not name is the one of the article's latest such act, else no one
            agent = _agent_of_noun(finder, act)
            roles.target = agent if has_identity(agent) and not _same_party(agent, roles.source) \
                else self._latest_author(ctx, act, roles.source)
            if roles.target is None and self.lexicon.match(act).cameo[:2] != "17":  # type: ignore[union-attr]
                # with no author named the criticism is aimed at no one the text names, and
                # event data code dyads (PETRARCH's actor rule); nor at the authorities of
                # the act's place. An arrest or a ban (CAMEO 17) with no author named is
                # theirs (the domestic convention, below)
                return None
        release = _release_asked(frame) if code[:2] in ("02", "10") else None
        if release is not None and (roles.target is None or _within(roles.target, release)):
            # "demanded the release of the fishermen (held by Chile)", "demanded their release":
            # CAMEO 1053 / 0253 (release of persons or property) ask the one who holds them, never
            # the persons held: the holder is the "by" agent of their holding, else the
            # author of the article's latest seizure, arrest or abduction, else unnamed
            roles.target = _holder(finder, release, roles.source) \
                or self._latest_captor(ctx, roles.source)
        if roles.target is None and code[:2] in SHARED_TARGET_ROOTS and frame.noun is None \
                and frame.trigger.dep_ == "conj":
            # "denounced the expulsions and recalled its ambassador": as in the roles'
            # coordination rule, a second act of the same subject naming no party of its own
            # is aimed at the first's, also when that one was found by reference
            roles.target = next((e.target for e in finder.pending
                                 if e.trigger is not None and e.trigger.start == frame.trigger.head.idx
                                 and e.target is not None and _same_party(e.source, roles.source)),
                                None)
        if roles.target is None and code[:2] in REACTION_ROOTS | ANSWERING_ROOTS:
            # "Peru protested after Chilean troops crossed the border", "recalled its envoy
            # after Chile expelled two diplomats": a reaction is aimed at the author of the act
            # it follows
            roles.target = _author_of_what_came_before(finder, frame, roles.source)
        if code.startswith("062") and frame.trigger.lemma_.lower() in EXERCISE_NOUNS \
                and roles.target is None and status != "negated":
            # PLOVER manual, MOBILIZE: "Joint military operations are coded as COOPERATE but
            # single-country exercises should be coded as MOBILIZE" (CAMEO 150)
            code = "150"
        if code[:2] in ("18", "19") and frame.noun is None \
                and frame.trigger.lemma_.lower() in VERBAL_ATTACK_VERBS and _in_words(roles):
            # CAMEO.2.0 ATTACK: "* GOVERNMENT", "* COURT", "* ENVOY", "* CRITICS", "VERBALLY *"
            # [111]: a politician attacking a person or an institution attacks in words
            code = "111"
        if code.startswith("182") and ((_named_state(roles.source) and _named_state(roles.target))
                                        or (roles.source is not None and roles.source.sector == "PTY")):
            # CAMEO 182 physically assault is force against persons ("police beat
            # protesters"); one country "beating" another by name is a match won, and a
            # party "beating" a governor a vote won
            return None
        kind = event_type(code)
        if frame.entry.has("resignation") and code == frame.entry.cameo:
            # PLOVER manual, RETREAT: "RETREAT also covers resignations of government
            # officials" (mode resign), which CAMEO has no code of its own for; a promised
            # resignation (planned, coded as intent) is not one
            kind = dataclasses.replace(kind, plover="RETREAT", mode="resign")
        confidence = 0.75 if frame.entry.constraints else 0.65
        victims = None
        if kind.plover == "ASSAULT" and frame.noun is None:
            # "gunmen stormed a hotel, killing 14 people", "a bomb exploded, killing ten": the
            # attack's result clause names whom it hit (a party its object names comes first)
            victims = self._result_victims(finder, frame, roles.source)
            if victims is not None and has_identity(roles.target) \
                    and (roles.target.start, roles.target.end) != (victims.start, victims.end):
                victims = None
            if victims is not None:
                roles.target = victims
        location = self._location(ctx, frame, evidence, roles)
        if roles.source is None and kind.plover == "PROTEST":
            # "Thousands marched in Santiago", "Protests erupted in Lima": a crowd counted, not
            # named, or a protest whose clause names no one, is of civilians (CAMEO/PLOVER
            # sector CVL), placed where it protests like any countryless role (a protest noun
            # only where its clause says where)
            crowd = roles.source_token if _counted_crowd(roles.source_token) else None
            where = location is not None and location.country and _said_where(ctx, location)
            if crowd is None and where and frame.is_nominal \
                    and frame.trigger.dep_ in ("nsubj", "nsubjpass"):
                crowd = frame.trigger
            elif crowd is None and where and _agentless_passive(frame):
                # "protests were held in Lima": the protest noun is the passive's subject,
                # the same protest of no one named as "protests erupted in Lima"
                crowd = next((c for c in frame.trigger.children if c.dep_ == "nsubjpass"), None)
            if crowd is not None:
                roles.source = Actor(crowd.idx, crowd.idx + len(crowd.text), crowd.text,
                                     sector="CVL", code="CVL", kind="agent")
        if roles.source is None and self.context_actors:
            prior = self._prior_meeting(ctx, frame, evidence)
            if prior is not None:
                roles = Roles(prior.source, prior.target, None, True)
                confidence = 0.45
                date = date or prior.date
                location = location or prior.location
        if roles.source is None and roles.target is None and kind.plover == "ASSAULT" \
                and location is not None and location.country and _agentless_passive(frame):
            victims = _counted_victims(frame.trigger)
            if victims is not None:
                # "four cholera sufferers were killed in an air strike in northern Peru":
                # victims counted but of no party the text names are people of the place
                roles.target = Actor(victims.idx, victims.idx + len(victims.text), victims.text,
                                     country=location.country, sector="CVL",
                                     code=f"{location.country}CVL", kind="agent")
        if roles.source is None and ((kind.plover in AUTHORITY_CATEGORIES and code != REDUCE_RELATIONS)
                                     or code in AUTHORITY_CODES) \
                and _agentless_passive(frame):
            # "was arrested in Moscow", "were granted asylum in Chile": arrests, detentions,
            # expulsions, bans and asylum are acts of the authorities where they happen (else
            # of the detainee's own country)
            roles.source = domestic_target(roles.target, location or _coordinated_place(ctx, frame)) \
                if roles.target is not None else None
            if code in AUTHORITY_CODES and (location is None or roles.target is None
                                            or location.country == roles.target.country):
                roles.source = None  # asylum is given by another country, where it is named
            if roles.source is not None and roles.target is not None \
                    and roles.source.code == roles.target.code:
                roles.source = None
            confidence -= 0.15
        elif roles.source is None and kind.plover == "ASSAULT" and roles.target is not None \
                and (_agentless_passive(frame) or self._weapon_subject(finder, frame)):
            # "three soldiers were killed in Kandahar", "a car bomb killed ten people in
            # Kabul": the attackers are not named; CAMEO and PLOVER code them as unidentified
            # armed forces (UAF) of the place's country
            # the place may be named inside the victims' phrase ("ten people in Kabul")
            attacker = self._adjunct_attacker(finder, frame)
            if attacker is not None:
                roles.source = attacker
            else:
                where = location or next((p for p in ctx.places if roles.target.start <= p.start
                                          and p.end <= roles.target.end and p.country), None)
                roles.source = unidentified_attacker(roles.target, where)
                confidence -= 0.2
        elif roles.source is None and kind.plover == "MOBILIZE" and _agentless_passive(frame) \
                and roles.target is not None and roles.target.sector in ("MIL", "COP") \
                and (roles.target.country or (location is not None and location.country)):
            # "Chilean troops were deployed along the border": forces moved by no one named are
            # moved by their own side (PLOVER MOBILIZE: the actor is the one whose forces move);
            # "police were deployed in Lima": a force named without a country is the place's
            roles = Roles(roles.target, None, _root_of(ctx, roles.target))
        if roles.source is None:
            return None
        # a role without a country ("the rebels") is placed where the event is, or where
        # the other party is from: the convention for domestic events
        where = location.country if location is not None else _article_place(ctx, roles)
        roles.source = resident(roles.source, where, ctx.text)
        roles.target = resident(roles.target, where, ctx.text)
        if roles.source is not None:
            # a countryless actor ("police", "activists") belongs to the country where it
            # acts or that it acts on; an official's visit, meeting or demand abroad says
            # nothing of the official's own country
            official = roles.source.sector in STATE_SECTORS or roles.source.sector == "ELI" \
                or roles.source.kind == "person"  # a named person's home is not where they meet
            home = where if not official or kind.plover not in INTERNATIONAL_CATEGORIES else None
            roles.source = with_country(roles.source, home or (
                roles.target.country if roles.target is not None
                and (not official or kind.plover in DOMESTIC_CATEGORIES) else None))
            if roles.target is not None and _foreign_counterpart(kind.plover, roles.source, roles.target):
                # "met Jan Hellwig", "offered a loan with other countries": a cooperative act's
                # partner the text does not identify is not the source's compatriot for lack
                # of a country (only the country's own institutions are: parliament, courts,
                # opposition, parties); with no identified partner there is no dyad to code
                roles.target = _identified_partner(ctx.doc, finder, roles.target, roles.source)
            elif roles.target is not None and not (kind.plover == "SANCTION" and not roles.target.country):
                roles.target = with_country(roles.target, roles.source.country or where)
            if roles.target is not None and kind.plover in ("ASSAULT", "COERCE") \
                    and location is not None and location.country \
                    and roles.target.country == roles.source.country != location.country \
                    and _countryless(ctx, roles.target) and _said_where(ctx, location):
                # "US troops killed ten civilians in northern Syria": those attacked or seized
                # where the clause places the act, named without a country, are of that place
                roles.target = dataclasses.replace(
                    roles.target, country=location.country,
                    code=f"{location.country}{roles.target.sector or ''}")
        if kind.plover in COOPERATIVE_CATEGORIES and roles.target is not None \
                and _private(roles.source) and _private(roles.target) \
                and roles.target.country in (None, roles.source.country):
            # commerce and private life ("the airline offered to fly the cat home", "small
            # investors welcomed the deal") are business news, which issue 13 (point 6) asks
            # to give no events: cooperation needs a state, a body or a political actor
            return None
        if roles.target is not None and kind.plover == "SANCTION" and roles.target.country \
                and roles.target.country == roles.source.country and not code.startswith(CONVICT):
            # sanctions and reduced relations (CAMEO 16) are between parties: "authorities in
            # Lima" and "private banks" named without a country are no sanctioned party of the
            # source's own; with no other party named there is no dyad. Those expelled (CAMEO
            # 166) are foreign by definition: "expelled two diplomats" keeps them, countryless
            span = ctx.doc.char_span(roles.target.start, roles.target.end, alignment_mode="expand")
            mention = finder.actor_on(span.root) if span is not None and code.startswith("166") else None
            roles.target = mention if mention is not None and not mention.country else None
        if roles.target is not None and kind.plover in COOPERATIVE_CATEGORIES - {"AGREE"} \
                and roles.target.kind in ("country", "metonym") and roles.target.country \
                and roles.target.country == roles.source.country \
                and not (roles.source.code or "").startswith("IGO"):
            # "Chirac promised that France's decision ...", "he will discuss it in Tokyo": a
            # party does not agree, meet or cooperate with its own country; the country
            # named is the topic or the place, no counterpart
            roles.target = None
        if roles.target is not None and kind.plover == "MOBILIZE" and roles.source is not None \
                and roles.target.country and roles.target.country == roles.source.country:
            roles.target = None  # "sent its frigates to the Gulf": its own forces are the means
        if roles.target is not None and not has_identity(roles.target) \
                and kind.plover in DOMESTIC_CATEGORIES:
            roles.target = None  # a role with no country ("prevented the rally"): see domestic_target
        if frame.entry.has("presence") and not _present_abroad(roles.source, location):
            return None  # "X is in Y" is a visit only by an official, in another country
        if code[:3] in VISIT_CODES and roles.source is not None and roles.source.sector in ARMED_SECTORS:
            # CAMEO 042/043 make or host a visit are travels of officials and delegations;
            # troops arriving or stationed abroad are a deployment, not a visit
            return None
        conditional_threat = conditional_threat and has_identity(roles.source) \
            and has_identity(roles.target)  # the condition names whom the act would hit
        if frame.entry.has("cameo") and not conditional_threat and not demanded \
                and not _dictionary_roles(frame, roles, self.lexicon, victims is not None):
            return None  # judged on the actors the text names, before any default target
        if roles.target is None and frame.reported and frame.reporter is not None:
            # "Chile's president told Peru's envoy that Chile would not sign": what a speaker
            # tells another party its own side will or will not do is addressed to that party
            roles.target = _addressee(finder, frame.reporter, roles.source)
        if roles.target is None:
            confidence -= 0.1
            if (roles.source.code or "").startswith("IGO") and action_code[:3] in ("040", "044", "046"):
                # "OPEC oil ministers met (will meet) in Vienna": a body's members meeting
                # among themselves; the host city is no party
                roles.target = roles.source
            elif code[:2] in VISIT_ROOTS or code.startswith("036"):
                roles.target = self._visit_destination(ctx, roles.source, location)
            elif (kind.plover == "ASSAULT" or code.startswith(CYBER_ATTACK)) and _is_state(roles.source) and (
                    location is None or location.country in (None, roles.source.country)):
                # "the Chilean attack was a warning": a state's armed force (or its hackers,
                # CAMEO 176) attacks another party, never its own authorities; with no target
                # named and no place abroad there is no dyad (the domestic default is for
                # rebels, crowds, unidentified attackers) unless the article has already coded
                # the source's one enemy ("Peru launched new attacks" after "Chilean jets
                # bombed Peruvian towns") or the clause names one other party ("..., but Chile
                # said they were repelled")
                roles.target = self._casualties(finder, frame, roles.source) \
                    or _sole_enemy(ctx.events, roles.source) \
                    or _sole_other_party(ctx, frame, roles.source, roles.source_token)
                if roles.target is None:
                    return None
                confidence -= 0.15
            elif kind.plover == "PROTEST" and (mission := _mission_at(finder, frame)) is not None:
                # "rallied outside the Chilean embassy": a protest held at a state's mission is
                # aimed at that state (the mission is its government's, Phoenix GOV), not at
                # the authorities of the place where the mission stands
                roles.target = mission
            elif location is not None and location.country and not (
                    kind.plover in COOPERATIVE_CATEGORIES - {"AGREE"} and _is_state(roles.source)
                    and location.country == roles.source.country):
                # the place's authorities; but a state meets, backs or cooperates with no one
                # at home ("the navy cooperated in the rescue off Callao"): never its own country.
                # An agreement may have no recipient (PLOVER manual's summary table: AGREE
                # requires none; "agreed to resign"), coded with the place's as before
                roles.target = domestic_target(roles.source, location)
                confidence -= 0.1
            elif _is_company(roles.source) and kind.plover in ("COERCE", "SANCTION"):
                # "Facebook banned crypto adverts": a company's ban or boycott coerces no
                # authority; the domestic convention (aimed at the government) is for protest,
                # repression and violence, so with no target named there is no dyad
                return None
            elif kind.plover in DOMESTIC_CATEGORIES or kind.mode == "resign" \
                    or (event_type(frame.code).plover in ("COERCE", "PROTEST")
                        and kind.plover != "ACCUSE") \
                    or self._threatened_coercion(frame):  # a state's protest is a complaint
                # the actor's own authorities; a threatened or planned coercion too ("is prepared
                # to impose martial law" is a threat to the country's own people)
                roles.target = domestic_target(roles.source, location)
                confidence -= 0.1
            elif kind.plover not in INTERNATIONAL_CATEGORIES | UNDIRECTED_CATEGORIES:
                # a demand, accusation, refusal, threat or sanction aimed at no one the text
                # names, nowhere: never the source's own country by default (only protest,
                # coercion and violence are aimed at the authorities by convention), and
                # event data code dyads, so there is no event to code
                return None
        if frame.entry.has("cameo") and not conditional_threat and not demanded \
                and not _dictionary_roles(frame, roles, self.lexicon, victims is not None):
            return None
        if roles.target is None and kind.plover in COOPERATIVE_CATEGORIES and not (
                (roles.source.code or "").startswith("IGO") and _meeting(code)):
            # agreeing, meeting, backing, cooperating and giving are done with or to someone:
            # event data code them as dyads (CAMEO/TABARI source-target records). With no
            # counterpart in the syntax, the one other party the clause names is it ("U.S.-Japanese
            # talks are held each year"); with none ("the minister agreed", "talks resumed")
            # there is no event to code. An international body's meeting or summit is among its
            # own members.
            roles.target = _sole_other_party(ctx, frame, roles.source, roles.source_token)
            if roles.target is None:
                return None
        if code.startswith("042") and roles.target is not None \
                and _named_by_a_border(ctx.doc, roles.target):
            # "visited the border with Peru", "the U.S.-Mexico border": a border is both sides';
            # CAMEO 042 is travel to another country, which a border visit does not name
            return None
        coder = ctx.published("actors", ActorCoder)
        if coder is not None and date:
            try:
                roles.source = coder.code_at(roles.source, date) if roles.source else None
                roles.target = coder.code_at(roles.target, date) if roles.target else None
            except Exception as err:  # another stage's helper must not break events
                _helper_failed(ctx, "actors", err)
        trigger = frame.trigger
        return (Event(
            source=roles.source, target=roles.target, cameo=kind.code if len(code) > len(
                kind.code) else code, plover=kind.plover, mode=kind.mode,
            quad_class=kind.quad_class, goldstein=kind.goldstein, date=date, status=status,
            location=location, evidence=evidence, confidence=max(0.05, confidence),
            trigger=Span(trigger.idx, trigger.idx + len(trigger.text), trigger.text)), roles)

    def _statement_act(self, ctx: StageContext, finder: RoleFinder, frame: Frame,
                       sent: SpacySpan, code: str, roles: Roles) -> tuple[str, Roles]:
        """A statement whose content criticises or praises an actor is that act (PLOVER)."""
        # the reported clause, the object predicate ("called the move illegal"), or what the
        # object is described as ("described the sanctions as an unfriendly act")
        content = complement(frame.trigger) or next(
            (c for c in frame.trigger.children if c.dep_ == "oprd"
             or (c.dep_ == "prep" and c.lower_ == "as" and any(
                 k.key == "prep" and k.name == "as" for k in frame.entry.constraints))), None)
        if content is not None:
            obliged = _obliged_party(finder, content)
            if has_identity(obliged) and not _same_party(obliged, roles.source):
                # "said Japan must open its markets": a demand on the party obliged (CAMEO 10)
                return "100", Roles(roles.source, obliged, roles.source_token, False)
            text = content_text(content)
            # whom a statement is about, its own side included ("said Iraqi towns were shelled")
            about = finder.clause_target(content, roles.source, other_side=False)
        else:  # a quotation introduced by the speech verb: its words are the content
            quote = next((q for q in ctx.quotes if q.start <= frame.trigger.idx < q.end
                          or (q.start >= sent.start_char and q.end <= sent.end_char)), None)
            if quote is None:
                return code, roles
            text, about = quote.text, None
        if about is None and has_identity(roles.target):
            about = roles.target
        if about is None:  # "called the expulsions a provocation": the earlier act's author
            about = self._anaphoric_author(ctx, finder, frame.trigger, roles.source)
        if about is None or not has_identity(about) or _same_side(about, roles.source):
            return code, roles
        act = statement_act(text)
        if act is None:
            return code, roles
        return act, Roles(roles.source, about, roles.source_token, False)

    def _threatened_coercion(self, frame: Frame) -> bool:
        """"Police threatened to arrest anyone marching": a threat whose content is coercion
        or force (CAMEO 132, 137, 138) is, like the coercion itself, aimed by the domestic
        convention at those where it is made when it names no one."""
        if not frame.code.startswith("13") or frame.content is None \
                or frame.content.pos_ != "VERB":
            return False
        entry = self.lexicon.match(frame.content)
        return entry is not None and bool(entry.cameo) \
            and event_type(entry.cameo).plover in ("COERCE", "ASSAULT")

    def _adjunct_attacker(self, finder: RoleFinder, frame: Frame) -> Actor | None:
        """"Were killed in an attack by X", "were wounded in a <demonym> air strike": the
        attack an agentless casualty happened in names who inflicted it, the source CAMEO
        codes for violence (an unidentified attacker only when it names none)."""
        verb = frame.trigger
        # "were killed and ten others wounded in an attack by X": the parser hangs the
        # adjunct the coordinated participles share on the last one
        shared = [c for c in verb.conjuncts if c.pos_ == "VERB" and c.i > verb.i] \
            if verb.pos_ == "VERB" else []
        for prep in [*verb.children, *(p for c in shared for p in c.children)]:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for noun in prep.children:
                entry = self.lexicon.match(noun) if noun.dep_ == "pobj" else None
                if entry is None or entry.kind != "noun" or not entry.cameo \
                        or event_type(entry.cameo).plover != "ASSAULT":
                    continue
                found = finder.find(Frame(noun, entry, entry.cameo, frame.trigger, [], noun=noun))
                phrase = {t.i for t in noun.subtree}
                # a role with no country ("by Islamic extremists") is placed later, as any
                # countryless party is, where the attack happens or in its victims' country
                if found.source is not None and (has_identity(found.source) or found.source.sector) \
                        and found.source_token is not None \
                        and found.source_token.i in phrase:  # not the clause's victims
                    return found.source
        return None

    def _result_victims(self, finder: RoleFinder, frame: Frame, source: Actor | None) -> Actor | None:
        """The victims a violent act's result participle names: in "stormed a hotel, killing
        14 people" the participle (a verb of killing or wounding with no subject of its own)
        states what the act did, so its object is whom the act hit."""
        verb = frame.trigger
        if verb.pos_ != "VERB":
            return None
        for clause in verb.children:
            if clause.dep_ != "advcl" or clause.tag_ != "VBG" or has_subject(clause):
                continue
            entry = self.lexicon.match(clause)
            if entry is None or not entry.cameo or event_type(entry.cameo).plover != "ASSAULT":
                continue
            hit = next((c for c in clause.children if c.dep_ == "dobj"), None)
            actor = finder.phrase_actor(hit) if hit is not None else None
            if actor is not None and not (source is not None and source.start == actor.start):
                return actor
        return None

    def _casualties(self, finder: RoleFinder, frame: Frame, source: Actor) -> Actor | None:
        """"Ten soldiers died in an attack by X": the dead of a clause whose violent verb the
        attack is an adjunct of are its target (CAMEO.2.0 codes dying "(IN &FIGHT)" as
        violence, 190); victims the text does not place give no dyad."""
        noun, clause = frame.trigger, frame.clause
        if not frame.is_nominal or noun.dep_ != "pobj" or noun.head.head.i != clause.i:
            return None
        entry = self.lexicon.match(clause)
        if entry is None or not entry.cameo or event_type(entry.cameo).plover != "ASSAULT":
            return None
        victims = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        actor = finder.phrase_actor(victims) if victims is not None else None
        return actor if has_identity(actor) and not _same_party(actor, source) else None

    def _merge(self, event: Event, emitted: list[Event]) -> bool:
        """One event per category and source in a sentence; a later one fills gaps."""
        for other in emitted:
            if other.plover != event.plover or not _same_actor(other.source, event.source):
                continue
            if other.target is not None and event.target is not None \
                    and not _same_party(other.target, event.target):
                continue
            if other.target is None and event.target is not None:
                other.target = event.target
            if other.date is None and event.date is not None:
                other.date = event.date
            if other.location is None and event.location is not None:
                other.location = event.location
            return True
        return False

    # ------------------------------------------------------------------ context
    def _weapon_subject(self, finder: RoleFinder, frame: Frame) -> bool:
        """Whether the act's subject is a weapon or an attack, not a party ("a car bomb
        killed", "the shelling wounded"): a weapon of the CAMEO dictionary's &WEAPON set, or
        a noun the lexicon codes as violence."""
        verb = frame.trigger
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        subject = finder.subject_of(verb)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or finder.actor_on(subject):
            return False
        words = [subject, *(c for c in subject.children if c.dep_ == "compound")]
        for word in words:
            if self.lexicon.is_weapon(word):
                return True
            entry = self.lexicon.match(word)
            if entry is not None and entry.cameo and event_type(entry.cameo).plover == "ASSAULT":
                return True
        return False

    def _prior_meeting(self, ctx: StageContext, frame: Frame, evidence: Span) -> Event | None:
        """The earlier meeting a clause without actors refers to ("during the meeting")."""
        refers = False
        for tok in ctx.doc.char_span(evidence.start, evidence.end, alignment_mode="expand") or []:
            entry = self.lexicon.match(tok) if tok.pos_ == "NOUN" else None
            if entry is None or entry.cameo is None or tok == frame.trigger:
                continue
            if entry.cameo[:2] == "04" and any(c.lower_ in ANAPHORIC_DETS for c in tok.children):
                refers = True
        if not refers:
            return None
        # "the meeting" is the article's main meeting: its first consultation
        for event in ctx.events:
            if event.cameo[:2] == "04" and event.source is not None:
                return event
        return None

    def _anaphoric_author(self, ctx: StageContext, finder: RoleFinder, verb: Token,
                          source: Actor | None) -> Actor | None:
        """The author of the earlier act a verb's object refers back to: "the expulsions",
        "these accusations" (an event noun with a definite or demonstrative article and no
        party in its phrase) is the article's latest earlier event of the noun's CAMEO root,
        done by another party."""
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None or obj.pos_ != "NOUN" or not any(
                c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in obj.children):
            return None
        entry = self.lexicon.match(obj)
        if entry is None or not entry.cameo or entry.cameo[:2] in ("01", "02") \
                or finder.phrase_actor(obj) is not None:
            return None
        kind = event_type(entry.cameo).plover
        for event in reversed(ctx.events):
            # the same act under another CAMEO root of its PLOVER category: "the attack"
            # (19, fight) after "jets bombed" (18, assault), both PLOVER ASSAULT
            same_act = event.cameo[:2] == entry.cameo[:2] or (
                kind is not None and event.plover == kind and event.status != "planned")
            if same_act and has_identity(event.source) and not _same_party(event.source, source):
                return event.source
        return None

    def _criticised_act(self, verb: Token) -> Token | None:
        """The verb's object when it names an act of coercion or force (CAMEO 17-20)."""
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        entry = self.lexicon.match(obj) if obj is not None and obj.pos_ == "NOUN" else None
        return obj if entry is not None and (entry.cameo or "")[:2] in PATIENT_OF_ROOTS else None

    def _latest_author(self, ctx: StageContext, act: Token, critic: Actor | None) -> Actor | None:
        """The party of the article's latest earlier act of the noun's PLOVER category that is
        not the critic's side."""
        kind = event_type(self.lexicon.match(act).cameo).plover  # type: ignore[union-attr]
        for event in reversed(ctx.events):
            if event.plover == kind and event.status in ("occurred", "reported") \
                    and has_identity(event.source) and not _same_party(event.source, critic):
                return event.source
        return None

    @staticmethod
    def _latest_captor(ctx: StageContext, requester: Actor | None) -> Actor | None:
        """The party of the article's latest seizure, arrest or abduction (CAMEO 171, 173,
        181) that is not the requester's side."""
        for event in reversed(ctx.events):
            if event.cameo[:3] in CAPTURE_CODES and event.status in ("occurred", "reported") \
                    and has_identity(event.source) and not _same_party(event.source, requester):
                return event.source
        return None

    def _visit_destination(self, ctx: StageContext, source: Actor,
                           location: Place | None) -> Actor | None:
        """A visit with no destination named: where the visit is, or the source's last visit."""
        if location is not None and location.country and location.country != source.country:
            return Actor(location.start, location.end, location.text, name=location.name,
                         country=location.country, code=location.country, kind="country")
        for event in reversed(ctx.events):
            if (event.cameo[:2] == "04" and event.target is not None
                    and _same_party(event.source, source)):
                return event.target
        return None

    # ------------------------------------------------------------------ when and where
    def _date(self, ctx: StageContext, frame: Frame, evidence: Span) -> str | None:
        if frame.noun is not None:  # "the 1973-74 embargo": a background event of its year
            for c in frame.noun.children:
                m = YEAR_MODIFIER.match(c.text)
                if m and c.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod"):
                    return m.group(1)
        time = ctx.published("time", TimeIndex)
        if time is not None:
            try:
                value = time.date_for_token(frame.trigger.i)
                reporter = self._report_verb(frame) if value is None else None
                if reporter is not None:  # "X attacked Y, the army said on Tuesday"
                    value = time.date_for_token(reporter.i)
            except Exception as err:  # another stage's helper must not break events
                _helper_failed(ctx, "time", err)
                value = None
            # the time stage follows the dependency path: its "no date" is an answer
            # (a date elsewhere in the evidence modifies another clause or a noun)
            return value if isinstance(value, str) and DATE_VALUE.match(value) else None
        best, best_d = None, 10**9
        anchor = frame.trigger.idx
        for t in ctx.timexes:
            if t.type not in ("DATE", "TIME") or not t.value:
                continue
            value = t.value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}T", t.value) else t.value
            if not DATE_VALUE.match(value):
                continue
            if t.start < evidence.start or t.end > evidence.end:
                continue
            d = abs(t.start - anchor)
            if d < best_d:
                best, best_d = value, d
        return best

    def _hosting_reading(self, finder: RoleFinder, frame: Frame, code: str) -> str | None:
        """Hosting a visit (CAMEO 043) has a visitor: "welcomed Putin". Welcoming what no
        party is ("welcomed the outcome") is what the CAMEO dictionary files the verb under
        (WELCOME stands in its ACCLAIM block: 051 praise or endorse); None when the
        dictionary codes the verb as no event (RECEIVE in OBTAIN: "received the report")."""
        verb = frame.trigger
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None or finder.actor_on(obj) is not None:
            return code  # the object is a party (a visitor), or there is none
        reading = self.lexicon.dictionary_reading(verb)
        if reading is None or not reading.cameo:
            return None  # "received the report": no visitor, and the dictionary codes nothing
        if reading.cameo[:2] == "04":
            return code
        return reading.cameo

    def _report_verb(self, frame: Frame) -> Token | None:
        """The speech verb that reports the event: its governor ("said that X attacked Y")
        or a reporting clause hung on it ("X attacked Y, the army said"). A reported act
        with no date of its own is dated by its report: it happened by then, and the
        report's day is nearer to it than the day of publication."""
        if frame.reporter is not None:
            return frame.reporter
        tok = frame.trigger
        for _ in range(12):
            if tok.head == tok:
                break
            tok = tok.head
            entry = self.lexicon.match(tok) if tok.pos_ == "VERB" else None
            if entry is not None and entry.has("report"):
                return tok
        for child in frame.clause.children:
            if child.dep_ in ("ccomp", "parataxis") and child.i > frame.clause.i \
                    and child.pos_ == "VERB":
                entry = self.lexicon.match(child)
                if entry is not None and entry.has("report"):
                    return child
        return None

    def _location(self, ctx: StageContext, frame: Frame, evidence: Span,
                  roles: Roles) -> Place | None:
        # the source's coordinated subjects act beside it; in a joint act ("X and Y established
        # relations") the place of the other is its partner's, and stays usable
        partners = roles.source_token.conjuncts if roles.source_token is not None \
            and (frame.code[:2] not in JOINT_ROOTS or unilateral_intent(frame)) else ()

        def usable(place: Place) -> bool:
            if place.metonymic or place.start < evidence.start or place.end > evidence.end:
                return False
            if any(place.start <= c.idx < place.end for c in partners):
                return False  # "Britain, West Germany and the Netherlands maintained": a party
            root = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
            if root is not None and root.root.dep_ in ("compound", "amod", "poss") \
                    and root.root.head.lemma_.lower() in MISSION_NOUNS:
                return False  # "outside the Chilean embassy": the mission's state, not where
            for party in (roles.source, roles.target):  # a party named by a place is not
                if party is not None and place.start <= party.start and party.end <= place.end \
                        and not (party is roles.target and frame.code.startswith(("04", "036"))):
                    return False  # where it happened, but a visit's destination is
                if party is not None and party.start <= place.start and place.end <= party.end \
                        and (party.start, party.end) != (place.start, place.end):
                    return False  # "U.S. warships": the place word is part of a party's name
            return True

        places = ctx.published("places", PlaceIndex)
        if places is not None:
            try:
                place = places.location_for_token(frame.trigger.i)
            except Exception as err:  # another stage's helper must not break events
                _helper_failed(ctx, "places", err)
                place = None
            if isinstance(place, Place) and usable(place):
                return place
        best: Place | None = None
        best_rank = 10**9
        for place in ctx.places:
            if not usable(place):
                continue
            span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            if head.dep_ in ("compound", "amod", "poss", "npadvmod", "nmod"):
                continue  # "Moscow-led", "Moscow's": not where the event happened
            if in_noun_clause(head, frame.trigger):
                continue  # "the minister, who studied in Lima, said": that clause's place
            prep = head.head.lower_ if head.dep_ == "pobj" else ""
            if prep == "by" or head.head.dep_ == "agent":
                continue  # "rebels armed by Chile": a party, not where
            rank = {"in": 0, "at": 0, "near": 1, "to": 2, "outside": 1}.get(prep, 5)
            if place.feature == "country":
                rank += 3
            if rank < best_rank:
                best, best_rank = place, rank
        return best or _national_area(ctx, frame)


def _coordinated_place(ctx: StageContext, frame: Frame) -> Place | None:
    """"Were arrested and deported in Arica": coordinated passive verbs share their subject and
    the adjuncts the parser hangs on the last of them, so the place is the first verb's too."""
    places = ctx.published("places", PlaceIndex)
    if places is None:
        return None
    for conj in frame.trigger.children:
        if conj.dep_ != "conj" or conj.tag_ != "VBN" or has_subject(conj):
            continue
        try:
            place = places.location_for_token(conj.i)
        except Exception as err:  # another stage's helper must not break events
            _helper_failed(ctx, "places", err)
            return None
        if isinstance(place, Place) and place.country and not place.metonymic:
            return place
    return None


def _mission_at(finder: RoleFinder, frame: Frame) -> Actor | None:
    """The state whose embassy or consulate the act is held at ("outside the Chilean
    embassy", "in front of the Peruvian consulate"), if the text names it."""
    for prep in frame.trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in PROTEST_SITE_PREPS:
            continue
        for site in prep.children:
            if site.dep_ != "pobj":
                continue
            if site.lower_ == "front":  # "in front of the embassy"
                site = next((g for p in site.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj"), site)
            if site.lemma_.lower() in MISSION_NOUNS:
                mission = finder.phrase_actor(site)
                if mission is not None and mission.country:
                    return mission
    return None


def _national_area(ctx: StageContext, frame: Frame) -> Place | None:
    """"off the Iranian coast", "in Iraqi waters", "inside Afghan territory": an area named by
    a country's adjective where the clause's act happened is in that country (no gazetteer
    entry: a place of the country, not a point). Not a border, which two countries share."""
    for prep in frame.trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in AREA_PREPS:
            continue
        for area in prep.children:
            if area.dep_ != "pobj" or area.lemma_.lower() not in GEOGRAPHIC_NOUNS \
                    or area.lemma_.lower() in SHARED_EDGES:
                continue
            for mod in area.children:
                if mod.dep_ not in ("amod", "compound"):
                    continue
                actor = next((a for a in ctx.actors if a.start <= mod.idx < a.end
                              and a.kind in ("country", "metonym") and a.country), None)
                if actor is not None:
                    start = area.left_edge.idx
                    return Place(start, area.idx + len(area.text),
                                 ctx.text[start:area.idx + len(area.text)],
                                 country=actor.country, feature="region")
    return None


def _said_where(ctx: StageContext, place: Place) -> bool:
    """Whether the place is the object of a locative preposition ("in northern Syria",
    "near Donetsk"): the clause says where the act happened, not whose it was."""
    span = ctx.doc.char_span(place.start, place.end, alignment_mode="expand")
    head = span.root.head if span is not None else None
    return head is not None and head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPS


def _countryless(ctx: StageContext, actor: Actor) -> bool:
    """Whether the text names the actor with no country ("civilians", "the rebels"): its
    country was given by a convention, not said."""
    mention = next((a for a in ctx.actors if a.start == actor.start and a.end == actor.end), None)
    if mention is None or not mention.sector or mention.kind != "agent" \
            or (mention.code or "")[:3] in ("IGO", "NGO", "IMG", "MNC"):
        return False  # a body, a firm or a named party is no one's by place
    # a common noun phrase ("civilians", "ten people") names no country: the actors stage
    # gives it the article's, which the clause's own place outweighs
    return not mention.country or mention.text.islower()


def _root_of(ctx: StageContext, actor: Actor | None) -> Token | None:
    """The head word of an actor's mention."""
    if actor is None:
        return None
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None else None


def _addressee(finder: RoleFinder, reporter: Token, source: Actor | None) -> Actor | None:
    """The party a speech verb's object names ("told Peru's envoy that ..."), when the speaker
    is of the reported act's own side; not the press ("told reporters")."""
    speaker = finder.subject_of(reporter)
    speaker_actor = finder.phrase_actor(speaker) if speaker is not None else None
    if source is None or not _same_party(speaker_actor, source):
        return None
    for child in reporter.children:
        if child.dep_ in ("dobj", "dative", "obj"):
            actor = finder.phrase_actor(child)
            if has_identity(actor) and actor is not None and actor.sector != "MED" \
                    and not _same_party(actor, source):
                return actor
    return None


def _dictionary_roles(frame: Frame, roles: Roles, lexicon: Lexicon, killed: bool = False) -> bool:
    """Whether an event coded by the CAMEO verb dictionary has the actors PETRARCH requires.

    PETRARCH codes a verb phrase only between coded actors: a source that says who acts and,
    for a verb coded by its default alone (no pattern matched), a target of another party
    that is the verb's own object ("source verb target"), not an actor of a clause below it.
    ``killed``: the target is whom the act's result participle kills or wounds ("stormed a
    hotel, killing 14 people"), which names the violence as a killing verb does.
    """
    if not has_identity(roles.source):
        return False
    if not frame.entry.has("default"):
        return True
    if killed:
        return has_identity(roles.target)
    target, source = roles.target, roles.source
    if frame.code.startswith("04") and source is not None and source.sector == "MIL":
        # a movement verb's default is a visit (CAMEO 04, block GO_SOMEWHERE: go, leave,
        # travel); troops going or leaving are moving forces, not visitors ("troops leave Syria")
        return False
    if target is None or source is None or not has_identity(target) or (
            target.country and target.country == source.country
            and frame.entry.block not in KILLING_BLOCKS and not _civil_war_pair(frame, source, target)):
        # a bare verb default between parts of one country is too weak a sign, unless the
        # verb is one of killing ("beheaded", "slew"), whatever the parties, or one of force
        # between a state's forces and rebels ("troops pounded rebel positions")
        return False
    verb = frame.trigger
    for child in verb.children:
        if child.dep_ in VERB_OBJECT_DEPS:
            span = child.doc[child.left_edge.i: child.right_edge.i + 1]
            if span.start_char <= target.start and target.end <= span.end_char:
                return _heads_object(target, child, lexicon,
                                     force=frame.code[:2] in PATIENT_OF_ROOTS)
    return False


def _civil_war_pair(frame: Frame, source: Actor, target: Actor) -> bool:
    """A verb of force (CAMEO 18-20) between a state's armed forces or government and rebels
    of its country: the civil war dyad of domestic event data (CAMEO actor codes GOV/MIL vs REB)."""
    state, rebels = {"GOV", "MIL", "COP"}, {"REB", "INS"}
    return frame.code[:2] in ("18", "19", "20") and (
        (source.sector in state and target.sector in rebels)
        or (source.sector in rebels and target.sector in state))


# How a party may hang on a verb's object and still be that object: itself, a coordinate or
# an apposition of it, or words naming whose it is ("Chile's envoy", "the envoy of Chile").
_OBJECT_PARTY_DEPS = frozenset({"conj", "appos", "poss", "compound", "amod", "nmod", "pobj"})


def _heads_object(target: Actor, child: Token, lexicon: Lexicon, force: bool) -> bool:
    """Whether the party is the verb's object itself, not a noun inside one of the object's
    own phrases ("faced higher prices for Chinese goods": prices, not China, are faced).
    PETRARCH2 codes a verb's default between the subject and the object's actor; an
    object that is an act names its parties in its own phrase ("pushed for talks with
    Chile", "pressed for sanctions against Chile"). ``force``:
    coercion or violence against a thing in a place ("stormed a synagogue in Jerusalem") is
    aimed at that place's country (issue 13, point 5), so a place phrase of the object
    counts."""
    tspan = child.doc.char_span(target.start, target.end, alignment_mode="expand")
    if tspan is None:
        return True
    tok = tspan.root
    while tok.i != child.i:
        if tok.head == tok:
            return False
        if tok.dep_ == "prep":
            act = lexicon.match(tok.head) if tok.head.pos_ == "NOUN" else None
            if not (tok.lower_ == "of" or (force and tok.lower_ in LOCATIVE_PREPS)
                    or (act is not None and act.cameo and not act.cameo.startswith("01"))):
                return False
        elif tok.dep_ not in _OBJECT_PARTY_DEPS:
            return False
        tok = tok.head
    return True


def _article_place(ctx: StageContext, roles: Roles) -> str | None:
    """The country where the article's events happen, when most of them happen in one
    ("marched in Santiago ... police fired tear gas"): where a party the text names
    without a country acts when its own sentence names no place. Only places the places stage
    reads as where a predicate happened count ("armed by Chile" names a party, not a place),
    and not the event's own parties ("demanded that Japan open its markets")."""
    key = "geoevents.events.article_places"
    located = ctx.doc.user_data.get(key)
    if located is None:
        index = ctx.published("places", PlaceIndex)
        found: dict[int, Place] = {}
        if index is not None:
            for tok in ctx.doc:
                if tok.pos_ not in ("VERB", "AUX", "NOUN"):
                    continue
                try:
                    place = index.location_for_token(tok.i)
                except Exception as err:  # another stage's helper must not break events
                    _helper_failed(ctx, "places", err)
                    break
                if place is not None and place.country:
                    found[place.start] = place
        located = ctx.doc.user_data[key] = list(found.values())
    parties = [a for a in (roles.source, roles.target) if a is not None]
    counts: dict[str, int] = {}
    for place in located:
        if not any(a.start <= place.start < a.end for a in parties):
            counts[place.country] = counts.get(place.country, 0) + 1
    if not counts:
        return None
    top, n = max(counts.items(), key=lambda kv: kv[1])
    return top if 2 * n > sum(counts.values()) else None


def _coordinated(finder: RoleFinder, event: Event, roles: Roles) -> list[Event]:
    """"The US, Britain and France imposed sanctions on Iran": one event per coordinated
    source (PLOVER and CAMEO code each actor's act), unless the coordination is the
    event's own pair ("X and Y agreed": a joint event with Y as target). Coordinated
    targets stay one event, aimed at the first ("sanctions on Iran and Syria"): PLOVER's
    gold codes one act on several recipients as one event whose target list names them
    (alternatives, per the scoring contract), and an event's target here is one actor
    (split per target: S3 9 FP, S1 4 FP, W 5 FP more; docs/events.md, session 13)."""
    token = roles.source_token
    if token is None or roles.joint or event.target is None:
        return []
    out: list[Event] = []
    # "American and British forces withdrew": coordinated modifiers name one party each
    mods = coordinated_modifiers(token)
    for conj in [*token.conjuncts, *mods]:
        actor = finder.actor_on(conj) if conj in mods else finder.phrase_actor(conj)
        if not has_identity(actor) or actor is None or _same_party(actor, event.source) \
                or _same_party(actor, event.target):
            continue
        out.append(dataclasses.replace(event, source=actor))
    return out


_INCLUDING = {"including", "like"}


def _re_mention(finder: RoleFinder, frame: Frame, event: Event, earlier: list[Event]) -> bool:
    """Whether a nominal event refers back to one the article has reported: "the talks", "the
    meeting" with a definite article and no party in its phrase is a definite description of
    an event already known (it presupposes it), not a new one; its phrase, when it names a
    party ("the visit of X to Y"), establishes a new referent and is coded."""
    noun = frame.noun
    if noun is None or event.plover is None or not any(
            c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in noun.children):
        return False
    if finder.phrase_actor(noun) is not None:
        return False
    return any(e.plover == event.plover for e in earlier)


def _named_members(finder: RoleFinder, event: Event, doc: Doc) -> list[Event]:
    """"Asked four countries, including the United States and the Soviet Union": a target
    group whose members are named is aimed at them, coded as one event at the first named
    (none for the group), as coordinated targets are (see ``_coordinated``)."""
    target = event.target
    if target is None:
        return []
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None:
        return []
    for prep in span.root.children:
        if not (prep.dep_ == "prep" and prep.lower_ in _INCLUDING):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for tok in (obj, *obj.conjuncts):
                actor = finder.phrase_actor(tok, exclude=event.source)
                if has_identity(actor) and actor is not None \
                        and not _same_party(actor, event.source):
                    return [dataclasses.replace(event, target=actor)]
    return []


def _country_named_before(events: list[Event], party: Actor) -> str | None:
    """The country of the article's earlier party with the same head noun as a countryless
    definite one: "urged the protesters to ..." after "police fired at protesters in La Paz"
    means those protesters (definite descriptions refer back by their head word, as role
    nouns do in the actors stage), not the speaker's compatriots."""
    if not party.sector or not party.text.split():
        return None
    head = party.text.split()[-1].lower()
    for event in reversed(events):
        for earlier in (event.target, event.source):
            if earlier is not None and earlier.country and earlier.sector == party.sector \
                    and earlier.start < party.start \
                    and head in (w.lower() for w in earlier.text.split()):
                return earlier.country
    return None


def _sole_other_party(ctx: StageContext, frame: Frame, source: Actor | None,
                      source_token: Token | None = None) -> Actor | None:
    """The one other party the clause names: with no target in its syntax, a state's or an
    international body's act in a clause that names exactly one other country or body, and
    no actor the coder cannot place, is between the two. The parties coordinated with the
    source in its subject act beside it in acts not done together ("X and Y offered to
    mediate"), and are its counterpart, named or not, in those that are ("X and Y agreed")."""
    if not _is_state(source):
        return None  # a government's or a body's act: a company's deals name no counterpart
    assert source is not None
    clause = frame.clause
    start = clause.left_edge.idx
    end = clause.right_edge.idx + len(clause.right_edge.text)
    beside = {c.idx for c in source_token.conjuncts} if source_token is not None and (
        frame.code[:2] not in JOINT_ROOTS or unilateral_intent(frame)) else set()
    others: dict[str, Actor] = {}
    anonymous = False
    for actor in ctx.actors:
        if not start <= actor.start < end or _same_party(actor, source) \
                or any(actor.start <= i < actor.end for i in beside):
            continue
        if has_identity(actor):
            others.setdefault(actor.country or actor.code or "", actor)
        elif actor.kind == "person" or actor.sector:
            anonymous = True  # an actor the text names but the coder cannot place
    return next(iter(others.values())) if len(others) == 1 and not anonymous else None


def _author_of_what_came_before(finder: RoleFinder, frame: Frame, source: Actor | None) -> Actor | None:
    """The party that did what a reaction follows: the subject of an "after" clause of the
    reaction's own clause ("protested after Chilean troops crossed the border"), when it says
    who it is and is another party than the one reacting."""
    for tok in (frame.trigger, frame.clause):
        for c in tok.children:
            if c.dep_ == "prep":
                # "after / following Chile's expulsion of ...", "in response (retaliation,
                # protest) to Chile's decision": the party of the act named
                for noun in _acts_answered(c):
                    actor = _agent_of_noun(finder, noun)
                    if has_identity(actor) and not _same_party(actor, source):
                        return actor
                continue
            if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ == "after"
                                            for m in c.children):
                continue
            subject = finder.subject_of(c)
            actor = finder.phrase_actor(subject) if subject is not None else None
            if has_identity(actor) and not _same_party(actor, source):
                return actor
    return None


def _acts_answered(prep: Token) -> list[Token]:
    """The nouns of what an adjunct says an act answers: "after / following X", "in
    response (reply, retaliation, protest, reaction) to / for / at / against / over X"."""
    objects = [g for g in prep.children if g.dep_ in ("pobj", "dobj")]  # "following" is a VBG
    if prep.lower_ in ("after", "following"):
        return objects
    if prep.lower_ != "in":
        return []
    return [g for o in objects if o.lemma_.lower() in ANSWER_NOUNS
            for p in o.children if p.dep_ == "prep" and p.lower_ in ("to", "for", "at", "against", "over")
            for g in p.children if g.dep_ == "pobj"]


def _agent_of_noun(finder: RoleFinder, noun: Token) -> Actor | None:
    """Who did what an event noun names ("Chile's decision", "the Chilean decision", "the
    expulsion by Chile")."""
    word = named_agent(noun, agentive=True)
    return finder.phrase_actor(word) if word is not None else None


def _sole_enemy(earlier: list[Event], source: Actor) -> Actor | None:
    """The one country the article's earlier violent events set the source's country
    against, or None when there are none or several (PLOVER codes an attack's target; issue 13,
    point 5: who, across sentences)."""
    if not source.country:
        return None
    enemies: dict[str, Actor] = {}
    for e in earlier:
        if e.plover != "ASSAULT" or e.source is None or e.target is None:
            continue
        if e.source.country == source.country and e.target.country \
                and e.target.country != source.country:
            enemies.setdefault(e.target.country, e.target)
        elif e.target.country == source.country and e.source.country \
                and e.source.country != source.country:
            enemies.setdefault(e.source.country, e.source)
    return next(iter(enemies.values())) if len(enemies) == 1 else None


# Numerals that stand for a crowd of people when they head a noun phrase ("thousands
# marched", "tens of thousands took to the streets")
CROWD_NUMERALS = frozenset({"thousand", "hundred", "dozen", "ten", "million"})


def _counted_victims(verb: Token) -> Token | None:
    """The passive subject of a violent verb when it counts people ("four sufferers",
    "dozens of people", "at least ten")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "NUM"):
        return None
    counted = subj.pos_ == "NUM" or subj.lemma_.lower() in CROWD_NUMERALS or any(
        c.dep_ == "nummod" or (c.dep_ == "amod" and c.like_num) for c in subj.children)
    return subj if counted else None


def _counted_crowd(tok: Token | None) -> bool:
    return tok is not None and tok.tag_ == "NNS" and tok.lemma_.lower() in CROWD_NUMERALS \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _is_state(actor: Actor | None) -> bool:
    """A government acting: a country, a capital for its government, a state body or office
    holder, or an international organisation."""
    if actor is None:
        return False
    return actor.kind in ("country", "metonym") or actor.sector in STATE_SECTORS \
        or (actor.code or "").startswith("IGO")


DOMESTIC_INSTITUTIONS = frozenset({"LEG", "JUD", "OPP", "PTY"})
# CAMEO sectors of private life: businesses, the public, the media, schools, hospitals,
# farmers, churches (the codebook's actor roles that are not the state's nor organised politics)
PRIVATE_SECTORS = frozenset({"BUS", "MNC", "CVL", "MED", "EDU", "HLH", "AGR", "REL"})


def _private(actor: Actor | None) -> bool:
    """An actor of private life (a firm, the public, the media), not of politics."""
    return actor is not None and actor.sector in PRIVATE_SECTORS \
        and not (actor.code or "").startswith(("IGO", "NGO"))


def _foreign_counterpart(plover: str | None, source: Actor, target: Actor) -> bool:
    """A countryless partner of a cooperative act that need not be the source's compatriot."""
    return (plover in COOPERATIVE_CATEGORIES and not target.country and bool(source.country)
            and (target.code or "")[:3] not in ("IGO", "NGO", "MNC")
            and target.sector not in DOMESTIC_INSTITUTIONS)


def _is_headline(sent: SpacySpan) -> bool:
    """A first line that is a paragraph of its own, short and without a sentence's final
    punctuation: the headline of an item (RSS and web items often lead with it)."""
    text = sent.text.strip()
    end = sent.start_char + len(sent.text.rstrip())
    nxt = sent.doc.text[end:end + 2]
    return bool(text) and text[-1] not in ".!?\"'”’" and "\n" in nxt and len(sent) <= 25


def _drop_restated_headline(events: list[Event], first: int, headline_end: int) -> None:
    """Drop the headline's events that the body states again: a headline announces the
    lead, which the body reports with its date and evidence ("X expels Y's diplomats" over
    "X expelled two of Y's diplomats on Monday"); one act is one event."""
    mine = events[first:]
    head = [e for e in mine if e.evidence is not None and e.evidence.end <= headline_end]
    body = [e for e in mine if e.evidence is None or e.evidence.end > headline_end]
    restated = {id(e) for e in head if any(_same_act(e, b) for b in body)}
    events[first:] = [e for e in mine if id(e) not in restated]


def _same_act(a: Event, b: Event) -> bool:
    """The same category between the same countries (or bodies)."""
    def country(x: Actor | None) -> str | None:
        return (x.country or x.code) if x is not None else None
    return a.plover == b.plover and country(a.source) == country(b.source) \
        and country(a.target) == country(b.target)


def _named_state(actor: Actor | None) -> bool:
    """A country (or its capital) named as such, not a person or a force of it."""
    return actor is not None and actor.kind in ("country", "metonym")


# Nouns of letting persons or property go (CAMEO 084 return, release)
RELEASE_NOUNS = frozenset({"release", "return", "freedom", "freeing", "handover"})
# CAMEO 171 seize, 173 arrest or detain, 181 abduct or take hostage: who holds someone
CAPTURE_CODES = frozenset({"171", "173", "181"})
# Participles of holding whose "by" agent is the holder ("the fishermen held by Peru")
HOLDING_VERBS = frozenset({"hold", "detain", "arrest", "capture", "seize", "kidnap", "abduct",
                           "imprison", "jail"})


def _release_asked(frame: Frame) -> Token | None:
    """The persons or property whose release a demand or appeal asks for: "the release of X"
    (X), "their release" (the possessor); None when the act asks for no release."""
    obj = next((c for c in frame.trigger.children if c.dep_ in ("dobj", "obj")), None) \
        if frame.noun is None else None
    if obj is None:
        obj = next((g for c in frame.trigger.children if c.dep_ == "prep" and c.lower_ == "for"
                    for g in c.children if g.dep_ == "pobj"), None)  # "called for the release of"
    if obj is None or obj.lemma_.lower() not in RELEASE_NOUNS:
        return None
    held = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)
    return held or next((c for c in obj.children if c.dep_ == "poss"), None)


def _within(actor: Actor, token: Token) -> bool:
    """Whether the actor's mention lies in the token's phrase."""
    return token.left_edge.idx <= actor.start \
        and actor.end <= token.right_edge.idx + len(token.right_edge.text)


def _holder(finder: RoleFinder, held: Token, requester: Actor | None) -> Actor | None:
    """The "by" agent of the participle of holding on the held ("the fishermen held by Peru")."""
    for verb in held.children:
        if verb.dep_ == "acl" and verb.lemma_.lower() in HOLDING_VERBS:
            agent = finder.agent_of(verb)
            actor = finder.phrase_actor(agent) if agent is not None else None
            if has_identity(actor) and not _same_party(actor, requester):
                return actor
    return None


def _meeting(code: str) -> bool:
    """CAMEO 04 consult (meet, visit, negotiate) or 036 express intent to meet."""
    return code[:2] == "04" or code.startswith("036")


def _own_forces(actor: Actor, of: Actor | None) -> bool:
    """Whether ``actor`` is an armed force of the country ``of`` is (or belongs to)."""
    return of is not None and actor.country is not None and actor.country == of.country \
        and actor.sector in ARMED_SECTORS


def _present_abroad(source: Actor, location: Place | None) -> bool:
    """An official, an envoy or an international body's staff in a country not its own."""
    if location is None or not location.country or location.country == source.country:
        return False
    official = source.sector in STATE_SECTORS or source.sector in ("ELI", "IGO") \
        or (source.code or "").startswith("IGO") or source.kind == "person"
    return official and has_identity(source)


def _is_company(actor: Actor) -> bool:
    return actor.sector == "BUS" or (actor.code or "").startswith("MNC")


def _identified_partner(doc: Doc, finder: RoleFinder, target: Actor, source: Actor) -> Actor | None:
    """A coordinated partner that says who it is ("talks with creditor banks and the IMF":
    the IMF), else none."""
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    for conj in span.root.conjuncts if span is not None else ():
        actor = finder.phrase_actor(conj, exclude=source)
        if actor is not None and has_identity(actor) and not _same_party(actor, source):
            return actor
    return None


# How a party's name hangs inside the phrase of the place it qualifies ("the border with Peru",
# "the U.S.-Mexico border", "troops on the Peruvian border")
_PLACE_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "pobj", "prep", "appos"})


def _named_by_a_border(doc: Doc, actor: Actor) -> bool:
    """Whether the party is named only as a side of a border in its phrase."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in _PLACE_PHRASE_DEPS and tok.head is not tok:
        tok = tok.head
        if tok.lemma_.lower() in SHARED_EDGES:
            return True
    return False


def _agentless_passive(frame: Frame) -> bool:
    """"Was arrested", "were deported": a passive verb with no "by" agent.

    A present-tense passive with no other auxiliary ("imports are banned under the act")
    states a standing rule, not an occurrence, and is not one."""
    verb = frame.trigger
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    passive = any(c.dep_ in ("nsubjpass", "nsubj:pass", "auxpass") for c in verb.children)
    agent = any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    stative = bool(auxes) and all(a.lower_ in ("is", "are", "'s", "'re") for a in auxes)
    return passive and not agent and not stative


def _condition_party(finder: RoleFinder, frame: Frame) -> Actor | None:
    """The subject of the "if"/"unless" clause that a consequence depends on, as an actor."""
    for tok in (frame.trigger, frame.clause, *frame.governors):
        for c in tok.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children):
                subject = finder.subject_of(c) or finder.agent_of(c)
                actor = finder.phrase_actor(subject) if subject is not None else None
                if has_identity(actor):
                    return actor
    return None


def _inside_quote(ctx: StageContext, char: int) -> bool:
    quotes = ctx.published("quotes", QuoteSpans)
    return quotes is not None and quotes.covers(char)


def _obliged_party(finder: RoleFinder, clause: Token) -> Actor | None:
    """The subject of a reported clause of obligation ("Japan must/should/has to open ...")."""
    obliged = any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children)
    if not obliged and clause.lemma_ in ("have", "need"):
        xcomp = next((c for c in clause.children if c.dep_ == "xcomp"), None)
        obliged = xcomp is not None and any(c.dep_ == "aux" and c.lower_ == "to"
                                            for c in xcomp.children)
    if not obliged:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return finder.phrase_actor(subject) if subject is not None else None


def _exposure_roles(finder: RoleFinder, frame: Frame) -> Roles | None:
    """Threatener and threatened of "X (would) face Y": X is the verb's subject, or the
    object of the verb whose complement it is ("told Japan to settle or face ..."); the
    threatener is who reports it, else the subject of that controlling verb."""
    verb = frame.trigger
    exposed = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    controller, tok = None, verb
    while exposed is None and tok.dep_ in ("conj", "xcomp") and tok.head != tok:
        if tok.dep_ == "xcomp":
            controller = tok.head
            exposed = next((c for c in controller.children if c.dep_ in ("dobj", "obj")), None)
            break
        tok = tok.head
    speaker_verb = frame.reporter or controller
    speaker = finder.subject_of(speaker_verb) if speaker_verb is not None else None
    if exposed is None or speaker is None:
        return None
    source, target = finder.phrase_actor(speaker), finder.phrase_actor(exposed)
    if source is None or target is None or _same_party(source, target):
        return None
    return Roles(source, target, speaker)


# Keeping an agreement, and breaking one: a party said not to keep or to break an accord is
# accused of it (CAMEO 112 accuse; PLOVER ACCUSE)
COMPLIANCE = {"honor", "honour", "comply", "respect", "abide", "keep", "observe", "fulfil", "fulfill",
              "implement", "live", "adhere"}
BREACH = {"violate", "breach", "break", "flout", "renege", "contravene"}
AGREEMENT_NOUNS = {"agreement", "accord", "pact", "treaty", "ceasefire", "truce", "deal", "commitment",
                   "promise", "pledge", "rule", "resolution", "understanding", "arrangement"}
# What a party can be said to have broken besides its agreements: CAMEO.2.0's VIOLATE block
# codes "* CONVENTION", "* ARMS EMBARGO" as CAMEO 128 (defy norms, law)
NORM_NOUNS = {"law", "convention", "embargo", "sanction", "norm", "charter", "constitution"}


def _breach(frame: Frame, status: str) -> bool:
    lemma = frame.trigger.lemma_.lower()
    if lemma in COMPLIANCE or (frame.noun is not None and frame.clause.lemma_.lower() in COMPLIANCE
                               and lemma in AGREEMENT_NOUNS):  # "was not honouring the pact"
        return status == "negated" or frame.failed
    if lemma in BREACH and status != "negated":
        objects = [c for c in frame.trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [g for c in frame.trigger.children if c.dep_ == "prep" for g in c.children
                    if g.dep_ == "pobj"]
        # "the terms of the accord", "a series of treaties": what the part belongs to
        objects += [g for o in list(objects) for c in o.children if c.dep_ == "prep"
                    and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return any(o.lemma_.lower() in AGREEMENT_NOUNS | NORM_NOUNS for o in objects)
    return False


def _evaluative_clause(head: Token) -> bool:
    """A clause that judges its subject: a copula with an adjective or a noun as its
    predicate ("were illegal", "was a violation of the accord")."""
    if head.lemma_.lower() != "be":
        return False
    return any(c.dep_ in ("acomp", "attr") for c in head.children)


def _obligation(frame: Frame) -> bool:
    # "must stop supporting terrorism": the obligation may sit on the verb of ending above
    ending = [frame.trigger.head] if is_ceased(frame) else []
    for tok in (frame.trigger, frame.clause, *ending):
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children):
            return True
    return False


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.start == b.start and a.end == b.end:
        return True
    return bool(a.code) and a.code == b.code


def _same_party(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    return (a.code and a.code == b.code) or (a.name is not None and a.name == b.name) or (
        bool(a.country) and a.country == b.country)


def _same_side(a: Actor, b: Actor | None) -> bool:
    """Whether a statement about ``a`` by ``b`` is about the speaker's own side: the same actor
    or country, unless both are distinct bodies or persons within it (an opposition party on
    the government, a senator on the president: PLOVER codes domestic criticism too)."""
    if b is None or not _same_party(a, b):
        return False
    distinct = a.name != b.name and a.code != b.code and bool(a.sector) and bool(b.sector) \
        and a.sector != b.sector
    return not distinct


_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})")


def _in_words(roles: Roles) -> bool:
    """Whether an attack is verbal: a politician's (a named person or a civil office, not an
    armed force) on a person or an institution (not a country, a place or an armed force)."""
    source, target = roles.source, roles.target
    if source is None or target is None or source.sector in ARMED_SECTORS \
            or target.sector in FIGHTING_SECTORS or target.kind in ("country", "metonym"):
        return False
    politician = source.kind == "person" or source.sector in POLITICAL_SECTORS
    return politician and (target.kind in ("person", "organisation", "pronoun")
                           or target.sector in POLITICAL_SECTORS)


def _date_by_publication(ctx: StageContext, events: list[Event]) -> None:
    """An event the text gives no date takes its report's publication day, as event data date
    events by their story (GDELT's SQLDATE, ICEWS, PETRARCH's story date); ``date_basis``
    says which it is, so views and filters can still tell the text's own dates apart."""
    day = ctx.reference_date
    for event in events:
        if event.date is not None:
            event.date_basis = "text"
        elif day is not None:
            event.date, event.date_basis = day.isoformat(), "published"


def _future_date(ctx: StageContext, sent: SpacySpan, anchor: int) -> str | None:
    """The date of a planned act its own clause does not date: the date after publication
    that its sentence names nearest to it ("will urge X to ... at Wednesday's meetings"); its
    report's day is no date for what is yet to come."""
    best, best_d = None, 10**9
    for t in ctx.timexes:
        if t.type != "DATE" or not t.value or not DATE_VALUE.match(t.value) \
                or t.start < sent.start_char or t.end > sent.end_char \
                or not _after_publication(ctx, t.value):
            continue
        if abs(t.start - anchor) < best_d:
            best, best_d = t.value, abs(t.start - anchor)
    return best


def _after_publication(ctx: StageContext, value: str, evidence: Span | None = None) -> bool:
    """Whether the event's date lies wholly after publication: a later day, a later month
    or year, or a week of the evidence ("next week") that starts after it (event dates
    keep a week as its month)."""
    ref = ctx.reference_date
    if ref is None:
        return False
    if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return value > ref.isoformat()
    if re.match(r"^\d{4}(?:-\d{2})?$", value) and value > ref.isoformat()[:len(value)]:
        return True
    for t in ctx.timexes if evidence is not None else ():
        m = _WEEK_VALUE.match(t.value or "")
        if m and evidence.start <= t.start and t.end <= evidence.end:
            try:
                monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            except ValueError:
                continue
            months = monday.isoformat()[:7], (monday + dt.timedelta(6)).isoformat()[:7]
            if monday > ref and months[0] <= value[:7] <= months[1]:
                return True
    return False


def make_events_stage(lexicon: str | None = None, statements: bool = True,
                      context_actors: bool = True, dictionary: str | None = "",
                      statement_acts: bool = True, relevance: bool = True) -> EventsStage:
    """The events stage.

    ``lexicon`` names a user lexicon file that replaces the shipped one; ``dictionary`` a
    CAMEO verb dictionary in PETRARCH2's format ("" the shipped CAMEO.2.0, None none);
    ``statement_acts`` codes statements that criticise or praise an actor as that act;
    ``relevance`` skips articles the shipped relevance model finds no politics in.
    """
    return EventsStage(load_lexicon(lexicon, dictionary), statements=statements,
                       context_actors=context_actors, statement_acts=statement_acts,
                       relevance=load_relevance_model() if relevance else None)
