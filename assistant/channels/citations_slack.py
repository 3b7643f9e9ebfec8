"""An answer with its citations as Slack Block Kit: the answer in mrkdwn sections (its direct
answer first, in bold), then a context block per citation (reference, shortened quote, link to
the official publication)."""

from __future__ import annotations

from typing import Any

from assistant.answer_models import Answer
from assistant.channels.direct_answer import answer_layout
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


def _sections(text: str) -> list[dict[str, Any]]:
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": _escape(part)}}
        for part in _split(text, _SECTION_LIMIT)
    ]


def answer_blocks(answer: Answer) -> list[dict[str, Any]]:
    """Block Kit: the answer in sections (a direct answer first, bold in a section of its own),
    then a context block per citation."""
    layout = answer_layout(answer)
    blocks = _sections(layout.preface)
    if layout.direct:
        direct = " ".join(layout.direct.split())[: _SECTION_LIMIT - 2]
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*{_escape(direct)}*"}}
        )
    blocks += _sections(layout.body)
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
