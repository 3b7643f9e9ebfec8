"""An answer with its citations as Slack Block Kit: the answer in mrkdwn sections, then a
context block per citation (reference, shortened quote, link to the official publication)."""

from __future__ import annotations

from typing import Any

from assistant.answer_models import Answer
from ingest.labels import official_link

MAX_BLOCKS = 50  # Slack's limit per message
_SECTION_LIMIT = 2900  # Slack allows 3000 characters in a section text
_CONTEXT_LIMIT = 1900  # and 2000 in a context element
_QUOTE_CHARS = 220


def _escape(text: str) -> str:
    """Slack mrkdwn needs &, < and > escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _split(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at sentence or word boundaries."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind(". ", 0, limit) + 1, text.rfind(" ", 0, limit))
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return pieces + ([text] if text else [])


def answer_blocks(answer: Answer) -> list[dict[str, Any]]:
    """Block Kit: the answer in sections, then a context block per citation."""
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": _escape(part)}}
        for part in _split(answer.answer, _SECTION_LIMIT)
    ]
    for citation in answer.citations:
        quote = (
            citation.quote
            if len(citation.quote) <= _QUOTE_CHARS
            else citation.quote[:_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        )
        text = f"*[{citation.n}] {_escape(citation.reference)}* — “{_escape(quote)}”"
        if link := official_link(citation.kamerstuk):
            text += f" <{link}|officiële publicatie>"
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:_CONTEXT_LIMIT]}]}
        )
    return blocks[:MAX_BLOCKS]
