"""An answer's citations as plain text (also valid Markdown): the web chat's copy box and the
terminal chat's source list."""

from __future__ import annotations

from assistant.answer_models import Answer
from assistant.channels.direct_answer import answer_layout


def plain_text(answer: Answer) -> str:
    """The answer with its sources as plain text, to paste into a nota; a direct answer is a
    paragraph of its own, before the supporting quotes."""
    text = "\n\n".join(answer_layout(answer).paragraphs)
    lines = [text, ""] if answer.citations else [text]
    lines += [f"[{c.n}] {c.reference}" for c in answer.citations]
    return "\n".join(lines).strip()


def source_list(answer: Answer) -> str:
    """The terminal's block under an answer: a heading and one line per citation with its file;
    empty for a refusal."""
    if answer.refused:
        return ""
    lines = ["", "Bronnen:"]
    lines += [f"  [{c.n}] {c.reference} ({c.source})" for c in answer.citations]
    return "\n".join(lines)
