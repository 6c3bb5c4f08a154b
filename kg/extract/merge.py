"""One event from its mentions: merging what a document says about the same visit, meeting, call or deal.

:mod:`kg.extract.events` reads a :class:`Mention` at each trigger ("the
meeting", "Modi's meeting with Putin", "the Modi–Putin meeting");
:func:`merge_mentions` joins the mentions of one event (compatible type,
people, place and date) into one :class:`kg.model.Event` with all their
evidence sentences, and fills what one mention lacks from the trip or
occasion it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..gazetteer import load_gazetteer
from ..keys import LEADER_OF
from ..model import Event
from .dates import DateRange
from .entities import LocalEntity, text_span


@dataclass
class Mention:
    type: str
    trigger: int
    sentence: Span
    agent: str | None = None
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    date: DateRange | None = None
    status: str | None = None
    name: str | None = None
    host: str | None = None  # country whose unnamed leader also takes part
    definite: bool = False  # "the meeting", "this visit": refers back to one already told
    attends: bool = False  # "X also attended the meeting": X joins the gathering told before
    next_in_series: bool = False  # "the next summit", "meet again": the next meeting of those told before


def _is_org(key: str, entities: dict[str, LocalEntity]) -> bool:
    return key in entities and entities[key].entity.type == "Organization"


def _is_person(key: str, entities: dict[str, LocalEntity]) -> bool:
    return key in entities and entities[key].entity.type == "Person"


def fold_nested(mentions: list[Mention], doc: Doc, entities: dict[str, LocalEntity]) -> list[Mention]:
    """A meeting inside a visit's phrase ("visit Delhi for a summit with X") is part of the visit.

    Its people join the visit; when the trip is made for it ("for talks with X", "to meet X"), it is
    also kept as the visitor's meeting with them there.
    """
    out: list[Mention] = []
    for m in mentions:
        # "travel to Dakar, before ending the tour in Lisbon with an audience with X": the audience is
        # on the leg whose phrase it shares, not on the trip the whole sentence hangs on
        leg = m.type == "Meeting" and any(_same_leg(v, m, doc) for v in out)
        # the nearest trip ("travel to A for talks and fly on to B to meet X"); of the legs one trigger makes,
        # the first ("travel to A for talks with X, and to B")
        visit = None if leg else max(
            (
                v for v in out
                if m.type == "Meeting" and doc[v.trigger].is_ancestor(doc[m.trigger]) and (
                    v.type == "Visit" and m.place in {None, v.place}
                    # "host X at the palace for talks": the talks are that meeting
                    or v.type == "Meeting" and set(m.participants) <= set(v.participants)
                    # "leaders met in X for a summit of the Union": the summit is their meeting
                    or v.type == "Meeting" and m.participants and all(_is_org(k, entities) for k in m.participants)
                    # "… met in X for the bloc's summit, where A handed over to B": the same meeting
                    or v.type == "Meeting" and _meeting_for(doc[m.trigger], doc[v.trigger]) and m.place in {None, v.place}
                )
            ),
            key=lambda v: v.trigger,
            default=None,
        )
        if visit is None:
            _at_trip_place(m, out, doc)
            _summit_of_trip(m, out, doc, entities)
            out.append(m)
            continue
        visit.participants.extend(k for k in m.participants if k not in visit.participants)
        if visit.type == "Visit" and m.date is not None and visit.date is not None and m.date != visit.date and len(m.participants) >= 2:
            m.place = m.place or visit.place
            out.append(m)  # "travel to X, where he will meet Y on Thursday": a meeting of its own day, there
            continue
        visit.date = visit.date or m.date
        if visit.type == "Visit" and visit.agent and m.participants and all(_is_org(k, entities) for k in m.participants):
            # "travel to Kuala Lumpur for the ASEAN summit": the visitor attends the organisation's summit there
            out.append(replace(m, participants=[visit.agent, *m.participants], agent=None,
                               place=m.place or visit.place, date=m.date or visit.date, status=m.status or visit.status))
        elif visit.type == "Visit" and visit.agent in m.participants and len(m.participants) >= 2:
            # "visited Beijing for a forum, where he met X": the trip and the meeting both happened
            out.append(replace(m, participants=list(m.participants), place=m.place or visit.place, date=visit.date))
        elif (
            visit.type == "Visit" and visit.agent and m.participants and all(_is_person(k, entities) for k in m.participants)
            and _purpose_of(doc[m.trigger], doc[visit.trigger])
        ):
            # "will travel to Zenda for talks with X", "fly on to Strelsau to meet X": the visitor meets X there
            out.append(replace(m, participants=[visit.agent, *m.participants], agent=None,
                               place=m.place or visit.place, date=m.date or visit.date, status=m.status or visit.status))
    return out


def _purpose_of(meeting: Token, trip: Token) -> bool:
    """Whether a meeting is what a trip is made for: "travel to X for talks with Y", "fly to X to meet Y"."""
    if meeting.dep_ == "pobj" and meeting.head.lower_ == "for":
        return meeting.head.head.i == trip.i
    return meeting.dep_ in {"xcomp", "advcl"} and meeting.head.i == trip.i and any(c.lower_ == "to" for c in meeting.children)


def _meeting_for(noun, verb) -> bool:
    """Whether a meeting noun is what a meeting verb gathers for: "met … for the annual summit"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.i == verb.i


