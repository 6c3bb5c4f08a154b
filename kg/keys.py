"""Stable keys for entities and documents.

A key is ``"<kind>:<slug>"`` where the slug is an external identifier when the
gazetteer knows one (ISO 3166 alpha-2 for countries, a GeoNames id for cities)
and otherwise a normalised form of the canonical name. Keys never contain
characters that need escaping in an IRI, so ``kg.rdf`` can append them to a
base IRI as they are, and two builds on different days give the same IRIs.

>>> slug("President Vladimir Putin")
'president-vladimir-putin'
>>> slug("Kraków <script>")
'krakow-script'
>>> entity_key("Person", "Vladimir Putin")
'person:vladimir-putin'
>>> document_key("004_acbfd2107952de65")
'004-acbfd2107952de65'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")

#: Prefix of a placeholder participant known only as "the leader of <country key>";
#: :mod:`kg.resolve` replaces it with the leader the corpus names.
LEADER_OF = "leader-of:"


def slug(text: str, limit: int | None = 80) -> str:
    """Lower-case ASCII words joined by hyphens (at most ``limit`` characters); a hash when nothing is left."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = _NON_SLUG.sub("-", folded.lower()).strip("-")
    if not out:
        out = "x" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return out[:limit].rstrip("-") if limit else out


def document_key(doc_id: str) -> str:
    """The slug of a document id for its IRI; a long id keeps a digest of the rest.

    Ids that differ only beyond the 80th character (long URLs of one site) so
    get different keys. Ids that differ only in case, accents or punctuation
    ("Report 1", "report-1") share one: :func:`kg.ingest.read_documents`
    keeps the first of such documents and names the others.
    """
    key = slug(doc_id, limit=None)
    return key if len(key) <= 80 else f"{key[:63].rstrip('-')}-{digest(doc_id)}"


def entity_key(entity_type: str, name: str, external_id: str | None = None) -> str:
    """The key of an entity of ``entity_type`` named ``name``."""
    kind = entity_type.lower()
    return f"{kind}:{slug(external_id) if external_id else slug(name)}"


def digest(*parts: object, length: int = 16) -> str:
    """A short stable hash of ``parts`` (for event and statement ids)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()[:length]
