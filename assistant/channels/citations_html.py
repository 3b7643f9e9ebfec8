"""An answer's citations as HTML (the web chat's sources panel): label, title, sender, the quote
marked within its passage, and a link to the official publication."""

from __future__ import annotations

import html

from assistant.answer_models import Answer, Citation
from ingest.labels import official_link

NO_SOURCES = "<p><em>Geen bronnen bij dit antwoord.</em></p>"
_CONTEXT = 300  # characters of surrounding text shown around a quote


def _highlighted(citation: Citation, chunk_text: str) -> str:
    """The quote marked within its surrounding passage text (HTML-escaped)."""
    start = chunk_text.find(citation.quote)
    if start < 0:
        return f"<mark>{html.escape(citation.quote)}</mark>"
    end = start + len(citation.quote)
    before = chunk_text[max(0, start - _CONTEXT) : start]
    after = chunk_text[end : end + _CONTEXT]
    return (
        ("…" if start > _CONTEXT else "")
        + html.escape(before)
        + f"<mark>{html.escape(citation.quote)}</mark>"
        + html.escape(after)
        + ("…" if end + _CONTEXT < len(chunk_text) else "")
    )


def sources_html(answer: Answer, chunk_texts: dict[str, str], senders: dict[str, str]) -> str:
    """The sources panel: per citation label, title, date, sender, quote in context, link."""
    if not answer.citations:
        return NO_SOURCES
    parts = []
    for citation in answer.citations:
        link = official_link(citation.kamerstuk)
        title = html.escape(citation.title or "")
        sender = html.escape(senders.get(citation.source, ""))
        parts.append(
            f"<div class='bron' data-n='{citation.n}'>"
            f"<h4>[{citation.n}] {html.escape(citation.reference)}</h4>"
            + (f"<p>{title}</p>" if title else "")
            + (f"<p><small>Afzender: {sender}</small></p>" if sender else "")
            + f"<blockquote>{_highlighted(citation, chunk_texts.get(citation.chunk_id, ''))}"
            "</blockquote>"
            + (
                f"<p><a href='{link}' target='_blank' rel='noopener'>Officiële publicatie</a></p>"
                if link
                else ""
            )
            + f"<p><small>Bestand: {html.escape(citation.source)}</small></p></div>"
        )
    return "\n".join(parts)