def _summit_of_trip(m: Mention, earlier: list[Mention], doc: Doc, entities: dict[str, LocalEntity]) -> None:
    """"travel to Ruritania for the bloc's summit in Zenda": the visitor attends the summit, held where it says."""
    if m.type != "Meeting" or not m.participants or not all(_is_org(k, entities) for k in m.participants):
        return
    trip = next((v for v in reversed(earlier) if v.type == "Visit" and v.agent and _purpose_of(doc[m.trigger], doc[v.trigger])), None)
    if trip is not None and trip.agent not in m.participants:
        m.participants.insert(0, trip.agent)


def _at_trip_place(m: Mention, earlier: list[Mention], doc: Doc) -> None:
    """"During his trip to Japan, X met Y", "A and B signed deals during X's visit to C": it happens there."""
    if m.type not in {"Meeting", "Agreement"} or m.place is not None:
        return
    trip = next((v for v in reversed(earlier) if v.type == "Visit" and v.sentence == m.sentence and v.place), None)
    if trip is None:
        return
    # "ending the tour in Lisbon with an audience with X": the trip and the meeting hang on one verb
    same_verb = _same_leg(trip, m, doc)
    if trip.agent in m.participants or doc[m.trigger].is_ancestor(doc[trip.trigger]) or same_verb:
        m.place = trip.place
        m.date = m.date or trip.date
        if same_verb and trip.agent not in m.participants:
            m.participants.insert(0, trip.agent)


def _same_leg(trip: Mention, m: Mention, doc: Doc) -> bool:
    """Whether a meeting hangs on the verb of a trip's leg beside it: "ending the tour in Lisbon with an audience
    with X" (a meeting inside the trip's phrase, "a visit for the summit", is folded into it instead)."""
    return (
        m.type == "Meeting" and trip.type == "Visit" and trip.place is not None and trip.agent is not None
        and trip.sentence == m.sentence and not doc[trip.trigger].is_ancestor(doc[m.trigger])
        and _verb_of(doc[m.trigger]) == _verb_of(doc[trip.trigger]) is not None
    )


def _verb_of(token):
    """The verb whose phrase ``token`` is in: "ending" for "the tour" and "an audience" in "ending the tour … with an audience"."""
    for node in token.ancestors:
        if node.pos_ in {"VERB", "AUX"}:
            return node.i
    return None


def _country_of(key: str | None, entities: dict[str, LocalEntity]) -> str | None:
    if key is None or key not in entities:
        return None
    local = entities[key]
    if local.entity.type == "Country":
        return key
    gaz = local.gaz
    if gaz is not None and gaz.country:
        country = load_gazetteer().country_by_iso2(gaz.country)
        return country.key if country is not None else None
    return None


def _date_compatible(a: DateRange | None, b: DateRange | None) -> bool:
    if a is None or b is None:
        return True
    x, y = a.start, b.start
    return x.startswith(y) or y.startswith(x) or x[-5:] == y[-5:] and "--" in (x[:2], y[:2])


def _place_compatible(a: str | None, b: str | None, entities, within=None) -> bool:
    if a is None or b is None or a == b:
        return True
    within = within or {}
    if within.get(a) == b or within.get(b) == a:
        return True
    return _country_of(a, entities) == b or _country_of(b, entities) == a


def _more_specific_place(a: str | None, b: str | None, entities, kind: str = "Meeting") -> str | None:
    if a is None or b is None:
        return a or b
    # a meeting is placed at its site; a visit at the city it goes to, not each stop in it
    rank = {"Country": 0, "City": 1, "Place": 2 if kind != "Visit" else 1}

    def level(key: str) -> float:
        gaz = entities[key].gaz
        if gaz is not None and dict(gaz.ids).get("iso3166-2"):
            return 0.5  # a state or province ("talks in Zenda state" then "in Zenda City"): wider than a city
        return rank.get(entities[key].entity.type, 0)

    return b if level(b) > level(a) else a


