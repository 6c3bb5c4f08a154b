"""What the clause around an event trigger says: negated or refused, by phone, attended, in a "where" or "since" clause.

Small predicates over spaCy tokens, used by :mod:`kg.extract.events` to read
a trigger's arguments and to drop events a sentence denies.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .entities import AGREEMENT_NOUNS, entity_at, singular

DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its"}
NOT_EVENT_DATES = {"since", "until", "till", "for", "over", "within", "before", "after", "by"}
# verbs whose object is the guest: "X welcomed Y … for a state visit"
HOST_VERBS = {"welcome", "host", "receive", "invite", "greet"}
# verbs that deny what they govern: "refused to meet", "ruled out a visit", "cancelled the talks"
DENYING_VERBS = {
    "refuse", "decline", "reject", "deny", "rule", "cancel", "scrap", "fail", "avoid", "snub",
    "boycott", "skip", "call off", "abandon", "oppose", "postpone",
}
# verbs that ask for what they govern: "urged X to sign a deal", "called on Y to visit"
URGING_VERBS = {"urge", "press", "push", "demand", "ask", "encourage", "call", "appeal", "challenge"}
# verbs that wish for what another does: "he hoped X would visit Vilnius" tells of no visit, planned or not
# (word forms: the model lemmatises "hoped" as "hop")
WISH_VERBS = {
    "hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished", "wishing", "want", "wants", "wanted", "wanting",
}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# "a meeting … was unlikely": what the event, as subject, is said to be
DOUBT_WORDS = {"unlikely", "impossible", "doubtful", "uncertain", "unclear", "improbable", "premature"}


def has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def shares_subject(verb: Token) -> bool:
    """Whether a subjectless verb takes its subject from the clause above it."""
    if has_subject(verb):
        return False
    if verb.dep_ in {"xcomp", "advcl", "acomp"}:
        return True
    if verb.dep_ == "conj":
        return verb.head.pos_ in {"VERB", "AUX"}
    # "before flying to Doha", "after arriving in Paris"
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in {"VERB", "AUX"}


def in_subject(token: Token) -> bool:
    """Whether a token is (inside) the subject of its clause."""
    for t in [token, *token.ancestors]:
        if t.dep_ in {"nsubj", "nsubjpass"} or t.dep_ == "ROOT" and t.pos_ in {"PROPN", "NOUN"}:
            return True  # a name heading a misparsed sentence is most likely its subject
        if t.dep_ not in {"compound", "appos", "conj", "flat", "poss"}:
            return False
    return False


def not_happening(trigger: Token, head: Token) -> bool:
    """Negated, refused, urged or conditional: an event the text says is not (yet) real.

    "no meeting is planned", "did not visit", "refused to meet", "urged X to sign",
    "if X visits Y": none of these tells of a meeting, a visit or a signing.
    """
    if any(c.dep_ == "neg" for c in (*trigger.children, *head.children)):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in head.children):
        return True
    if trigger.dep_ == "nsubj" and any(c.dep_ == "acomp" and c.lower_ in DOUBT_WORDS for c in trigger.head.children):
        return True
    return any(governed_away(node) for node in {trigger, head})


def governed_away(node: Token) -> bool:
    """Whether ``node`` is what a denying verb denies or an urging verb asks someone to do."""
    governor = node.head
    lemma = governor.lemma_.lower()
    particle = next((c.lower_ for c in governor.children if c.dep_ == "prt"), None)
    if node.dep_ == "nsubjpass" and (lemma in DENYING_VERBS or f"{lemma} {particle}" in DENYING_VERBS):
        return True  # "the trip to Riyadh was cancelled", "talks were called off"
    if node.dep_ not in {"xcomp", "dobj", "ccomp"} or governor.pos_ not in {"VERB", "AUX"}:
        return False
    if lemma in DENYING_VERBS and (lemma != "rule" or any(c.lower_ == "out" for c in governor.children)):
        return True
    if node.dep_ == "ccomp" and governor.lower_ in WISH_VERBS and has_subject(node):
        return True
    return node.dep_ == "xcomp" and lemma in URGING_VERBS and any(c.dep_ == "dobj" for c in governor.children)


def phone_word(call: Token) -> bool:
    """Whether "call" is said to be by phone ("phone call", "video call")."""
    return any(c.lower_ in {"phone", "telephone", "video", "telephonic"} for c in call.lefts)


def by_phone(verb: Token) -> bool:
    """"spoke with X by phone", "talked over the telephone", "spoke on a video call"."""
    return any(
        p.lower_ in {"phone", "telephone", "videolink", "video", "call"} or phone_word(p)
        for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in {"by", "over", "on", "via"}
        for p in prep.children if p.dep_ == "pobj"
    )


def call_in_sentence(verb: Token) -> bool:
    """Whether the sentence of "X spoke with Y" refers to that talk as "the call"."""
    return any(
        t.lemma_.lower() == "call" and t.pos_ == "NOUN" and any(c.lower_ in DEFINITE for c in t.children)
        for t in verb.sent
    )


def next_in_series(trigger: Token) -> bool:
    """"The next summit", "next year's summit", "meet again": the next one of a series of meetings."""
    if trigger.pos_ == "VERB":
        return any(c.dep_ == "advmod" and c.lower_ == "again" for c in trigger.children)
    for child in trigger.children:
        if child.dep_ == "amod" and child.lower_ == "next":
            return True
        if child.dep_ == "poss" and any(c.dep_ == "amod" and c.lower_ == "next" for c in child.children):
            return True
    return False


def in_where_clause(token: Token, trigger: Token) -> bool:
    """Whether ``token`` sits in a "where …" clause said of the trigger noun."""
    clause = next((a for a in token.ancestors if a.dep_ == "relcl" and a.head.i == trigger.i), None)
    return clause is not None and trigger.pos_ == "NOUN" and any(c.lower_ == "where" for c in clause.children)


def in_trailing_participle(token: Token, trigger: Token) -> bool:
    """Whether ``token`` sits in a participle clause that ends the sentence after a "where" clause of the trigger:
    "the summit, where they named X chairman, replacing Y" (the parse hangs "replacing" on the main verb)."""
    where = next((c for c in trigger.children if c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children)), None)
    if where is None or trigger.pos_ != "NOUN":
        return False
    clause = next((a for a in token.ancestors if a.dep_ == "advcl" and a.tag_ == "VBG"), None)
    return clause is not None and clause.i > where.right_edge.i and clause.head.i != where.i and clause.head.is_ancestor(trigger)


def attended(trigger: Token, verb: Token) -> bool:
    """Whether the trigger is what a passive "attended by …" verb is said of."""
    return verb.lemma_.lower() in {"attend", "join"} and trigger.head.i == verb.i and trigger.dep_ == "nsubjpass"


def is_taking_place(verb: Token) -> bool:
    """"take place", "be held", "convene": a verb that says where an event happens."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in {"hold", "convene", "happen", "occur"} and (lemma != "hold" or verb.tag_ == "VBN")


