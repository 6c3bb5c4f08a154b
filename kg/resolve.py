"""One node per real-world entity across the corpus.

Entities the gazetteer knows already share a key in every document (an ISO
code, a GeoNames id). What is left to resolve:

- a person named only by a surname in one document ("Putin") joins the one
  person of the corpus whose full name ends with it ("Vladimir Putin");
- an organisation named by the first words of one other organisation's name
  ("Hanwha", "Hanwha Aerospace") is that organisation;
- a name the model typed differently in two documents gets its most frequent type;
- an unnamed host leader of a meeting ("leader-of:country:ru") becomes the
  person the corpus says leads that country, or is dropped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from itertools import chain

from .keys import LEADER_OF, slug
from .model import Corpus, Entity, Extraction, Relation
from .data import data_lines

_REGNAL_NUMBER = re.compile(r"[IVX]+")
_TYPE_PREFERENCE = ("Organization", "Place", "City", "Person", "Country")


def _person_aliases(entities: list[Entity]) -> dict[str, str]:
    """Map the key of a short person name to the unique longer name ending with it."""
    people = [e for e in entities if e.type == "Person"]
    by_tail: dict[str, set[str]] = defaultdict(set)
    for e in people:
        words = e.label.split()
        for n in range(1, len(words)):  # "Putin", "von der Leyen", "Lula da Silva"
            by_tail[slug(" ".join(words[-n:]))].add(e.key)  # slug folds "Erdoğan" to "erdogan"
        if len(words) > 1 and _REGNAL_NUMBER.fullmatch(words[-1]):
            by_tail[slug(" ".join(words[:-1]))].add(e.key)  # a king's name without his number: "Felipe VI" is "Felipe"
    labels = {e.key: slug(e.label) for e in people}
    out = {}
    for e in people:
        candidates = by_tail.get(slug(e.label), set()) - {e.key}
        # "Tayyip Erdogan" and "Recep Tayyip Erdogan" are one person, not two for "Erdogan" to choose from
        longest = max(candidates, key=lambda k: len(labels[k]), default=None)
        if longest and all(labels[longest].endswith(f"-{labels[k]}") or k == longest for k in candidates):
            out[e.key] = longest
    return out


@lru_cache(maxsize=1)
def _company_descriptors() -> frozenset[str]:
    return frozenset(data_lines("company_descriptors.txt"))


def _organisation_short_names(entities: list[Entity]) -> dict[str, str]:
    """Map the key of an organisation named by the first words of exactly one longer organisation name to it."""
    orgs = {e.key: e for e in entities if e.type == "Organization"}
    words = {k: e.label.split() for k, e in orgs.items()}
    out = {}
    for k, e in orgs.items():
        if e.ids:
            continue  # the gazetteer knows it under this name
        n = len(words[k])
        longer = {o for o in orgs if len(words[o]) > n and words[o][:n] == words[k]}
        if len(longer) == 1:
            (full,) = longer
            # "Hanwha Aerospace" is Hanwha; "Fiat Chrysler" is not Fiat, "United Nations Security Council" not the UN
            if all(w.lower() in _company_descriptors() for w in words[full][n:]):
                out[k] = full
    return out


def _type_votes(entities: list[Entity]) -> dict[str, str]:
    """Map keys of the same name under a less frequent type to the most frequent one."""
    by_name: dict[str, Counter] = defaultdict(Counter)
    for e in entities:
        if not e.ids and e.type != "Person":
            by_name[slug(e.label)][e.key] += 1
    out = {}
    for counts in by_name.values():
        if len(counts) < 2:
            continue
        best = max(counts, key=lambda k: (counts[k], -_TYPE_PREFERENCE.index(_kind(k))))
        out.update({k: best for k in counts if k != best})
    return out


def _kind(key: str) -> str:
    kind = key.split(":", 1)[0]
    return next((t for t in _TYPE_PREFERENCE if t.lower() == kind), "Place")


def _merge(entities: list[Entity], mapping: dict[str, str]) -> dict[str, Entity]:
    """One entity per key; the record whose own key it is gives type and label."""
    merged: dict[str, Entity] = {}
    forms: dict[str, list[str]] = defaultdict(list)
    for e in entities:
        key = mapping.get(e.key, e.key)
        forms[key].extend((e.label, *e.aliases))
        current = merged.get(key)
        if current is None or (e.key == key and (current.key != key or len(e.label) > len(current.label))):
            merged[key] = e
    return {
        key: replace(e, key=key, aliases=tuple(sorted({a for a in forms[key] if a != e.label})))
        for key, e in merged.items()
    }


def _leaders(
    extractions: list[Extraction], mapping: dict[str, str], known: Iterable[Relation] = ()
) -> dict[str, str]:
    """Country key → the one person the corpus (and ``known`` relations) names as its leader."""
    leaders: dict[str, set[str]] = defaultdict(set)
    for r in chain((r for x in extractions for r in x.relations), known):
        if r.predicate == "leaderOf" and r.method == "text":
            leaders[mapping.get(r.object, r.object)].add(mapping.get(r.subject, r.subject))
    return {country: next(iter(people)) for country, people in leaders.items() if len(people) == 1}


def key_mapping(entities: list[Entity]) -> dict[str, str]:
    """Key → the key of the entity it merges into, for every key that does not stay its own."""
    mapping = _person_aliases(entities)
    mapping.update(_organisation_short_names(entities))
    mapping.update(_type_votes(entities))
    return mapping


def resolve(
    extractions: list[Extraction], *, known: Iterable[Entity] = (), known_relations: Iterable[Relation] = ()
) -> Corpus:
    """Merge per-document extractions into one corpus with one node per entity.

    ``known`` entities (e.g. those already in a store) take part in the merge
    and come out in ``Corpus.entities``, so "Putin" in a new document joins a
    known "Vladimir Putin"; ``known_relations`` (``leaderOf`` read from text
    in other documents) help fill leader placeholders. A known key may itself
    merge into a new one (see :func:`key_mapping`); the caller renames it.
    """
    everything = [*known, *(e for x in extractions for e in x.entities)]
    mapping = key_mapping(everything)
    entities = _merge(everything, mapping)
    leaders = _leaders(extractions, mapping, known_relations)

    def key(k: str) -> str | None:
        if k.startswith(LEADER_OF):
            return leaders.get(k[len(LEADER_OF) :])
        return mapping.get(k, k)

    out = []
    for x in extractions:
        events = []
        for ev in x.events:
            participants = tuple(dict.fromkeys(p for p in map(key, ev.participants) if p))
            events.append(replace(ev, agent=key(ev.agent) if ev.agent else None,
                                  participants=participants, place=key(ev.place) if ev.place else None))
        relations = tuple(dict.fromkeys(replace(r, subject=key(r.subject), object=key(r.object)) for r in x.relations))
        mentions = tuple(replace(m, key=key(m.key)) for m in x.mentions)
        local = tuple(entities[k] for k in dict.fromkeys(key(e.key) for e in x.entities))
        out.append(replace(x, entities=local, mentions=mentions, events=tuple(events), relations=relations))
    return Corpus(entities=tuple(sorted(entities.values(), key=lambda e: e.key)), extractions=tuple(out))