def _compatible(event: Mention, m: Mention, entities, within=None) -> bool:
    if event.type != m.type:
        return False
    if event.agent and m.agent and event.agent != m.agent:
        return False
    if m.participants and event.participants:
        small, big = sorted([set(m.participants), set(event.participants)], key=len)
        if not small <= big:
            return False
    if event.status and m.status and event.status != m.status and (event.date or m.date):
        return False
    return _date_compatible(event.date, m.date) and (
        _place_compatible(event.place, m.place, entities, within) or _same_meeting_at_site(event, m, entities)
    )


def _same_meeting_at_site(event: Mention, m: Mention, entities) -> bool:
    """"X met Y in Quito … The two held talks at the palace": the undated telling is that meeting.

    The text does not say the site is in the city, but the same people (the
    caller checked they agree) meeting where one telling gives no day is the
    one meeting; a headline's "talks in Quito" and the body's palace likewise.
    """
    if event.type != "Meeting" or (m.date is not None and event.date is not None):
        return False
    return {entities[k].entity.type for k in (event.place, m.place)} == {"City", "Place"}


def merge_mentions(mentions: list[Mention], doc_id: str, entities, published, lede=None, within=None) -> list[Event]:
    merged: list[tuple[Mention, list[Span]]] = []
    for m in mentions:
        target = None
        if m.attends:
            target = _gathering(m, [e for e, _ in merged], entities, within)
            if target is not None:
                target.participants.extend(k for k in [m.agent, *m.participants] if k and k not in target.participants)
                evidence = next(ev for e, ev in merged if e is target)
                evidence.append(m.sentence) if m.sentence not in evidence else None
                continue
        if m.participants or m.agent or m.place or m.date:
            target = next((e for e, _ in reversed(merged) if _compatible(e, m, entities, within) and _overlaps(e, m)), None)
            if target is None and m.definite and m.place is not None:
                # "X also attended the Abuja meeting": the first one told at that place, whoever was named there
                anyone = replace(m, participants=[], agent=None)
                target = next((e for e, _ in merged if e.place == m.place and _compatible(e, anyone, entities, within)), None)
        elif m.definite:  # "the meeting", "the visit": the latest one of its kind
            target = next((e for e, _ in reversed(merged) if e.type == m.type), None)
            if target is None:
                continue
        else:
            continue  # "Talks are advancing on …": nobody, nowhere, never
        if target is None:
            if not m.participants and m.type == "Meeting":
                _from_visit_context(m, [e for e, _ in merged], entities)
            if not m.participants and not m.agent and m.next_in_series:
                _next_of_series(m, [e for e, _ in merged], entities)
            _during_visit(m, [e for e, _ in merged])
            _same_occasion(m, [e for e, _ in merged])
            merged.append((m, [m.sentence]))
            continue
        evidence = next(ev for e, ev in merged if e is target)
        if m.sentence not in evidence:
            evidence.append(m.sentence)
        target.agent = target.agent or m.agent
        target.participants.extend(k for k in m.participants if k not in target.participants)
        if (within or {}).get(target.place) != m.place:  # the site is more specific than its city
            target.place = _more_specific_place(target.place, m.place, entities, target.type)
        if target.date is None or (m.date is not None and len(m.date.start) > len(target.date.start)):
            target.date = m.date or target.date
        target.status = target.status or m.status
        target.name = target.name or m.name
    if lede is not None:
        people, date = lede
        for m, _ in merged:
            together = set(m.participants) | ({m.agent} if m.agent else set())
            if m.date is None and m.status != "planned" and len(together) >= 2 and together <= people:
                m.date = date
    return [e for e in (_finish(m, ev, doc_id, published) for m, ev in merged) if e is not None]


def _gathering(m: Mention, earlier: list[Mention], entities, within) -> Mention | None:
    """The gathering an attendee joins: the latest meeting an organisation holds at a compatible time,
    else ("attended the White House talks") the latest compatible meeting."""
    anyone = replace(m, participants=[], agent=None, place=None)
    meetings = [e for e in reversed(earlier) if e.type == "Meeting" and _compatible(e, anyone, entities, within)]
    if m.place is not None:  # "attended the meeting in Abuja": not the next one, planned elsewhere
        there = replace(anyone, place=m.place)
        meetings = [e for e in meetings if _compatible(e, there, entities, within)] or meetings
    summit = next((e for e in meetings if any(
        entities[k].entity.type == "Organization" for k in [*e.participants, e.agent] if k in entities)), None)
    return summit or next(iter(meetings), None)


def _next_of_series(m: Mention, earlier: list[Mention], entities) -> None:
    """"The leaders agreed to hold their next summit in Freetown": the organisation whose meeting was told last holds it."""
    for e in reversed(earlier):
        orgs = [k for k in [e.agent, *e.participants] if k and _is_org(k, entities)]
        if e.type == "Meeting" and orgs:
            m.participants.append(orgs[0])
            return