def in_own_clause(token: Token, trigger: Token) -> bool:
    """Whether ``token`` sits in a relative clause with its own subject below the trigger.

    "talks on a pipeline, a project which the company shelved last year": the
    year dates the shelving. "a visit that will take place on Monday" keeps its date.
    """
    for node in token.ancestors:
        if node.i == trigger.i:
            return False
        if node.dep_ == "relcl" and node.lemma_.lower() in HOST_VERBS:
            return False  # "the summit in X, which Y will host from June 15": the hosting is the summit
        if node.dep_ == "relcl" and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WDT", "WP", "WP$"} for c in node.children
        ):
            # below the trigger, or beside it: "the meeting would focus on Congo, where the bloc withdrew
            # its troops earlier this year" (a clause with the trigger in it is the trigger's own)
            return not node.is_ancestor(trigger)
    return False


def closes_relative_clause(ent: Span, trigger: Token) -> bool:
    """Whether a date ends a relative clause that has no comma before the date, the trigger outside it.

    "talks with X, whose country chairs the bloc this year": the parse may hang the year on the talks,
    but a date right after a relative clause belongs to it ("X, who arrived on Monday, …" keeps its comma).
    """
    i = ent.start - 1
    while i >= 0 and ent.doc[i].text in {")", "\"", "”", "’"}:
        i -= 1
    if i < 0 or ent.doc[i].is_punct or i < trigger.i:
        return False
    for node in [ent.doc[i], *ent.doc[i].ancestors]:
        if node.i == trigger.i:
            return False
        if node.dep_ == "relcl":
            return not node.is_ancestor(trigger) and not any(t.i == ent.root.i for t in node.subtree)
    return False


