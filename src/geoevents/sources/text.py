"""Plain text and Markdown files, with optional YAML front matter.

Front matter is a ``---`` fenced YAML block at the very top of the file; its
``title``, ``published`` (or ``date``), ``url``, ``source`` and ``id`` keys fill
the Document's fields. Markdown markup is reduced to plain text (headings,
emphasis, links, images, code fences), so offsets point into readable prose.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from geoevents.errors import InputError
from geoevents.model import Document

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})

_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*$\n?", re.MULTILINE), ""),                  # code fence lines
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),                     # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                   # links -> their text
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),                 # blockquote markers
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE), ""),     # list bullets
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),        # horizontal rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),           # bold
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]+)`"), r"\1"),                               # inline code
)


def split_front_matter(text: str, name: str) -> tuple[dict, str]:
    """(metadata, body); metadata is empty when the file has no front matter."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", 0) + 2
        raise InputError(f"{name}:{line}: malformed YAML front matter") from None
    if not isinstance(meta, dict):
        raise InputError(f"{name}: front matter is not a mapping of keys to values")
    return meta, text[match.end():]


def markdown_to_text(markdown: str) -> str:
    """Readable text from Markdown: markup removed, paragraphs kept."""
    for pattern, replacement in _MD_RULES:
        markdown = pattern.sub(replacement, markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown)


def _first_heading(markdown: str) -> str | None:
    match = re.search(r"^[ \t]{0,3}#[ \t]+(.+?)[ \t]*#*[ \t]*$", markdown, re.MULTILINE)
    return match.group(1) if match else None


def _as_str(value: object) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def document_from_text(text: str, name: str, *, markdown: bool = False, url: str | None = None) -> Document:
    """A Document from a decoded text or Markdown file (fetched from ``url``, if given)."""
    meta, body = split_front_matter(text, name)
    title = _as_str(meta.get("title"))
    if markdown:
        title = title or _first_heading(body)
        body = markdown_to_text(body)
    body = body.strip()
    if not body:
        raise InputError(f"{name}: no text" + (" after the front matter" if meta else ""))
    url = _as_str(meta.get("url")) or url
    doc_id = _as_str(meta.get("id"))
    return Document(
        id=doc_id or Document.content_id(body, title, url), text=body, title=title,
        published=_as_str(meta.get("published", meta.get("date"))), url=url,
        source=_as_str(meta.get("source")),
    )