def _overlaps(event: Mention, m: Mention) -> bool:
    """Mentions with their own participants must share someone with the event."""
    people = set(event.participants) | {event.agent}
    return not m.participants or bool(people & set(m.participants)) or not event.participants


def _from_visit_context(m: Mention, earlier: list[Mention], entities) -> None:
    """A meeting with no named participants during a visit: the visitor and the host."""
    if m.place is None and m.date is None:
        return
    visit = next((e for e in reversed(earlier) if e.type == "Visit" and e.agent), None)
    if visit is None or not 0 <= m.sentence.start - visit.sentence.end <= 60:
        return  # only a meeting told right after the visit belongs to it
    if _other_year(visit.date, m.date):
        return  # "we met in 2019", told after a visit of 2023: another time
    host = _country_of(visit.place, entities)
    if m.place is not None and _country_of(m.place, entities) not in {None, host}:
        return
    m.participants.append(visit.agent)
    m.host = _country_of(visit.place, entities)


def _during_visit(m: Mention, earlier: list[Mention]) -> None:
    """"X arrived in Vilnius on Tuesday. X met Y and Z": talks of the visitor told right after the arrival, with no
    place or date of their own, happened there and then."""
    if m.type not in {"Meeting", "Agreement"} or m.place is not None or m.date is not None:
        return
    visit = next((e for e in reversed(earlier) if e.type == "Visit" and e.agent), None)
    if visit is None or visit.agent not in m.participants or not 0 <= m.sentence.start - visit.sentence.end <= 60:
        return
    if visit.status != m.status:
        return  # a planned trip does not place talks told as done, nor the reverse
    m.place, m.date = visit.place, visit.date


def _same_occasion(m: Mention, earlier: list[Mention]) -> None:
    """"X met Y and Z in Vilnius on Tuesday … The two ministers also signed a declaration": an undated act of people
    who were all at one dated event told before happened there and then."""
    together = set(m.participants) | ({m.agent} if m.agent else set())
    if m.status == "planned" or len(together) < 2:
        return
    if m.date is not None:
        # "The leaders also signed a pact" on the summit's day, with no place: at the summit
        if m.place is None:
            event = next((e for e in reversed(earlier) if e.date == m.date and e.place and e.status != "planned"
                          and len(together & (set(e.participants) | {e.agent})) >= 2), None)
            m.place = event.place if event is not None else None
        return
    event = next((e for e in reversed(earlier) if e.date is not None and e.status != "planned"
                  and together <= set(e.participants) | {e.agent}), None)
    if event is not None:
        m.date, m.place = event.date, m.place or event.place


def _other_year(trip: DateRange | None, date: DateRange | None) -> bool:
    """Whether ``date`` falls in a year the trip does not span (both years known)."""
    if trip is None or date is None or "--" in (trip.start[:2], date.start[:2]):
        return False
    return not trip.start[:4] <= date.start[:4] <= (trip.end or trip.start)[:4]


def after_publication(date: DateRange | None, published: str | None) -> bool:
    """Whether a date lies wholly after the publication date (a year-less date never does)."""
    if date is None or not published or date.start.startswith("--"):
        return False
    n = min(len(date.start), len(published))
    return date.start[:n] > published[:n]


def _finish(m: Mention, evidence: list[Span], doc_id: str, published: str | None) -> Event | None:
    if m.agent and m.agent not in m.participants:
        m.participants.insert(0, m.agent)
    enough = {
        "Visit": m.agent is not None and m.place is not None,
        # one named participant is enough for a meeting pinned down by a place or a date
        "Meeting": len(m.participants) >= 2 or (len(m.participants) == 1 and (m.host or m.place or m.date)),
        "PhoneCall": len(m.participants) >= 2,
        "Agreement": len(m.participants) >= 1,
    }[m.type]
    if not enough or (m.type == "Visit" and m.place == m.agent):
        return None
    status = m.status or ("planned" if after_publication(m.date, published) else "occurred")
    spans = tuple(text_span(doc_id, s) for s in evidence)
    event = Event(
        type=m.type,
        doc_id=doc_id,
        agent=m.agent if m.type in {"Visit", "PhoneCall"} or len(m.participants) == 1 else None,
        participants=tuple(m.participants),
        place=m.place,
        date=m.date.start if m.date else None,
        end_date=m.date.end if m.date else None,
        status=status,
        name=m.name,
        evidence=spans,
    )
    if m.host is not None:  # kg.resolve puts the host country's leader in its place
        event = replace(event, participants=event.participants + (LEADER_OF + m.host,))
    return event