def in_sequence_clause(token: Token, trigger: Token) -> bool:
    """"his first visit since taking office in June": June dates the taking office, not the visit."""
    # "the first trip by a minister since X in 2019": the year dates X's trip, wherever the parse hangs it
    i = token.left_edge.i
    before = token.doc[i - 2] if i >= 2 and token.doc[i - 1].lower_ == "in" else None
    if before is not None and any(
        a.lower_ == "since" and a.dep_ == "prep" and not a.is_ancestor(trigger) for a in before.ancestors
    ):  # ("since the signing of the pact in 2000" dates that signing)
        return True
    for node in token.ancestors:
        if node.i == trigger.i or node.is_ancestor(trigger):
            return False
        if node.dep_ == "pcomp" and node.head.lower_ in NOT_EVENT_DATES:
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in NOT_EVENT_DATES for c in node.children):
            return True  # "the first meeting since A left the bloc in January"
    return False


def agreement_name(token: Token) -> str | None:
    ent = entity_at(token)
    if ent is not None and (ent.label_ in {"LAW", "WORK_OF_ART"} or singular(ent[-1].lower_) in AGREEMENT_NOUNS):
        text = ent.text
        return text[4:] if text.lower().startswith("the ") else text
    return None


# one word of a national title the subject of a sentence may be: "Ruritania's president", "the Ruritanian prime minister"
TITLE_HEADS = {"president", "minister", "premier", "chancellor", "emir", "king", "queen", "sultan"}


def titles_named_next(doc, keys: dict[int, str]) -> list[tuple[Token, Span]]:
    """Offices told first and named in the next sentence: (title, person) pairs.

    "Ruritania's president met her Zendan counterpart in X …" and then "Jane Roe
    and John Doe also agreed …": a lede may give the offices first and the names
    after; the first name there is the subject's, a second one the counterpart's.
    Only for a sentence that opens on a name without a title, and a title that is
    its main clause's subject with nobody named before it ("… and the Ruritanian
    president also spoke to X" refers back to a leader named already).
    """
    pairs = []
    sents = list(doc.sents)
    for sent, after in zip(sents, sents[1:]):
        people = [e for e in after.ents if e.label_ == "PERSON" and e.start in keys]
        if not people or people[0].start != _first_word(after).i:
            continue
        holder = next((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT" and _national_title(t)), None)
        if holder is None or any(t.ent_type_ == "PERSON" for t in [*doc[sent.start : holder.i], *holder.subtree]):
            continue
        pairs.append((holder, people[0]))
        counterpart = next((t for t in sent if t.lemma_.lower() == "counterpart" and t.i > holder.i), None)
        if counterpart is not None and len(people) > 1:
            pairs.append((counterpart, people[1]))
    return pairs


def _first_word(sent: Span) -> Token:
    return next((t for t in sent if not (t.is_space or t.is_punct)), sent[0])


def _national_title(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "minister":
        return any(c.lower_ == "prime" for c in token.children)
    return lemma in TITLE_HEADS and not any(t.lower_.rstrip("-") in {"vice", "deputy", "former", "ex"} for t in token.children)
