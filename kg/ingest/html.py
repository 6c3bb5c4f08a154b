"""The main text, title, date and URL of an HTML page.

trafilatura finds the article's main text and its metadata; when it finds
nothing, a plain-text strip of the page (scripts, navigation and the like
dropped) is the fallback.
"""

from __future__ import annotations

import re

from .header import _iso_date

_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b)|<(?:p|div|br|article|body)\b[^>]*>", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TITLE_META = ("og:title", "twitter:title", "dc.title", "title")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "blockquote", "pre", "hr", "figure", "figcaption",
    "dd", "dt", "main",
)
_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "footer",
    "form", "button", "select", "head",
)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:2000]))


def _from_html(html: str) -> tuple[str, str | None, str | None, str | None]:
    """``(text, title, published, url)`` from an HTML page."""
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that declares an encoding
    html = _NOT_XML.sub("", html)  # nor will it hold control characters in a tree
    meta = _html_meta(html)
    text, title, date = "", None, None
    try:
        import trafilatura

        result = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - third-party parser on arbitrary input
        result = None
    if result is not None:
        text = getattr(result, "text", None) or ""
        title = getattr(result, "title", None)
        date = getattr(result, "date", None)
    if not text.strip():
        text = _html_plain_text(html)
    published = meta.get("published") or (_iso_date(date) if date else None)
    return text, meta.get("title") or title or meta.get("page_title"), published, meta.get("url")


def _html_meta(html: str) -> dict[str, str]:
    try:
        from lxml import html as lxml_html

        root = lxml_html.document_fromstring(html)
    except Exception:  # noqa: BLE001
        return {}
    found: dict[str, str] = {}
    metas = {}
    for element in root.iter("meta"):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if name and content:
            metas.setdefault(name, content)
    for name in _TITLE_META:
        if metas.get(name):
            found["title"] = metas[name]
            break
    titles = [t.text_content().strip() for t in root.iter("title")]
    if titles and titles[0]:
        found["page_title"] = _trim_site_name(titles[0])
    candidates = [metas.get(name) for name in _DATE_META]
    candidates += [t.get("datetime") for t in root.iter("time") if t.get("itemprop") == "datePublished" or t.get("pubdate") is not None]
    candidates += re.findall(r'"datePublished"\s*:\s*"([^"]+)"', html)
    for value in candidates:
        if value and (iso := _iso_date(value)):
            found["published"] = iso
            break
    for element in root.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and element.get("href"):
            found["url"] = element.get("href").strip()
            break
    else:
        if metas.get("og:url"):
            found["url"] = metas["og:url"]
    return found


def _trim_site_name(title: str) -> str:
    """Drop a trailing " | Site Name" (up to four words) from a page title."""
    parts = re.split(r"\s+[|–—-]\s+", title)
    if len(parts) > 1 and len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3:
        return " - ".join(parts[:-1])
    return title


def _html_plain_text(html: str) -> str:
    try:
        from lxml import html as lxml_html

        root = lxml_html.document_fromstring(html)
    except Exception:  # noqa: BLE001
        return re.sub(r"<[^>]+>", " ", html)
    for element in list(root.iter(*_DROP_TAGS)):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        if element.tag in ("li",):
            element.text = "- " + (element.text or "")
    return root.text_content()
