"""Markdown to plain text: markup stripped, front matter read for the title, date and URL."""

from __future__ import annotations

import re

from .header import _iso_date

_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_INLINE = (
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[\^[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(?:https?|mailto):[^>]+>"), ""),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),
)


def _from_markdown(text: str) -> tuple[str, str | None, str | None, str | None]:
    """``(text, title, published, url)`` from a Markdown file."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta, text = _front_matter(text)
    out: list[str] = []
    headings: list[tuple[int, str, bool]] = []  # (position in out, text, is_h1)
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _TABLE_ROW.match(line) or _LINK_DEF.match(line):
            continue
        if out and out[-1].strip() and _SETEXT.match(line):
            previous = out.pop()
            headings.append((len(out), previous.strip(), line.strip()[0] == "="))
            out += ["", previous, ""]
            continue
        if _RULE.match(line):
            out.append("")
            continue
        line = re.sub(r"^(\s*>)+\s?", "", line)
        match = _ATX.match(line)
        if match:
            content = _markdown_inline(match.group(2)).strip()
            headings.append((len(out), content, match.group(1) == "#"))
            out += ["", content, ""]
            continue
        out.append(_markdown_inline(line))
    h1 = [heading for _, heading, is_h1 in headings if is_h1]
    leading = [heading for at, heading, _ in headings[:1] if not any(x.strip() for x in out[:at])]
    title = meta.get("title") or (h1 or leading or [None])[0]
    published = None
    for key in ("date", "published", "pubdate", "publishdate", "published_at"):
        if meta.get(key) and (published := _iso_date(meta[key])):
            break
    return "\n".join(out), title, published, meta.get("url") or meta.get("link")


def _markdown_inline(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split off YAML (``---``) or TOML (``+++``) front matter; read flat keys."""
    lines = text.split("\n")
    if not lines or lines[0].strip() not in ("---", "+++"):
        return {}, text
    fence = lines[0].strip()
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in (fence, "..."):
            break
    else:
        return {}, text
    meta = {}
    for line in lines[1:end]:
        match = re.match(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*?)\s*$", line)
        if match and match.group(2):
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta.setdefault(match.group(1).lower(), value.strip())
    return meta, "\n".join(lines[end + 1 :])
