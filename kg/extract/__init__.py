"""From a parsed spaCy ``Doc`` to plain records (spaCy types stop here)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Document, Extraction
from .entities import doc_entities
from .events import extract_events
from .relations import extract_relations


def extract(doc: Doc, document: Document) -> Extraction:
    """Entities, mentions, events and relations of one document."""
    entities, mentions, token_keys = doc_entities(doc, document.id)
    events = extract_events(doc, document.id, entities, token_keys, document.published)
    relations = extract_relations(doc, document.id, entities, token_keys)
    return Extraction(
        document=document,
        entities=tuple(local.entity for local in entities.values()),
        mentions=tuple(mentions),
        events=tuple(events),
        relations=tuple(relations),
    )
